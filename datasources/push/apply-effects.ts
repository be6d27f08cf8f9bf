/**
 * Carries out the effects of submissions written with `applied: false`: the
 * live documents and catalog entries (publish or retract) and, beside the
 * documents, the ledger entries; then the `applied` marks. Every step is idempotent, so running it
 * again after a crash at any point completes the change and records it
 * once. The number of store commands does not depend on how many
 * submissions there are: one read of the catalog entries' search terms (for
 * the change announced once the catalog is written), one bulk write per
 * collection touched, one ledger insert, one bulk write of marks.
 *
 * Live documents written by a submission carry `_pushVersion` (the ordering
 * key of the published version); every write and delete of owned documents
 * is guarded by it, so an older effect that runs late never overwrites a
 * newer publication. A new record's catalog entry is written after its
 * other documents (it is what makes the record public), and an entry is
 * removed before them; an entry already public is replaced beside them when
 * the caller read the entries before writing the submissions.
 */
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Db, type Document } from 'mongodb';
import { CATALOG_COLLECTION } from '../catalog/catalog-source.js';
import type { ChangeFeed } from '../change-feed.js';
import { LEDGER_COLLECTION, type LedgerEntryDoc } from '../ledger/ledger-entry.js';
import type { RecordKindRegistry } from './record-kind.js';
import { SUBMISSIONS_COLLECTION, type SubmissionDoc } from './submission.js';

/** Every write of the push path waits for a majority (the embedded store accepts it as a standalone does). */
export const WRITE_CONCERN = { w: 'majority' as const };

const DUPLICATE_KEY = 11000;

/** The field of live documents holding the ordering key of the version that wrote them. */
export const PUSH_VERSION_FIELD = '_pushVersion';

/** Documents written by version `key` or an older one (or by nobody's push). */
function notNewerThan(key: string): Document {
  return { $or: [{ [PUSH_VERSION_FIELD]: { $exists: false } }, { [PUSH_VERSION_FIELD]: { $lte: key } }] };
}

/** Any document of a store written here: string ids throughout. */
type Keyed = { _id: string } & Document;

class OperationsByCollection {
  readonly byCollection = new Map<string, AnyBulkWriteOperation<Keyed>[]>();

  add(collection: string, operation: AnyBulkWriteOperation<Keyed>): void {
    const list = this.byCollection.get(collection) ?? [];
    list.push(operation);
    this.byCollection.set(collection, list);
  }
}

/** Runs a bulk write; duplicate keys of guarded upserts (a newer version is already there) are expected and ignored. */
async function bulkWrite(db: Db, collection: string, operations: AnyBulkWriteOperation<Keyed>[]): Promise<void> {
  if (operations.length === 0) return;
  try {
    await db.collection<Keyed>(collection).bulkWrite(operations, { ordered: false, writeConcern: WRITE_CONCERN });
  } catch (error) {
    if (error instanceof MongoBulkWriteError && error.writeErrors && allDuplicates(error)) return;
    throw error;
  }
}

function allDuplicates(error: MongoBulkWriteError): boolean {
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return errors.every((e) => e.code === DUPLICATE_KEY && /_id/u.test(JSON.stringify(e.errInfo ?? e.errmsg ?? '')));
}

/** What the change feed is told after the effects are durable. */
interface Announcement {
  recordIds: Set<string>;
  organizationIds: Set<string>;
  kinds: Set<string>;
  searchTerms: string[][];
}

/** The catalog entries of some records as they were before a change: search terms by record id. */
export type PublishedEntries = ReadonlyMap<string, readonly string[]>;

/**
 * Completes the effects of `submissions` (all of one store) in the store
 * behind `db`, then announces the published changes on `changes`.
 * `before`, when the caller read it before writing any of the
 * submissions (`publishedEntries`), holds their records' catalog entries
 * as they were: an entry already public is then replaced beside the
 * record's other documents instead of after them, one store command fewer
 * in a row.
 */
export async function applyEffects(
  db: Db,
  store: string,
  submissions: readonly SubmissionDoc[],
  kinds: RecordKindRegistry,
  changes: ChangeFeed,
  before?: PublishedEntries,
): Promise<void> {
  if (submissions.length === 0) return;
  const hide = new OperationsByCollection();
  const documents = new OperationsByCollection();
  const show = new OperationsByCollection();
  const announcement: Announcement = { recordIds: new Set(), organizationIds: new Set(), kinds: new Set(), searchTerms: [] };
  for (const submission of submissions) {
    const kind = kinds.get(submission.kind);
    const effect = submission.effect;
    if (effect.live === 'none') continue;
    announcement.recordIds.add(submission.recordId);
    announcement.organizationIds.add(submission.organizationId);
    announcement.kinds.add(submission.kind);
    if (effect.live === 'retract') {
      const guard = notNewerThan(effect.ledger.versionKey);
      hide.add(CATALOG_COLLECTION, { deleteOne: { filter: { $and: [{ _id: submission.recordId }, guard] } } });
      for (const owned of kind.retract(submission.recordId)) {
        documents.add(owned.collection, { deleteMany: { filter: { $and: [owned.filter, guard] } } });
      }
      continue;
    }
    const key = submission.publishedVersionKey ?? submission.versionKey;
    const guard = notNewerThan(key);
    const projection = kind.project(submission.content, { recordId: submission.recordId, publishedAt: submission.publishedAt ?? effect.ledger.at });
    const written = new Map<string, string[]>();
    for (const { collection, document, shared } of projection.documents) {
      announcement.recordIds.add(document._id);
      if (shared) {
        const { _id, ...fields } = document;
        documents.add(collection, { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } });
        continue;
      }
      written.set(collection, [...(written.get(collection) ?? []), document._id]);
      documents.add(collection, {
        replaceOne: { filter: { $and: [{ _id: document._id }, guard] }, replacement: { ...document, [PUSH_VERSION_FIELD]: key }, upsert: true },
      });
    }
    // Documents an older version owned and this one no longer has (an expense line dropped).
    for (const owned of kind.retract(submission.recordId)) {
      const keep = written.get(owned.collection) ?? [];
      const keys = Object.keys(owned.filter);
      // A filter naming one written document by id owns nothing else: no delete to send.
      if (keys.length === 1 && keys[0] === '_id' && keep.includes(owned.filter._id as string)) continue;
      documents.add(owned.collection, { deleteMany: { filter: { $and: [owned.filter, { _id: { $nin: keep } }, guard] } } });
    }
    const entry = projection.catalogEntry;
    announcement.searchTerms.push(entry.searchTerms);
    // A record already public is public between its documents' writes either way; a new one only once they are all written.
    (before?.has(entry._id) ? documents : show).add(CATALOG_COLLECTION, {
      replaceOne: { filter: { $and: [{ _id: entry._id }, guard] }, replacement: { ...entry, [PUSH_VERSION_FIELD]: key }, upsert: true },
    });
  }
  // The replaced entries' terms are read before any catalog entry is removed or replaced: by the caller, or before hiding, or else beside the documents' writes, which then touch no catalog entry.
  const replacedTerms = before ? Promise.resolve(termsOf(before, submissions)) : publishedEntries(db, submissions).then((entries) => termsOf(entries, submissions));
  if (hide.byCollection.size > 0) await replacedTerms;
  for (const [collection, operations] of hide.byCollection) await bulkWrite(db, collection, operations);
  // The ledger records the accepted versions (written before this runs), whether published or not, and only the push path's own readers see it: it need not wait for the live documents.
  const [oldTerms] = await Promise.all([
    replacedTerms,
    insertLedgerEntries(db, submissions.map((s) => s.effect.ledger)),
    ...[...documents.byCollection].map(([collection, operations]) => bulkWrite(db, collection, operations)),
  ]);
  announcement.searchTerms.unshift(...oldTerms);
  for (const [collection, operations] of show.byCollection) await bulkWrite(db, collection, operations);
  // Announced as soon as the change is public, not after the marks: until then a cache may still answer with what was withdrawn.
  if (announcement.recordIds.size > 0) {
    changes.publish({ store, recordIds: [...announcement.recordIds], organizationIds: [...announcement.organizationIds], kinds: [...announcement.kinds], searchTerms: announcement.searchTerms });
  }

  await bulkWrite(
    db,
    SUBMISSIONS_COLLECTION,
    submissions.map((s) => ({ updateOne: { filter: { _id: s._id, 'effect.ledger._id': s.effect.ledger._id }, update: { $set: { applied: true } } } })),
  );
}

/**
 * The catalog entries of these submissions' records, as they are before
 * the effects (one read, no command when none publishes or retracts): what
 * a change replaces or removes, whose search terms tell caches of searches
 * the record may leave. Run again after a crash, it may read entries the
 * first run already replaced; that run announced nothing, so at worst the
 * count of a search the record left stays stale in a cache until its TTL.
 */
export async function publishedEntries(db: Db, submissions: ReadonlyArray<Pick<SubmissionDoc, 'recordId' | 'effect'>>): Promise<PublishedEntries> {
  const ids = submissions.filter((s) => s.effect.live !== 'none').map((s) => s.recordId);
  if (ids.length === 0) return new Map();
  const entries = await db
    .collection<{ _id: string; searchTerms?: string[] }>(CATALOG_COLLECTION)
    .find({ _id: { $in: ids } }, { projection: { searchTerms: 1 }, batchSize: ids.length })
    .toArray();
  return new Map(entries.map((entry) => [entry._id, entry.searchTerms ?? []]));
}

/** The search terms of the entries these submissions change. */
function termsOf(entries: PublishedEntries, submissions: readonly SubmissionDoc[]): string[][] {
  return submissions.flatMap((s) => {
    const terms = s.effect.live === 'none' ? undefined : entries.get(s.recordId);
    return terms ? [[...terms]] : [];
  });
}

/** Appends ledger entries; an entry already there (same deterministic id) was written by an earlier attempt and stays as it is. */
async function insertLedgerEntries(db: Db, entries: readonly LedgerEntryDoc[]): Promise<void> {
  try {
    await db.collection<LedgerEntryDoc>(LEDGER_COLLECTION).insertMany([...entries], { ordered: false, writeConcern: WRITE_CONCERN });
  } catch (error) {
    if (error instanceof MongoBulkWriteError && allDuplicates(error)) return;
    throw error;
  }
}
