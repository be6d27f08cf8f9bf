/**
 * The push of one batch of records of one kind. Without transactions, and
 * surviving a kill at any point:
 *   1. one `find` of the batch's submissions by `_id $in`;
 *   2. every record classified: invalid, forbidden, naming an organization
 *      not in the directory (one read of the office store, only when a
 *      record names one other than its API key's own), a duplicate in the batch,
 *      unchanged (same version), stale (older), a unique value (ocid…)
 *      another record holds, or created/updated; effects left half-done by
 *      an earlier attempt are completed first;
 *   3. one unordered bulk write of the new versions into `submissions`, each
 *      conditional on the submission being as read, carrying its effect with
 *      `applied: false` (a concurrent change makes the upsert a duplicate
 *      key: such records are read and classified again, up to three rounds,
 *      then refused with CONFLICT);
 *   4–6. the effects carried out (`applyEffects`): live documents for
 *      departments that publish directly, ledger entries, `applied` marks
 *      (the records' catalog entries as they were are read beside step 3,
 *      so that entries already public are replaced beside the documents).
 * A retry of the same batch finds the same versions (UNCHANGED) and, where
 * an effect is still `applied: false`, completes it.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Db, type Document } from 'mongodb';
import { ledgerEntryId, type LedgerEntryDoc } from '../ledger/ledger-entry.js';
import { mayWrite, type Actor } from './actor.js';
import { applyEffects, publishedEntries, WRITE_CONCERN } from './apply-effects.js';
import type { PushDependencies } from './push-dependencies.js';
import { PushError } from './push-errors.js';
import { recordIdOf, type RecordIssue } from './record-kind.js';
import { describeVersionType, parseVersion, type SourceVersion } from './source-version.js';
import { submissionIdOf, SUBMISSIONS_COLLECTION, type SubmissionDoc, type SubmissionState } from './submission.js';
import { uniqueClashes } from './unique-values.js';
import { missingOrganizations } from './organization-directory.js';

/** Most records one push may carry. */
export const MAX_PUSH_BATCH = 1000;

/** How often a record refused by a concurrent change is read and classified again before it is reported as CONFLICT. */
const WRITE_ROUNDS = 3;

/** A push is bulk work: it may take longer than a read may wait for its store. */
export const PUSH_TIMEOUT_MS = 60_000;

const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

/** A stored submission as a new version reads it: without its content and its pending effect. */
type StoredVersion = Omit<SubmissionDoc, 'content' | 'effect'>;
const STORED_VERSION = { content: 0, effect: 0 } as const;

/** One pushed record: the department's own id, the source system's version, and the kind's fields. */
export interface PushRecordInput {
  sourceId: unknown;
  version: unknown;
  fields: Readonly<Record<string, unknown>>;
}

export type PushOutcomeKind = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

/** Why a record was refused: INVALID_RECORD (with the field path), FORBIDDEN, STALE_VERSION, DUPLICATE_RECORD or CONFLICT. */
export interface RecordProblem {
  code: 'INVALID_RECORD' | 'FORBIDDEN' | 'STALE_VERSION' | 'DUPLICATE_RECORD' | 'CONFLICT';
  message: string;
  path: string | null;
}

/** The outcome of one record, at its index in the batch. */
export interface PushOutcome {
  index: number;
  sourceId: string | null;
  version: number | string | null;
  outcome: PushOutcomeKind;
  kind: string;
  recordId: string | null;
  submissionId: string | null;
  /** The review state after the push (null when refused before anything was known). */
  state: SubmissionState | null;
  /** Every problem of a refused record, the first one first; empty otherwise. */
  problems: RecordProblem[];
}

/** Outcomes of every record, in batch order, and their totals. */
export interface PushReport {
  totals: { created: number; updated: number; unchanged: number; rejected: number };
  outcomes: PushOutcome[];
}

interface Candidate {
  index: number;
  sourceId: string;
  version: SourceVersion;
  content: Document;
  organizationId: string;
  submissionId: string;
  recordId: string;
}

function refused(index: number, kind: string, sourceId: string | null, version: number | string | null, problems: RecordProblem[], known?: Partial<PushOutcome>): PushOutcome {
  return { index, sourceId, version, outcome: 'REJECTED', kind, recordId: null, submissionId: null, state: null, problems, ...known };
}

function invalid(issues: readonly RecordIssue[]): RecordProblem[] {
  return issues.map((issue) => ({ code: 'INVALID_RECORD', path: issue.path, message: `${issue.path} ${issue.reason}` }));
}

/** Pushes `records` of kind `kindName` as `actor`; refuses the whole call (nothing written) above MAX_PUSH_BATCH records. */
export async function pushRecords(deps: PushDependencies, actor: Actor, kindName: string, records: readonly PushRecordInput[]): Promise<PushReport> {
  if (records.length > MAX_PUSH_BATCH) {
    throw new PushError('BATCH_TOO_LARGE', `A push carries at most ${MAX_PUSH_BATCH} records; this one has ${records.length}. Nothing was written: split the batch.`, {
      limit: MAX_PUSH_BATCH,
      actual: records.length,
    });
  }
  const kind = deps.kinds.get(kindName);
  const outcomes: PushOutcome[] = new Array<PushOutcome>(records.length);
  const candidates: Candidate[] = [];
  const firstIndexOf = new Map<string, number>();
  records.forEach((record, index) => {
    const issues: RecordIssue[] = [];
    const sourceId = typeof record.sourceId === 'string' ? record.sourceId : null;
    if (sourceId === null || !SOURCE_ID.test(sourceId)) {
      issues.push({ path: 'sourceId', reason: 'must be 1–100 characters of A-Z a-z 0-9 . _ - starting with a letter or digit' });
    }
    const version = parseVersion(record.version);
    if ('error' in version) issues.push({ path: 'version', reason: version.error });
    const validated = kind.validate(record.fields);
    if (!validated.ok) issues.push(...validated.issues);
    const shownVersion = 'error' in version ? null : version.value;
    if (issues.length > 0 || !validated.ok || 'error' in version || sourceId === null) {
      outcomes[index] = refused(index, kind.name, sourceId, shownVersion, invalid(issues));
      return;
    }
    const organizationId = kind.organizationOf(validated.content);
    if (!mayWrite(actor.principal, organizationId, kind.store)) {
      const whose = actor.principal.organizationId ? `organization ${actor.principal.organizationId}` : 'no organization';
      outcomes[index] = refused(index, kind.name, sourceId, shownVersion, [
        { code: 'FORBIDDEN', path: 'organizationId', message: `This credential writes records of ${whose} in its own stores; it may not write ${kind.name} records of ${organizationId} in the ${kind.store} store.` },
      ]);
      return;
    }
    const submissionId = submissionIdOf(kind.name, organizationId, sourceId);
    const earlier = firstIndexOf.get(submissionId);
    if (earlier !== undefined) {
      outcomes[index] = refused(index, kind.name, sourceId, shownVersion, [
        { code: 'DUPLICATE_RECORD', path: 'sourceId', message: `Record ${sourceId} appears earlier in this batch (index ${earlier}); push one version of a record per batch.` },
      ]);
      return;
    }
    firstIndexOf.set(submissionId, index);
    candidates.push({ index, sourceId, version, content: validated.content, organizationId, submissionId, recordId: recordIdOf(kind, organizationId, sourceId) });
  });

  const missing = await missingOrganizations(
    deps.connections.office,
    candidates.map((c) => ({ key: c.index, named: [{ path: 'organizationId', organizationId: c.organizationId }, ...(kind.namedOrganizations?.(c.content) ?? [])] })),
    // An API key's organization was checked when the key was issued; a JWT's is only claimed by its issuer.
    actor.principal.via === 'api-key' ? actor.principal.organizationId : null,
  );
  if (missing.size > 0) {
    for (const candidate of candidates) {
      const absent = missing.get(candidate.index);
      if (!absent) continue;
      outcomes[candidate.index] = refused(candidate.index, kind.name, candidate.sourceId, candidate.version.value, absent.map(({ path, organizationId }) => ({
        code: 'INVALID_RECORD',
        path,
        message: `${path} names organization ${organizationId}, which is not in the organization directory (组织机构); nothing of this record was written.`,
      })));
    }
    candidates.splice(0, candidates.length, ...candidates.filter((c) => !missing.has(c.index)));
  }

  if (candidates.length > 0) {
    const connection = deps.connections[kind.store];
    await connection.run(async (db) => {
      let pending = candidates;
      for (let round = 1; pending.length > 0; round++) {
        const submissions = db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION);
        // What a new version is compared with and carries over: not the stored content and effect, most of a submission's bytes, which a new version replaces whole.
        const found = await submissions.find({ _id: { $in: pending.map((c) => c.submissionId) } }, { projection: STORED_VERSION, batchSize: MAX_PUSH_BATCH + 1 }).toArray();
        const unfinished = found.filter((s) => !s.applied).map((s) => s._id);
        if (unfinished.length > 0) {
          // A change an earlier attempt wrote but did not finish: finish it, from the whole submission, before anything replaces it.
          const whole = await submissions.find({ _id: { $in: unfinished } }, { batchSize: unfinished.length + 1 }).toArray();
          await applyEffects(db, kind.store, whole.filter((s) => !s.applied), deps.kinds, deps.changes);
        }
        const stored = new Map<string, StoredVersion>(found.map((s) => [s._id, s]));
        const operations: AnyBulkWriteOperation<SubmissionDoc>[] = [];
        const written: Array<{ candidate: Candidate; doc: SubmissionDoc; created: boolean }> = [];
        const fresh: Array<{ candidate: Candidate; previous: StoredVersion | undefined }> = [];
        for (const candidate of pending) {
          const previous = stored.get(candidate.submissionId);
          const known = { recordId: candidate.recordId, submissionId: candidate.submissionId };
          const { index, sourceId, version } = candidate;
          if (previous && previous.versionType !== version.type) {
            outcomes[index] = refused(index, kind.name, sourceId, version.value, [
              {
                code: 'INVALID_RECORD',
                path: 'version',
                message: `version: this record's versions are ${describeVersionType(previous.versionType)}s (stored: ${previous.version}); a ${describeVersionType(version.type)} cannot be compared with them`,
              },
            ], { ...known, state: previous.state });
          } else if (previous && previous.versionKey === version.key) {
            outcomes[index] = { index, sourceId, version: version.value, outcome: 'UNCHANGED', kind: kind.name, ...known, state: previous.state, problems: [] };
          } else if (previous && previous.versionKey > version.key) {
            outcomes[index] = refused(index, kind.name, sourceId, version.value, [
              { code: 'STALE_VERSION', path: 'version', message: `Version ${version.value} is older than the stored version ${previous.version}; the stored record is unchanged.` },
            ], { ...known, state: previous.state });
          } else {
            fresh.push({ candidate, previous });
          }
        }
        const clashes = await uniqueClashes(db, kind, fresh.map(({ candidate }) => ({ key: candidate.index, content: candidate.content, recordId: candidate.recordId })));
        for (const { candidate, previous } of fresh) {
          const clash = clashes.get(candidate.index);
          if (clash) {
            outcomes[candidate.index] = refused(candidate.index, kind.name, candidate.sourceId, candidate.version.value, invalid([clash]), { recordId: candidate.recordId, submissionId: candidate.submissionId, state: previous?.state ?? null });
            continue;
          }
          const doc = newVersion(actor, kind.name, kind.store, candidate, previous);
          written.push({ candidate, doc, created: previous === undefined });
          const { _id } = doc;
          // Written only over the submission as it was read; anything else (a concurrent push or review) makes the upsert a duplicate key.
          const filter = previous ? { _id, versionKey: previous.versionKey, state: previous.state, applied: true } : { _id, versionKey: { $exists: false } };
          // A new version is a whole submission (newVersion sets every field), so it replaces the stored one: the store need not read the old fields.
          operations.push({ replaceOne: { filter, replacement: doc, upsert: true } });
        }
        // The records' catalog entries as they are before this change, read beside the new versions' write: applyEffects then replaces those already public beside their documents.
        const [conflicts, published] = await Promise.all([writeSubmissions(db, operations), publishedEntries(db, written.map(({ doc }) => doc))]);
        const applied: SubmissionDoc[] = [];
        const again: Candidate[] = [];
        written.forEach(({ candidate, doc, created }, i) => {
          const { index, sourceId, version } = candidate;
          const known = { recordId: candidate.recordId, submissionId: candidate.submissionId };
          if (conflicts.has(i) && round < WRITE_ROUNDS) {
            // Read again and classify anew: a newer version that won makes this one stale; an older one is overwritten.
            again.push(candidate);
            return;
          }
          if (conflicts.has(i)) {
            outcomes[index] = refused(index, kind.name, sourceId, version.value, [
              { code: 'CONFLICT', path: null, message: `Record ${sourceId} was changed by another push or a review while this one was written; nothing of this record was written: push it again.` },
            ], known);
            return;
          }
          applied.push(doc);
          outcomes[index] = { index, sourceId, version: version.value, outcome: created ? 'CREATED' : 'UPDATED', kind: kind.name, ...known, state: doc.state, problems: [] };
        });
        await applyEffects(db, kind.store, applied, deps.kinds, deps.changes, published);
        pending = again;
      }
    }, { timeoutMS: PUSH_TIMEOUT_MS });
  }
  const count = (outcome: PushOutcomeKind) => outcomes.filter((o) => o.outcome === outcome).length;
  return { totals: { created: count('CREATED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), rejected: count('REJECTED') }, outcomes };
}

/** The submission of a new version, with its effect (ledger entry, and publication for directly publishing departments). */
function newVersion(actor: Actor, kind: string, store: string, candidate: Candidate, previous: StoredVersion | undefined): SubmissionDoc {
  const { principal, now } = actor;
  const direct = principal.role === 'department' && principal.publishesDirectly;
  const action = previous ? 'UPDATE' : 'CREATE';
  const ledger: LedgerEntryDoc = {
    _id: ledgerEntryId(action, candidate.submissionId, candidate.version.key),
    at: now,
    principalId: principal.id,
    role: principal.role,
    sourceSystem: principal.sourceSystem,
    action,
    kind,
    store,
    organizationId: candidate.organizationId,
    sourceId: candidate.sourceId,
    submissionId: candidate.submissionId,
    recordId: candidate.recordId,
    version: candidate.version.value,
    versionKey: candidate.version.key,
    content: candidate.content,
    previousVersion: previous?.version ?? null,
    previousEntryId: previous ? ledgerEntryId('UPDATE', candidate.submissionId, previous.versionKey) : null,
    published: direct,
    comment: null,
    reason: null,
  };
  return {
    _id: candidate.submissionId,
    kind,
    store,
    organizationId: candidate.organizationId,
    sourceId: candidate.sourceId,
    recordId: candidate.recordId,
    version: candidate.version.value,
    versionType: candidate.version.type,
    versionKey: candidate.version.key,
    content: candidate.content,
    state: direct ? 'APPROVED' : 'PENDING_REVIEW',
    submittedAt: now,
    submittedBy: principal.id,
    sourceSystem: principal.sourceSystem,
    publishedVersion: direct ? candidate.version.value : (previous?.publishedVersion ?? null),
    publishedVersionKey: direct ? candidate.version.key : (previous?.publishedVersionKey ?? null),
    publishedAt: direct ? now : (previous?.publishedAt ?? null),
    review: previous?.review ?? null,
    withdrawal: previous?.withdrawal ?? null,
    applied: false,
    effect: { live: direct ? 'publish' : 'none', ledger },
  };
}

/** Writes the new versions; returns the indices (into `operations`) refused by a concurrent change. */
async function writeSubmissions(db: Db, operations: AnyBulkWriteOperation<SubmissionDoc>[]): Promise<Set<number>> {
  const conflicts = new Set<number>();
  if (operations.length === 0) return conflicts;
  try {
    await db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION).bulkWrite(operations, { ordered: false, writeConcern: WRITE_CONCERN });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    for (const writeError of writeErrors) {
      if (writeError.code !== 11000) throw error;
      conflicts.add(writeError.index);
    }
  }
  return conflicts;
}
