/**
 * The ledger (台账) of one store: one entry for every accepted change of a
 * pushed record (submission, review, withdrawal), append-only. Entry ids are
 * deterministic (`<action>:<submissionId>:<versionKey>`), so writing the
 * same change twice (a retry after a crash) leaves one entry: the second
 * insert is a duplicate key and is ignored.
 */
import type { Document } from 'mongodb';
import type { CollectionIndexes } from '../store-connection.js';

export const LEDGER_COLLECTION = 'ledger';

/** What happened: a new record or version was submitted, or a version was approved, rejected or withdrawn. */
export const LEDGER_ACTIONS = ['CREATE', 'UPDATE', 'APPROVE', 'REJECT', 'WITHDRAW'] as const;
export type LedgerAction = (typeof LEDGER_ACTIONS)[number];

/** A ledger entry as stored. */
export interface LedgerEntryDoc {
  _id: string;
  at: Date;
  /** The principal's stable id and role, and its source system (e.g. 财务核算系统), or null. */
  principalId: string;
  role: string;
  sourceSystem: string | null;
  action: LedgerAction;
  kind: string;
  store: string;
  organizationId: string;
  sourceId: string;
  submissionId: string;
  recordId: string;
  /** The version the change concerns, as sent, and its ordering key. */
  version: number | string;
  versionKey: string;
  /** The full content of that version (CREATE, UPDATE, APPROVE); null for REJECT and WITHDRAW. */
  content: Document | null;
  /** The version this one replaced (CREATE: null). */
  previousVersion: number | string | null;
  /** The CREATE/UPDATE entry holding the previous content, whose content the changes are computed against. */
  previousEntryId: string | null;
  /** Whether the change made the version public (direct publication or approval). */
  published: boolean;
  /** Review comment (APPROVE, REJECT). */
  comment: string | null;
  /** Withdrawal reason (WITHDRAW). */
  reason: string | null;
}

/** The id of the entry of `action` on version `versionKey` of submission `submissionId`. */
export function ledgerEntryId(action: LedgerAction, submissionId: string, versionKey: string): string {
  const prefix = action === 'CREATE' || action === 'UPDATE' ? 'push' : action.toLowerCase();
  return `${prefix}:${submissionId}:${versionKey}`;
}

/** Indexes of a store's ledger: newest first overall, per organization, per record, per principal. */
export const LEDGER_INDEXES: CollectionIndexes = {
  collection: LEDGER_COLLECTION,
  indexes: [
    { key: { at: -1, _id: -1 }, name: 'at_-1__id_-1' },
    { key: { organizationId: 1, at: -1 }, name: 'organizationId_1_at_-1' },
    { key: { recordId: 1, at: -1 }, name: 'recordId_1_at_-1' },
    { key: { principalId: 1, at: -1 }, name: 'principalId_1_at_-1' },
  ],
};
