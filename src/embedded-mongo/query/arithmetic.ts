/**
 * Arithmetic over BSON numbers with mongod's result types: any Decimal128
 * operand makes the result Decimal128 (computed exactly, rounded to 34
 * digits), integers stay exact (int64 via bigint), otherwise doubles.
 */
import { Decimal128, Long } from 'bson';
import { bsonTag } from './bson-types.js';
import { decodeDecimal128, type ExactNumber, isNumeric, toDouble, toExact, unwrapNumber } from './numbers.js';

/** How a set of numeric operands combines: exact integers, doubles, or decimals. */
export type NumericKind = 'int' | 'double' | 'decimal';

/** The widest kind among numeric values (decimal > double > int). */
export function numericKind(values: readonly unknown[]): NumericKind {
  let kind: NumericKind = 'int';
  for (const v of values) {
    const u = unwrapNumber(v);
    if (typeof u === 'bigint') continue;
    if (typeof u === 'number') {
      if (!Number.isInteger(u) || !Number.isSafeInteger(u)) kind = 'double';
      continue;
    }
    return 'decimal';
  }
  return kind;
}

/** How an integer result is represented: as the widest integer input was. */
function integerResult(sum: bigint, values: readonly unknown[]): unknown {
  let sawLong = false;
  let sawBigint = false;
  for (const v of values) {
    if (typeof v === 'bigint') sawBigint = true;
    else if (typeof v === 'object' && v !== null && bsonTag(v) === 'Long') sawLong = true;
  }
  const safe = sum <= 9007199254740991n && sum >= -9007199254740991n;
  if (sawLong) return Long.fromBigInt(sum);
  if (sawBigint) return sum;
  return safe ? Number(sum) : Long.fromBigInt(sum);
}

/** A double as mongod converts it to Decimal128: 15 significant digits. */
export function doubleToDecimalExact(n: number): ExactNumber {
  if (Number.isNaN(n)) return { special: 'nan', coef: 0n, exp: 0 };
  if (!Number.isFinite(n)) return { special: n > 0 ? 'inf' : '-inf', coef: 0n, exp: 0 };
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return { special: null, coef: BigInt(n), exp: 0 };
  const [mantissa, e] = n.toExponential(14).split('e') as [string, string];
  return { special: null, coef: BigInt(mantissa.replace('.', '')), exp: Number(e) - 14 };
}

function toDecimalExact(v: unknown): ExactNumber {
  const u = unwrapNumber(v);
  if (typeof u === 'number') return doubleToDecimalExact(u);
  if (typeof u === 'bigint') return { special: null, coef: u, exp: 0 };
  return decodeDecimal128(u);
}

/** Builds a Decimal128 from an exact value, rounding to 34 significant digits. */
export function exactToDecimal128(x: ExactNumber): Decimal128 {
  if (x.special === 'nan') return Decimal128.fromString('NaN');
  if (x.special === 'inf') return Decimal128.fromString('Infinity');
  if (x.special === '-inf') return Decimal128.fromString('-Infinity');
  return Decimal128.fromStringWithRounding(`${x.coef.toString()}E${x.exp}`);
}

function addExact(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (a.special !== null || b.special !== null) {
    const d = specialToDouble(a) + specialToDouble(b);
    return doubleToDecimalExact(d);
  }
  if (a.exp === b.exp) return { special: null, coef: a.coef + b.coef, exp: a.exp };
  if (a.exp > b.exp) return { special: null, coef: a.coef * 10n ** BigInt(a.exp - b.exp) + b.coef, exp: b.exp };
  return { special: null, coef: a.coef + b.coef * 10n ** BigInt(b.exp - a.exp), exp: a.exp };
}

function specialToDouble(x: ExactNumber): number {
  if (x.special === 'nan') return NaN;
  if (x.special === 'inf') return Infinity;
  if (x.special === '-inf') return -Infinity;
  return Number(`${x.coef}e${x.exp}`);
}

function mulExact(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (a.special !== null || b.special !== null) return doubleToDecimalExact(specialToDouble(a) * specialToDouble(b));
  return { special: null, coef: a.coef * b.coef, exp: a.exp + b.exp };
}

function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/** a / b to 34 significant digits, exact results at the ideal exponent (as IEEE 754 decimal division). */
function divExact(a: ExactNumber, b: ExactNumber): ExactNumber {
  if (a.special !== null || b.special !== null || b.coef === 0n) {
    return doubleToDecimalExact(specialToDouble(a) / specialToDouble(b));
  }
  if (a.coef === 0n) return { special: null, coef: 0n, exp: a.exp - b.exp };
  const ideal = a.exp - b.exp;
  const shift = Math.max(0, 36 - digitCount(a.coef) + digitCount(b.coef));
  const num = a.coef * 10n ** BigInt(shift);
  let coef = num / b.coef;
  let exp = ideal - shift;
  if (coef * b.coef === num) {
    while (exp < ideal && coef % 10n === 0n) {
      coef /= 10n;
      exp += 1;
    }
    return { special: null, coef, exp };
  }
  // Inexact: keep a sticky digit so that rounding to 34 digits is correct.
  coef = coef * 10n + (coef >= 0n === b.coef >= 0n ? 1n : -1n);
  exp -= 1;
  return { special: null, coef, exp };
}

/** Neumaier-compensated sum, close to mongod's double-double summation. */
export function sumDoubles(values: readonly number[]): number {
  let sum = 0;
  let c = 0;
  for (const v of values) {
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** The sum of numeric values with mongod's result type (empty => 0). */
export function sumNumbers(values: readonly unknown[]): unknown {
  const kind = numericKind(values);
  if (kind === 'decimal') {
    let acc: ExactNumber = { special: null, coef: 0n, exp: 0 };
    let first = true;
    for (const v of values) {
      const x = toDecimalExact(v);
      acc = first ? x : addExact(acc, x);
      first = false;
    }
    return exactToDecimal128(acc);
  }
  if (kind === 'double') return sumDoubles(values.map(toDouble));
  let total = 0n;
  for (const v of values) {
    const u = unwrapNumber(v);
    total += typeof u === 'bigint' ? u : BigInt(u as number);
  }
  return integerResult(total, values);
}

/** The mean of numeric values: Decimal128 when any is Decimal128, else double; null when empty. */
export function averageNumbers(values: readonly unknown[]): unknown {
  if (values.length === 0) return null;
  if (numericKind(values) === 'decimal') {
    const sum = sumNumbers(values) as Decimal128;
    return exactToDecimal128(divExact(toExact(sum), { special: null, coef: BigInt(values.length), exp: 0 }));
  }
  const sum = sumNumbers(values);
  return toDouble(sum) / values.length;
}

/** a + b, a - b, a * b or a / b of two numerics, with mongod's result type. */
export function binaryArithmetic(op: '+' | '-' | '*' | '/', a: unknown, b: unknown): unknown {
  const kind = numericKind([a, b]);
  if (kind === 'decimal') {
    const x = toDecimalExact(a);
    const y = toDecimalExact(b);
    switch (op) {
      case '+':
        return exactToDecimal128(addExact(x, y));
      case '-':
        return exactToDecimal128(addExact(x, negate(y)));
      case '*':
        return exactToDecimal128(mulExact(x, y));
      default:
        return exactToDecimal128(divExact(x, y));
    }
  }
  if (kind === 'int' && op !== '/') {
    const ua = unwrapNumber(a);
    const ub = unwrapNumber(b);
    const x = typeof ua === 'bigint' ? ua : BigInt(ua as number);
    const y = typeof ub === 'bigint' ? ub : BigInt(ub as number);
    const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
    // int64 overflow turns into a double in mongod.
    if (r > 9223372036854775807n || r < -9223372036854775808n) return Number(r);
    return integerResult(r, [a, b]);
  }
  const x = toDouble(a);
  const y = toDouble(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    default:
      return x / y;
  }
}

function negate(x: ExactNumber): ExactNumber {
  if (x.special === 'inf') return { ...x, special: '-inf' };
  if (x.special === '-inf') return { ...x, special: 'inf' };
  return { ...x, coef: -x.coef };
}

export { isNumeric };
