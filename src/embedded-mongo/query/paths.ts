/**
 * Reading dotted paths out of documents the way mongod does for index keys
 * and sort keys: an array met on the way is expanded (each element is
 * followed), a numeric component also indexes into an array.
 */

const DIGITS = /^\d+$/;

const splitCache = new Map<string, string[]>();

/** `path.split('.')`, remembered for the few paths a server sees (index keys, sort keys). */
function splitPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(path, parts);
  }
  return parts;
}

/** True for values a path can descend into by field name (documents, not bson scalars). */
export function isTraversable(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  if (v instanceof Date || v instanceof RegExp || ArrayBuffer.isView(v)) return false;
  const tag = (v as { _bsontype?: unknown })._bsontype;
  return tag === undefined || tag === 'DBRef';
}

function collect(v: unknown, parts: string[], i: number, out: unknown[], emptyArrayMarker: unknown): void {
  if (i === parts.length) {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(emptyArrayMarker);
      else for (const e of v) out.push(e);
    } else if (v !== undefined) {
      out.push(v);
    }
    return;
  }
  const part = parts[i]!;
  if (Array.isArray(v)) {
    if (DIGITS.test(part)) {
      const e = v[Number(part)];
      if (e !== undefined) collect(e, parts, i + 1, out, emptyArrayMarker);
      return;
    }
    for (const e of v) {
      if (isTraversable(e)) collect(e[part], parts, i + 1, out, emptyArrayMarker);
    }
    return;
  }
  if (isTraversable(v)) {
    const next = Object.prototype.hasOwnProperty.call(v, part) ? v[part] : undefined;
    if (next !== undefined) collect(next, parts, i + 1, out, emptyArrayMarker);
  }
}

/**
 * Values of a dotted path for index keys: arrays are expanded one level
 * (multikey), a missing path gives [null], an empty array gives [undefined].
 * E.g. {a:[{b:1},{b:2}]} at 'a.b' => [1,2].
 */
export function pathValues(doc: Record<string, unknown>, path: string): unknown[] {
  const out: unknown[] = [];
  if (!path.includes('.')) {
    const v = Object.prototype.hasOwnProperty.call(doc, path) ? doc[path] : undefined;
    if (!Array.isArray(v)) return [v === undefined ? null : v];
  }
  collect(doc, splitPath(path), 0, out, undefined);
  if (out.length === 0) out.push(null);
  return out;
}

/** Like pathValues but reports an empty array leaf as `marker` and a missing path as []. */
export function pathValuesRaw(doc: unknown, parts: string[], marker: unknown): unknown[] {
  const out: unknown[] = [];
  collect(doc, parts, 0, out, marker);
  return out;
}
