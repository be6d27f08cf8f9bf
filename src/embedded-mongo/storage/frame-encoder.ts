import { serialize, type Document } from 'bson';
import { crc32 } from 'node:zlib';
import { OpCode, type LogRecord } from './log-record.js';

/**
 * On-disk frame: `[u32 crc32 of the rest][u32 payload length][payload]`,
 * little endian; the checksum covers the length field too, so a torn header
 * cannot pass for a short record. Payload: `[u8 op][u8 flags]` then the record's strings, each
 * `[u32 byte length][bytes]`, then its document bytes (raw BSON) to the end.
 * Strings are UTF-8 unless flag STRINGS_UTF16 says UTF-16LE, which is used
 * only for strings with lone surrogates (UTF-8 would not round-trip them).
 */
export const FRAME_HEADER = 8;
export const STRINGS_UTF16 = 1;
/** Larger frames are taken for garbage: no legal record comes near (documents are at most 16 MiB). */
export const MAX_PAYLOAD = 256 * 1024 * 1024;

const EMPTY = Buffer.alloc(0);
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function needsUtf16(value: string): boolean {
  return SURROGATE.test(value) && LONE_SURROGATE.test(value);
}

/** Offsets in a frame header. */
export const CHECKSUM_AT = 0;
export const LENGTH_AT = 4;

/** Checksum of the frame starting at `frameStart`: its length field and payload, one contiguous range. */
export function frameChecksum(buffer: Uint8Array, frameStart: number, payloadEnd: number): number {
  return crc32(buffer.subarray(frameStart + LENGTH_AT, payloadEnd));
}

/** Serializes records into checksummed frames in one growing buffer; `take` hands the bytes over and starts afresh. */
export class FrameEncoder {
  private buffer: Buffer;
  private position = 0;
  /** Frames encoded since the last `take`. */
  count = 0;

  /** `initialCapacity`: expected bytes per `take` (the buffer grows past it as needed). */
  constructor(private readonly initialCapacity = 64 * 1024) {
    // Small buffers come from Node's shared pool, which keeps single-record appends cheap.
    this.buffer = Buffer.allocUnsafe(initialCapacity);
  }

  /** Bytes encoded since the last `take`. */
  get length(): number {
    return this.position;
  }

  /** Encodes one record as one frame. */
  append(record: LogRecord): void {
    switch (record.op) {
      case 'createCollection':
        return this.frame(OpCode.createCollection, [record.db, record.coll], serialize(record.options));
      case 'dropCollection':
        return this.frame(OpCode.dropCollection, [record.db, record.coll]);
      case 'dropDatabase':
        return this.frame(OpCode.dropDatabase, [record.db]);
      case 'createIndex':
        return this.frame(OpCode.createIndex, [record.db, record.coll], serialize(record.spec as Document));
      case 'dropIndex':
        return this.frame(OpCode.dropIndex, [record.db, record.coll, record.name]);
      case 'put':
        return this.frame(OpCode.put, [record.db, record.coll, record.key], record.bytes);
      case 'delete':
        return this.frame(OpCode.delete, [record.db, record.coll, record.key]);
      default:
        throw new TypeError(`unknown log record op ${JSON.stringify((record as { op: unknown }).op)}`);
    }
  }

  /** Encodes the end-of-snapshot marker carrying the number of records before it. */
  appendSnapshotEnd(records: number): void {
    const count = Buffer.allocUnsafe(8);
    count.writeDoubleLE(records, 0);
    this.frame(OpCode.snapshotEnd, [], count);
  }

  /** The encoded frames (a fresh buffer owned by the caller); the encoder starts empty again. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.position);
    this.buffer = EMPTY;
    this.position = 0;
    this.count = 0;
    return out;
  }

  private frame(op: number, strings: string[], body?: Uint8Array): void {
    let utf16 = false;
    let bound = FRAME_HEADER + 2 + (body?.byteLength ?? 0);
    for (const value of strings) {
      if (needsUtf16(value)) utf16 = true;
      bound += 4 + value.length * 3;
    }
    this.reserve(bound);
    const buffer = this.buffer;
    const start = this.position;
    let at = start + FRAME_HEADER;
    buffer[at++] = op;
    buffer[at++] = utf16 ? STRINGS_UTF16 : 0;
    for (const value of strings) {
      const written = buffer.write(value, at + 4, utf16 ? 'utf16le' : 'utf8');
      buffer.writeUInt32LE(written, at);
      at += 4 + written;
    }
    if (body !== undefined) {
      buffer.set(body, at);
      at += body.byteLength;
    }
    const payloadLength = at - start - FRAME_HEADER;
    if (payloadLength > MAX_PAYLOAD) throw new RangeError(`log record of ${payloadLength} bytes is too large`);
    buffer.writeUInt32LE(payloadLength, start + LENGTH_AT);
    buffer.writeUInt32LE(frameChecksum(buffer, start, at), start + CHECKSUM_AT);
    this.position = at;
    this.count++;
  }

  private reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.byteLength) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.byteLength * 2, this.position + bytes, this.initialCapacity));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }
}
