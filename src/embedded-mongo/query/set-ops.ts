/**
 * Set, array-search and array-sort expressions with mongod's value
 * equality and order (numbers across types, ObjectIds by bytes), where
 * mingo compares by its own hash and order.
 */
import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { compareValues, valuesEqual } from './compare.js';
import { compileSort } from './sort.js';
import { isPlainObject } from './bson-types.js';
import { keyString } from './key-string.js';
import { isNumeric, toDouble } from './numbers.js';

type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;

/** Evaluates the operand list; null when any array operand is null or missing, BadValue when one is not an array. */
function arrays(name: string, obj: unknown, expr: unknown, options: Options, arity?: number): unknown[][] | null {
  if (!Array.isArray(expr)) throw new CommandError('BadValue', `${name} requires an array of arguments`);
  if (arity !== undefined && expr.length !== arity) throw new CommandError('BadValue', `Expression ${name} takes exactly ${arity} arguments. ${expr.length} were passed in.`);
  const values = expr.map((e) => evalExpr(obj, e, options));
  if (values.some((v) => v === null || v === undefined)) return null;
  for (const v of values) {
    if (!Array.isArray(v)) throw new CommandError('BadValue', `All operands of ${name} must be arrays.`);
  }
  return values as unknown[][];
}

function distinct(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of values) {
    const k = keyString(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

function keys(values: unknown[]): Set<string> {
  return new Set(values.map(keyString));
}

/** `$sortArray` in BSON order: `sortBy: 1|-1` on whole elements, or a sort document on their fields. */
const $sortArray: Operator = (obj, expr, options) => {
  if (typeof expr !== 'object' || expr === null || !('input' in expr) || !('sortBy' in expr)) {
    throw new CommandError('BadValue', '$sortArray requires an object with input and sortBy');
  }
  const { input, sortBy } = expr as { input: unknown; sortBy: unknown };
  const arr = evalExpr(obj, input, options);
  if (arr === null || arr === undefined) return null;
  if (!Array.isArray(arr)) throw new CommandError('BadValue', 'The input argument to $sortArray must be an array');
  if (isNumeric(sortBy)) {
    const dir = toDouble(sortBy);
    if (dir !== 1 && dir !== -1) throw new CommandError('BadValue', '$sortArray sortBy must be 1 or -1 or a sort document');
    return arr.slice().sort((a, b) => dir * compareValues(a, b));
  }
  const cmp = compileSort(sortBy as Document);
  return arr.slice().sort((a, b) => cmp((isPlainObject(a) ? a : {}) as Document, (isPlainObject(b) ? b : {}) as Document));
};

export const setExpressions: Record<string, Operator> = {
  $sortArray,
  $setUnion: (obj, expr, options) => {
    const xs = arrays('$setUnion', obj, expr, options);
    return xs === null ? null : distinct(xs.flat());
  },
  $setIntersection: (obj, expr, options) => {
    const xs = arrays('$setIntersection', obj, expr, options);
    if (xs === null) return null;
    if (xs.length === 0) return [];
    const others = xs.slice(1).map(keys);
    return distinct(xs[0]!).filter((v) => others.every((s) => s.has(keyString(v))));
  },
  $setDifference: (obj, expr, options) => {
    const xs = arrays('$setDifference', obj, expr, options, 2);
    if (xs === null) return null;
    const remove = keys(xs[1]!);
    return distinct(xs[0]!).filter((v) => !remove.has(keyString(v)));
  },
  $setEquals: (obj, expr, options) => {
    const xs = arrays('$setEquals', obj, expr, options);
    if (xs === null) throw new CommandError('BadValue', 'All operands of $setEquals must be arrays.');
    if (xs.length < 2) throw new CommandError('BadValue', '$setEquals needs at least two arguments');
    const first = keys(xs[0]!);
    return xs.slice(1).every((x) => {
      const s = keys(x);
      return s.size === first.size && [...s].every((k) => first.has(k));
    });
  },
  $setIsSubset: (obj, expr, options) => {
    const xs = arrays('$setIsSubset', obj, expr, options, 2);
    if (xs === null) throw new CommandError('BadValue', 'both operands of $setIsSubset must be arrays.');
    const superset = keys(xs[1]!);
    return xs[0]!.every((v) => superset.has(keyString(v)));
  },
  $indexOfArray: (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new CommandError('BadValue', 'Expression $indexOfArray takes at least 2 arguments, and at most 4');
    const [arr, search, start, end] = expr.map((e) => evalExpr(obj, e, options));
    if (arr === null || arr === undefined) return null;
    if (!Array.isArray(arr)) throw new CommandError('BadValue', "$indexOfArray requires an array as a first argument");
    const from = start === undefined ? 0 : toIndex(start);
    const to = end === undefined ? arr.length : Math.min(toIndex(end), arr.length);
    for (let i = from; i < to; i++) if (valuesEqual(arr[i], search ?? null)) return i;
    return -1;
  },
};

function toIndex(v: unknown): number {
  if (!isNumeric(v) || !Number.isInteger(toDouble(v)) || toDouble(v) < 0) {
    throw new CommandError('BadValue', '$indexOfArray requires its start and end arguments to be non-negative integers');
  }
  return toDouble(v);
}
