/**
 * The group accumulators whose mingo versions are wrong for BSON values:
 * $sum/$avg with exact Decimal128/Long arithmetic, $min/$max in BSON order,
 * $addToSet by canonical value (each also usable as an expression), and
 * the ordering accumulators ($topN, $minN, …) in BSON order.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import { $push } from 'mingo/operators/accumulator';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { averageNumbers, sumNumbers } from './arithmetic.js';
import { isPlainObject } from './bson-types.js';
import { compareValues } from './compare.js';
import { keyString } from './key-string.js';
import { isNumeric, toDouble } from './numbers.js';
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


function groupConstant(expr: Any, field: string, options: Options): Any {
  return evalExpr(null, (expr as AnyObject)[field], options);
}

function countArg(expr: Any, name: string, options: Options): number {
  const n = groupConstant(expr, 'n', options);
  if (!isNumeric(n) || !Number.isInteger(toDouble(n)) || toDouble(n) < 1) throw new CommandError('BadValue', `${name} 'n' must be a positive integer`);
  return toDouble(n);
}

/** The group's documents ordered by `sortBy` (a sort document, BSON order). */
function sortedGroup(coll: Any[], expr: Any, name: string): AnyObject[] {
  const sortBy = isPlainObject(expr) ? expr.sortBy : undefined;
  if (!isPlainObject(sortBy)) throw new CommandError('BadValue', `${name} requires a 'sortBy' document`);
  return (coll as AnyObject[]).slice().sort(compileSort(sortBy as Document));
}

function outputs(docs: AnyObject[], expr: Any, options: Options): Any[] {
  return operandValues(docs, (expr as AnyObject).output, options);
}

function deviation(values: Any[], sample: boolean): Any {
  const xs = values.filter(isNumeric).map(toDouble);
  if (xs.length === 0 || (sample && xs.length === 1)) return null;
  let mean = 0;
  let m2 = 0;
  xs.forEach((x, i) => {
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  });
  return Math.sqrt(m2 / (xs.length - (sample ? 1 : 0)));
}

/** The discrete percentile mongod's 'approximate' method gives: the value at rank ceil(p·n). */
function percentiles(coll: Any[], expr: Any, ps: Any[], options: Options, name: string): Any[] | null {
  if (!isPlainObject(expr) || !('input' in expr)) throw new CommandError('BadValue', `${name} requires an 'input'`);
  if (expr.method !== undefined && expr.method !== 'approximate') throw new CommandError('BadValue', `${name} supports only method 'approximate'`);
  const xs = operandValues(coll, expr.input, options)
    .filter(isNumeric)
    .map(toDouble)
    .sort((a, b) => a - b);
  return ps.map((p) => {
    if (!isNumeric(p) || toDouble(p) < 0 || toDouble(p) > 1) throw new CommandError('BadValue', `${name} 'p' must be numbers between 0.0 and 1.0`);
    if (xs.length === 0) return null;
    const rank = Math.max(1, Math.ceil(toDouble(p) * xs.length));
    return xs[Math.min(rank, xs.length) - 1];
  });
}

/** Accumulators that order or pick values: BSON order instead of mingo's. */
export const orderedAccumulators = {
  $topN: (coll: Any[], expr: Any, options: Options): Any => outputs(sortedGroup(coll, expr, '$topN').slice(0, countArg(expr, '$topN', options)), expr, options),
  $bottomN: (coll: Any[], expr: Any, options: Options): Any => outputs(sortedGroup(coll, expr, '$bottomN').slice(-countArg(expr, '$bottomN', options)), expr, options),
  $top: (coll: Any[], expr: Any, options: Options): Any => outputs(sortedGroup(coll, expr, '$top').slice(0, 1), expr, options)[0] ?? null,
  $bottom: (coll: Any[], expr: Any, options: Options): Any => outputs(sortedGroup(coll, expr, '$bottom').slice(-1), expr, options)[0] ?? null,
  $minN: (coll: Any[], expr: Any, options: Options): Any =>
    operandValues(coll, (expr as AnyObject).input, options)
      .filter((v) => v !== null && v !== undefined)
      .sort(compareValues)
      .slice(0, countArg(expr, '$minN', options)),
  $maxN: (coll: Any[], expr: Any, options: Options): Any =>
    operandValues(coll, (expr as AnyObject).input, options)
      .filter((v) => v !== null && v !== undefined)
      .sort((a, b) => compareValues(b, a))
      .slice(0, countArg(expr, '$maxN', options)),
  $percentile: (coll: Any[], expr: Any, options: Options): Any => {
    const ps = isPlainObject(expr) ? evalExpr(null, expr.p, options) : undefined;
    if (!Array.isArray(ps)) throw new CommandError('BadValue', "$percentile requires 'p' to be an array");
    return percentiles(coll, expr, ps, options, '$percentile');
  },
  $median: (coll: Any[], expr: Any, options: Options): Any => percentiles(coll, expr, [0.5], options, '$median')?.[0] ?? null,
  $stdDevPop: (coll: Any[], expr: Any, options: Options): Any => deviation(operandValues(coll, expr, options), false),
  $stdDevSamp: (coll: Any[], expr: Any, options: Options): Any => deviation(operandValues(coll, expr, options), true),
};

export const accumulatorExpressions = {
  $sum: asAccumulatorOrExpression(accumulators.$sum, sumOf),
  $avg: asAccumulatorOrExpression(accumulators.$avg, avgOf),
  $min: asAccumulatorOrExpression(accumulators.$min, (v) => extremeOf(v, -1)),
  $max: asAccumulatorOrExpression(accumulators.$max, (v) => extremeOf(v, 1)),
};
