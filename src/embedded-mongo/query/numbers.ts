/**
 * Exact numeric values across BSON's number types. mongod compares int32,
 * int64, double and decimal128 by their mathematical value, so a double is
 * expanded to its exact decimal value (m·2^e = m·5^-e·10^e) rather than
 * rounded, and a Decimal128 is read from its canonical string form.
 */
import type { Decimal128 } from 'bson';

/** The value `coef · 10^exp`, or one of the non-finite specials. */
export interface ExactNumber {
  special: 'nan' | 'inf' | '-inf' | null;
  coef: bigint;
  exp: number;
}

interface BsonTagged {
  _bsontype?: unknown;
}

/** True for every value mongod treats as a number: JS number/bigint and bson Int32, Double, Long, Decimal128. */
export function isNumeric(v: unknown): boolean {
  const t = typeof v;
  if (t === 'number' || t === 'bigint') return true;
  if (t !== 'object' || v === null) return false;
  const tag = (v as BsonTagged)._bsontype;
  return tag === 'Int32' || tag === 'Double' || tag === 'Long' || tag === 'Decimal128';
}

/** Int32 and Double to number, Long to bigint; number, bigint and Decimal128 unchanged. Expects isNumeric(v). */
export function unwrapNumber(v: unknown): number | bigint | Decimal128 {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  const tag = (v as BsonTagged)._bsontype;
  if (tag === 'Int32' || tag === 'Double') return (v as { value: number }).value;
  if (tag === 'Long') return (v as { toBigInt(): bigint }).toBigInt();
  return v as Decimal128;
}

export function isDecimal(v: unknown): v is Decimal128 {
  return typeof v === 'object' && v !== null && (v as BsonTagged)._bsontype === 'Decimal128';
}

const scratch = new DataView(new ArrayBuffer(8));

/** The exact value of a double. */
export function exactFromDouble(n: number): ExactNumber {
  if (Number.isNaN(n)) return { special: 'nan', coef: 0n, exp: 0 };
  if (n === Infinity) return { special: 'inf', coef: 0n, exp: 0 };
  if (n === -Infinity) return { special: '-inf', coef: 0n, exp: 0 };
  if (Number.isSafeInteger(n)) return { special: null, coef: BigInt(n), exp: 0 };
  scratch.setFloat64(0, n);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const negative = hi >>> 31 === 1;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) {
    e = -1074;
  } else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  let coef: bigint;
  let exp: number;
  if (e >= 0) {
    coef = mant << BigInt(e);
    exp = 0;
  } else {
    coef = mant * 5n ** BigInt(-e);
    exp = e;
  }
  return { special: null, coef: negative ? -coef : coef, exp };
}

const decimalCache = new WeakMap<object, ExactNumber>();

/**
 * Decodes the IEEE 754-2008 BID encoding of a Decimal128 (little-endian
 * bytes): much cheaper than its toString().
 */
function decodeDecimal(bytes: Uint8Array): ExactNumber {
  const u32 = (i: number) => (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
  const w0 = u32(0);
  const w1 = u32(4);
  const w2 = u32(8);
  const w3 = u32(12);
  const negative = w3 >>> 31 === 1;
  const combination = (w3 >>> 26) & 0x1f;
  if (combination === 0x1f) return { special: 'nan', coef: 0n, exp: 0 };
  if (combination === 0x1e) return { special: negative ? '-inf' : 'inf', coef: 0n, exp: 0 };
  let exponent: number;
  let coef: bigint;
  if (((w3 >>> 29) & 0x3) === 0x3) {
    // The "large coefficient" form only encodes values above 10^34: non-canonical, read as zero.
    exponent = (w3 >>> 15) & 0x3fff;
    coef = 0n;
  } else {
    exponent = (w3 >>> 17) & 0x3fff;
    // Most stored decimals (amounts, prices) have a coefficient below 2^53: one BigInt instead of four and three shifts.
    coef =
      (w3 & 0x1ffff) === 0 && w2 === 0 && w1 < 0x200000
        ? BigInt(w1 * 0x100000000 + w0)
        : (BigInt(w3 & 0x1ffff) << 96n) | (BigInt(w2) << 64n) | (BigInt(w1) << 32n) | BigInt(w0);
  }
  return { special: null, coef: negative ? -coef : coef, exp: exponent - 6176 };
}

/** The exact value of a Decimal128 without caching it, for values read once (a sum over a collection would fill the cache with garbage). */
export function decodeDecimal128(d: Decimal128): ExactNumber {
  return decimalCache.get(d) ?? decodeDecimal(d.bytes);
}

/** The exact value of a Decimal128, decoded once per instance. */
export function exactFromDecimal(d: Decimal128): ExactNumber {
  const cached = decimalCache.get(d);
  if (cached) return cached;
  const parsed = decodeDecimal(d.bytes);
  decimalCache.set(d, parsed);
  return parsed;
}

/** Parses the `Decimal128.toString()` forms: `-1.50`, `1.2E+5`, `NaN`, `-Infinity`. */
export function parseDecimalString(s: string): ExactNumber {
  if (s === 'NaN' || s === '-NaN') return { special: 'nan', coef: 0n, exp: 0 };
  if (s === 'Infinity') return { special: 'inf', coef: 0n, exp: 0 };
  if (s === '-Infinity') return { special: '-inf', coef: 0n, exp: 0 };
  let exp = 0;
  let mantissa = s;
  const eAt = s.search(/[eE]/);
  if (eAt >= 0) {
    exp = Number(s.slice(eAt + 1));
    mantissa = s.slice(0, eAt);
  }
  const dot = mantissa.indexOf('.');
  if (dot >= 0) {
    exp -= mantissa.length - dot - 1;
    mantissa = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  }
  return { special: null, coef: BigInt(mantissa), exp };
}

/** The exact value of any numeric (see isNumeric). */
export function toExact(v: unknown): ExactNumber {
  const u = unwrapNumber(v);
  if (typeof u === 'number') return exactFromDouble(u);
  if (typeof u === 'bigint') return { special: null, coef: u, exp: 0 };
  return exactFromDecimal(u);
}

function specialRank(x: ExactNumber): number {
  // NaN sorts below every number in mongod.
  if (x.special === 'nan') return 0;
  if (x.special === '-inf') return 1;
  if (x.special === 'inf') return 3;
  return 2;
}

/** Compares two exact numbers; NaN equals NaN and is lowest. */
export function compareExact(a: ExactNumber, b: ExactNumber): number {
  const ra = specialRank(a);
  const rb = specialRank(b);
  if (ra !== rb || ra !== 2) return ra < rb ? -1 : ra > rb ? 1 : 0;
  let ca = a.coef;
  let cb = b.coef;
  const sa = ca < 0n ? -1 : ca > 0n ? 1 : 0;
  const sb = cb < 0n ? -1 : cb > 0n ? 1 : 0;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  if (a.exp > b.exp) ca *= 10n ** BigInt(a.exp - b.exp);
  else if (b.exp > a.exp) cb *= 10n ** BigInt(b.exp - a.exp);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an && bn ? 0 : an ? -1 : 1;
}

function compareDoubleToBigint(n: number, big: bigint): number {
  if (Number.isNaN(n) || n === -Infinity) return -1;
  if (n === Infinity) return 1;
  if (Number.isInteger(n)) {
    const bn = BigInt(n);
    return bn < big ? -1 : bn > big ? 1 : 0;
  }
  const floor = BigInt(Math.floor(n));
  // floor < n < floor + 1, and big is an integer.
  return big <= floor ? 1 : -1;
}

const decimalDoubles = new WeakMap<object, number>();

/** The double nearest to a Decimal128's value (correctly rounded by the JS parser; NaN for NaN), cached per instance. */
function decimalApprox(d: Decimal128): number {
  let v = decimalDoubles.get(d);
  if (v === undefined) {
    const x = exactFromDecimal(d);
    if (x.special === 'nan') v = NaN;
    else if (x.special === 'inf') v = Infinity;
    else if (x.special === '-inf') v = -Infinity;
    else v = Number(`${x.coef}e${x.exp}`);
    decimalDoubles.set(d, v);
  }
  return v;
}

/** Compares two numerics (see isNumeric) by exact value; NaN is lowest and equals NaN. */
export function compareNumbers(a: unknown, b: unknown): number {
  const ua = unwrapNumber(a);
  const ub = unwrapNumber(b);
  const ta = typeof ua;
  const tb = typeof ub;
  if (ta === 'object' || tb === 'object') {
    // Correct rounding to double is monotonic: different doubles already decide the order.
    const da = ta === 'object' ? decimalApprox(ua as Decimal128) : Number(ua);
    const db = tb === 'object' ? decimalApprox(ub as Decimal128) : Number(ub);
    if (da < db) return -1;
    if (da > db) return 1;
    return compareExact(toExact(ua), toExact(ub));
  }
  if (ta === 'number' && tb === 'number') return compareDoubles(ua as number, ub as number);
  if (ta === 'bigint' && tb === 'bigint') return ua < ub ? -1 : ua > ub ? 1 : 0;
  if (ta === 'number' && tb === 'bigint') return compareDoubleToBigint(ua as number, ub as bigint);
  if (ta === 'bigint' && tb === 'number') return 0 - compareDoubleToBigint(ub as number, ua as bigint);
  return compareExact(toExact(ua), toExact(ub));
}

/** A canonical text for a numeric value: equal values (any type) give equal text. */
export function numberKey(v: unknown): string {
  const u = unwrapNumber(v);
  if (typeof u === 'number' && Number.isSafeInteger(u)) return String(u === 0 ? 0 : u);
  if (typeof u === 'bigint' && u <= 9007199254740991n && u >= -9007199254740991n) return u.toString();
  const x = toExact(u);
  if (x.special !== null) return x.special;
  let { coef, exp } = x;
  if (coef === 0n) return '0';
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp += 1;
  }
  if (exp >= 0 && exp < 40) return (coef * 10n ** BigInt(exp)).toString();
  return `${coef.toString()}e${exp}`;
}

/** The JS number nearest to a numeric value (for arithmetic that mongod does in double). */
export function toDouble(v: unknown): number {
  const u = unwrapNumber(v);
  if (typeof u === 'number') return u;
  if (typeof u === 'bigint') return Number(u);
  return Number(u.toString());
}

/** mongod's truthiness: false, null, missing and numeric zero (of any type) are false. */
export function isTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (isNumeric(v)) return compareNumbers(v, 0) !== 0;
  return true;
}
