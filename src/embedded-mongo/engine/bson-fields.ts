import { Decimal128, deserialize, type DeserializeOptions, type Document, Long } from 'bson';

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

/**
 * The top-level fields `names` of a BSON document, deserialized alone: index
 * keys need a few fields, and skipping the rest makes rebuilding indexes over
 * a million stored documents several times cheaper. Falls back to the whole
 * document for names that are not plain ASCII or bytes it cannot walk.
 */
export function pickFields(bytes: Uint8Array, names: readonly string[], options: DeserializeOptions): Document {
  if (names.some((n) => !isAsciiName(n))) return deserialize(bytes, options);
  const direct: Document = {};
  const parts: [number, number][] = [];
  const walked = walkElements(bytes, (start, end, type, valueAt) => {
    const name = names.find((n) => nameIs(bytes, start + 1, n));
    if (name === undefined) return;
    if (type === 0x02) direct[name] = utf8(bytes, valueAt + 4, end - 1);
    else if (type === 0x10) direct[name] = int32(bytes, valueAt);
    else if (type === 0x08) direct[name] = bytes[valueAt] === 1;
    else if (type === 0x0a) direct[name] = null;
    else if (type === 0x01) direct[name] = float64(bytes, valueAt);
    else if (type === 0x09) direct[name] = new Date(new Long(int32(bytes, valueAt), int32(bytes, valueAt + 4)).toNumber());
    else if (type === 0x13) direct[name] = new Decimal128(Buffer.from(bytes.subarray(valueAt, valueAt + 16)));
    else parts.push([start, end]);
  });
  if (!walked) return deserialize(bytes, options);
  return parts.length === 0 ? direct : Object.assign(documentOf(bytes, parts, options), direct);
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
