import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { applyUpdate, isReplacement, upsertSeed } from '../query/index.js';
import type { LogRecord } from '../storage/index.js';
import type { Catalog } from './catalog.js';
import type { Collection } from './collection.js';
import { spliceFields } from './bson-fields.js';
import { keepId, withIdFirst } from './document-ids.js';
import { narrowDelete, narrowUpdate } from './narrow-writes.js';
import { assertWritableNamespace } from './namespace-rules.js';
import { matching } from './read-ops.js';
import type { ExamineCounters } from './stats-counters.js';
import type { DeleteStatement, Namespace, UpdateStatement, WriteError, WriteResult } from './types.js';
import { toWriteError } from './write-errors.js';

/** What a write batch works on; `records` collects the log records of everything applied. */
export interface WriteContext {
  catalog: Catalog;
  counters: ExamineCounters[];
  records: LogRecord[];
}

function bytesEqual(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** Inserts one document (given with `_id` first) atomically and journals it. */
export function insertOne(ctx: WriteContext, coll: Collection, doc: Document): void {
  const write = coll.prepareInsert(doc);
  coll.apply(write);
  ctx.records.push({ op: 'put', db: coll.db, coll: coll.name, key: write.key, bytes: write.bytes });
}

/**
 * Replaces the stored `before` (under `key`) by `after` atomically; false
 * when nothing changed. With `bytes` (the new document as stored), `before`
 * and `after` need hold only `_id` and the fields the indexes read.
 */
export function replaceOne(ctx: WriteContext, coll: Collection, key: string, before: Document, after: Document, bytes?: Uint8Array): boolean {
  const doc = keepId(before, after);
  const write = coll.prepareReplace(key, before, doc, bytes);
  if (bytesEqual(coll.store.getBytes(key), write.bytes)) return false;
  coll.apply(write);
  ctx.records.push({ op: 'put', db: coll.db, coll: coll.name, key: write.key, bytes: write.bytes });
  return true;
}

/** Removes one stored document and journals it. */
export function removeOne(ctx: WriteContext, coll: Collection, key: string, doc: Document): void {
  coll.remove(key, doc);
  ctx.records.push({ op: 'delete', db: coll.db, coll: coll.name, key });
}

/** The document an upsert inserts for query `q` and update `u` (with `_id` first, a new ObjectId when neither gives one). */
export function upsertDocument(q: Document, u: Document | Document[], arrayFilters: Document[] | undefined): Document {
  const seed = upsertSeed(q);
  let doc: Document;
  if (isReplacement(u)) {
    doc = { ...(u as Document) };
    if (doc._id === undefined && seed._id !== undefined) doc = { _id: seed._id, ...doc };
  } else {
    doc = applyUpdate(seed, u, { ...(arrayFilters ? { arrayFilters } : {}), isInsert: true }).doc;
    if (seed._id !== undefined && doc._id === undefined) doc = { _id: seed._id, ...doc };
  }
  return withIdFirst(doc);
}

/** Runs `step` for each item, turning CommandErrors into write errors; an ordered batch stops at the first. */
function eachStatement<T>(items: T[], ordered: boolean, errors: WriteError[], step: (item: T, index: number) => void): void {
  for (let i = 0; i < items.length; i++) {
    try {
      step(items[i]!, i);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      errors.push(toWriteError(i, error));
      if (ordered) return;
    }
  }
}

function result(base: WriteResult, errors: WriteError[]): WriteResult {
  return errors.length > 0 ? { ...base, writeErrors: errors } : base;
}

/** The insert command's semantics: `_id` added or moved first, collection created on first write, per-document errors. */
export function insertBatch(ctx: WriteContext, ns: Namespace, docs: Document[], ordered: boolean): WriteResult {
  assertWritableNamespace(ns);
  const errors: WriteError[] = [];
  let n = 0;
  let coll = ctx.catalog.get(ns);
  eachStatement(docs, ordered, errors, (raw) => {
    const doc = withIdFirst(raw);
    coll ??= ctx.catalog.obtain(ns, ctx.records).coll;
    insertOne(ctx, coll, doc);
    n++;
  });
  return result({ n }, errors);
}

/** The update command's semantics: per statement matched/modified counts, upserts, arrayFilters, multi. */
export function updateBatch(ctx: WriteContext, ns: Namespace, statements: UpdateStatement[], ordered: boolean): WriteResult {
  assertWritableNamespace(ns);
  const errors: WriteError[] = [];
  const upserted: { index: number; _id: unknown }[] = [];
  let n = 0;
  let nModified = 0;
  let indexed: { coll: Collection; fields: string[] | undefined } | undefined;
  eachStatement(statements, ordered, errors, (st, index) => {
    const replacement = isReplacement(st.u);
    if (st.multi && replacement) {
      throw new CommandError('FailedToParse', 'multi update is not supported for replacement-style update');
    }
    const coll = ctx.catalog.get(ns);
    if (coll !== undefined && indexed?.coll !== coll) indexed = { coll, fields: coll.indexedPaths() };
    const narrow = coll === undefined ? undefined : narrowUpdate(st, indexed!.fields);
    const { matches } = matching(coll, st.q, ctx.counters, { ...(st.hint === undefined ? {} : { hint: st.hint }), ...(narrow ? { decode: narrow.decode } : {}) });
    const targets = [];
    for (const m of matches) {
      targets.push(m);
      if (!st.multi) break;
    }
    const options = { query: st.q, ...(st.arrayFilters ? { arrayFilters: st.arrayFilters } : {}) };
    for (const { key, doc } of targets) {
      n++;
      if (updateStored(ctx, coll!, key, doc, st.u, options, narrow?.touched)) nModified++;
    }
    if (targets.length === 0 && st.upsert) {
      const doc = upsertDocument(st.q, st.u, st.arrayFilters);
      insertOne(ctx, ctx.catalog.obtain(ns, ctx.records).coll, doc);
      upserted.push({ index, _id: doc._id });
      n++;
    }
  });
  const base: WriteResult = upserted.length > 0 ? { n, nModified, upserted } : { n, nModified };
  return result(base, errors);
}

/**
 * Applies `update` to the stored document `doc` (under `key`); false when
 * nothing changed. With `touched`, `doc` holds only some top-level fields
 * (see narrow-writes.ts) and the result is spliced into the stored bytes;
 * bytes the splice cannot walk are updated as a whole document.
 */
function updateStored(
  ctx: WriteContext, coll: Collection, key: string, doc: Document, update: Document | Document[],
  options: { query: Document; arrayFilters?: Document[] }, touched: ReadonlySet<string> | undefined,
): boolean {
  const { doc: next, modified } = applyUpdate(doc, update, options);
  if (!modified) return false;
  if (touched === undefined) return replaceOne(ctx, coll, key, doc, next);
  const bytes = spliceFields(coll.store.getBytes(key)!, touched, next);
  if (bytes !== undefined) return replaceOne(ctx, coll, key, doc, next, bytes);
  const whole = coll.store.get(key)!;
  const result = applyUpdate(whole, update, options);
  return result.modified && replaceOne(ctx, coll, key, whole, result.doc);
}

/** The delete command's semantics: `limit: 1` removes the first match, `limit: 0` all of them. */
export function deleteBatch(ctx: WriteContext, ns: Namespace, statements: DeleteStatement[], ordered: boolean): WriteResult {
  assertWritableNamespace(ns);
  const errors: WriteError[] = [];
  let n = 0;
  eachStatement(statements, ordered, errors, (st) => {
    const coll = ctx.catalog.get(ns);
    const narrow = narrowDelete(st.q, coll);
    const { matches } = matching(coll, st.q, ctx.counters, { ...(st.hint === undefined ? {} : { hint: st.hint }), ...(narrow ? { decode: narrow.decode } : {}) });
    const targets = [];
    for (const m of matches) {
      targets.push(m);
      if (st.limit === 1) break;
    }
    for (const { key, doc } of targets) {
      removeOne(ctx, coll!, key, doc);
      n++;
    }
  });
  return result({ n }, errors);
}

