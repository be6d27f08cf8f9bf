/**
 * Reads of the ledger (台账) across stores: pages newest first under a
 * filter, counts, entries by id, and every entry of some records (their
 * revisions). The ledger has no update or delete path anywhere in the API.
 */
import type { Document } from 'mongodb';
import type { StoreConnection } from '../store-connection.js';
import { STORE_NAMES, type StoreName } from '../store-name.js';
import { LEDGER_COLLECTION, type LedgerEntryDoc } from './ledger-entry.js';
import { mergeNewestFirst, olderThan, type MergedPage, type TimePosition } from './newest-first.js';

/** Conditions on ledger entries; every present one must hold. */
export interface LedgerFilter {
  /** Entries of any of these organizations (a department sees only its own). */
  organizationIds?: string[];
  recordId?: string;
  principalId?: string;
  /** Inclusive lower and exclusive upper bound of `at`. */
  from?: Date;
  to?: Date;
}

function query(filter: LedgerFilter): Document {
  const and: Document[] = [];
  if (filter.organizationIds) and.push({ organizationId: { $in: filter.organizationIds } });
  if (filter.recordId !== undefined) and.push({ recordId: filter.recordId });
  if (filter.principalId !== undefined) and.push({ principalId: filter.principalId });
  if (filter.from || filter.to) and.push({ at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } });
  return and.length === 0 ? {} : { $and: and };
}

/** The ledger of every store. */
export class LedgerReader {
  constructor(private readonly connections: Record<StoreName, StoreConnection>) {}

  /** The first `first` entries matching `filter` older than `after`, newest first. */
  page(filter: LedgerFilter, first: number, after?: TimePosition): Promise<MergedPage<LedgerEntryDoc>> {
    const match = after ? { $and: [query(filter), olderThan('at', after)] } : query(filter);
    return mergeNewestFirst(
      STORE_NAMES.map((store) => () =>
        this.connections[store].run((db) =>
          db.collection<LedgerEntryDoc>(LEDGER_COLLECTION).find(match, { sort: { at: -1, _id: -1 }, limit: first + 1, batchSize: first + 1 }).toArray(),
        ),
      ),
      (entry) => ({ at: entry.at, id: entry._id }),
      first,
    );
  }

  /** Number of entries matching `filter` in every store (a store that does not answer rejects). */
  async count(filter: LedgerFilter): Promise<number> {
    const counts = await Promise.all(STORE_NAMES.map((store) => this.connections[store].run((db) => db.collection(LEDGER_COLLECTION).countDocuments(query(filter)))));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** Entries with these ids in `store`, in no order. */
  byIds(store: StoreName, ids: readonly string[]): Promise<LedgerEntryDoc[]> {
    return this.connections[store].run((db) => db.collection<LedgerEntryDoc>(LEDGER_COLLECTION).find({ _id: { $in: [...ids] } }, { batchSize: Math.max(ids.length, 1) }).toArray());
  }

  /** Every entry of these live records in `store`, oldest first. */
  ofRecords(store: StoreName, recordIds: readonly string[]): Promise<LedgerEntryDoc[]> {
    return this.connections[store].run((db) =>
      db.collection<LedgerEntryDoc>(LEDGER_COLLECTION).find({ recordId: { $in: [...recordIds] } }, { sort: { at: 1, _id: 1 }, batchSize: 10_000 }).toArray(),
    );
  }
}
