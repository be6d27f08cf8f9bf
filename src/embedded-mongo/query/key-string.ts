/**
 * Canonical text keys for BSON values, for hash maps keyed by value (the
 * `_id` map, `$in` sets, `$group` keys). Two values get the same key exactly
 * when compareValues says they are equal.
 */
import { bsonTag } from './bson-types.js';
import { binaryParts } from './compare.js';
import { numberKey } from './numbers.js';

const fromCodes = String.fromCharCode;

function lengthPrefixed(s: string): string {
  return `${s.length}:${s}`;
}

/**
 * A canonical string such that valuesEqual(a,b) <=> keyString(a) === keyString(b);
 * 1, 1.0, Long(1) and Decimal128("1.00") share one key.
 */
export function keyString(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return Number.isSafeInteger(value) ? 'n' + (value === 0 ? '0' : String(value)) : 'n' + numberKey(value);
    case 'bigint':
      return 'n' + numberKey(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'undefined':
      return 'z';
    case 'object':
      break;
    default:
      return 'z';
  }
  if (value === null) return 'z';
  const tag = bsonTag(value);
  if (tag === 'ObjectId') {
    const o = value as { i0?: number; i1?: number; i2?: number; i3?: number; id: Uint8Array };
    if (typeof o.i0 === 'number') {
      // Four packed 24-bit fields, 12 bits per char: below the surrogate range.
      const { i0, i1 = 0, i2 = 0, i3 = 0 } = o;
      return 'o' + fromCodes(i0 >>> 12, i0 & 0xfff, i1 >>> 12, i1 & 0xfff, i2 >>> 12, i2 & 0xfff, i3 >>> 12, i3 & 0xfff);
    }
    return 'o' + fromCodes(...o.id);
  }
  if (Array.isArray(value)) {
    let out = 'a';
    for (const item of value) out += lengthPrefixed(keyString(item));
    return out;
  }
  if (value instanceof Date) return 'd' + value.getTime();
  if (value instanceof RegExp) return 'r' + lengthPrefixed(value.source) + value.flags;
  if (tag === undefined) {
    if (ArrayBuffer.isView(value)) return binaryKey(value);
    return documentKey(value as Record<string, unknown>);
  }
  switch (tag) {
    case 'Decimal128':
    case 'Long':
    case 'Int32':
    case 'Double':
      return 'n' + numberKey(value);
    case 'Binary':
      return binaryKey(value);
    case 'Timestamp': {
      const ts = value as { t: number; i: number };
      return `t${ts.t}:${ts.i}`;
    }
    case 'MinKey':
      return '-';
    case 'MaxKey':
      return '+';
    case 'BSONRegExp': {
      const r = value as { pattern: string; options: string };
      return 'r' + lengthPrefixed(r.pattern) + r.options;
    }
    case 'BSONSymbol':
      return 's' + String((value as { value: unknown }).value);
    case 'Code':
      return 'c' + String((value as { code: unknown }).code);
    default:
      return documentKey(value as Record<string, unknown>);
  }
}

function binaryKey(value: object): string {
  const { bytes, subtype } = binaryParts(value);
  let out = `x${subtype}:`;
  for (let i = 0; i < bytes.length; i += 4096) out += fromCodes(...bytes.subarray(i, i + 4096));
  return out;
}

function documentKey(doc: Record<string, unknown>): string {
  let out = '{';
  for (const k of Object.keys(doc)) out += lengthPrefixed(k) + lengthPrefixed(keyString(doc[k]));
  return out;
}
