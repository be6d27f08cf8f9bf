/** Reads of the power lists and their items in the office store. */
import type { Document } from 'mongodb';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { PowerListItemFilter, PowerListItemRecord, PowerListRecord } from './power-list-records.js';
import { decimalOf, recordOf } from './stored-records.js';

export const POWER_LISTS = 'powerLists';
export const POWER_LIST_ITEMS = 'powerListItems';

/** Indexes of the power list collections: items by list (in list order), kind and handling organization. */
export const POWER_LIST_INDEXES: CollectionIndexes[] = [
  { collection: POWER_LISTS, indexes: [] },
  {
    collection: POWER_LIST_ITEMS,
    indexes: [
      { key: { listId: 1, sequence: 1 }, name: 'listId_1_sequence_1' },
      { key: { kind: 1 }, name: 'kind_1' },
      { key: { handlingOrganizationId: 1 }, name: 'handlingOrganizationId_1' },
    ],
  },
];

/** The largest number of items one filter reads (a town's lists hold a few hundred at most). */
export const MAX_POWER_LIST_ITEMS = 5_000;

function itemOf(doc: Document): PowerListItemRecord {
  const item = recordOf<PowerListItemRecord>(doc);
  return { ...item, fee: { ...item.fee, amount: decimalOf(item.fee.amount) } };
}

/** The MongoDB filter for `filter`, built from typed values only. */
function itemQuery(filter: PowerListItemFilter): Document {
  const query: Document = {};
  if (filter.kinds) query.kind = { $in: [...filter.kinds] };
  if (filter.handlingOrganizationIds) query.handlingOrganizationId = { $in: [...filter.handlingOrganizationIds] };
  if (filter.delegatedFromDistrict !== undefined) query.delegatedFromDistrict = filter.delegatedFromDistrict === true;
  if (filter.listIds) query.listId = { $in: [...filter.listIds] };
  return query;
}

/** Power list reads of the office store. */
export class PowerListStore {
  constructor(private readonly connection: StoreConnection) {}

  /** Lists with these ids. */
  async listsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PowerListRecord[]> {
    return (await findByKeysThrough(this.connection, POWER_LISTS, ids, { prefetched })).map((doc) => recordOf<PowerListRecord>(doc));
  }

  /** Items with these ids. */
  async itemsByIds(ids: readonly string[]): Promise<PowerListItemRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, POWER_LIST_ITEMS, ids))).map(itemOf);
  }

  /** Items of these lists. */
  async itemsByListIds(listIds: readonly string[]): Promise<PowerListItemRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, POWER_LIST_ITEMS, listIds, 'listId'))).map(itemOf);
  }

  /** Items handled by any of these organizations. */
  async itemsByHandlingOrganizationIds(ids: readonly string[]): Promise<PowerListItemRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, POWER_LIST_ITEMS, ids, 'handlingOrganizationId'))).map(itemOf);
  }

  /** Items matching `filter`, by list and position, at most MAX_POWER_LIST_ITEMS. */
  async items(filter: PowerListItemFilter): Promise<PowerListItemRecord[]> {
    const docs = await this.connection.run((db) =>
      db.collection(POWER_LIST_ITEMS).find(itemQuery(filter), { sort: { listId: 1, sequence: 1 }, limit: MAX_POWER_LIST_ITEMS, batchSize: MAX_POWER_LIST_ITEMS }).toArray(),
    );
    return docs.map(itemOf);
  }
}
