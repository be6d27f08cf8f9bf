/** Reads of submissions across stores: pages newest first under a filter, counts, and submissions by live record id. */
import type { Document } from 'mongodb';
import { mergeNewestFirst, olderThan, type MergedPage, type TimePosition } from '../ledger/newest-first.js';
import type { StoreConnection } from '../store-connection.js';
import { STORE_NAMES, type StoreName } from '../store-name.js';
import { SUBMISSIONS_COLLECTION, type SubmissionDoc, type SubmissionState } from './submission.js';

/** Conditions on submissions; every present one must hold. */
export interface SubmissionFilter {
  states?: SubmissionState[];
  kinds?: string[];
  /** Submissions of any of these organizations (a department sees only its own). */
  organizationIds?: string[];
}

function query(filter: SubmissionFilter): Document {
  const and: Document[] = [];
  if (filter.states) and.push({ state: { $in: filter.states } });
  if (filter.kinds) and.push({ kind: { $in: filter.kinds } });
  if (filter.organizationIds) and.push({ organizationId: { $in: filter.organizationIds } });
  return and.length === 0 ? {} : { $and: and };
}

/** The submissions of every store. */
export class SubmissionReader {
  constructor(private readonly connections: Record<StoreName, StoreConnection>) {}

  /** The first `first` submissions matching `filter` submitted before `after`, latest submission first. */
  page(filter: SubmissionFilter, first: number, after?: TimePosition): Promise<MergedPage<SubmissionDoc>> {
    const match = after ? { $and: [query(filter), olderThan('submittedAt', after)] } : query(filter);
    return mergeNewestFirst(
      STORE_NAMES.map((store) => () =>
        this.connections[store].run((db) =>
          db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION).find(match, { sort: { submittedAt: -1, _id: -1 }, limit: first + 1, batchSize: first + 1 }).toArray(),
        ),
      ),
      (s) => ({ at: s.submittedAt, id: s._id }),
      first,
    );
  }

  /** Number of submissions matching `filter` in every store. */
  async count(filter: SubmissionFilter): Promise<number> {
    const counts = await Promise.all(STORE_NAMES.map((store) => this.connections[store].run((db) => db.collection(SUBMISSIONS_COLLECTION).countDocuments(query(filter)))));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** Submissions whose live record id is one of `recordIds`, in `store`. */
  byRecordIds(store: StoreName, recordIds: readonly string[]): Promise<SubmissionDoc[]> {
    return this.connections[store].run((db) =>
      db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION).find({ recordId: { $in: [...recordIds] } }, { batchSize: Math.max(recordIds.length, 1) }).toArray(),
    );
  }

  /** Submissions with these ids, in `store`. */
  byIds(store: StoreName, ids: readonly string[]): Promise<SubmissionDoc[]> {
    return this.connections[store].run((db) =>
      db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION).find({ _id: { $in: [...ids] } }, { batchSize: Math.max(ids.length, 1) }).toArray(),
    );
  }
}
