/**
 * The neighbours of portal items in their column (newer: 上一篇, older:
 * 下一篇), for many items at once. Items of one column asked for together
 * (a list page) cost three catalog reads: the entries between the newest
 * and the oldest item asked for, and one beyond each end; the neighbours of
 * every item are read off that run.
 */
import DataLoader from 'dataloader';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import { comparePositions, type CatalogFilter, type CatalogOrder, type CatalogPosition } from '../catalog/catalog-query.js';
import type { CatalogSource } from '../catalog/catalog-source.js';
import type { PortalColumnCode } from './portal-records.js';

/** An item whose neighbours are asked for: its column and catalog position, and the instant up to which entries are public. */
export interface NeighbourRequest {
  id: string;
  column: PortalColumnCode;
  publishedAt: Date;
  visibleAt: Date;
}

/** The ids of the next newer and the next older published item of the same column. */
export interface Neighbours {
  newer: string | null;
  older: string | null;
}

/** Newest first, as the column's list page. */
const NEWEST_FIRST: CatalogOrder = { field: 'publishedAt', direction: -1 };

/** Most entries read between the items of one batch; items spread wider are looked up one by one. */
const MAX_RUN = 2_000;

const position = (r: { id: string; publishedAt: Date }): CatalogPosition => ({ value: r.publishedAt, id: r.id });

async function neighboursInColumn(catalog: CatalogSource, requests: readonly NeighbourRequest[]): Promise<Neighbours[]> {
  const { column, visibleAt } = requests[0]!;
  const filter: CatalogFilter = { categories: [column], kinds: ['PortalArticle'], visibleAt };
  const sorted = [...new Map(requests.map((r) => [r.id, r])).values()].sort((a, b) => comparePositions(NEWEST_FIRST, position(a), position(b)));
  const top = position(sorted[0]!);
  const bottom = position(sorted[sorted.length - 1]!);
  const [newerThanTop, between, olderThanBottom] = await Promise.all([
    catalog.page({ filter, order: NEWEST_FIRST, before: top, limit: 1, fromEnd: true }),
    sorted.length > 1 ? catalog.page({ filter, order: NEWEST_FIRST, after: top, before: bottom, limit: MAX_RUN + 1, fromEnd: false }) : Promise.resolve<CatalogEntry[]>([]),
    catalog.page({ filter, order: NEWEST_FIRST, after: bottom, limit: 1, fromEnd: false }),
  ]);
  if (between.length > MAX_RUN) return Promise.all(requests.map((r) => neighboursInColumn(catalog, [r]).then(([n]) => n!)));
  const run = [...newerThanTop.map((e) => e.id), top.id, ...between.map((e) => e.id), ...(sorted.length > 1 ? [bottom.id] : []), ...olderThanBottom.map((e) => e.id)];
  return requests.map((r) => {
    const i = run.indexOf(r.id);
    return { newer: run[i - 1] ?? null, older: run[i + 1] ?? null };
  });
}

/** A per-request loader of neighbours: items of the same column and visibility share their reads. */
export function createPortalNeighbourLoader(catalog: CatalogSource): DataLoader<NeighbourRequest, Neighbours, string> {
  return new DataLoader(
    async (requests) => {
      const groups = new Map<string, number[]>();
      requests.forEach((r, i) => {
        const key = `${r.column}\u0000${r.visibleAt.toISOString()}`;
        (groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
      });
      const answers = new Array<Neighbours>(requests.length);
      await Promise.all(
        [...groups.values()].map(async (indices) => {
          const found = await neighboursInColumn(catalog, indices.map((i) => requests[i]!));
          indices.forEach((i, k) => (answers[i] = found[k]!));
        }),
      );
      return answers;
    },
    { cacheKeyFn: (r) => `${r.id}\u0000${r.visibleAt.toISOString()}` },
  );
}
