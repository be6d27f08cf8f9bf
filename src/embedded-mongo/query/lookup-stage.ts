/**
 * `$lookup` in both forms: equality joins by canonical value keys (arrays
 * element by element, null matching missing) and `let`/`pipeline`
 * sub-queries with the outer variables visible to `$expr`. An equality join
 * on a field the foreign collection indexes looks each outer document's
 * values up in that index instead of reading the whole collection.
 */
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import type { Iterator as LazyIterator } from 'mingo/lazy';
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
    const values = pathValues(doc, join.localField);
    if (findEqual && values.every(isPlainKey)) {
      const found = findEqual(from, join.foreignField, values);
      if (found) {
        // The index may return a document once per matching key; the join keeps each once, and only true equals.
        const wanted = new Set(values.map((v) => keyString(v ?? null)));
        const seen = new Set<unknown>();
        return found.filter((f) => {
          const id = keyString(f._id ?? null);
          if (seen.has(id) || !lookupKeys(f, join.foreignField).some((k) => wanted.has(k))) return false;
          seen.add(id);
          return true;
        });
      }
    }
    const index = keyed(join.foreignField);
    const matched = new Set<AnyObject>();
    for (const k of lookupKeys(doc, join.localField)) for (const f of index.get(k) ?? []) matched.add(f);
    // Keep the foreign collection's order.
    return foreign().filter((f) => matched.has(f));
  };
  const outer = visibleVariables(options);
  return coll.map((doc: AnyObject) => {
    let joined = equality ? joinKeys(doc, equality) : foreign();
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
  });
};

function runSubPipeline(input: AnyObject[], pipeline: Document[], variables: AnyObject, resolver: Options['collectionResolver']): AnyObject[] {
  const options = mingoOptions({ variables, ...(resolver ? { collectionResolver: resolver } : {}) });
  return new Aggregator(pipeline, options).run(input);
}

