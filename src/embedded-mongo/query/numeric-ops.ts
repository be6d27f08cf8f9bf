/**
 * Aggregation expressions whose mingo versions only know JS numbers:
 * rounding ($round, $trunc with mongod's half-to-even on the exact value),
 * $abs/$floor/$ceil of Decimal128 and Long, and the boolean operators with
 * BSON truthiness (a Decimal128 or Long zero is false).
 */
import { Long } from 'bson';
import { evalExpr } from 'mingo/core';
import { $abs as mingoAbs, $ceil as mingoCeil, $floor as mingoFloor } from 'mingo/operators/expression';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { exactToDecimal128 } from './arithmetic.js';
import { bsonTag } from './bson-types.js';
import { type ExactNumber, isDecimal, isNumeric, isTruthy, toDouble, toExact, unwrapNumber } from './numbers.js';

type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;

function roundExact(x: ExactNumber, place: number, mode: 'round' | 'trunc'): ExactNumber {
  if (x.special !== null) return x;
  const targetExp = -place;
  if (x.exp >= targetExp) return x;
  const div = 10n ** BigInt(targetExp - x.exp);
  let q = x.coef / div;
  const r = x.coef % div;
  if (mode === 'round') {
    const twice = 2n * (r < 0n ? -r : r);
    const odd = (q < 0n ? -q : q) % 2n === 1n;
    if (twice > div || (twice === div && odd)) q += x.coef < 0n ? -1n : 1n;
  }
  return { special: null, coef: q, exp: targetExp };
}

/** The value of an exact number in the type of `like` (decimal, long, bigint or double). */
function asTypeOf(like: unknown, x: ExactNumber): unknown {
  if (isDecimal(like)) return exactToDecimal128(x);
  if (x.special !== null) return toDouble(like);
  const integral = x.exp >= 0 ? x.coef * 10n ** BigInt(x.exp) : null;
  if (typeof like === 'bigint' && integral !== null) return integral;
  if (typeof like === 'object' && like !== null && bsonTag(like) === 'Long' && integral !== null) return Long.fromBigInt(integral);
  return Number(`${x.coef}e${x.exp}`);
}

function roundLike(name: string, mode: 'round' | 'trunc'): Operator {
  return (obj, expr, options) => {
    const args = Array.isArray(expr) ? expr : [expr];
    if (args.length < 1 || args.length > 2) throw new CommandError('BadValue', `${name} takes 1 or 2 arguments`);
    const value = evalExpr(obj, args[0], options);
    const place = args.length === 2 ? evalExpr(obj, args[1], options) : 0;
    if (value === null || value === undefined || place === null || place === undefined) return null;
    if (!isNumeric(value)) throw new CommandError('BadValue', `${name} only supports numeric types, not ${typeof value}`);
    const p = toDouble(place);
    if (!isNumeric(place) || !Number.isInteger(p) || p < -20 || p > 100) {
      throw new CommandError('BadValue', `cannot apply ${name} with precision value ${String(place)} value must be in [-20, 100]`);
    }
    return asTypeOf(value, roundExact(toExact(value), p, mode));
  };
}

/** Applies `exact` to Decimal128/Long/bigint operands and mingo's operator to plain numbers. */
function exactOrMingo(exact: (x: ExactNumber) => ExactNumber, mingo: Operator): Operator {
  return (obj, expr, options) => {
    const arg = Array.isArray(expr) && expr.length === 1 ? expr[0] : expr;
    const v = evalExpr(obj, arg, options);
    if (isNumeric(v) && typeof unwrapNumber(v) !== 'number') return asTypeOf(v, exact(toExact(v)));
    return mingo(obj, expr, options);
  };
}

function floorExact(x: ExactNumber, up: boolean): ExactNumber {
  if (x.special !== null || x.exp >= 0) return x;
  const div = 10n ** BigInt(-x.exp);
  let q = x.coef / div;
  const r = x.coef % div;
  if (r !== 0n && (up ? x.coef > 0n : x.coef < 0n)) q += up ? 1n : -1n;
  return { special: null, coef: q, exp: 0 };
}

function logical(name: string, combine: (values: boolean[]) => boolean): Operator {
  return (obj, expr, options) => {
    const args = Array.isArray(expr) ? expr : [expr];
    if (name === '$not' && args.length !== 1) throw new CommandError('BadValue', 'Expression $not takes exactly 1 argument.');
    const values: boolean[] = [];
    for (const a of args) {
      const t = isTruthy(evalExpr(obj, a, options));
      values.push(t);
      // Short-circuit as mongod does: $and stops at false, $or at true.
      if ((name === '$and' && !t) || (name === '$or' && t)) break;
    }
    return combine(values);
  };
}

const $cond: Operator = (obj, expr, options) => {
  let parts: unknown[];
  if (Array.isArray(expr)) {
    if (expr.length !== 3) throw new CommandError('BadValue', 'Expression $cond takes exactly 3 arguments.');
    parts = expr;
  } else if (typeof expr === 'object' && expr !== null) {
    const e = expr as Record<string, unknown>;
    if (!('if' in e) || !('then' in e) || !('else' in e)) throw new CommandError('BadValue', "Missing 'if', 'then' or 'else' parameter to $cond");
    parts = [e.if, e.then, e.else];
  } else {
    throw new CommandError('BadValue', '$cond needs an array or an object');
  }
  return evalExpr(obj, isTruthy(evalExpr(obj, parts[0], options)) ? parts[1] : parts[2], options);
};

export const numericExpressions: Record<string, Operator> = {
  $round: roundLike('$round', 'round'),
  $trunc: roundLike('$trunc', 'trunc'),
  $abs: exactOrMingo((x) => (x.special === '-inf' ? { ...x, special: 'inf' } : { ...x, coef: x.coef < 0n ? -x.coef : x.coef }), mingoAbs as Operator),
  $floor: exactOrMingo((x) => floorExact(x, false), mingoFloor as Operator),
  $ceil: exactOrMingo((x) => floorExact(x, true), mingoCeil as Operator),
  $and: logical('$and', (v) => v.every(Boolean)),
  $or: logical('$or', (v) => v.some(Boolean)),
  $not: logical('$not', (v) => !v[0]),
  $cond,
};
