/**
 * `$unwind` and `$bucket` as mongod runs them. mingo's `$unwind` writes
 * into its input documents and drops empty strings; its `$bucket` emits
 * empty buckets and orders boundaries with its own comparison.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator as LazyIterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject, typeRank } from './bson-types.js';
import { compareValues } from './compare.js';

type AnyObject = Record<string, unknown>;

function readPath(doc: AnyObject, parts: string[]): unknown {
  let v: unknown = doc;
  for (const p of parts) {
    if (!isPlainObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

/** A copy of `doc` with the value at `parts` replaced (or removed when `value` is undefined), sharing what is untouched. */
function withPath(doc: AnyObject, parts: string[], i: number, value: unknown): AnyObject {
  const key = parts[i]!;
  const out = { ...doc };
  if (i === parts.length - 1) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  } else {
    out[key] = withPath(out[key] as AnyObject, parts, i + 1, value);
  }
  return out;
}

/** mongod's `$unwind`: one document per array element; scalars pass through; empty/null/missing only when preserved. */
export function $unwind(coll: LazyIterator, expr: unknown): LazyIterator {
  const spec = typeof expr === 'string' ? { path: expr } : expr;
  if (!isPlainObject(spec) || typeof spec.path !== 'string') throw new CommandError('BadValue', "expected either a string or an object as specification for $unwind stage");
  if (!spec.path.startsWith('$') || spec.path.length < 2) throw new CommandError('BadValue', "path option to $unwind stage should be prefixed with a '$'");
  const parts = spec.path.slice(1).split('.');
  const indexField = spec.includeArrayIndex;
  if (indexField !== undefined && (typeof indexField !== 'string' || indexField === '' || indexField.startsWith('$'))) {
    throw new CommandError('BadValue', 'includeArrayIndex option to $unwind stage must be a non-empty string not starting with $');
  }
  const preserve = spec.preserveNullAndEmptyArrays === true;
  const indexParts = typeof indexField === 'string' ? indexField.split('.') : null;
  const tag = (doc: AnyObject, i: number | null): AnyObject => (indexParts ? withPath(doc, indexParts, 0, i) : doc);
  let pending: AnyObject[] = [];
  return Lazy(() => {
    for (;;) {
      const queued = pending.shift();
      if (queued) return { value: queued, done: false };
      const next = coll.next();
      if (next.done) return { done: true, value: undefined };
      const doc = next.value as AnyObject;
      const value = readPath(doc, parts);
      if (Array.isArray(value)) {
        if (value.length === 0) {
          if (preserve) return { value: tag(withPath(doc, parts, 0, undefined), null), done: false };
          continue;
        }
        pending = value.map((e, i) => tag(withPath(doc, parts, 0, e), i));
        continue;
      }
      if (value === null || value === undefined) {
        if (preserve) return { value: tag(doc, null), done: false };
        continue;
      }
      return { value: tag(doc, null), done: false };
    }
  });
}

/** mongod's `$bucket`: documents grouped by boundary ranges (or the default), non-empty buckets only, in boundary order. */
export function $bucket(coll: LazyIterator, expr: unknown, options: Options): LazyIterator {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', 'Argument to $bucket stage must be an object');
  const { groupBy, boundaries, output } = expr;
  const hasDefault = 'default' in expr;
  if (groupBy === undefined || !Array.isArray(boundaries)) throw new CommandError('BadValue', "$bucket requires 'groupBy' and 'boundaries' to be specified");
  if (boundaries.length < 2) throw new CommandError('BadValue', "The $bucket 'boundaries' field must have at least 2 values");
  for (let i = 1; i < boundaries.length; i++) {
    if (typeRank(boundaries[i]) !== typeRank(boundaries[0])) throw new CommandError('BadValue', "All values in the 'boundaries' option to $bucket must have the same type");
    if (compareValues(boundaries[i - 1], boundaries[i]) >= 0) throw new CommandError('BadValue', "The 'boundaries' option to $bucket must be sorted in ascending order");
  }
  const lower = boundaries[0];
  const upper = boundaries[boundaries.length - 1];
  if (hasDefault && typeRank(expr.default) === typeRank(lower) && compareValues(expr.default, lower) >= 0 && compareValues(expr.default, upper) < 0) {
    throw new CommandError('BadValue', "The $bucket 'default' field must be less than the lowest boundary or greater than or equal to the highest boundary");
  }
  const outputSpec = (isPlainObject(output) ? output : { count: { $sum: 1 } }) as Document;
  return coll.transform((items: AnyObject[]) => {
    const buckets: AnyObject[][] = boundaries.slice(0, -1).map(() => []);
    const others: AnyObject[] = [];
    for (const doc of items) {
      const key = evalExpr(doc, groupBy, options) ?? null;
      if (typeRank(key) !== typeRank(lower) || compareValues(key, lower) < 0 || compareValues(key, upper) >= 0) {
        if (!hasDefault) throw new CommandError('BadValue', "$bucket could not find a matching branch for an input, and no default was specified.");
        others.push(doc);
        continue;
      }
      let lo = 0;
      let hi = boundaries.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (compareValues(key, boundaries[mid]) >= 0) lo = mid;
        else hi = mid;
      }
      buckets[lo]!.push(doc);
    }
    const out: AnyObject[] = [];
    const emit = (id: unknown, docs: AnyObject[]) => {
      const row: AnyObject = { _id: id };
      for (const [name, acc] of Object.entries(outputSpec)) row[name] = evalExpr(docs, acc, options);
      out.push(row);
    };
    buckets.forEach((docs, i) => docs.length > 0 && emit(boundaries[i], docs));
    if (others.length > 0) emit(expr.default, others);
    return Lazy(out);
  });
}
