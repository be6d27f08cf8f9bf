/**
 * mongod's total order over BSON values: first by canonical type rank, then
 * within a type (numbers by exact value, strings by UTF-8 bytes, documents
 * field by field, arrays element by element).
 */
import type { Binary, ObjectId } from 'bson';
import { Rank, typeRank } from './bson-types.js';
import { compareNumbers } from './numbers.js';

/**
 * Compares strings in UTF-8 byte order (mongod's binary comparison), which
 * differs from JS UTF-16 order only for code points above U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Surrogates (D800-DFFF) encode code points above every BMP character.
    if (ca >= 0xd800 && cb >= 0xd800) {
      ca = ca >= 0xe000 ? ca - 0x800 : ca + 0x2000;
      cb = cb >= 0xe000 ? cb - 0x800 : cb + 0x2000;
    }
    return ca < cb ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

interface PackedObjectId {
  i0?: number;
  i1?: number;
  i2?: number;
  i3?: number;
}

/** Byte order of two ObjectIds, using bson's packed 24-bit fields when present. */
export function compareObjectIds(a: ObjectId, b: ObjectId): number {
  const pa = a as unknown as PackedObjectId;
  const pb = b as unknown as PackedObjectId;
  if (typeof pa.i0 === 'number' && typeof pb.i0 === 'number') {
    if (pa.i0 !== pb.i0) return pa.i0 < pb.i0 ? -1 : 1;
    if (pa.i1 !== pb.i1) return pa.i1! < pb.i1! ? -1 : 1;
    if (pa.i2 !== pb.i2) return pa.i2! < pb.i2! ? -1 : 1;
    if (pa.i3 !== pb.i3) return pa.i3! < pb.i3! ? -1 : 1;
    return 0;
  }
  return compareBytes(a.id, b.id);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The content bytes and subtype of a Binary or a raw byte view. */
export function binaryParts(v: object): { bytes: Uint8Array; subtype: number } {
  if (ArrayBuffer.isView(v)) return { bytes: new Uint8Array(v.buffer, v.byteOffset, v.byteLength), subtype: 0 };
  const bin = v as Binary;
  return { bytes: bin.buffer.subarray(0, bin.position), subtype: bin.sub_type };
}

function compareDocuments(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]!];
    const vb = b[kb[i]!];
    const ra = typeRank(va);
    const rb = typeRank(vb);
    if (ra !== rb) return ra < rb ? -1 : 1;
    const byName = compareStrings(ka[i]!, kb[i]!);
    if (byName !== 0) return byName;
    const byValue = compareSameRank(va, vb, ra);
    if (byValue !== 0) return byValue;
  }
  return ka.length < kb.length ? -1 : ka.length > kb.length ? 1 : 0;
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

function compareSameRank(a: unknown, b: unknown, rank: number): number {
  switch (rank) {
    case Rank.MinKey:
    case Rank.MaxKey:
    case Rank.Null:
      return 0;
    case Rank.Number:
      return compareNumbers(a, b);
    case Rank.String:
      return compareStrings(String(a), String(b));
    case Rank.Object:
      return compareDocuments(a as Record<string, unknown>, b as Record<string, unknown>);
    case Rank.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case Rank.BinData: {
      const pa = binaryParts(a as object);
      const pb = binaryParts(b as object);
      if (pa.bytes.length !== pb.bytes.length) return pa.bytes.length < pb.bytes.length ? -1 : 1;
      if (pa.subtype !== pb.subtype) return pa.subtype < pb.subtype ? -1 : 1;
      return compareBytes(pa.bytes, pb.bytes);
    }
    case Rank.ObjectId:
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case Rank.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case Rank.Date: {
      const ta = (a as Date).getTime();
      const tb = (b as Date).getTime();
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    }
    case Rank.Timestamp: {
      const ta = a as { t: number; i: number };
      const tb = b as { t: number; i: number };
      if (ta.t !== tb.t) return ta.t < tb.t ? -1 : 1;
      return ta.i < tb.i ? -1 : ta.i > tb.i ? 1 : 0;
    }
    case Rank.RegExp: {
      const [sa, fa] = regexParts(a);
      const [sb, fb] = regexParts(b);
      return compareStrings(sa, sb) || compareStrings(fa, fb);
    }
    case Rank.Code:
      return compareStrings(String((a as { code: unknown }).code), String((b as { code: unknown }).code));
    default:
      return 0;
  }
}

/**
 * MongoDB's total order of BSON values (MinKey < null/undefined < numbers <
 * string < object < array < BinData < ObjectId < boolean < Date < Timestamp
 * < RegExp < MaxKey); numbers of every type compare by exact value.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === typeof b) {
    if (ta === 'number') {
      const x = a as number;
      const y = b as number;
      if (x < y) return -1;
      if (x > y) return 1;
      return compareNumbers(x, y);
    }
    if (ta === 'string') return compareStrings(a as string, b as string);
    if (ta === 'object' && a !== null && b !== null) {
      const pa = a as PackedObjectId & { _bsontype?: unknown };
      const pb = b as PackedObjectId & { _bsontype?: unknown };
      if (pa._bsontype === 'ObjectId' && pb._bsontype === 'ObjectId') return compareObjectIds(a as ObjectId, b as ObjectId);
    }
  }
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return compareSameRank(a, b, ra);
}

/** compareValues(a, b) === 0, with a fast path for ObjectId. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const pa = a as PackedObjectId & { _bsontype?: unknown };
    const pb = b as PackedObjectId & { _bsontype?: unknown };
    if (pa._bsontype === 'ObjectId' && pb._bsontype === 'ObjectId' && typeof pa.i0 === 'number') {
      return pa.i0 === pb.i0 && pa.i1 === pb.i1 && pa.i2 === pb.i2 && pa.i3 === pb.i3;
    }
  }
  return compareValues(a, b) === 0;
}
