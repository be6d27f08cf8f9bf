/**
 * Filtering, ordering and grouping stages on this server's own semantics:
 * $match (own filter), $sort (BSON order), $group/$sortByCount (canonical
 * value keys), $limit (stops reading), $sample (without replacement).
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator as LazyIterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { isPlainObject } from './bson-types.js';
import { compileFilterWith } from './filter.js';
import { compileFastGroupWith, withoutMissing } from './group-fast.js';
import { keyString } from './key-string.js';
import { isNumeric, toDouble } from './numbers.js';
import { compileSort } from './sort.js';

type Any = unknown;
type AnyObject = Record<string, unknown>;
type Stage = (coll: LazyIterator, expr: Any, options: Options) => LazyIterator;

export const $match: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', 'the match filter must be an expression in an object');
  const test = compileFilterWith(expr as Document, options);
  return coll.filter((doc: Any) => test(doc as Document));
};

export const $sort: Stage = (coll, expr, _options) => {
  if (!isPlainObject(expr) || Object.keys(expr).length === 0) {
    throw new CommandError('Location15974', '$sort stage must have at least one sort key');
  }
  const cmp = compileSort(expr as Document);
  return coll.transform((items: Document[]) => Lazy(items.slice().sort(cmp)));
};

function accumulate(group: AnyObject[], spec: Any, field: string, options: Options): Any {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) {
    throw new CommandError('BadValue', `The field '${field}' must be an accumulator object`);
  }
  const [op, operand] = Object.entries(spec)[0]!;
  const fn = options.context.getOperator('accumulator' as never, op) as ((c: Any[], e: Any, o: Options) => Any) | null;
  if (!fn) throw new CommandError('BadValue', `unknown group operator '${op}'`);
  return fn(group, operand, options);
}

export const $group: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr) || !('_id' in expr)) throw new CommandError('FailedToParse', "a group specification must include an _id");
  const { _id: idExpr, ...fields } = expr as AnyObject;
  for (const f of Object.keys(fields)) {
    if (f.includes('.')) throw new CommandError('BadValue', `The field name '${f}' cannot contain '.'`);
  }
  const fast = compileFastGroupWith(expr, options);
  if (fast === undefined) return groupEvaluated(coll, idExpr, fields, options);
  // Folds the input as it streams instead of holding every group's documents.
  let out: LazyIterator | undefined;
  return Lazy(() => {
    if (out === undefined) {
      const run = fast.start();
      for (let r = coll.next(); !r.done; r = coll.next()) run.add(r.value as Document);
      out = Lazy(run.result());
    }
    return out.next();
  });
};

/** The general `$group`: each group's documents collected, then every accumulator evaluated over them through the operator context. */
export function groupEvaluated(coll: LazyIterator, idExpr: Any, fields: AnyObject, options: Options): LazyIterator {
  return coll.transform((items: AnyObject[]) => {
    const groups = new Map<string, { id: Any; docs: AnyObject[] }>();
    for (const doc of items) {
      const id = withoutMissing(evalExpr(doc, idExpr, options)) ?? null;
      const k = keyString(id);
      let g = groups.get(k);
      if (!g) {
        g = { id, docs: [] };
        groups.set(k, g);
      }
      g.docs.push(doc);
    }
    const out: AnyObject[] = [];
    for (const { id, docs } of groups.values()) {
      const row: AnyObject = { _id: id };
      for (const [name, spec] of Object.entries(fields)) row[name] = accumulate(docs, spec, name, options);
      out.push(row);
    }
    return Lazy(out);
  });
}

export const $sortByCount: Stage = (coll, expr, options) =>
  $sort($group(coll, { _id: expr, count: { $sum: 1 } }, options), { count: -1 }, options);

/** Stops pulling from its input once `n` documents passed (mingo's own `take` keeps reading to the end). */
export const $limit: Stage = (coll, expr) => {
  if (!isNumeric(expr) || !Number.isInteger(toDouble(expr)) || toDouble(expr) <= 0) {
    throw new CommandError('BadValue', 'the limit must be positive');
  }
  let left = toDouble(expr);
  return Lazy(() => (left-- > 0 ? coll.next() : { done: true, value: undefined }));
};

/** Distinct documents in random order (mingo's draws with replacement); all of them when size exceeds the input. */
export const $sample: Stage = (coll, expr) => {
  const size = isPlainObject(expr) ? expr.size : undefined;
  if (!isNumeric(size) || toDouble(size) < 0) throw new CommandError('BadValue', 'size argument to $sample must be a non-negative number');
  const n = Math.floor(toDouble(size));
  return coll.transform((items: Any[]) => {
    const pool = items.slice();
    const take = Math.min(n, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(Math.random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return Lazy(pool.slice(0, take));
  });
};

