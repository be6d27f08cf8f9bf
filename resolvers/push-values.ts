/** Data-layer push, submission and ledger values as the GraphQL types expect them (global ids, plain content). */
import { plainContent } from '../datasources/ledger/content-changes.js';
import type { LedgerEntryDoc } from '../datasources/ledger/ledger-entry.js';
import type { PushReport } from '../datasources/push/push-pipeline.js';
import type { SubmissionDoc } from '../datasources/push/submission.js';
import type { LedgerEntry } from '../schema/ledger-entry.type.js';
import type { PushResult } from '../schema/push-result.type.js';
import type { Submission } from '../schema/review-submission.type.js';
import { toGlobalId } from './global-id.js';

/** A submission with what its field resolvers need. */
export type SubmissionValue = Submission & { organizationId: string; source: SubmissionDoc };
/** A push outcome with the live record's kind and id, for its `record` field. */
export type PushOutcomeValue = PushResult['outcomes'][number] & { live: { kind: string; id: string } | null };
/** A ledger entry with the stored entry its `changes` are computed from. */
export type LedgerEntryValue = LedgerEntry & { source: LedgerEntryDoc };

/** The push result of a report. */
export function pushResultOf(report: PushReport): PushResult & { outcomes: PushOutcomeValue[] } {
  return {
    totals: report.totals,
    outcomes: report.outcomes.map((o) => ({
      index: o.index,
      sourceId: o.sourceId,
      version: o.version,
      outcome: o.outcome as PushResult['outcomes'][number]['outcome'],
      recordId: o.recordId ? toGlobalId(o.kind, o.recordId) : null,
      submissionId: o.submissionId ? toGlobalId('Submission', o.submissionId) : null,
      state: o.state as PushResult['outcomes'][number]['state'],
      error: (o.problems[0] ?? null) as PushResult['outcomes'][number]['error'],
      errors: o.problems as PushResult['outcomes'][number]['errors'],
      live: o.recordId ? { kind: o.kind, id: o.recordId } : null,
    })),
  };
}

/** The Submission value of a stored submission. */
export function submissionValue(doc: SubmissionDoc): SubmissionValue {
  return {
    id: toGlobalId('Submission', doc._id),
    kind: doc.kind,
    sourceId: doc.sourceId,
    recordId: toGlobalId(doc.kind, doc.recordId),
    version: doc.version,
    state: doc.state as Submission['state'],
    content: plainContent(doc.content) as Record<string, unknown>,
    submittedAt: doc.submittedAt,
    submittedBy: doc.submittedBy,
    sourceSystem: doc.sourceSystem,
    publishedVersion: doc.publishedVersion,
    publishedAt: doc.publishedAt,
    review: doc.review ? { ...doc.review, decision: doc.review.decision as Submission['state'] } : null,
    withdrawal: doc.withdrawal,
    organizationId: doc.organizationId,
    source: doc,
  };
}

/** The LedgerEntry value of a stored entry. */
export function ledgerEntryValue(doc: LedgerEntryDoc): LedgerEntryValue {
  return {
    id: doc._id,
    at: doc.at,
    action: doc.action as LedgerEntry['action'],
    principalId: doc.principalId,
    role: doc.role,
    sourceSystem: doc.sourceSystem,
    kind: doc.kind,
    organizationId: doc.organizationId,
    sourceId: doc.sourceId,
    recordId: toGlobalId(doc.kind, doc.recordId),
    version: doc.version,
    previousVersion: doc.previousVersion,
    published: doc.published,
    content: doc.content ? (plainContent(doc.content) as Record<string, unknown>) : null,
    comment: doc.comment,
    reason: doc.reason,
    source: doc,
  };
}
