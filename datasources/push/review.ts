/**
 * Review (保密审查) and withdrawal (撤回) of submissions. Each is one
 * conditional single-document update of the submission (its new state and
 * the effect to carry out, `applied: false`), then the effect: the live
 * record published (approval) or removed (withdrawal), the ledger entry, the
 * mark. A repeated call after a crash completes the effect; a repeated call
 * after success answers with the submission as it is (the decision stands).
 */
import type { Db } from 'mongodb';
import { ledgerEntryId, type LedgerAction, type LedgerEntryDoc } from '../ledger/ledger-entry.js';
import { mayWrite, type Actor } from './actor.js';
import { applyEffects } from './apply-effects.js';
import type { PushDependencies } from './push-dependencies.js';
import { PushError } from './push-errors.js';
import { parseVersion } from './source-version.js';
import { submissionIdOf, SUBMISSIONS_COLLECTION, type SubmissionDoc, type SubmissionEffect } from './submission.js';
import { uniqueClashes } from './unique-values.js';

export type ReviewDecision = 'APPROVED' | 'REJECTED';

/** The kind named in a submission id (`<kind>:<organization>:<source id>`), or null. */
function kindOfSubmission(deps: PushDependencies, submissionId: string): string | null {
  const kind = submissionId.slice(0, submissionId.indexOf(':'));
  return kind && deps.kinds.has(kind) ? kind : null;
}

function notFound(submissionId: string): PushError {
  return new PushError('NOT_FOUND', `There is no submission ${submissionId}.`);
}

function effectEntry(actor: Actor, doc: SubmissionDoc, action: LedgerAction, fields: Partial<LedgerEntryDoc>): LedgerEntryDoc {
  return {
    _id: ledgerEntryId(action, doc._id, doc.versionKey),
    at: actor.now,
    principalId: actor.principal.id,
    role: actor.principal.role,
    sourceSystem: actor.principal.sourceSystem,
    action,
    kind: doc.kind,
    store: doc.store,
    organizationId: doc.organizationId,
    sourceId: doc.sourceId,
    submissionId: doc._id,
    recordId: doc.recordId,
    version: doc.version,
    versionKey: doc.versionKey,
    content: null,
    previousVersion: doc.publishedVersion,
    previousEntryId: null,
    published: false,
    comment: null,
    reason: null,
    ...fields,
  };
}

/** Reads a submission and completes an effect an earlier call left half-done. */
async function current(db: Db, deps: PushDependencies, store: string, submissionId: string): Promise<SubmissionDoc> {
  const doc = await db.collection<SubmissionDoc>(SUBMISSIONS_COLLECTION).findOne({ _id: submissionId });
  if (!doc) throw notFound(submissionId);
  if (!doc.applied) {
    await applyEffects(db, store, [doc], deps.kinds, deps.changes);
    return { ...doc, applied: true };
  }
  return doc;
}

/** Writes `changes` over `doc` if it is still as read, then carries out the effect; CONFLICT when it changed meanwhile. */
async function transition(db: Db, deps: PushDependencies, doc: SubmissionDoc, changes: Partial<SubmissionDoc> & { effect: SubmissionEffect }): Promise<SubmissionDoc> {
  const result = await db
    .collection<SubmissionDoc>(SUBMISSIONS_COLLECTION)
    .updateOne({ _id: doc._id, versionKey: doc.versionKey, state: doc.state, applied: true }, { $set: { ...changes, applied: false } }, { writeConcern: { w: 'majority' } });
  if (result.matchedCount === 0) {
    throw new PushError('CONFLICT', `Submission ${doc._id} changed while this call was written (a new version or another decision); read it again.`);
  }
  const updated: SubmissionDoc = { ...doc, ...changes, applied: false };
  await applyEffects(db, doc.store, [updated], deps.kinds, deps.changes);
  return { ...updated, applied: true };
}

/**
 * Approves or rejects the pending version of submission `submissionId` as a
 * reviewer. `version`, when given, must be the pending one: an older one is
 * STALE_VERSION (a newer version is pending and is what must be reviewed).
 * A rejection needs a comment. Approval publishes the version (replacing a
 * previously published one); rejection leaves the public version as it was.
 */
export async function reviewSubmission(
  deps: PushDependencies,
  actor: Actor,
  submissionId: string,
  decision: ReviewDecision,
  options: { version?: unknown; comment?: string | null },
): Promise<SubmissionDoc> {
  if (actor.principal.role !== 'reviewer' && actor.principal.role !== 'admin') {
    throw new PushError('FORBIDDEN', `Only reviewers (审核人) decide on submissions; this credential is a ${actor.principal.role}.`);
  }
  const comment = options.comment?.trim() || null;
  if (decision === 'REJECTED' && comment === null) {
    throw new PushError('BAD_USER_INPUT', 'A rejection needs a comment saying why.', { argumentName: 'comment' });
  }
  const wanted = options.version === undefined || options.version === null ? null : parseVersion(options.version);
  if (wanted && 'error' in wanted) throw new PushError('BAD_USER_INPUT', `version ${wanted.error}`, { argumentName: 'version' });
  const kindName = kindOfSubmission(deps, submissionId);
  if (!kindName) throw notFound(submissionId);
  const store = deps.kinds.get(kindName).store;
  return deps.connections[store].run(async (db) => {
    const doc = await current(db, deps, store, submissionId);
    if (wanted && wanted.key !== doc.versionKey) {
      if (wanted.key < doc.versionKey) {
        throw new PushError('STALE_VERSION', `Version ${wanted.value} of ${submissionId} is no longer the latest: version ${doc.version} (${doc.state}) replaced it; review that one.`);
      }
      throw new PushError('NOT_FOUND', `Submission ${submissionId} has no version ${wanted.value}; its latest is ${doc.version}.`);
    }
    if (doc.state === decision && doc.review?.version === doc.version) return doc;
    if (doc.state !== 'PENDING_REVIEW') {
      throw new PushError('CONFLICT', `Version ${doc.version} of ${submissionId} is ${doc.state}, not pending review.`);
    }
    const approve = decision === 'APPROVED';
    if (approve) {
      const clash = (await uniqueClashes(db, deps.kinds.get(kindName), [{ key: 0, content: doc.content, recordId: doc.recordId }])).get(0);
      if (clash) throw new PushError('CONFLICT', `Version ${doc.version} of ${submissionId} cannot be published: ${clash.path} ${clash.reason}.`);
    }
    const review = { decision, by: actor.principal.id, at: actor.now, comment, version: doc.version };
    const ledger = effectEntry(actor, doc, approve ? 'APPROVE' : 'REJECT', { content: approve ? doc.content : null, published: approve, comment });
    return transition(db, deps, doc, {
      state: decision,
      review,
      ...(approve ? { publishedVersion: doc.version, publishedVersionKey: doc.versionKey, publishedAt: actor.now } : {}),
      effect: { live: approve ? 'publish' : 'none', ledger },
    });
  }, { timeoutMS: 30_000 });
}

/**
 * Withdraws (撤回) record `sourceId` of kind `kindName` of `organizationId`
 * with a reason: the live record and its catalog entry are removed, the
 * submission becomes WITHDRAWN, the ledger keeps the reason. Departments
 * withdraw their own records; admins any. A later push of a newer version
 * submits the record again.
 */
export async function withdrawRecord(deps: PushDependencies, actor: Actor, kindName: string, organizationId: string, sourceId: string, reason: string): Promise<SubmissionDoc> {
  if (!deps.kinds.has(kindName)) {
    throw new PushError('BAD_USER_INPUT', `Unknown record kind ${kindName}; known: ${deps.kinds.all().map((k) => k.name).join(', ')}.`, { argumentName: 'kind' });
  }
  const kind = deps.kinds.get(kindName);
  if (!mayWrite(actor.principal, organizationId, kind.store)) {
    throw new PushError('FORBIDDEN', `This credential may not withdraw ${kindName} records of ${organizationId}.`);
  }
  const why = reason.trim();
  if (!why) throw new PushError('BAD_USER_INPUT', 'A withdrawal needs a reason.', { argumentName: 'reason' });
  const submissionId = submissionIdOf(kindName, organizationId, sourceId);
  return deps.connections[kind.store].run(async (db) => {
    const doc = await current(db, deps, kind.store, submissionId);
    if (doc.state === 'WITHDRAWN') return doc;
    const withdrawal = { by: actor.principal.id, at: actor.now, reason: why, version: doc.version };
    const ledger = effectEntry(actor, doc, 'WITHDRAW', { reason: why });
    return transition(db, deps, doc, {
      state: 'WITHDRAWN',
      withdrawal,
      publishedVersion: null,
      publishedVersionKey: null,
      publishedAt: null,
      effect: { live: doc.publishedVersionKey ? 'retract' : 'none', ledger },
    });
  }, { timeoutMS: 30_000 });
}
