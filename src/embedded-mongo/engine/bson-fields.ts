import { Decimal128, deserialize, type DeserializeOptions, type Document, Long, serialize } from 'bson';

/** Bytes of a cstring starting at `at`, including its terminating zero. */
function cstringLength(bytes: Uint8Array, at: number): number {
  let end = at;
  while (bytes[end] !== 0) end++;
  return end - at + 1;
}

function int32(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}

/** Size of the value of an element of BSON type `type` starting at `at`, or -1 for a type it does not know. */
function valueLength(bytes: Uint8Array, type: number, at: number): number {
  switch (type) {
    case 0x01: case 0x09: case 0x11: case 0x12: return 8;
    case 0x02: case 0x0d: case 0x0e: return 4 + int32(bytes, at);
    case 0x03: case 0x04: case 0x0f: return int32(bytes, at);
    case 0x05: return 5 + int32(bytes, at);
    case 0x06: case 0x0a: case 0xff: case 0x7f: return 0;
    case 0x07: return 12;
    case 0x08: return 1;
    case 0x0b: { const p = cstringLength(bytes, at); return p + cstringLength(bytes, at + p); }
    case 0x0c: return 4 + int32(bytes, at) + 12;
    case 0x10: return 4;
    case 0x13: return 16;
    default: return -1;
  }
}

const scratchBytes = new Uint8Array(8);
const scratchView = new DataView(scratchBytes.buffer);

/** The little-endian double at `at` (BSON type 0x01). */
function float64(bytes: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) scratchBytes[i] = bytes[at + i]!;
  return scratchView.getFloat64(0, true);
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The UTF-8 text of `bytes[from, to)`, decoded by hand when it is ASCII (index keys mostly are, and short). */
function utf8(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    for (let i = from; i < to; i++) if (bytes[i]! >= 0x80) return decoder.decode(bytes.subarray(from, to));
    // One call builds a flat string; appending char by char would leave a chain of cons strings per key.
    return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(from, to));
}

function isAsciiName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0 || c >= 0x80) return false;
  }
  return true;
}

/** True when the cstring at `at` spells `name` (ASCII names only; others never match, so callers fall back). */
function nameIs(bytes: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (bytes[at + i] !== name.charCodeAt(i)) return false;
  return bytes[at + name.length] === 0;
}

/**
 * Calls `visit` with each top-level element of a BSON document: where it
 * starts and ends, its type, and where its value starts. False when the
 * bytes hold a type it cannot walk (the caller then decodes the whole).
 */
function walkElements(bytes: Uint8Array, visit: (start: number, end: number, type: number, valueAt: number) => void): boolean {
  const end = int32(bytes, 0) - 1;
  let at = 4;
  while (at < end) {
    const start = at;
    const type = bytes[at]!;
    const valueAt = at + 1 + cstringLength(bytes, at + 1);
    const size = valueLength(bytes, type, valueAt);
    if (size < 0) return false;
    at = valueAt + size;
    visit(start, at, type, valueAt);
  }
  return true;
}

/** A new BSON document of the elements `parts` (`[start, end)` ranges of `bytes`), deserialized; it shares no memory with `bytes`. */
function documentOf(bytes: Uint8Array, parts: readonly [number, number][], options: DeserializeOptions): Document {
  const total = parts.reduce((n, [s, e]) => n + e - s, 5);
  const out = Buffer.allocUnsafe(total);
  out.writeInt32LE(total, 0);
  let w = 4;
  for (const [s, e] of parts) {
    out.set(bytes.subarray(s, e), w);
    w += e - s;
  }
  out[w] = 0;
  return deserialize(out, options);
}

/** The fields to decode: each name maps to its whole value (null) or to the fields to decode inside it, when it is an embedded document. */
type FieldTree = Map<string, FieldTree | null>;

/** The tree of dotted `paths`: a path that is a prefix of another takes its whole value. */
function fieldTree(paths: readonly string[]): FieldTree {
  const root: FieldTree = new Map();
  for (const path of paths) {
    const parts = path.split('.');
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1) {
        node.set(part, null);
        break;
      }
      const child = node.get(part);
      if (child === null) break;
      if (child === undefined) {
        const next: FieldTree = new Map();
        node.set(part, next);
        node = next;
      } else node = child;
    }
  }
  return root;
}

function asciiTree(tree: FieldTree): boolean {
  for (const [name, child] of tree) if (!isAsciiName(name) || (child !== null && !asciiTree(child))) return false;
  return true;
}

/** The fields of `tree` from the document `bytes`, in the document's order, or undefined for bytes it cannot walk. */
function pickTree(bytes: Uint8Array, tree: FieldTree, options: DeserializeOptions): Document | undefined {
  const direct: Document = {};
  const parts: [number, number][] = [];
  const order: string[] = [];
  const walked = walkElements(bytes, (start, end, type, valueAt) => {
    let name: string | undefined;
    for (const candidate of tree.keys()) {
      if (nameIs(bytes, start + 1, candidate)) {
        name = candidate;
        break;
      }
    }
    if (name === undefined) return;
    order.push(name);
    const inner = tree.get(name)!;
    if (inner !== null && type === 0x03) {
      const picked = pickTree(bytes.subarray(valueAt, end), inner, options);
      if (picked !== undefined) {
        direct[name] = picked;
        return;
      }
    }
    if (type === 0x02) direct[name] = utf8(bytes, valueAt + 4, end - 1);
    else if (type === 0x10) direct[name] = int32(bytes, valueAt);
    else if (type === 0x08) direct[name] = bytes[valueAt] === 1;
    else if (type === 0x0a) direct[name] = null;
    else if (type === 0x01) direct[name] = float64(bytes, valueAt);
    else if (type === 0x09) direct[name] = new Date(new Long(int32(bytes, valueAt), int32(bytes, valueAt + 4)).toNumber());
    else if (type === 0x13) direct[name] = new Decimal128(Buffer.from(bytes.subarray(valueAt, valueAt + 16)));
    else parts.push([start, end]);
  });
  if (!walked) return undefined;
  if (parts.length === 0) return direct;
  const decoded = documentOf(bytes, parts, options);
  if (parts.length === order.length) return decoded;
  // Fields decoded by hand and by bson are put back in the document's order: a projection answers in it, as mongod does.
  const out: Document = {};
  for (const name of order) out[name] = Object.hasOwn(direct, name) ? direct[name] : decoded[name];
  return out;
}

/**
 * A decoder of the fields `names` of BSON documents, deserialized alone:
 * index keys need a few fields, and skipping the rest makes rebuilding
 * indexes over a million stored documents several times cheaper. A dotted
 * name decodes only that path inside embedded documents (an array or any
 * other value on the way is decoded whole), so a filter on
 * `effect.ledger._id` does not decode the rest of `effect`. Falls back to
 * the whole document for names that are not plain ASCII or bytes it cannot
 * walk. Made once for a scan or a statement: the names are sorted into a
 * tree here, not per document.
 */
export function fieldPicker(names: readonly string[], options: DeserializeOptions): (bytes: Uint8Array) => Document {
  const tree = fieldTree(names);
  // The whole document is decoded from a copy: bson's Binary values alias the bytes they are read from.
  const whole = (bytes: Uint8Array) => deserialize(Buffer.from(bytes), options);
  if (!asciiTree(tree)) return whole;
  return (bytes) => pickTree(bytes, tree, options) ?? whole(bytes);
}

/**
 * A BSON document deserialized without its top-level fields `names`: a
 * reader that projects large fields away (a catalog entry's search terms)
 * never pays to decode them. The result shares no memory with `bytes`.
 * Falls back to the whole document for bytes it cannot walk (the caller's
 * projection still removes the fields).
 */
export function omitFields(bytes: Uint8Array, names: readonly string[], options: DeserializeOptions): Document {
  if (names.some((n) => !isAsciiName(n))) return deserialize(Buffer.from(bytes), options);
  const parts: [number, number][] = [];
  const walked = walkElements(bytes, (start, end) => {
    if (!names.some((name) => nameIs(bytes, start + 1, name))) parts.push([start, end]);
  });
  return walked ? documentOf(bytes, parts, options) : deserialize(Buffer.from(bytes), options);
}

/**
 * The BSON document `bytes` with its top-level fields `names` set as in
 * `values`, without decoding the rest: a field of `names` the document has
 * keeps its place with the value from `values` (or goes, when `values` has
 * none), a field of `names` it lacks is appended in the order of `values`,
 * and every other element is copied as stored. Undefined for names that are
 * not plain ASCII or bytes it cannot walk (the caller then rewrites the
 * whole document).
 */
export function spliceFields(bytes: Uint8Array, names: ReadonlySet<string>, values: Document): Uint8Array | undefined {
  for (const name of names) if (!isAsciiName(name)) return undefined;
  const set: Document = {};
  for (const name of Object.keys(values)) if (names.has(name)) set[name] = values[name];
  // One serialization of every value set gives each its element bytes, as `serialize` of the whole document would write them.
  const encoded = serialize(set, { checkKeys: false });
  const elements = new Map<string, [number, number]>();
  const setNames = Object.keys(set);
  let next = 0;
  walkElements(encoded, (start, end) => elements.set(setNames[next++]!, [start, end]));
  const pieces: Uint8Array[] = [];
  const seen = new Set<string>();
  const walked = walkElements(bytes, (start, end) => {
    let name: string | undefined;
    for (const candidate of names) {
      if (nameIs(bytes, start + 1, candidate)) {
        name = candidate;
        break;
      }
    }
    if (name === undefined) {
      pieces.push(bytes.subarray(start, end));
      return;
    }
    seen.add(name);
    const element = elements.get(name);
    if (element !== undefined) pieces.push(encoded.subarray(element[0], element[1]));
  });
  if (!walked) return undefined;
  for (const name of setNames) {
    if (seen.has(name)) continue;
    const [start, end] = elements.get(name)!;
    pieces.push(encoded.subarray(start, end));
  }
  const total = pieces.reduce((n, piece) => n + piece.byteLength, 5);
  const out = Buffer.allocUnsafe(total);
  out.writeInt32LE(total, 0);
  let w = 4;
  for (const piece of pieces) {
    out.set(piece, w);
    w += piece.byteLength;
  }
  out[w] = 0;
  return out;
}
