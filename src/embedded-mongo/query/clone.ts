/**
 * Copying and exact comparison of documents for the write paths: plain
 * documents and arrays are copied, bson values (immutable) are shared.
 */
import { isPlainObject, typeName } from './bson-types.js';
import { compareValues } from './compare.js';

/** A deep copy of the document structure; leaves (numbers, ObjectIds, dates…) are shared. */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = cloneDocument(value[k]);
    return out as T;
  }
  return value;
}

/** True when two values would serialize to the same BSON: same types, same values, same field order. */
export function sameBson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameBson(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i] || !sameBson(a[ka[i]!], b[kb[i]!])) return false;
    }
    return true;
  }
  const type = typeName(a);
  if (type !== typeName(b)) return false;
  // Decimal128 keeps its exponent: 1.0 and 1.00 are different BSON.
  if (type === 'decimal') return String(a) === String(b);
  return compareValues(a, b) === 0 && !(typeof a === 'number' && Object.is(a, -0) !== Object.is(b, -0));
}
