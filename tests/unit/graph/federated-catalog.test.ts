import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../datasources/catalog/catalog-entry.js';
import { comparePositions, type CatalogOrder, type CatalogPosition } from '../../../datasources/catalog/catalog-query.js';
import type { CatalogPageRequest, CatalogSource } from '../../../datasources/catalog/catalog-source.js';
import { entryPosition, FederatedCatalog } from '../../../datasources/catalog/federated-catalog.js';
import { SourceUnavailableError } from '../../../datasources/errors.js';

const order: CatalogOrder = { field: 'publishedAt', direction: -1 };

function entry(id: string, day: number): CatalogEntry {
  return { id, kind: 'PublishedDocument', title: id, category: 'WORK_NEWS', organizationId: 'o', publishedAt: new Date(Date.UTC(2015, 0, day)), indexNumber: id, channels: [] };
}

/** A store's catalog in memory, answering as the MongoDB one does. */
function memorySource(entries: CatalogEntry[], calls: CatalogPageRequest[] = []): CatalogSource {
  const within = (request: CatalogPageRequest) =>
    entries.filter(
      (e) =>
        (!request.after || comparePositions(request.order, entryPosition(request.order, e), request.after) > 0) &&
        (!request.before || comparePositions(request.order, entryPosition(request.order, e), request.before) < 0),
    );
  return {
    async page(request: CatalogPageRequest) {
      calls.push(request);
      const sorted = within(request).sort((a, b) => comparePositions(request.order, entryPosition(request.order, a), entryPosition(request.order, b)));
      return (request.fromEnd ? sorted.reverse() : sorted).slice(0, request.limit);
    },
    async hasAny(_filter: unknown, o: CatalogOrder, position: CatalogPosition, side: 'after' | 'before') {
      return entries.some((e) => {
        const c = comparePositions(o, entryPosition(o, e), position);
        return side === 'after' ? c >= 0 : c <= 0;
      });
    },
    async count() {
      return entries.length;
    },
  } as unknown as CatalogSource;
}

function downSource(): CatalogSource {
  const fail = async () => {
    throw new SourceUnavailableError('finance', 'connection refused');
  };
  return { page: fail, hasAny: fail, count: fail, countByCategory: fail } as unknown as CatalogSource;
}

const office = Array.from({ length: 10 }, (_, i) => entry(`doc-${i}`, 2 * i + 1));
const personnel = Array.from({ length: 6 }, (_, i) => entry(`appt-${i}`, 3 * i + 2));

describe('the federated catalog', () => {
  it('merges the stores\' first pages and asks each for one more than the page', async () => {
    const calls: CatalogPageRequest[] = [];
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office, calls) },
      { store: 'personnel', kinds: ['Appointment'], catalog: memorySource(personnel, calls) },
    ]);
    const page = await catalog.page({ filter: {}, order, first: 4 });
    expect(page.entries.map((e) => e.id)).toEqual(['doc-9', 'doc-8', 'appt-5', 'doc-7']);
    expect(page.hasNextPage).toBe(true);
    expect(calls.map((c) => c.limit)).toEqual([5, 5]);
  });

  it('pages forward and backward over the merged order without gap or overlap', async () => {
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office) },
      { store: 'personnel', kinds: ['Appointment'], catalog: memorySource(personnel) },
    ]);
    const all = [...office, ...personnel].sort((a, b) => comparePositions(order, entryPosition(order, a), entryPosition(order, b))).map((e) => e.id);
    const forward: string[] = [];
    let after;
    for (;;) {
      const page = await catalog.page({ filter: {}, order, first: 3, after });
      forward.push(...page.entries.map((e) => e.id));
      if (!page.hasNextPage) break;
      after = entryPosition(order, page.entries[page.entries.length - 1]!);
    }
    expect(forward).toEqual(all);
    const backward: string[] = [];
    let before;
    for (;;) {
      const page = await catalog.page({ filter: {}, order, last: 5, before });
      backward.unshift(...page.entries.map((e) => e.id));
      if (!page.hasPreviousPage) break;
      before = entryPosition(order, page.entries[0]!);
    }
    expect(backward).toEqual(all);
  });

  it('a store that fails as unavailable is reported, and the others still answer', async () => {
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office) },
      { store: 'finance', kinds: ['FundAllocation'], catalog: downSource() },
    ]);
    const page = await catalog.page({ filter: {}, order, first: 3 });
    expect(page.entries.map((e) => e.id)).toEqual(['doc-9', 'doc-8', 'doc-7']);
    expect(page.unavailable.map((e) => e.source)).toEqual(['finance']);
    const count = await catalog.count({});
    expect(count).toMatchObject({ value: 10 });
    expect(count.unavailable[0]).toBeInstanceOf(SourceUnavailableError);
  });

  it('does not ask stores that keep none of the kinds asked for', async () => {
    const calls: CatalogPageRequest[] = [];
    const catalog = new FederatedCatalog([
      { store: 'office', kinds: ['PublishedDocument'], catalog: memorySource(office, calls) },
      { store: 'finance', kinds: ['FundAllocation'], catalog: downSource() },
    ]);
    const page = await catalog.page({ filter: { kinds: ['PublishedDocument'] }, order, first: 2 });
    expect(page.unavailable).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
