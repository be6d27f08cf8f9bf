/** Reads of land requisition and compensation notices in the office store. */
import type { Document } from 'mongodb';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { LandNoticeRecord } from './land-records.js';
import { decimalOf, recordOf } from './stored-records.js';

export const LAND_NOTICES = 'landNotices';

/** Indexes of the land notices: by affected village. */
export const LAND_INDEXES: CollectionIndexes[] = [{ collection: LAND_NOTICES, indexes: [{ key: { affectedVillageIds: 1 }, name: 'affectedVillageIds_1' }] }];

function noticeOf(doc: Document): LandNoticeRecord {
  const notice = recordOf<LandNoticeRecord>(doc);
  return {
    ...notice,
    areaMu: decimalOf(notice.areaMu)!,
    standards: notice.standards.map((s) => ({ ...s, rate: decimalOf(s.rate)! })),
    compensations: notice.compensations.map((c) => ({ ...c, amount: decimalOf(c.amount)! })),
  };
}

/** Land notice reads of the office store. */
export class LandStore {
  constructor(private readonly connection: StoreConnection) {}

  /** Notices with these ids. */
  async noticesByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<LandNoticeRecord[]> {
    return (await findByKeysThrough(this.connection, LAND_NOTICES, ids, { prefetched })).map(noticeOf);
  }

  /** Notices affecting any of these villages. */
  async noticesByVillageIds(villageIds: readonly string[]): Promise<LandNoticeRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, LAND_NOTICES, villageIds, 'affectedVillageIds'))).map(noticeOf);
  }
}
