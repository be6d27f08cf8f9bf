/**
 * No N+1: a page of the catalog that asks for every cross-link (organization
 * and its parent, statement items, awards with suppliers, appointment person
 * and post) costs the same number of store commands for 5, 50 or 200 records:
 * one per store (its catalog page with its records joined) and one for the
 * organizations with their parents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCommandEvent } from '../../../datasources/index.js';
import { CatalogWithLinksDocument, OrganizationsWithRecordsDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const commands: StoreCommandEvent[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, onCommand: (event) => commands.push(event) });
});

afterAll(async () => {
  await gateway?.stop();
});

async function commandsFor(first: number): Promise<{ count: number; byStore: Record<string, string[]>; kinds: Set<string> }> {
  commands.length = 0;
  const result = await gateway.graphql(CatalogWithLinksDocument, { first });
  expect(result.errors).toBeUndefined();
  const edges = result.data!.disclosures.edges;
  expect(edges).toHaveLength(first);
  for (const edge of edges) {
    expect(edge.node.organization?.parent).not.toBeNull();
    if (edge.node.__typename === 'Appointment') expect(edge.node.person?.name).toBeTruthy();
    if (edge.node.__typename === 'Procurement') expect(edge.node.awards[0]!.suppliers.length).toBeGreaterThan(0);
    if (edge.node.__typename === 'ThreePublicExpenseStatement') expect(edge.node.items).toHaveLength(4);
  }
  const byStore: Record<string, string[]> = {};
  for (const event of commands) (byStore[event.store] ??= []).push(event.commandName);
  return { count: commands.length, byStore, kinds: new Set(edges.map((e) => e.node.__typename)) };
}

describe('store round trips per page', () => {
  it('are the same for pages of 5, 50 and 200 records whatever kinds are on the page: one read per store and one for organizations', async () => {
    await commandsFor(5); // warm-up: connections and indexes are in place before counting
    const five = await commandsFor(5);
    const fifty = await commandsFor(50);
    const twoHundred = await commandsFor(200);
    for (const page of [five, fifty, twoHundred]) {
      for (const kind of ['Appointment', 'ThreePublicExpenseStatement', 'FundAllocation', 'Procurement', 'PortalArticle']) expect(page.kinds).toContain(kind);
      // Each store's page brings its records and their links along; organizations bring their parents.
      expect(page.byStore).toEqual({ finance: ['aggregate'], procurement: ['aggregate'], personnel: ['aggregate'], office: ['aggregate', 'aggregate'] });
    }
    // The office kinds of issue 7 are on the large page too, at no extra round trip.
    expect(twoHundred.kinds.size).toBeGreaterThan(five.kinds.size);
    expect(twoHundred.count).toBe(five.count);
    expect(five.count).toBeLessThanOrEqual(6);
  });

  it('are the same for 8 or all 19 organizations with their records in every store', async () => {
    const count = async (last: number) => {
      commands.length = 0;
      const result = await gateway.graphql(OrganizationsWithRecordsDocument, { last });
      expect(result.errors).toBeUndefined();
      const organizations = result.data!.organizations.edges.map((e) => e.node);
      expect(organizations).toHaveLength(last);
      // Every kind of link has records in the page, so every loader is exercised at both sizes.
      expect(organizations.some((o) => o.appointments.totalCount! > 0)).toBe(true);
      expect(organizations.some((o) => o.threePublicExpenseStatements.totalCount! > 0)).toBe(true);
      expect(organizations.some((o) => o.fundAllocations.totalCount! > 0)).toBe(true);
      expect(organizations.some((o) => o.procurements.totalCount! > 0)).toBe(true);
      return commands.map((c) => `${c.store}.${c.commandName}`).sort();
    };
    await count(8);
    const few = await count(8);
    const all = await count(19);
    expect(all).toEqual(few);
  });
});
