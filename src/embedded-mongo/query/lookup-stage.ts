/**
 * `$lookup` in both forms: equality joins by canonical value keys (arrays
 * element by element, null matching missing) and `let`/`pipeline`
 * sub-queries with the outer variables visible to `$expr`.
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
  const foreign = resolver(from);

  let byKey: Map<string, AnyObject[]> | null = null;
  if (typeof localField === 'string' && typeof foreignField === 'string') {
    byKey = new Map();
    for (const doc of foreign) {
      for (const k of new Set(lookupKeys(doc, foreignField))) {
        const list = byKey.get(k);
        if (list) list.push(doc);
        else byKey.set(k, [doc]);
      }
    }
  }
  const joinKeys = (doc: AnyObject): AnyObject[] => {
    const matched = new Set<AnyObject>();
    for (const k of lookupKeys(doc, localField as string)) for (const f of byKey!.get(k) ?? []) matched.add(f);
    // Keep the foreign collection's order.
    return foreign.filter((f) => matched.has(f));
  };
  const outer = visibleVariables(options);
  return coll.map((doc: AnyObject) => {
    let joined = byKey ? joinKeys(doc) : foreign;
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

