/**
 * Replacements for the mingo operators whose semantics differ from mongod:
 * numeric accumulators and arithmetic (exact Decimal128/Long), value
 * comparison and equality (BSON order, numbers across types), grouping and
 * joining by canonical value keys, sorting and matching with this server's
 * own sort and filter.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import { Aggregator } from 'mingo/aggregator';
import { Lazy, type Iterator as LazyIterator } from 'mingo/lazy';
import { $push } from 'mingo/operators/accumulator';
import { $add as mingoAdd, $subtract as mingoSubtract } from 'mingo/operators/expression';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { averageNumbers, binaryArithmetic, sumNumbers } from './arithmetic.js';
import { isPlainObject } from './bson-types.js';
import { conversionExpressions } from './conversion-ops.js';
import { numericExpressions } from './numeric-ops.js';
import { compareValues, valuesEqual } from './compare.js';
import { compileFilterWith } from './filter.js';
import { keyString } from './key-string.js';
import { mingoOptions, overrideOperators, type OperatorOverrides } from './mingo-context.js';
import { isNumeric, toDouble } from './numbers.js';
import { pathValues } from './paths.js';
import { buildProjection } from './projection.js';
import { $bucket, $unwind } from './reshape-stages.js';
import { compileSort } from './sort.js';

type Any = unknown;
type AnyObject = Record<string, unknown>;

/** Values of an accumulator's operand over a group (or the array itself when used as an expression). */
function operandValues(coll: Any[], expr: Any, options: Options): Any[] {
  return $push(coll as AnyObject[], expr, options) as Any[];
}

/**
 * Accumulators double as expressions (`{$sum: '$arr'}` in $project). mingo
 * calls the expression operator with an array `obj` when it means the
 * accumulator, so an array there is the group.
 */
function expressionValues(obj: Any, expr: Any, options: Options): Any[] {
  if (Array.isArray(expr)) return expr.map((e) => evalExpr(obj, e, options));
  const v = evalExpr(obj, expr, options);
  return Array.isArray(v) ? v : [v];
}

function sumOf(values: Any[]): Any {
  return sumNumbers(values.filter(isNumeric));
}

function avgOf(values: Any[]): Any {
  return averageNumbers(values.filter(isNumeric));
}

function extremeOf(values: Any[], sign: 1 | -1): Any {
  let best: Any = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (best === null || compareValues(v, best) * sign > 0) best = v;
  }
  return best;
}

function uniqueOf(values: Any[]): Any[] {
  const seen = new Set<string>();
  const out: Any[] = [];
  for (const v of values) {
    if (v === undefined) continue;
    const k = keyString(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

export const accumulators = {
  $sum: (coll: Any[], expr: Any, options: Options): Any => sumOf(operandValues(coll, expr, options)),
  $avg: (coll: Any[], expr: Any, options: Options): Any => avgOf(operandValues(coll, expr, options)),
  $min: (coll: Any[], expr: Any, options: Options): Any => extremeOf(operandValues(coll, expr, options), -1),
  $max: (coll: Any[], expr: Any, options: Options): Any => extremeOf(operandValues(coll, expr, options), 1),
  $addToSet: (coll: Any[], expr: Any, options: Options): Any => uniqueOf(operandValues(coll, expr, options)),
};

function asAccumulatorOrExpression(acc: (coll: Any[], expr: Any, options: Options) => Any, reduce: (values: Any[]) => Any) {
  return (obj: Any, expr: Any, options: Options): Any =>
    Array.isArray(obj) ? acc(obj, expr, options) : reduce(expressionValues(obj, expr, options));
}

function twoArgs(obj: Any, expr: Any, options: Options, name: string): [Any, Any] {
  if (!Array.isArray(expr) || expr.length !== 2) {
    throw new CommandError('BadValue', `Expression ${name} takes exactly 2 arguments. ${Array.isArray(expr) ? expr.length : 1} were passed in.`);
  }
  return [evalExpr(obj, expr[0], options), evalExpr(obj, expr[1], options)];
}

function comparison(name: string, test: (c: number) => boolean) {
  return (obj: Any, expr: Any, options: Options): Any => {
    const [a, b] = twoArgs(obj, expr, options, name);
    return test(compareValues(a ?? null, b ?? null));
  };
}

function arithmetic(name: string, op: '+' | '-' | '*' | '/', fallback?: (obj: Any, expr: Any, options: Options) => Any) {
  return (obj: Any, expr: Any, options: Options): Any => {
    const args = Array.isArray(expr) ? expr.map((e) => evalExpr(obj, e, options)) : [evalExpr(obj, expr, options)];
    if (args.some((a) => a === null || a === undefined)) return null;
    if (!args.every(isNumeric)) {
      if (fallback) return fallback(obj, expr, options);
      throw new CommandError('TypeMismatch', `${name} only supports numeric types`);
    }
    if ((op === '-' || op === '/') && args.length !== 2) {
      throw new CommandError('BadValue', `Expression ${name} takes exactly 2 arguments. ${args.length} were passed in.`);
    }
    if (op === '/' && compareValues(args[1], 0) === 0) throw new CommandError('BadValue', "can't $divide by zero");
    let acc: Any = args[0] ?? (op === '*' ? 1 : 0);
    for (let i = 1; i < args.length; i++) acc = binaryArithmetic(op, acc, args[i]);
    return acc;
  };
}

export const expressions = {
  $sum: asAccumulatorOrExpression(accumulators.$sum, sumOf),
  $avg: asAccumulatorOrExpression(accumulators.$avg, avgOf),
  $min: asAccumulatorOrExpression(accumulators.$min, (v) => extremeOf(v, -1)),
  $max: asAccumulatorOrExpression(accumulators.$max, (v) => extremeOf(v, 1)),
  $eq: comparison('$eq', (c) => c === 0),
  $ne: comparison('$ne', (c) => c !== 0),
  $gt: comparison('$gt', (c) => c > 0),
  $gte: comparison('$gte', (c) => c >= 0),
  $lt: comparison('$lt', (c) => c < 0),
  $lte: comparison('$lte', (c) => c <= 0),
  $cmp: (obj: Any, expr: Any, options: Options): Any => {
    const [a, b] = twoArgs(obj, expr, options, '$cmp');
    return compareValues(a ?? null, b ?? null);
  },
  $in: (obj: Any, expr: Any, options: Options): Any => {
    const [item, arr] = twoArgs(obj, expr, options, '$in');
    if (!Array.isArray(arr)) throw new CommandError('BadValue', "$in requires an array as a second argument");
    return arr.some((v) => valuesEqual(v, item ?? null));
  },
  $add: arithmetic('$add', '+', mingoAdd as (obj: Any, expr: Any, options: Options) => Any),
  $subtract: arithmetic('$subtract', '-', mingoSubtract as (obj: Any, expr: Any, options: Options) => Any),
  $multiply: arithmetic('$multiply', '*'),
  $divide: arithmetic('$divide', '/'),
  ...conversionExpressions,
  ...numericExpressions,
};

type Stage = (coll: LazyIterator, expr: Any, options: Options) => LazyIterator;

const $match: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', 'the match filter must be an expression in an object');
  const test = compileFilterWith(expr as Document, options);
  return coll.filter((doc: Any) => test(doc as Document));
};

const $sort: Stage = (coll, expr, _options) => {
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

/** Drops fields that evaluated to missing, as mongod leaves them out of computed documents. */
function withoutMissing(v: Any): Any {
  if (!isPlainObject(v)) return v;
  const out: AnyObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = withoutMissing(x);
  return out;
}

const $group: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr) || !('_id' in expr)) throw new CommandError('FailedToParse', "a group specification must include an _id");
  const { _id: idExpr, ...fields } = expr as AnyObject;
  for (const f of Object.keys(fields)) {
    if (f.includes('.')) throw new CommandError('BadValue', `The field name '${f}' cannot contain '.'`);
  }
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
};

const $sortByCount: Stage = (coll, expr, options) =>
  $sort($group(coll, { _id: expr, count: { $sum: 1 } }, options), { count: -1 }, options);

/** The variables visible to a stage: globals plus the locals of an enclosing $lookup. */
function visibleVariables(options: Options): AnyObject {
  const local = (options as { local?: { variables?: AnyObject } }).local;
  return { ...(options.variables ?? {}), ...(local?.variables ?? {}) };
}

function lookupKeys(doc: AnyObject, path: string): string[] {
  return pathValues(doc, path).map((v) => keyString(v ?? null));
}

const $lookup: Stage = (coll, expr, options) => {
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

/** Stops pulling from its input once `n` documents passed (mingo's own `take` keeps reading to the end). */
const $limit: Stage = (coll, expr) => {
  if (!isNumeric(expr) || !Number.isInteger(toDouble(expr)) || toDouble(expr) <= 0) {
    throw new CommandError('BadValue', 'the limit must be positive');
  }
  let left = toDouble(expr);
  return Lazy(() => (left-- > 0 ? coll.next() : { done: true, value: undefined }));
};

const $project: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', '$project specification must be an object');
  const project = buildProjection(expr as Document, { mode: 'aggregate', options });
  return coll.map((doc: Document) => project(doc));
};

/** `$unset` as an exclusion projection that copies (mingo's deletes nested fields from its input). */
const $unset: Stage = (coll, expr, options) => {
  const fields = typeof expr === 'string' ? [expr] : expr;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string')) {
    throw new CommandError('BadValue', '$unset specification must be a string or an array of strings');
  }
  const project = buildProjection(Object.fromEntries(fields.map((f) => [f, 0])), { mode: 'aggregate', options });
  return coll.map((doc: Document) => project(doc));
};

/** `$addFields` specs: nested literal documents are field specs merged into embedded documents. */
function addFieldEntries(spec: AnyObject, prefix: string[], out: [string[], Any][]): void {
  for (const [k, v] of Object.entries(spec)) {
    if (k.startsWith('$')) throw new CommandError('BadValue', `FieldPath field names may not start with '$': '${k}'`);
    const parts = [...prefix, ...k.split('.')];
    if (parts.some((p) => p === '')) throw new CommandError('BadValue', `FieldPath field names may not be empty strings: '${k}'`);
    if (isPlainObject(v) && Object.keys(v).length > 0 && !Object.keys(v).some((key) => key.startsWith('$'))) addFieldEntries(v, parts, out);
    else out.push([parts, v]);
  }
}

/** Sets (or, for undefined, removes) a field, copying the documents on the way and applying to each document of an array. */
function setField(container: AnyObject, parts: string[], i: number, value: Any): void {
  const key = parts[i]!;
  if (i === parts.length - 1) {
    if (value === undefined) delete container[key];
    else container[key] = value;
    return;
  }
  const child = container[key];
  if (Array.isArray(child)) {
    container[key] = child.map((e) => {
      if (!isPlainObject(e)) return e;
      const copy = { ...e };
      setField(copy, parts, i + 1, value);
      return copy;
    });
    return;
  }
  if (value === undefined && !isPlainObject(child)) return;
  const copy: AnyObject = isPlainObject(child) ? { ...child } : {};
  container[key] = copy;
  setField(copy, parts, i + 1, value);
}

const $addFields: Stage = (coll, expr, options) => {
  if (!isPlainObject(expr)) throw new CommandError('BadValue', '$addFields specification must be an object');
  const entries: [string[], Any][] = [];
  addFieldEntries(expr, [], entries);
  return coll.map((doc: AnyObject) => {
    const values = entries.map(([, e]) => evalExpr(doc, e, options));
    const out = { ...doc };
    entries.forEach(([parts], i) => setField(out, parts, 0, values[i]));
    return out;
  });
};

/** Distinct documents in random order (mingo's draws with replacement); all of them when size exceeds the input. */
const $sample: Stage = (coll, expr) => {
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

export const stages = { $match, $sort, $group, $sortByCount, $lookup, $limit, $project, $addFields, $set: $addFields, $sample, $unwind, $bucket, $unset };

overrideOperators({ accumulator: accumulators, expression: expressions, pipeline: stages } as unknown as OperatorOverrides);
