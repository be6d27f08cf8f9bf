/**
 * The write side of department records, as resolvers use it: push, review,
 * withdrawal, and the reads of submissions and the ledger. Stateless: one
 * per request or one per process, alike.
 */
import type { ChangeFeed } from '../change-feed.js';
import { LedgerReader } from '../ledger/ledger-reader.js';
import type { StoreConnection } from '../store-connection.js';
import type { StoreName } from '../store-name.js';
import type { Actor } from './actor.js';
import { recordKinds } from './kinds.js';
import type { PushDependencies } from './push-dependencies.js';
import { pushRecords, type PushRecordInput, type PushReport } from './push-pipeline.js';
import type { RecordKindRegistry } from './record-kind.js';
import { reviewSubmission, withdrawRecord, type ReviewDecision } from './review.js';
import type { SubmissionDoc } from './submission.js';
import { SubmissionReader } from './submission-reader.js';

/** Push, review, withdrawal and their reads over the given stores. */
export class PushDesk {
  readonly kinds: RecordKindRegistry;
  readonly submissions: SubmissionReader;
  readonly ledger: LedgerReader;
  private readonly deps: PushDependencies;

  constructor(stores: { connections: Record<StoreName, StoreConnection>; changes: ChangeFeed }, kinds: RecordKindRegistry = recordKinds) {
    this.kinds = kinds;
    this.deps = { connections: stores.connections, changes: stores.changes, kinds };
    this.submissions = new SubmissionReader(stores.connections);
    this.ledger = new LedgerReader(stores.connections);
  }

  /** Pushes a batch of one kind (see `pushRecords`). */
  push(actor: Actor, kind: string, records: readonly PushRecordInput[]): Promise<PushReport> {
    return pushRecords(this.deps, actor, kind, records);
  }

  /** Approves or rejects the pending version of a submission (see `reviewSubmission`). */
  review(actor: Actor, submissionId: string, decision: ReviewDecision, options: { version?: unknown; comment?: string | null }): Promise<SubmissionDoc> {
    return reviewSubmission(this.deps, actor, submissionId, decision, options);
  }

  /** Withdraws a record (see `withdrawRecord`). */
  withdraw(actor: Actor, kind: string, organizationId: string, sourceId: string, reason: string): Promise<SubmissionDoc> {
    return withdrawRecord(this.deps, actor, kind, organizationId, sourceId, reason);
  }
}
