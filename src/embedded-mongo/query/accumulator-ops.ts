/**
 * The group accumulators whose mingo versions are wrong for BSON values:
 * $sum/$avg with exact Decimal128/Long arithmetic, $min/$max in BSON order,
 * $addToSet by canonical value; each also usable as an expression.
 */
import { evalExpr } from 'mingo/core';
import { $push } from 'mingo/operators/accumulator';
import type { Options } from 'mingo/types';
import { averageNumbers, sumNumbers } from './arithmetic.js';
import { compareValues } from './compare.js';
import { keyString } from './key-string.js';
import { isNumeric } from './numbers.js';

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


export const accumulatorExpressions = {
  $sum: asAccumulatorOrExpression(accumulators.$sum, sumOf),
  $avg: asAccumulatorOrExpression(accumulators.$avg, avgOf),
  $min: asAccumulatorOrExpression(accumulators.$min, (v) => extremeOf(v, -1)),
  $max: asAccumulatorOrExpression(accumulators.$max, (v) => extremeOf(v, 1)),
};
