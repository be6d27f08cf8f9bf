/**
 * The catalog across stores. The same filter goes to every store; each
 * returns its first page in the catalog order, and the pages are merged.
 * Entry ids are unique across stores, so (sort value, id) is a total order
 * over all stores: one position is where every store resumes, which keeps
 * paging exact in both directions and stable while records are inserted.
 */
import { SourceUnavailableError } from '../errors.js';
import type { DocumentJoin, PrefetchedDocuments } from '../prefetched-documents.js';
import type { StoreName } from '../store-name.js';
import type { CatalogEntry, CategoryCode, DisclosureKind } from './catalog-entry.js';
import { comparePositions, type CatalogFilter, type CatalogOrder, type CatalogPosition } from './catalog-query.js';
import type { CatalogSource } from './catalog-source.js';

/** A page request over all stores: `first` entries after `after`, or the `last` entries before `before`. */
export interface FederatedPageRequest {
  filter: CatalogFilter;
  order: CatalogOrder;
  after?: CatalogPosition;
  before?: CatalogPosition;
  /** Exactly one of `first` and `last` is set. */
  first?: number;
  last?: number;
  /** Where each store's page puts the records of its entries, read in the same round trip (by the store's `joins`). */
  prefetched?: Partial<Record<StoreName, PrefetchedDocuments>>;
}

/** A merged page, with the stores that did not answer. */
export interface FederatedPage {
  entries: CatalogEntry[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  unavailable: SourceUnavailableError[];
}

/** Results of the stores that answered, and the ones that did not. */
export interface PartialResult<T> {
  value: T;
  unavailable: SourceUnavailableError[];
}

interface CatalogMember {
  store: StoreName;
  kinds: readonly DisclosureKind[];
  catalog: CatalogSource;
  /** The records of this store's kinds, as joins from a catalog entry (whose `_id` is its record's). */
  joins?: readonly DocumentJoin[];
}

/** The position of `entry` in `order`. */
export function entryPosition(order: CatalogOrder, entry: CatalogEntry): CatalogPosition {
  return { value: entry[order.field], id: entry.id };
}

/** Fans catalog reads out to the member stores and merges their answers; a store that fails with SourceUnavailableError is reported, not fatal. */
export class FederatedCatalog {
  constructor(private readonly members: readonly CatalogMember[]) {}

  /** One page of the merged catalog. */
  async page(request: FederatedPageRequest): Promise<FederatedPage> {
    const fromEnd = request.last !== undefined;
    const size = (fromEnd ? request.last : request.first) ?? 0;
    const pages = await this.fanOut(request.filter, (member) => {
      const prefetched = request.prefetched?.[member.store];
      return member.catalog.page({
        filter: request.filter,
        order: request.order,
        after: request.after,
        before: request.before,
        limit: size + 1,
        fromEnd,
        ...(prefetched && member.joins ? { joined: { joins: member.joins, prefetched } } : {}),
      });
    });
    const walk = pages.value.flat().sort((a, b) => {
      const byOrder = comparePositions(request.order, entryPosition(request.order, a), entryPosition(request.order, b));
      return fromEnd ? -byOrder : byOrder;
    });
    const more = walk.length > size;
    const taken = walk.slice(0, size);
    const entries = fromEnd ? taken.reverse() : taken;
    const unavailable = [...pages.unavailable];
    // Whether anything lies beyond the cursor the page started from (the cursor's own entry counts).
    let beyondCursor = false;
    const cursor = fromEnd ? request.before : request.after;
    if (cursor) {
      const probe = await this.fanOut(request.filter, (member) =>
        member.catalog.hasAny(request.filter, request.order, cursor, fromEnd ? 'after' : 'before'),
      );
      beyondCursor = probe.value.some(Boolean);
      unavailable.push(...probe.unavailable.filter((e) => !unavailable.some((u) => u.source === e.source)));
    }
    return {
      entries,
      hasNextPage: fromEnd ? beyondCursor : more,
      hasPreviousPage: fromEnd ? more : beyondCursor,
      unavailable,
    };
  }

  /** Number of entries matching the filter in the stores that answered. */
  async count(filter: CatalogFilter): Promise<PartialResult<number>> {
    const counts = await this.fanOut(filter, (member) => member.catalog.count(filter));
    return { value: counts.value.reduce((sum, n) => sum + n, 0), unavailable: counts.unavailable };
  }

  /** Entries per category in the stores that answered. */
  async countByCategory(filter: CatalogFilter): Promise<PartialResult<Map<CategoryCode, number>>> {
    const maps = await this.fanOut(filter, (member) => member.catalog.countByCategory(filter));
    const total = new Map<CategoryCode, number>();
    for (const map of maps.value) {
      for (const [category, n] of map) total.set(category, (total.get(category) ?? 0) + n);
    }
    return { value: total, unavailable: maps.unavailable };
  }

  /** Each organization's first `limit` entries in `order`, gathered from every store that answered (one list per store and organization, not merged). */
  async firstPerOrganization(filter: CatalogFilter, order: CatalogOrder, limit: number): Promise<PartialResult<Map<string, CatalogEntry[]>[]>> {
    return this.fanOut(filter, (member) => member.catalog.firstPerOrganization(filter, order, limit));
  }

  /** Number of matching entries per organization id, summed over the stores that answered. */
  async countPerOrganization(filter: CatalogFilter): Promise<PartialResult<Map<string, number>>> {
    const maps = await this.fanOut(filter, (member) => member.catalog.countPerOrganization(filter));
    const total = new Map<string, number>();
    for (const map of maps.value) {
      for (const [organizationId, n] of map) total.set(organizationId, (total.get(organizationId) ?? 0) + n);
    }
    return { value: total, unavailable: maps.unavailable };
  }

  private async fanOut<T>(filter: CatalogFilter, read: (member: CatalogMember) => Promise<T>): Promise<PartialResult<T[]>> {
    const asked = this.members.filter((m) => !filter.kinds || m.kinds.some((k) => filter.kinds!.includes(k)));
    const settled = await Promise.allSettled(asked.map(read));
    const value: T[] = [];
    const unavailable: SourceUnavailableError[] = [];
    for (const result of settled) {
      if (result.status === 'fulfilled') value.push(result.value);
      else if (result.reason instanceof SourceUnavailableError) unavailable.push(result.reason);
      else throw result.reason;
    }
    return { value, unavailable };
  }
}
