/**
 * The per-value tests of the query operators ($eq, $gt…, $in, $regex,
 * $type, $mod, $size, $bits…): each compiles its operand once and answers
 * for one candidate value (undefined standing for a missing field).
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { isPlainObject, Rank, typeName, typeRank } from './bson-types.js';
import { compareValues, valuesEqual } from './compare.js';
import { keyString } from './key-string.js';
import { compareNumbers, isNumeric, toDouble, unwrapNumber } from './numbers.js';
import { isRegexValue, toRegExp } from './regex.js';

export type ValueTest = (v: unknown) => boolean;

/** True when `spec` is an operator document (`{$gt: 1}`): its first key starts with `$`. */
export function isOperatorDoc(spec: unknown): spec is Document {
  if (!isPlainObject(spec)) return false;
  for (const k in spec) return k.startsWith('$');
  return false;
}

/** `$eq` (and plain equality): null matches null and missing; numbers compare across types. */
export function equalityTest(operand: unknown): ValueTest {
  if (operand === null || operand === undefined) return (v) => v === null || v === undefined;
  if (typeof operand === 'string') return (v) => v === operand;
  if (typeof operand === 'number' && !Number.isNaN(operand)) {
    return (v) => (typeof v === 'number' ? v === operand : isNumeric(v) && compareNumbers(v, operand) === 0);
  }
  if (typeof operand === 'boolean') return (v) => v === operand;
  return (v) => v !== undefined && valuesEqual(v, operand);
}

function isMinOrMaxKey(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const tag = (v as { _bsontype?: unknown })._bsontype;
  return tag === 'MinKey' ? -1 : tag === 'MaxKey' ? 1 : 0;
}

function isNaNValue(v: unknown): boolean {
  if (!isNumeric(v)) return false;
  const u = unwrapNumber(v);
  if (typeof u === 'number') return Number.isNaN(u);
  if (typeof u === 'bigint') return false;
  return u.toString() === 'NaN';
}

/** `$gt`/`$gte`/`$lt`/`$lte`: only values of the operand's canonical type compare (type bracketing). */
export function comparisonTest(op: '$gt' | '$gte' | '$lt' | '$lte', operand: unknown): ValueTest {
  const inclusive = op === '$gte' || op === '$lte';
  const wantAbove = op === '$gt' || op === '$gte';
  if (operand === null || operand === undefined) {
    return inclusive ? (v) => v === null || v === undefined : () => false;
  }
  const edge = isMinOrMaxKey(operand);
  if (edge !== 0) {
    // Everything lies above MinKey and below MaxKey.
    return (v) => {
      if (v === undefined) return false;
      const c = compareValues(v, operand);
      return c === 0 ? inclusive : wantAbove ? c > 0 : c < 0;
    };
  }
  const rank = typeRank(operand);
  const operandNaN = isNaNValue(operand);
  return (v) => {
    if (typeRank(v) !== rank || v === undefined) return false;
    if (rank === Rank.Number && (operandNaN || isNaNValue(v))) return inclusive && operandNaN && isNaNValue(v);
    const c = compareValues(v, operand);
    return c === 0 ? inclusive : wantAbove ? c > 0 : c < 0;
  };
}

/** `$regex`: strings (and symbols) by pattern; a stored regex equal to the pattern also matches. */
export function regexTest(re: RegExp, original: unknown): ValueTest {
  return (v) => {
    if (typeof v === 'string') return re.test(v);
    if (typeof v === 'object' && v !== null) {
      if ((v as { _bsontype?: unknown })._bsontype === 'BSONSymbol') return re.test(String((v as { value: unknown }).value));
      if (isRegexValue(v)) return compareValues(v, original) === 0;
    }
    return false;
  };
}

/** `$in`: a set of canonical keys plus regexes; null in the list matches missing. */
export function inTest(operand: unknown): ValueTest {
  if (!Array.isArray(operand)) throw new CommandError('BadValue', '$in needs an array');
  const strings = new Set<string>();
  const keys = new Set<string>();
  const regexes: ValueTest[] = [];
  let matchesMissing = false;
  for (const item of operand) {
    if (isRegexValue(item)) regexes.push(regexTest(toRegExp(item), item));
    else if (isOperatorDoc(item)) throw new CommandError('BadValue', 'cannot nest $ under $in');
    else if (typeof item === 'string') strings.add(item);
    else {
      if (item === null || item === undefined) matchesMissing = true;
      keys.add(keyString(item));
    }
  }
  const hasKeys = keys.size > 0;
  return (v) => {
    if (typeof v === 'string') {
      if (strings.has(v)) return true;
    } else if (v === undefined) {
      return matchesMissing;
    } else if (hasKeys && keys.has(keyString(v))) {
      return true;
    }
    for (const r of regexes) if (r(v)) return true;
    return false;
  };
}

const TYPE_CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  12: 'dbPointer',
  13: 'javascript',
  14: 'symbol',
  15: 'javascriptWithScope',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};
const TYPE_NAMES = new Set([...Object.values(TYPE_CODES), 'number']);

/** `$type` by alias, by numeric code, or 'number' for every numeric type. */
export function typeTest(operand: unknown): ValueTest {
  const wanted = new Set<string>();
  const list = Array.isArray(operand) ? operand : [operand];
  if (list.length === 0) throw new CommandError('FailedToParse', '$type must match at least one type');
  for (const t of list) {
    if (isNumeric(t)) {
      const name = TYPE_CODES[toDouble(t)];
      if (name === undefined) throw new CommandError('BadValue', `Invalid numerical type code: ${String(t)}`);
      wanted.add(name);
    } else if (typeof t === 'string' && TYPE_NAMES.has(t)) {
      wanted.add(t);
    } else {
      throw new CommandError('BadValue', `Unknown type name alias: ${String(t)}`);
    }
  }
  const numbers = wanted.has('number');
  return (v) => {
    if (v === undefined) return false;
    if (numbers && isNumeric(v)) return true;
    return wanted.has(typeName(v));
  };
}

/** `$mod: [divisor, remainder]` on truncated numbers. */
export function modTest(operand: unknown): ValueTest {
  if (!Array.isArray(operand) || operand.length !== 2 || !isNumeric(operand[0]) || !isNumeric(operand[1])) {
    throw new CommandError('BadValue', 'malformed mod, needs to be an array of two numbers');
  }
  const divisor = Math.trunc(toDouble(operand[0]));
  const remainder = Math.trunc(toDouble(operand[1]));
  if (divisor === 0) throw new CommandError('BadValue', 'divisor cannot be 0');
  return (v) => {
    if (!isNumeric(v)) return false;
    const u = unwrapNumber(v);
    if (typeof u === 'bigint') return Number(u % BigInt(divisor)) === remainder;
    const n = toDouble(u);
    if (!Number.isFinite(n)) return false;
    return Math.trunc(n) % divisor === remainder;
  };
}

/** `$size`: arrays of exactly that length. */
export function sizeTest(operand: unknown): ValueTest {
  if (!isNumeric(operand)) throw new CommandError('BadValue', '$size needs a number');
  const n = toDouble(operand);
  if (!Number.isInteger(n)) throw new CommandError('BadValue', `Failed to parse $size. Expected an integer: ${n}`);
  if (n < 0) throw new CommandError('BadValue', `Failed to parse $size. Expected a non-negative number: ${n}`);
  return (v) => Array.isArray(v) && v.length === n;
}

/** `$bitsAllSet`/`$bitsAnySet`/`$bitsAllClear`/`$bitsAnyClear` on integral numbers. */
export function bitsTest(op: string, operand: unknown): ValueTest {
  let mask = 0n;
  if (Array.isArray(operand)) {
    for (const p of operand) {
      const bit = toDouble(p);
      if (!isNumeric(p) || !Number.isInteger(bit) || bit < 0) throw new CommandError('BadValue', `${op} bit positions must be non-negative integers`);
      mask |= 1n << BigInt(bit);
    }
  } else if (isNumeric(operand)) {
    const m = toDouble(operand);
    if (!Number.isInteger(m) || m < 0) throw new CommandError('BadValue', `${op} takes a non-negative integer mask`);
    mask = BigInt(m);
  } else {
    throw new CommandError('BadValue', `${op} takes an Array, a number, or a BinData but received: ${String(operand)}`);
  }
  return (v) => {
    if (!isNumeric(v)) return false;
    const d = toDouble(v);
    if (!Number.isInteger(d)) return false;
    const u = unwrapNumber(v);
    const bits = BigInt.asUintN(64, typeof u === 'bigint' ? u : BigInt(d));
    const set = bits & mask;
    switch (op) {
      case '$bitsAllSet':
        return set === mask;
      case '$bitsAnySet':
        return set !== 0n;
      case '$bitsAllClear':
        return set === 0n;
      default:
        return set !== mask;
    }
  };
}

