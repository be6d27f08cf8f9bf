/**
 * `$lookup` in both forms: equality joins by canonical value keys (arrays
 * element by element, null matching missing) and `let`/`pipeline`
 * sub-queries with the outer variables visible to `$expr`. An equality join
 * on a field the foreign collection indexes looks the outer documents'
 * values up in that index, a chunk of documents per read, instead of
 * reading the whole foreign collection.
 */
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator as LazyIterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { setField } from './field-stages.js';
import { keyString } from './key-string.js';
import { mingoOptions } from './mingo-context.js';
import { pathValues } from './paths.js';

type Any = unknown;
type AnyObject = Record<string, unknown>;
type Stage = (coll: LazyIterator, expr: Any, options: Options) => LazyIterator;

/** The variables visible to a stage: globals plus the locals of an enclosing $lookup. */
function visibleVariables(options: Options): AnyObject {
  const local = (options as { local?: { variables?: AnyObject } }).local;
  return { ...(options.variables ?? {}), ...(local?.variables ?? {}) };
}

function lookupKeys(doc: AnyObject, path: string): string[] {
  return pathValues(doc, path).map((v) => keyString(v ?? null));
}

/** Documents of collection `name` whose `field` matches one of `values` through an index, or undefined when no index serves `field`. */
export type EqualityLookup = (name: string, field: string, values: unknown[]) => AnyObject[] | undefined;

type Resolver = NonNullable<Options['collectionResolver']>;

/** `resolver` carrying an index path for equality joins; stages receive the resolver function itself, so the path reaches every $lookup. */
export function withEqualityLookup(resolver: Resolver, findEqual: EqualityLookup): Resolver {
  return Object.assign((name: string) => resolver(name), { findEqual });
}

function equalityLookupOf(resolver: Resolver): EqualityLookup | undefined {
  return (resolver as Resolver & { findEqual?: EqualityLookup }).findEqual;
}

/** Values an index lookup by `$in` finds exactly as the join's equality does: no regex (a pattern in `$in`), array or document. */
function isPlainKey(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function') || value instanceof Date || isBsonScalar(value);
}

function isBsonScalar(value: unknown): boolean {
  const type = (value as { _bsontype?: unknown })._bsontype;
  return typeof type === 'string' && type !== 'BSONRegExp' && type !== 'Code';
}

export const $lookup: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', '$lookup takes an object');
  const { from, localField, foreignField, as, pipeline } = expr as AnyObject;
  const letSpec = (expr as AnyObject).let;
  if (typeof as !== 'string' || as === '') throw new CommandError('FailedToParse', "$lookup requires 'as' to be a string");
  const asParts = as.split('.');
  if (typeof from !== 'string') throw new CommandError('FailedToParse', "$lookup requires 'from' to be a string");
  if ((localField === undefined) !== (foreignField === undefined)) {
    throw new CommandError('FailedToParse', '$lookup requires both or neither of localField and foreignField');
  }
  if (localField === undefined && pipeline === undefined) {
    throw new CommandError('FailedToParse', '$lookup requires either pipeline or localField and foreignField');
  }
  if (pipeline !== undefined && !Array.isArray(pipeline)) throw new CommandError('FailedToParse', "$lookup 'pipeline' must be an array");
  const resolver = options.collectionResolver;
  if (!resolver) throw new CommandError('NamespaceNotFound', `$lookup cannot resolve collection ${from}`);
  const equality = typeof localField === 'string' && typeof foreignField === 'string' ? { localField, foreignField } : undefined;
  const findEqual = equality ? equalityLookupOf(resolver) : undefined;

  // The whole foreign collection, read once and only when some outer document needs it (a sub-pipeline without a join, or a join no index serves).
  let foreignAll: AnyObject[] | undefined;
  const foreign = (): AnyObject[] => (foreignAll ??= resolver(from));
  let byKey: Map<string, AnyObject[]> | undefined;
  const keyed = (field: string): Map<string, AnyObject[]> => {
    if (byKey) return byKey;
    byKey = new Map();
    for (const doc of foreign()) {
      for (const k of new Set(lookupKeys(doc, field))) {
        const list = byKey.get(k);
        if (list) list.push(doc);
        else byKey.set(k, [doc]);
      }
    }
    return byKey;
  };
  const joinKeys = (doc: AnyObject, join: { localField: string; foreignField: string }): AnyObject[] => {
    const index = keyed(join.foreignField);
    const matched = new Set<AnyObject>();
    for (const k of lookupKeys(doc, join.localField)) for (const f of index.get(k) ?? []) matched.add(f);
    // Keep the foreign collection's order.
    return foreign().filter((f) => matched.has(f));
  };
  const outer = visibleVariables(options);
  const finish = (doc: AnyObject, found: AnyObject[]): AnyObject => {
    let joined = found;
    if (Array.isArray(pipeline)) {
      const vars: AnyObject = { ...outer };
      if (isPlainObject(letSpec)) {
        for (const [name, e] of Object.entries(letSpec)) vars[name] = evalExpr(doc, e, options);
      }
      joined = runSubPipeline(joined, pipeline as Document[], vars, options.collectionResolver);
    }
    const out = { ...doc };
    setField(out, asParts, 0, joined);
    return out;
  };
  if (equality && findEqual) {
    // Outer documents are joined a chunk at a time: one index read for all the chunk's values.
    return Lazy(
      (function* () {
        for (const docs of chunksOf(coll, LOOKUP_CHUNK)) {
          const viaIndex = indexJoin(docs, equality, (values) => findEqual(from, equality.foreignField, values));
          for (let i = 0; i < docs.length; i++) yield finish(docs[i]!, viaIndex[i] ?? joinKeys(docs[i]!, equality));
        }
      })(),
    );
  }
  return coll.map((doc: AnyObject) => finish(doc, equality ? joinKeys(doc, equality) : foreign()));
};

// Outer documents joined per index read; bounds what a chunk holds in memory.
const LOOKUP_CHUNK = 256;

function* chunksOf(coll: LazyIterator, size: number): Generator<AnyObject[]> {
  let chunk: AnyObject[] = [];
  for (let r = coll.next(); !r.done; r = coll.next()) {
    chunk.push(r.value as AnyObject);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The joined documents of each of `docs` through one index read of all
 * their local values; undefined for a document whose values an index
 * cannot look up as the join compares them (or for all, when no index
 * serves the foreign field).
 */
function indexJoin(docs: AnyObject[], join: { localField: string; foreignField: string }, read: (values: unknown[]) => AnyObject[] | undefined): (AnyObject[] | undefined)[] {
  const keysOf = docs.map((doc) => {
    const values = pathValues(doc, join.localField);
    return values.every(isPlainKey) ? new Map(values.map((v) => [keyString(v ?? null), v ?? null])) : undefined;
  });
  const wanted = new Map<string, unknown>();
  for (const keys of keysOf) if (keys) for (const [k, v] of keys) wanted.set(k, v);
  const found = wanted.size === 0 ? [] : read([...wanted.values()]);
  if (found === undefined) return docs.map(() => undefined);
  // The index may return a document once per matching key; each is joined once per outer document, and only to true equals.
  const byKey = new Map<string, AnyObject[]>();
  const seen = new Set<string>();
  for (const f of found) {
    const id = keyString(f._id ?? null);
    if (seen.has(id)) continue;
    seen.add(id);
    for (const k of new Set(lookupKeys(f, join.foreignField))) {
      if (!wanted.has(k)) continue;
      const list = byKey.get(k);
      if (list) list.push(f);
      else byKey.set(k, [f]);
    }
  }
  return keysOf.map((keys) => {
    if (!keys) return undefined;
    const joined = new Set<AnyObject>();
    for (const k of keys.keys()) for (const f of byKey.get(k) ?? []) joined.add(f);
    return [...joined];
  });
}

function runSubPipeline(input: AnyObject[], pipeline: Document[], variables: AnyObject, resolver: Options['collectionResolver']): AnyObject[] {
  const options = mingoOptions({ variables, ...(resolver ? { collectionResolver: resolver } : {}) });
  return new Aggregator(pipeline, options).run(input);
}

