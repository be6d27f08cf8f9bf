/**
 * First pages and counts of many organization scopes at once. Requests that
 * differ only in their organizations are answered by one aggregation per
 * store over the union of their scopes: the first `first + 1` entries of
 * each organization, then, per scope, the merge of its organizations' lists
 * (the top N of a union lies within the union of each part's top N).
 */
import DataLoader from 'dataloader';
import type { CatalogEntry } from './catalog-entry.js';
import { comparePositions, type CatalogFilter, type CatalogOrder } from './catalog-query.js';
import { entryPosition, type FederatedCatalog, type FederatedPage, type PartialResult } from './federated-catalog.js';

/** A first page (no cursor) of the entries of `filter.organizationIds`. */
export interface OrganizationPageRequest {
  /** Its `organizationIds` is the scope; every other condition is shared by the requests batched together. */
  filter: CatalogFilter & { organizationIds: string[] };
  order: CatalogOrder;
  first: number;
}

/** A first page, with the entries of every page read in the same batch. */
export interface OrganizationPage extends FederatedPage {
  /** The entries of all pages of the batch (this one's included): waiting for their records lets the batch's pages finish together, so their next links batch too. */
  batchEntries: CatalogEntry[];
}

/** The key of everything but the scope: requests with the same key share their store reads. */
function sharedKey(filter: CatalogFilter, extra: unknown): string {
  const { organizationIds: _scope, ...rest } = filter;
  return JSON.stringify([rest, extra]);
}

/** The indices of `items` grouped by `key`, in first-seen order. */
function groupIndices<T>(items: readonly T[], key: (item: T) => string): number[][] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(i));
  return [...groups.values()];
}

/** The organization ids of all the filters, each once. */
function unionOfScopes(filters: readonly CatalogFilter[]): string[] {
  return [...new Set(filters.flatMap((filter) => filter.organizationIds ?? []))];
}

/** The first page of one scope from per-store, per-organization lists that each hold at least `first + 1` entries or all of theirs. */
function mergePage(request: OrganizationPageRequest, lists: readonly Map<string, CatalogEntry[]>[], unavailable: FederatedPage['unavailable']): FederatedPage {
  const { order, first } = request;
  const walk = [...new Set(request.filter.organizationIds)]
    .flatMap((id) => lists.flatMap((list) => list.get(id) ?? []))
    .sort((a, b) => comparePositions(order, entryPosition(order, a), entryPosition(order, b)));
  return { entries: walk.slice(0, first), hasNextPage: walk.length > first, hasPreviousPage: false, unavailable: [...unavailable] };
}

/** A per-request loader of first pages: requests that differ only in scope cost one aggregation per store together. */
export function createOrganizationPageLoader(catalog: FederatedCatalog): DataLoader<OrganizationPageRequest, OrganizationPage, string> {
  return new DataLoader(
    async (requests) => {
      const pages: OrganizationPage[] = new Array<OrganizationPage>(requests.length);
      const batchEntries = new Map<string, CatalogEntry>();
      const groups = groupIndices(requests, (r) => sharedKey(r.filter, [r.order, r.first]));
      await Promise.all(
        groups.map(async (indices) => {
          const { filter, order, first } = requests[indices[0]!]!;
          const union = { ...filter, organizationIds: unionOfScopes(indices.map((i) => requests[i]!.filter)) };
          const lists = await catalog.firstPerOrganization(union, order, first + 1);
          for (const i of indices) {
            const page = mergePage(requests[i]!, lists.value, lists.unavailable);
            for (const entry of page.entries) batchEntries.set(entry.id, entry);
            pages[i] = { ...page, batchEntries: [] };
          }
        }),
      );
      const all = [...batchEntries.values()];
      return pages.map((page) => ({ ...page, batchEntries: all }));
    },
    { cacheKeyFn: (r) => JSON.stringify([r.filter, r.order, r.first]) },
  );
}

/** A per-request loader of counts for filters with a scope: filters that differ only in scope cost one grouped count per store together. */
export function createOrganizationCountLoader(catalog: FederatedCatalog): DataLoader<CatalogFilter & { organizationIds: string[] }, PartialResult<number>, string> {
  return new DataLoader(
    async (filters) => {
      const counts: PartialResult<number>[] = new Array<PartialResult<number>>(filters.length);
      await Promise.all(
        groupIndices(filters, (f) => sharedKey(f, null)).map(async (indices) => {
          const union = { ...filters[indices[0]!]!, organizationIds: unionOfScopes(indices.map((i) => filters[i]!)) };
          const perOrganization = await catalog.countPerOrganization(union);
          for (const i of indices) {
            const value = [...new Set(filters[i]!.organizationIds)].reduce((sum, id) => sum + (perOrganization.value.get(id) ?? 0), 0);
            counts[i] = { value, unavailable: [...perOrganization.unavailable] };
          }
        }),
      );
      return counts;
    },
    { cacheKeyFn: (f) => JSON.stringify(f) },
  );
}
