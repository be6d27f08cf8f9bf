/** Reads of policies, interpretations and attachment files in the office store; every call is one query bounded by the store's timeout. */
import type { Binary } from 'mongodb';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { AttachmentRecord, InterpretationRecord, PolicyRecord } from './policy-records.js';
import { recordOf } from './stored-records.js';

export const POLICIES = 'policies';
export const INTERPRETATIONS = 'interpretations';
export const ATTACHMENT_FILES = 'attachmentFiles';

/** Indexes of the policy collections: replacement links and interpretation links are looked up from the other side. */
export const POLICY_INDEXES: CollectionIndexes[] = [
  { collection: POLICIES, indexes: [{ key: { replacedByIds: 1 }, name: 'replacedByIds_1' }] },
  { collection: INTERPRETATIONS, indexes: [{ key: { policyIds: 1 }, name: 'policyIds_1' }] },
  { collection: ATTACHMENT_FILES, indexes: [{ key: { policyId: 1 }, name: 'policyId_1' }] },
];

/** An attachment's bytes with its metadata and the policy it belongs to. */
export interface AttachmentFile extends AttachmentRecord {
  policyId: string;
  data: Buffer;
}

/** Policy reads of the office store. */
export class PolicyStore {
  constructor(private readonly connection: StoreConnection) {}

  /** Policies with these ids. */
  async policiesByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PolicyRecord[]> {
    return (await findByKeysThrough(this.connection, POLICIES, ids, { prefetched })).map((doc) => recordOf<PolicyRecord>(doc));
  }

  /** Policies that name any of these ids among the documents replacing them. */
  async policiesReplacedBy(ids: readonly string[]): Promise<PolicyRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, POLICIES, ids, 'replacedByIds'))).map((doc) => recordOf<PolicyRecord>(doc));
  }

  /** Interpretations with these ids. */
  async interpretationsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<InterpretationRecord[]> {
    return (await findByKeysThrough(this.connection, INTERPRETATIONS, ids, { prefetched })).map((doc) => recordOf<InterpretationRecord>(doc));
  }

  /** Interpretations of any of these policies. */
  async interpretationsByPolicyIds(policyIds: readonly string[]): Promise<InterpretationRecord[]> {
    return (await this.connection.run((db) => findByKeys(db, INTERPRETATIONS, policyIds, 'policyIds'))).map((doc) => recordOf<InterpretationRecord>(doc));
  }

  /** An attachment's bytes and metadata, or null when there is no such file. */
  async attachmentFile(id: string): Promise<AttachmentFile | null> {
    const doc = await this.connection.run((db) => db.collection(ATTACHMENT_FILES).findOne({ _id: id as never }));
    if (!doc) return null;
    const { _id, data, ...rest } = doc;
    return { id: _id as unknown as string, ...(rest as Omit<AttachmentFile, 'id' | 'data'>), data: Buffer.from((data as Binary).buffer) };
  }
}
