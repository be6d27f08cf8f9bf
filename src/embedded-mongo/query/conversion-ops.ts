/**
 * Aggregation type expressions over bson values ($type, $isNumber, $toDecimal,
 * $toDouble, $toLong, $toInt), which mingo only knows for JS numbers.
 */
import { Decimal128, Long } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { CommandError } from '../errors.js';
import { doubleToDecimalExact, exactToDecimal128 } from './arithmetic.js';
import { typeName } from './bson-types.js';
import { isDecimal, isNumeric, toDouble, toExact, unwrapNumber } from './numbers.js';

type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;

function single(obj: unknown, expr: unknown, options: Options): unknown {
  const arg = Array.isArray(expr) ? (expr.length === 1 ? expr[0] : undefined) : expr;
  if (Array.isArray(expr) && expr.length !== 1) throw new CommandError('BadValue', `Expression takes exactly 1 argument. ${expr.length} were passed in.`);
  return evalExpr(obj, arg, options);
}

function conversionFailure(v: unknown, to: string): CommandError {
  return new CommandError('BadValue', `Failed to parse number '${String(v)}' in $convert with no onError value: unsupported conversion to ${to}`);
}

function truncatedBigint(v: unknown): bigint {
  const u = unwrapNumber(v);
  if (typeof u === 'bigint') return u;
  if (typeof u === 'number') {
    if (!Number.isFinite(u)) throw conversionFailure(u, 'long');
    return BigInt(Math.trunc(u));
  }
  const x = toExact(u);
  if (x.special !== null) throw conversionFailure(u, 'long');
  if (x.exp >= 0) return x.coef * 10n ** BigInt(x.exp);
  return x.coef / 10n ** BigInt(-x.exp);
}

function toDecimal(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isDecimal(v)) return v;
  if (isNumeric(v)) {
    const u = unwrapNumber(v);
    return exactToDecimal128(typeof u === 'number' ? doubleToDecimalExact(u) : toExact(u));
  }
  if (typeof v === 'boolean') return Decimal128.fromString(v ? '1' : '0');
  if (v instanceof Date) return Decimal128.fromString(String(v.getTime()));
  if (typeof v === 'string') {
    try {
      return Decimal128.fromString(v.trim());
    } catch {
      throw conversionFailure(v, 'decimal');
    }
  }
  throw conversionFailure(v, 'decimal');
}

function toDoubleValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isNumeric(v)) return toDouble(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') {
    const n = Number(v.trim());
    if (v.trim() === '' || Number.isNaN(n) && !/^[-+]?nan$/i.test(v.trim())) throw conversionFailure(v, 'double');
    return n;
  }
  throw conversionFailure(v, 'double');
}

function toLongValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isNumeric(v)) return Long.fromBigInt(truncatedBigint(v));
  if (typeof v === 'boolean') return Long.fromNumber(v ? 1 : 0);
  if (v instanceof Date) return Long.fromNumber(v.getTime());
  if (typeof v === 'string' && /^[-+]?\d+$/.test(v.trim())) return Long.fromBigInt(BigInt(v.trim()));
  throw conversionFailure(v, 'long');
}

function toIntValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isNumeric(v)) {
    const n = Number(truncatedBigint(v));
    if (n > 2147483647 || n < -2147483648) throw conversionFailure(v, 'int');
    return n;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^[-+]?\d+$/.test(v.trim())) return toIntValue(Number(v.trim()));
  throw conversionFailure(v, 'int');
}

export const conversionExpressions: Record<string, Operator> = {
  $type: (obj, expr, options) => typeName(single(obj, expr, options)),
  $isNumber: (obj, expr, options) => isNumeric(single(obj, expr, options)),
  $toDecimal: (obj, expr, options) => toDecimal(single(obj, expr, options)),
  $toDouble: (obj, expr, options) => toDoubleValue(single(obj, expr, options)),
  $toLong: (obj, expr, options) => toLongValue(single(obj, expr, options)),
  $toInt: (obj, expr, options) => toIntValue(single(obj, expr, options)),
};
