/**
 * `Organization.disclosures` under a list of organizations: its first pages
 * are read for all organizations together, and each page, its total and its
 * cursors are exactly those of the top-level catalog filtered to that
 * organization and everything below it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreCommandEvent } from '../../../datasources/index.js';
import { CatalogPageDocument, OrganizationsWithDisclosurePagesDocument, OrganizationsWithFirstDisclosuresDocument } from '../../generated/graphql.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

let gateway: TestGateway;
const commands: StoreCommandEvent[] = [];

beforeAll(async () => {
  gateway = await startTestGateway({ seed: true, onCommand: (event) => commands.push(event) });
});

afterAll(async () => {
  await gateway?.stop();
});

describe('Organization.disclosures under a list of organizations', () => {
  it.each([1, 3, 10])('matches the top-level catalog filtered to each organization and its subtree, first %i', async (pageSize) => {
    const nested = await gateway.graphql(OrganizationsWithDisclosurePagesDocument, { pageSize });
    expect(nested.errors).toBeUndefined();
    const organizations = nested.data!.organizations.edges.map((e) => e.node);
    expect(organizations.length).toBeGreaterThan(10);
    // Both an organization without records and one with more than a page are among them.
    expect(organizations.some((o) => o.disclosures.totalCount === 0)).toBe(true);
    expect(organizations.some((o) => o.disclosures.pageInfo.hasNextPage)).toBe(true);
    for (const organization of organizations) {
      const alone = await gateway.graphql(CatalogPageDocument, { first: pageSize, filter: { organizationId: organization.id, includeSubOrganizations: true } });
      expect(alone.errors).toBeUndefined();
      const expected = alone.data!.disclosures;
      const actual = organization.disclosures;
      expect({ name: organization.name, totalCount: actual.totalCount, pageInfo: actual.pageInfo }).toEqual({
        name: organization.name,
        totalCount: expected.totalCount,
        pageInfo: expected.pageInfo,
      });
      expect(actual.edges.map((e) => [e.cursor, e.node.id, e.node.title, e.node.publishedAt])).toEqual(
        expected.edges.map((e) => [e.cursor, e.node.id, e.node.title, e.node.publishedAt]),
      );
    }
  });

  it('costs the same store commands for 2, 8 and all 19 organizations', async () => {
    const count = async (last: number) => {
      commands.length = 0;
      const result = await gateway.graphql(OrganizationsWithFirstDisclosuresDocument, { last });
      expect(result.errors).toBeUndefined();
      const organizations = result.data!.organizations.edges.map((e) => e.node);
      expect(organizations).toHaveLength(last);
      const edges = organizations.flatMap((o) => o.disclosures.edges);
      for (const edge of edges) expect(edge.node.organization?.name).toBeTruthy();
      // The last two by name are the district and the town, whose pages hold every kind: every record loader runs at every size.
      const kinds = new Set(edges.map((e) => e.node.__typename as string));
      for (const kind of ['Appointment', 'ThreePublicExpenseStatement', 'FundAllocation', 'Procurement', 'PortalArticle']) expect(kinds).toContain(kind);
      return { commands: commands.map((c) => `${c.store}.${c.commandName}`).sort(), kinds: kinds.size };
    };
    await count(2); // warm-up: connections and indexes are in place before counting
    const two = await count(2);
    const eight = await count(8);
    const all = await count(19);
    // More organizations bring more kinds of record (the office kinds of issue 7): one $in each, the rest is fixed.
    expect(eight.commands.length - eight.kinds).toBe(two.commands.length - two.kinds);
    expect(all.commands.length - all.kinds).toBe(two.commands.length - two.kinds);
    // Per store one page and one count; one read of the hierarchy, one of the organization list, one $in per record type and for the organizations.
    expect(two.commands.length).toBeLessThanOrEqual(17);
  });
});
