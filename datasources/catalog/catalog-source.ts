/**
 * One store's catalog collection: pages of entries in a catalog order,
 * counts and per-category summaries for a filter.
 */
import type { Document } from 'mongodb';
import { lookupStages, type DocumentJoin, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { StoreConnection, CollectionIndexes } from '../store-connection.js';
import { toCatalogEntry, type CatalogEntry, type CatalogEntryDoc, type CategoryCode } from './catalog-entry.js';
import {
  catalogFilterQuery,
  positionQuery,
  sortSpec,
  type CatalogFilter,
  type CatalogOrder,
  type CatalogPosition,
} from './catalog-query.js';

export const CATALOG_COLLECTION = 'catalog';

/** Indexes of a store's catalog: both sort keys, the filter fields, and the multikey search terms. */
export const CATALOG_INDEXES: CollectionIndexes = {
  collection: CATALOG_COLLECTION,
  indexes: [
    { key: { publishedAt: -1, _id: -1 }, name: 'publishedAt_-1__id_-1' },
    { key: { indexNumber: 1, _id: 1 }, name: 'indexNumber_1__id_1' },
    { key: { organizationId: 1, publishedAt: -1 }, name: 'organizationId_1_publishedAt_-1' },
    { key: { category: 1, publishedAt: -1 }, name: 'category_1_publishedAt_-1' },
    { key: { searchTerms: 1 }, name: 'searchTerms_1' },
  ],
};

/** What one store is asked for: entries strictly between the bounds, `limit` of them, from the start of the order or from its end. */
export interface CatalogPageRequest {
  filter: CatalogFilter;
  order: CatalogOrder;
  after?: CatalogPosition;
  before?: CatalogPosition;
  limit: number;
  /** When true, the entries closest to `before` (the end) are returned, last first. */
  fromEnd: boolean;
  /** Records to read with the page, in the same round trip, into the request's `prefetched` documents. */
  joined?: { joins: readonly DocumentJoin[]; prefetched: PrefetchedDocuments };
}

/** Reads a store's catalog; every call goes through the store's timeout. */
export class CatalogSource {
  constructor(private readonly store: StoreConnection) {}

  /** Entries matching the request, in the order walked (reverse order when `fromEnd`). */
  async page(request: CatalogPageRequest): Promise<CatalogEntry[]> {
    const query = this.boundedQuery(request.filter, request.order, request.after, request.before);
    if (request.joined && request.joined.joins.length > 0) return this.joinedPage(query, request, request.joined);
    const docs = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .find(query, { sort: sortSpec(request.order, request.fromEnd), limit: request.limit, batchSize: Math.max(request.limit, 1), projection: { searchTerms: 0, searchText: 0 } })
        .toArray(),
    );
    return docs.map(toCatalogEntry);
  }

  /** The page as one aggregation that also looks up each entry's records (an entry's `_id` is its record's). */
  private async joinedPage(query: Document, request: CatalogPageRequest, joined: NonNullable<CatalogPageRequest['joined']>): Promise<CatalogEntry[]> {
    const docs = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .aggregate<CatalogEntryDoc>(
          [
            { $match: query },
            { $sort: sortSpec(request.order, request.fromEnd) },
            // $limit takes no 0; a page of none keeps none below.
            { $limit: Math.max(request.limit, 1) },
            { $project: { searchTerms: 0, searchText: 0 } },
            ...lookupStages(joined.joins),
          ],
          { batchSize: Math.max(request.limit, 1) },
        )
        .toArray(),
    );
    return joined.prefetched.absorb(docs.slice(0, request.limit), joined.joins).map(toCatalogEntry);
  }

  /** Whether any entry matches the filter at or beyond `position` on `side` (the position itself included). */
  async hasAny(filter: CatalogFilter, order: CatalogOrder, position: CatalogPosition, side: 'after' | 'before'): Promise<boolean> {
    const beyond = positionQuery(order, position, side);
    const query = { $and: [catalogFilterQuery(filter), { $or: [beyond, { _id: position.id }] }] };
    const found = await this.store.run((db) =>
      db.collection<CatalogEntryDoc>(CATALOG_COLLECTION).find(query, { limit: 1, batchSize: 1, projection: { _id: 1 } }).toArray(),
    );
    return found.length > 0;
  }

  /** Number of entries matching the filter. */
  count(filter: CatalogFilter): Promise<number> {
    return this.store.run((db) => db.collection<CatalogEntryDoc>(CATALOG_COLLECTION).countDocuments(catalogFilterQuery(filter)));
  }

  /** Number of matching entries per category (categories without entries are absent). */
  async countByCategory(filter: CatalogFilter): Promise<Map<CategoryCode, number>> {
    const rows = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .aggregate<{ _id: CategoryCode; count: number }>([
          { $match: catalogFilterQuery(filter) },
          { $group: { _id: '$category', count: { $sum: 1 } } },
        ])
        .toArray(),
    );
    return new Map(rows.map((row) => [row._id, Number(row.count)]));
  }

  /**
   * The first `limit` matching entries of each organization in `order`, by
   * organization id, in one aggregation (organizations without entries are
   * absent); the filter's `organizationIds` says which organizations.
   */
  async firstPerOrganization(filter: CatalogFilter, order: CatalogOrder, limit: number): Promise<Map<string, CatalogEntry[]>> {
    const rows = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .aggregate<{ _id: string; entries: CatalogEntryDoc[] }>([
          { $match: catalogFilterQuery(filter) },
          // Dropped before grouping, so the pushed lists stay small.
          { $project: { searchTerms: 0, searchText: 0 } },
          { $sort: sortSpec(order, false) },
          // $push keeps the order of its input, the catalog order sorted above.
          { $group: { _id: '$organizationId', entries: { $push: '$$ROOT' } } },
          { $project: { entries: { $slice: ['$entries', limit] } } },
        ], { allowDiskUse: true })
        .toArray(),
    );
    return new Map(rows.map((row) => [row._id, row.entries.map(toCatalogEntry)]));
  }

  /** Number of matching entries per organization id, in one aggregation (organizations without entries are absent). */
  async countPerOrganization(filter: CatalogFilter): Promise<Map<string, number>> {
    const rows = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .aggregate<{ _id: string; count: number }>([
          { $match: catalogFilterQuery(filter) },
          { $group: { _id: '$organizationId', count: { $sum: 1 } } },
        ])
        .toArray(),
    );
    return new Map(rows.map((row) => [row._id, Number(row.count)]));
  }

  /** Entries by id, in no particular order; missing ids are absent. */
  async byIds(ids: readonly string[]): Promise<CatalogEntry[]> {
    const docs = await this.store.run((db) =>
      db
        .collection<CatalogEntryDoc>(CATALOG_COLLECTION)
        .find({ _id: { $in: [...ids] } }, { projection: { searchTerms: 0, searchText: 0 }, batchSize: Math.max(ids.length, 1) })
        .toArray(),
    );
    return docs.map(toCatalogEntry);
  }

  private boundedQuery(filter: CatalogFilter, order: CatalogOrder, after?: CatalogPosition, before?: CatalogPosition): Document {
    const and: Document[] = [catalogFilterQuery(filter)];
    if (after) and.push(positionQuery(order, after, 'after'));
    if (before) and.push(positionQuery(order, before, 'before'));
    return and.length === 1 ? and[0]! : { $and: and };
  }
}
