/** Reads of portal column items in the office store. */
import { findByKeysThrough, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { PortalArticleRecord } from './portal-records.js';
import { recordOf } from './stored-records.js';

export const PORTAL_ARTICLES = 'portalArticles';

/** Portal items are listed through the catalog (by category); they are read here by id only. */
export const PORTAL_INDEXES: CollectionIndexes[] = [{ collection: PORTAL_ARTICLES, indexes: [] }];

/** Portal reads of the office store. */
export class PortalStore {
  constructor(private readonly connection: StoreConnection) {}

  /** Items with these ids. */
  async articlesByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PortalArticleRecord[]> {
    return (await findByKeysThrough(this.connection, PORTAL_ARTICLES, ids, { prefetched })).map((doc) => recordOf<PortalArticleRecord>(doc));
  }
}
