/** Reads of broadcasts, reading points and deliveries in the office store. */
import type { Document } from 'mongodb';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { BroadcastChannel, BroadcastRecord, BroadcastTotal, DeliveryRecord, ReadingPointRecord } from './broadcast-records.js';
import { recordOf } from './stored-records.js';

export const BROADCASTS = 'broadcasts';
export const READING_POINTS = 'readingPoints';
export const DELIVERIES = 'deliveries';

/** Indexes: broadcasts by channel and time (totals), deliveries by reading point. */
export const BROADCAST_INDEXES: CollectionIndexes[] = [
  { collection: BROADCASTS, indexes: [{ key: { channel: 1, sentAt: 1 }, name: 'channel_1_sentAt_1' }] },
  { collection: READING_POINTS, indexes: [] },
  { collection: DELIVERIES, indexes: [{ key: { readingPointId: 1, deliveredOn: 1 }, name: 'readingPointId_1_deliveredOn_1' }] },
];

/** Which broadcasts a total counts: sent in [from, to) and no later than `visibleAt` (a scheduled one is not public yet). */
export interface BroadcastTotalFilter {
  channels?: BroadcastChannel[];
  from?: Date;
  to?: Date;
  visibleAt: Date;
}

/** Broadcast and reading point reads of the office store. */
export class BroadcastStore {
  constructor(private readonly connection: StoreConnection) {}

  /** Broadcasts with these ids. */
  async broadcastsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<BroadcastRecord[]> {
    return (await findByKeysThrough(this.connection, BROADCASTS, ids, { prefetched })).map((doc) => recordOf<BroadcastRecord>(doc));
  }

  /** Broadcasts and messages per channel, summed in the store (one aggregation); channels without broadcasts are absent. */
  async totals(filter: BroadcastTotalFilter): Promise<BroadcastTotal[]> {
    const sentAt: Document = { $lte: filter.visibleAt };
    if (filter.from) sentAt.$gte = filter.from;
    if (filter.to) sentAt.$lt = filter.to;
    const match: Document = { sentAt };
    if (filter.channels) match.channel = { $in: [...filter.channels] };
    const rows = await this.connection.run((db) =>
      db
        .collection(BROADCASTS)
        .aggregate<{ _id: BroadcastChannel; broadcasts: number; messages: number }>([
          { $match: match },
          { $group: { _id: '$channel', broadcasts: { $sum: 1 }, messages: { $sum: '$messageCount' } } },
          { $sort: { _id: 1 } },
        ])
        .toArray(),
    );
    return rows.map((row) => ({ channel: row._id, broadcasts: Number(row.broadcasts), messages: Number(row.messages) }));
  }

  /** Every reading point, by name (a town has a handful). */
  async readingPoints(): Promise<ReadingPointRecord[]> {
    const docs = await this.connection.run((db) => db.collection(READING_POINTS).find({}, { sort: { name: 1, _id: 1 } }).toArray());
    return docs.map((doc) => recordOf<ReadingPointRecord>(doc));
  }

  /** Reading points with these ids. */
  async readingPointsByIds(ids: readonly string[]): Promise<ReadingPointRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, READING_POINTS, ids))).map((doc) => recordOf<ReadingPointRecord>(doc));
  }

  /** Deliveries with these ids. */
  async deliveriesByIds(ids: readonly string[]): Promise<DeliveryRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, DELIVERIES, ids))).map((doc) => recordOf<DeliveryRecord>(doc));
  }

  /** Deliveries to any of these reading points. */
  async deliveriesByReadingPointIds(ids: readonly string[]): Promise<DeliveryRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, DELIVERIES, ids, 'readingPointId'))).map((doc) => recordOf<DeliveryRecord>(doc));
  }
}
