/**
 * Submissions: one document per pushed record (kind, organization, source
 * id) in the store of its kind, holding the latest version pushed, its
 * review state, what is public, and the effect of the last change still to
 * be carried out. Live collections hold only published content; everything
 * unreviewed lives here.
 */
import type { Document } from 'mongodb';
import type { LedgerEntryDoc } from '../ledger/ledger-entry.js';
import type { CollectionIndexes } from '../store-connection.js';
import type { VersionType } from './source-version.js';

export const SUBMISSIONS_COLLECTION = 'submissions';

/** Review states (审核状态) of a submission's latest version. */
export const SUBMISSION_STATES = ['PENDING_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/**
 * The effect of the submission's last change: the ledger entry to write and
 * what to do to the live collections. Written with `applied: false` in the
 * same single-document update as the change itself, carried out after it,
 * then marked `applied: true`; a retry that finds `applied: false` carries it
 * out again (every step is idempotent).
 */
export interface SubmissionEffect {
  live: 'publish' | 'retract' | 'none';
  ledger: LedgerEntryDoc;
}

/** A review decision on one version. */
export interface ReviewDoc {
  decision: 'APPROVED' | 'REJECTED';
  by: string;
  at: Date;
  comment: string | null;
  version: number | string;
}

/** A withdrawal (撤回). */
export interface WithdrawalDoc {
  by: string;
  at: Date;
  reason: string;
  version: number | string;
}

/** A submission as stored. */
export interface SubmissionDoc {
  /** `<kind>:<organizationId>:<sourceId>`. */
  _id: string;
  kind: string;
  store: string;
  organizationId: string;
  sourceId: string;
  /** The live record id (deterministic from kind, organization and source id). */
  recordId: string;
  version: number | string;
  versionType: VersionType;
  versionKey: string;
  /** Normalised content of the latest version. */
  content: Document;
  state: SubmissionState;
  submittedAt: Date;
  submittedBy: string;
  sourceSystem: string | null;
  /** The version the public sees, or null when none is public. */
  publishedVersion: number | string | null;
  publishedVersionKey: string | null;
  /** When the public version was published (approval or direct publication). */
  publishedAt: Date | null;
  review: ReviewDoc | null;
  withdrawal: WithdrawalDoc | null;
  applied: boolean;
  effect: SubmissionEffect;
}

/** The id of the submission of a record. */
export function submissionIdOf(kind: string, organizationId: string, sourceId: string): string {
  return `${kind}:${organizationId}:${sourceId}`;
}

/** Indexes of a store's submissions: listings by state, organization, kind, newest first; lookups by live record id. */
export const SUBMISSION_INDEXES: CollectionIndexes = {
  collection: SUBMISSIONS_COLLECTION,
  indexes: [
    { key: { submittedAt: -1, _id: -1 }, name: 'submittedAt_-1__id_-1' },
    { key: { state: 1, submittedAt: -1 }, name: 'state_1_submittedAt_-1' },
    { key: { organizationId: 1, submittedAt: -1 }, name: 'organizationId_1_submittedAt_-1' },
    { key: { recordId: 1 }, name: 'recordId_1' },
    { key: { applied: 1 }, name: 'applied_1' },
  ],
};
