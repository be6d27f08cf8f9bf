import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { compareValues, compileFilter, compileProjection, compileSort, filterFields, keyString } from '../query/index.js';
import { fieldPicker, omitFields } from './bson-fields.js';
import { type Candidate, planCandidates } from './candidates.js';
import { type Collection, DESERIALIZE } from './collection.js';
import { forEachInSlices } from './cooperative.js';
import { matchesToCount } from './match-count.js';
import { type Plan, planQuery } from './planner.js';
import type { ExamineCounters } from './stats-counters.js';
import type { FindSpec } from './types.js';

function isEmpty(doc: Document | undefined): boolean {
  return doc === undefined || Object.keys(doc).length === 0;
}

/** The plan and the lazily filtered matches of `filter` (candidates verified by the compiled filter; `decode` as in planCandidates). */
export function matching(
  coll: Collection | undefined,
  filter: Document | undefined,
  counters: ExamineCounters[],
  options: { sort?: Document; hint?: Document | string; limit?: number; decode?: (bytes: Uint8Array) => Document } = {},
): { plan: Plan; matches: Generator<Candidate> } {
  const test = isEmpty(filter) ? undefined : compileFilter(filter!);
  const plan = planQuery(coll, filter, options.sort, options.hint, options.limit);
  function* matches(): Generator<Candidate> {
    for (const c of planCandidates(coll, plan, counters, options.decode)) if (test === undefined || test(c.doc)) yield c;
  }
  return { plan, matches: matches() };
}

/**
 * Sorts `items` by `compare` keeping only the first `keep` (all when
 * undefined); with a bound it never holds more than about 2×keep items, so
 * `sort + limit` over a large collection stays cheap in memory.
 */
export function sortTop<T>(items: Iterable<T>, compare: (a: T, b: T) => number, keep: number | undefined): T[] {
  const buf: T[] = [];
  const cap = keep === undefined ? Infinity : Math.max(2 * keep, 64);
  for (const item of items) {
    buf.push(item);
    if (buf.length >= cap) {
      buf.sort(compare);
      buf.length = keep!;
    }
  }
  buf.sort(compare);
  if (keep !== undefined && buf.length > keep) buf.length = keep;
  return buf;
}

/** The direction of a `{$natural: ±1}` sort, else undefined. */
function naturalOrder(sort: Document | undefined): number | undefined {
  if (sort === undefined) return undefined;
  const keys = Object.keys(sort);
  return keys.length === 1 && keys[0] === '$natural' ? (Number(sort.$natural) < 0 ? -1 : 1) : undefined;
}

/** Validated skip/limit: non-negative integers, limit 0 meaning none (a negative limit counts as its absolute value). */
function window(spec: { skip?: number; limit?: number }): { skip: number; limit: number | undefined } {
  const skip = Number(spec.skip ?? 0);
  if (!Number.isFinite(skip) || skip < 0) throw new CommandError('BadValue', 'skip value must be non-negative');
  const rawLimit = Math.abs(Number(spec.limit ?? 0));
  return { skip, limit: rawLimit === 0 ? undefined : rawLimit };
}

/** A find as mongod runs it: filter → sort → skip → limit → projection, lazily; spec errors are thrown before the first document. */
export function findDocuments(coll: Collection | undefined, spec: FindSpec, counters: ExamineCounters[]): { plan: Plan; docs: Iterator<Document> } {
  const natural = naturalOrder(spec.sort);
  if (natural !== undefined) {
    // `sort: {$natural: ±1}` is storage order, which a (reverse) collection scan gives without sorting.
    const { sort: _sort, ...rest } = spec;
    return findDocuments(coll, { ...rest, hint: { $natural: natural } }, counters);
  }
  const sortCompare = isEmpty(spec.sort) ? undefined : compileSort(spec.sort!);
  const project = isEmpty(spec.projection) ? undefined : compileProjection(spec.projection!, spec.filter);
  const { skip, limit } = window(spec);
  const hintOption = spec.hint === undefined ? {} : { hint: spec.hint };
  const limitOption = limit === undefined ? {} : { limit: skip + limit };
  const decode = project === undefined ? undefined : projectedDecoder(spec);
  const { plan, matches } = matching(coll, spec.filter, counters, { ...(spec.sort ? { sort: spec.sort } : {}), ...hintOption, ...limitOption, ...(decode ? { decode } : {}) });
  function* run(): Generator<Document> {
    let docs: Iterable<Document> = (function* () {
      for (const c of matches) yield c.doc;
    })();
    if (sortCompare !== undefined && !(plan.stage === 'IXSCAN' && plan.providesSort)) {
      docs = sortTop(docs, sortCompare, limit === undefined ? undefined : skip + limit);
    }
    let skipped = 0;
    let returned = 0;
    for (const doc of docs) {
      if (skipped < skip) {
        skipped++;
        continue;
      }
      returned++;
      yield project === undefined ? doc : project(doc);
      // Stop before pulling another candidate: examined counts must reflect only what the limit needed.
      if (limit !== undefined && returned >= limit) return;
    }
  }
  return { plan, docs: run() };
}

/**
 * A decoder of stored documents that skips what a find's projection drops
 * and its filter and sort do not read: a plain exclusion of top-level
 * fields (a catalog entry's search terms, which every catalog read projects
 * away) or a plain inclusion (only its paths are decoded). Undefined when
 * the whole document is needed: projection operators, positional paths, or
 * a filter whose fields cannot be listed (`$expr`, `$where`). The
 * projection itself still runs on what is decoded, so the answer is the
 * same.
 */
function projectedDecoder(spec: FindSpec): ((bytes: Uint8Array) => Document) | undefined {
  const projection = spec.projection!;
  const read = filterFields(spec.filter ?? {});
  if (read === undefined) return undefined;
  for (const path of Object.keys(spec.sort ?? {})) read.push(path.split('.')[0]!);
  const names = Object.keys(projection).filter((name) => name !== '_id');
  if (names.length === 0 || names.some((name) => name.includes('$'))) return undefined;
  const excluded = (name: string) => projection[name] === 0 || projection[name] === false;
  const included = (name: string) => projection[name] === 1 || projection[name] === true;
  if (names.every(excluded) && names.every((name) => !name.includes('.'))) {
    const omitted = names.filter((name) => !read.includes(name));
    return omitted.length === 0 ? undefined : (bytes) => omitFields(bytes, omitted, DESERIALIZE);
  }
  if (names.every(included)) return fieldPicker(['_id', ...names, ...read], DESERIALIZE);
  return undefined;
}

/** Number of matches after skip and limit (0 = none), as the count command answers. */
export function countDocuments(coll: Collection | undefined, filter: Document, counters: ExamineCounters[], skip = 0, limit = 0): number {
  const w = window({ skip, limit });
  if (isEmpty(filter)) {
    // Without a filter the answer is the record count, as mongod reads it from collection metadata.
    const total = Math.max(0, (coll?.store.size ?? 0) - w.skip);
    return w.limit === undefined ? total : Math.min(total, w.limit);
  }
  let n = 0;
  for (const _ of matchesToCount(coll, filter, counters)) {
    n++;
    if (w.limit !== undefined && n >= w.skip + w.limit) break;
  }
  return Math.max(0, n - w.skip);
}

/** Every stored document decoded down to the top-level `fields`, in storage order, each counted as examined. */
export function* fieldsOfAll(coll: Collection | undefined, fields: string[], counters: ExamineCounters[]): Generator<Document> {
  if (coll === undefined) return;
  const pick = fieldPicker(fields, DESERIALIZE);
  for (const [, bytes] of coll.store.entries()) {
    for (const c of counters) c.docsExamined++;
    yield pick(bytes);
  }
}

/**
 * The matches of `filter` as documents holding at least `fields` and what
 * the filter reads. A collection scan then decodes only those fields (most
 * of a scan's cost is decoding); other plans give whole documents.
 */
function matchesWithFields(coll: Collection | undefined, filter: Document, counters: ExamineCounters[], fields: string[]): Iterator<Document> {
  const { plan, matches } = matching(coll, filter, counters);
  const read = isEmpty(filter) ? [] : filterFields(filter);
  if (plan.stage !== 'COLLSCAN' || plan.reverse || read === undefined) {
    return (function* () {
      for (const c of matches) yield c.doc;
    })();
  }
  const test = isEmpty(filter) ? undefined : compileFilter(filter);
  const docs = fieldsOfAll(coll, [...new Set([...read, ...fields])], counters);
  return (function* () {
    for (const doc of docs) if (test === undefined || test(doc)) yield doc;
  })();
}

/** countDocuments, yielding to the event loop while it scans (see cooperative.ts). */
export async function countDocumentsInSlices(coll: Collection | undefined, filter: Document, counters: ExamineCounters[], skip = 0, limit = 0): Promise<number> {
  const w = window({ skip, limit });
  if (isEmpty(filter)) return countDocuments(coll, filter, counters, skip, limit);
  let n = 0;
  await forEachInSlices(matchesToCount(coll, filter, counters), () => {
    n++;
    return !(w.limit !== undefined && n >= w.skip + w.limit);
  });
  return Math.max(0, n - w.skip);
}

/** Leaf values of a dotted path as distinct sees them: arrays met on the way or at the end are expanded, a missing path gives none. */
function distinctValues(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) out.push(...value);
    else if (value !== undefined) out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const e of value) if (typeof e === 'object' && e !== null && !Array.isArray(e)) distinctValues(e, parts, i, out);
    return;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    distinctValues((value as Document)[parts[i]!], parts, i + 1, out);
  }
}

/** Collects the distinct values of a dotted path, keyed by canonical value. */
function distinctCollector(key: string): { add: (doc: Document) => void; values: () => unknown[] } {
  if (typeof key !== 'string' || key.length === 0) throw new CommandError('BadValue', 'distinct key must be a non-empty string');
  const parts = key.split('.');
  const seen = new Map<string, unknown>();
  const add = (doc: Document): void => {
    const values: unknown[] = [];
    distinctValues(doc, parts, 0, values);
    for (const v of values) {
      const k = keyString(v);
      if (!seen.has(k)) seen.set(k, v);
    }
  };
  return { add, values: () => [...seen.values()].sort(compareValues) };
}

/** The distinct values of `key` among matches of `filter`, in mongod's value order. */
export function distinctOf(coll: Collection | undefined, key: string, filter: Document, counters: ExamineCounters[]): unknown[] {
  const collector = distinctCollector(key);
  for (const { doc } of matching(coll, filter, counters).matches) collector.add(doc);
  return collector.values();
}

/** distinctOf, yielding to the event loop while it scans (see cooperative.ts). */
export async function distinctInSlices(coll: Collection | undefined, key: string, filter: Document, counters: ExamineCounters[]): Promise<unknown[]> {
  const collector = distinctCollector(key);
  await forEachInSlices(matchesWithFields(coll, filter, counters, [key.split('.')[0]!]), (doc) => collector.add(doc));
  return collector.values();
}
