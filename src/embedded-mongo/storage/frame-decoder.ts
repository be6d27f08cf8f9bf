import { deserialize } from 'bson';
import { CHECKSUM_AT, FRAME_HEADER, LENGTH_AT, MAX_PAYLOAD, STRINGS_UTF16, frameChecksum } from './frame-encoder.js';
import { OpCode, type LogRecord } from './log-record.js';

/** Why a scan stopped: at the end of the data, inside a frame that continues past it, or at a frame that fails its checks. */
export type ScanStop = 'end' | 'partial' | 'corrupt';

/** What a scan found: frames visited and the offset just past the last valid one. */
export interface ScanResult {
  stop: ScanStop;
  /** Offset (in the buffer) where the first frame not visited starts. */
  validEnd: number;
}

/**
 * Visits each complete frame of `buffer[start, end)` whose checksum holds, in
 * order, and stops at the first that is incomplete or fails its checksum; a
 * frame is never visited partially.
 */
export function scanFrames(
  buffer: Buffer,
  start: number,
  end: number,
  visit: (payloadStart: number, payloadEnd: number) => void,
): ScanResult {
  let at = start;
  while (at < end) {
    if (end - at < FRAME_HEADER) return { stop: 'partial', validEnd: at };
    const length = buffer.readUInt32LE(at + LENGTH_AT);
    if (length < 2 || length > MAX_PAYLOAD) return { stop: 'corrupt', validEnd: at };
    const payloadEnd = at + FRAME_HEADER + length;
    if (payloadEnd > end) return { stop: 'partial', validEnd: at };
    if (frameChecksum(buffer, at, payloadEnd) !== buffer.readUInt32LE(at + CHECKSUM_AT)) return { stop: 'corrupt', validEnd: at };
    visit(at + FRAME_HEADER, payloadEnd);
    at = payloadEnd;
  }
  return { stop: 'end', validEnd: at };
}

/** A frame's content: a log record, or the marker that closes a complete snapshot. */
export type DecodedFrame = LogRecord | { op: 'snapshotEnd'; records: number };

/**
 * The database and collection names of the last record decoded: consecutive
 * records nearly always repeat them, and comparing a few bytes is cheaper
 * than decoding a string (replay of a million records decodes two million).
 */
export class NameCache {
  private readonly bytes: Uint8Array[] = [new Uint8Array(0), new Uint8Array(0)];
  private readonly values: string[] = ['', ''];

  /** The UTF-8 string of `buffer[from, to)`, reusing the last one decoded in `slot` when the bytes are the same. */
  text(slot: 0 | 1, buffer: Buffer, from: number, to: number): string {
    const known = this.bytes[slot]!;
    const length = to - from;
    if (known.byteLength === length) {
      let i = 0;
      while (i < length && known[i] === buffer[from + i]) i++;
      if (i === length) return this.values[slot]!;
    }
    const value = buffer.toString('utf8', from, to);
    this.bytes[slot] = Uint8Array.prototype.slice.call(buffer, from, to);
    this.values[slot] = value;
    return value;
  }
}

/** Decodes one verified payload; document bytes of `put` are a view into `buffer`. Throws on a payload no encoder wrote. */
export function decodePayload(buffer: Buffer, start: number, end: number, names = new NameCache()): DecodedFrame {
  const op = buffer[start]!;
  const utf16 = (buffer[start + 1]! & STRINGS_UTF16) !== 0;
  let at = start + 2;
  const text = (slot?: 0 | 1): string => {
    const length = buffer.readUInt32LE(at);
    const from = at + 4;
    at = from + length;
    if (at > end) throw new RangeError('log record string runs past its frame');
    if (utf16) return buffer.toString('utf16le', from, at);
    return slot === undefined ? buffer.toString('utf8', from, at) : names.text(slot, buffer, from, at);
  };
  switch (op) {
    case OpCode.put: {
      const db = text(0);
      const coll = text(1);
      const key = text();
      return { op: 'put', db, coll, key, bytes: buffer.subarray(at, end) };
    }
    case OpCode.delete: {
      const db = text(0);
      const coll = text(1);
      return { op: 'delete', db, coll, key: text() };
    }
    case OpCode.createCollection: {
      const db = text();
      const coll = text();
      return { op: 'createCollection', db, coll, options: deserialize(buffer.subarray(at, end)) };
    }
    case OpCode.dropCollection: {
      const db = text();
      return { op: 'dropCollection', db, coll: text() };
    }
    case OpCode.dropDatabase:
      return { op: 'dropDatabase', db: text() };
    case OpCode.createIndex: {
      const db = text();
      const coll = text();
      return { op: 'createIndex', db, coll, spec: deserialize(buffer.subarray(at, end)) };
    }
    case OpCode.dropIndex: {
      const db = text();
      const coll = text();
      return { op: 'dropIndex', db, coll, name: text() };
    }
    case OpCode.snapshotEnd:
      return { op: 'snapshotEnd', records: buffer.readDoubleLE(at) };
    default:
      throw new RangeError(`unknown log record op code ${op}`);
  }
}
