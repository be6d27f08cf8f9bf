/**
 * Comparison and arithmetic expressions over BSON values: comparisons in
 * mongod's total order (numbers across types by value), `$in` by value,
 * and exact Decimal128/Long arithmetic.
 */
import { evalExpr } from 'mingo/core';
import { $add as mingoAdd, $subtract as mingoSubtract } from 'mingo/operators/expression';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { binaryArithmetic } from './arithmetic.js';
import { compareValues, valuesEqual } from './compare.js';
import { isNumeric } from './numbers.js';

type Any = unknown;

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

export const valueExpressions = {
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
};

