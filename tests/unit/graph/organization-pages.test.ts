/** Batched first pages and counts of organization scopes over in-memory stores, and subtrees of the hierarchy. */
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../datasources/catalog/catalog-entry.js';
import { comparePositions, type CatalogFilter, type CatalogOrder } from '../../../datasources/catalog/catalog-query.js';
import type { CatalogSource } from '../../../datasources/catalog/catalog-source.js';
import { entryPosition, FederatedCatalog } from '../../../datasources/catalog/federated-catalog.js';
import { createOrganizationCountLoader, createOrganizationPageLoader } from '../../../datasources/catalog/organization-pages.js';
import { SourceUnavailableError } from '../../../datasources/errors.js';
import { subtreeIdsOf } from '../../../datasources/office/organization-tree.js';
import type { OrganizationRecord } from '../../../datasources/office/office-records.js';

const order: CatalogOrder = { field: 'publishedAt', direction: -1 };

function entry(id: string, organizationId: string, day: number): CatalogEntry {
  return { id, kind: 'PublishedDocument', title: id, category: 'WORK_NEWS', organizationId, publishedAt: new Date(Date.UTC(2015, 0, day)), indexNumber: id, channels: [] };
}

/** A store's catalog in memory, answering the per-organization reads as the MongoDB one does, and counting them. */
function memorySource(entries: CatalogEntry[], calls: string[], fail = false): CatalogSource {
  const matching = (filter: CatalogFilter) => entries.filter((e) => !filter.organizationIds || filter.organizationIds.includes(e.organizationId));
  return {
    async firstPerOrganization(filter: CatalogFilter, o: CatalogOrder, limit: number) {
      calls.push('page');
      if (fail) throw new SourceUnavailableError('finance', 'down');
      const lists = new Map<string, CatalogEntry[]>();
      const sorted = matching(filter).sort((a, b) => comparePositions(o, entryPosition(o, a), entryPosition(o, b)));
      for (const e of sorted) (lists.get(e.organizationId) ?? lists.set(e.organizationId, []).get(e.organizationId)!).push(e);
      return new Map([...lists].map(([id, list]) => [id, list.slice(0, limit)]));
    },
    async countPerOrganization(filter: CatalogFilter) {
      calls.push('count');
      const counts = new Map<string, number>();
      for (const e of matching(filter)) counts.set(e.organizationId, (counts.get(e.organizationId) ?? 0) + 1);
      return counts;
    },
  } as unknown as CatalogSource;
}

const office = [entry('d1', 'a', 1), entry('d2', 'b', 5), entry('d3', 'b', 3), entry('d4', 'c', 4), entry('d5', 'a', 9)];
const procurement = [entry('p1', 'a', 2), entry('p2', 'c', 8), entry('p3', 'b', 5)];

describe('first pages of organization scopes', () => {
  it('reads once per store for all scopes and cuts each page as a merge of the whole scope would', async () => {
    const calls: string[] = [];
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office, calls) },
      { store: 'procurement', kinds: ['Procurement'], catalog: memorySource(procurement, calls) },
    ]);
    const pages = createOrganizationPageLoader(catalog);
    const scopes = [['a'], ['b', 'c'], ['a', 'b', 'c'], ['none']];
    const results = await Promise.all(scopes.map((ids) => pages.load({ filter: { organizationIds: ids }, order, first: 2 })));
    expect(calls).toEqual(['page', 'page']);
    results.forEach((page, i) => {
      const all = [...office, ...procurement]
        .filter((e) => scopes[i]!.includes(e.organizationId))
        .sort((a, b) => comparePositions(order, entryPosition(order, a), entryPosition(order, b)));
      expect(page.entries.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
      expect(page.hasNextPage).toBe(all.length > 2);
      expect(page.hasPreviousPage).toBe(false);
    });
    const counts = createOrganizationCountLoader(catalog);
    const totals = await Promise.all(scopes.map((ids) => counts.load({ organizationIds: ids })));
    expect(totals.map((t) => t.value)).toEqual([3, 5, 8, 0]);
    expect(calls).toEqual(['page', 'page', 'count', 'count']);
  });

  it('serves the stores that answered and names the one that did not on every page', async () => {
    const calls: string[] = [];
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office, calls) },
      { store: 'finance', kinds: ['FundAllocation'], catalog: memorySource([], calls, true) },
    ]);
    const pages = createOrganizationPageLoader(catalog);
    const [a, b] = await Promise.all([['a'], ['b']].map((ids) => pages.load({ filter: { organizationIds: ids }, order, first: 5 })));
    expect(a!.entries.map((e) => e.id)).toEqual(['d5', 'd1']);
    expect(b!.entries.map((e) => e.id)).toEqual(['d2', 'd3']);
    for (const page of [a!, b!]) expect(page.unavailable.map((e) => e.source)).toEqual(['finance']);
  });
});

describe('subtrees of the hierarchy', () => {
  it('covers each root and everything below it, and an unknown root covers itself', () => {
    const org = (id: string, parentId: string | null) => ({ id, parentId }) as OrganizationRecord;
    const all = [org('town', null), org('dept', 'town'), org('village', 'town'), org('team', 'dept')];
    expect(subtreeIdsOf(all, ['town', 'dept', 'team', 'gone'])).toEqual([['town', 'dept', 'village', 'team'], ['dept', 'team'], ['team'], ['gone']]);
  });
});
