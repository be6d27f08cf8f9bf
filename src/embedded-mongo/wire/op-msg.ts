/**
 * OP_MSG (opcode 2013): decoding a request, with its document sequences
 * merged into the command body, and encoding a reply.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { decodeDocument, encodeDocument } from './bson-codec.js';
import { crc32c } from './crc32c.js';
import {
  BSON_OBJECT_SLACK_BYTES,
  HEADER_BYTES,
  MAX_BSON_OBJECT_BYTES,
  MSG_REQUIRED_FLAGS_MASK,
  MsgFlag,
  OpCode,
  writeHeader,
} from './protocol.js';

export interface OpMsgRequest {
  flags: number;
  /** The kind-0 body, each kind-1 sequence added as an array field under its identifier. */
  body: Document;
  /** The client expects no reply (unacknowledged write). */
  moreToCome: boolean;
}

const KNOWN_REQUIRED_FLAGS = MsgFlag.checksumPresent | MsgFlag.moreToCome;
const MAX_SECTION_DOCUMENT_BYTES = MAX_BSON_OBJECT_BYTES + BSON_OBJECT_SLACK_BYTES;

/** Decodes a whole OP_MSG message (header included); throws CommandError for anything malformed, never returns a partial body. */
export function decodeOpMsg(message: Buffer): OpMsgRequest {
  if (message.length < HEADER_BYTES + 5) throw new CommandError('BadValue', 'OP_MSG is too short to hold flags and a body');
  const flags = message.readUInt32LE(HEADER_BYTES);
  const unknownRequired = flags & MSG_REQUIRED_FLAGS_MASK & ~KNOWN_REQUIRED_FLAGS;
  if (unknownRequired !== 0) throw new CommandError('BadValue', `Unrecognized OP_MSG flag bits: ${unknownRequired}`);

  let end = message.length;
  if (flags & MsgFlag.checksumPresent) {
    end -= 4;
    if (end < HEADER_BYTES + 5) throw new CommandError('BadValue', 'OP_MSG is too short to hold its checksum');
    const expected = message.readUInt32LE(end);
    if (crc32c(message, 0, end) !== expected) throw new CommandError('BadValue', 'OP_MSG checksum does not match contents');
  }

  let body: Document | null = null;
  const sequences: [string, Document[]][] = [];
  let offset = HEADER_BYTES + 4;
  while (offset < end) {
    const kind = message[offset++];
    if (kind === 0) {
      if (body !== null) throw new CommandError('BadValue', 'Multiple body sections in OP_MSG');
      const size = sectionDocumentSize(message, offset, end);
      body = decodeDocument(message.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new CommandError('BadValue', 'Truncated document sequence in OP_MSG');
      const sectionEnd = offset + message.readInt32LE(offset);
      if (sectionEnd <= offset + 4 || sectionEnd > end) throw new CommandError('BadValue', 'Invalid document sequence size in OP_MSG');
      const nameEnd = message.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd) throw new CommandError('BadValue', 'Unterminated document sequence identifier in OP_MSG');
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      let at = nameEnd + 1;
      while (at < sectionEnd) {
        const size = sectionDocumentSize(message, at, sectionEnd);
        docs.push(decodeDocument(message.subarray(at, at + size)));
        at += size;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new CommandError('BadValue', `Unknown section kind ${String(kind)} in OP_MSG`);
    }
  }
  if (body === null) throw new CommandError('BadValue', 'OP_MSG has no body section');
  for (const [identifier, docs] of sequences) {
    if (identifier in body) throw new CommandError('BadValue', `Duplicate field '${identifier}' in OP_MSG body and document sequence`);
    body[identifier] = docs;
  }
  return { flags, body, moreToCome: (flags & MsgFlag.moreToCome) !== 0 };
}

function sectionDocumentSize(message: Buffer, offset: number, end: number): number {
  if (offset + 5 > end) throw new CommandError('InvalidBSON', 'Truncated BSON document in OP_MSG');
  const size = message.readInt32LE(offset);
  if (size > MAX_SECTION_DOCUMENT_BYTES) {
    throw new CommandError('BSONObjectTooLarge', `BSONObj size: ${size} (0x${size.toString(16)}) is invalid. Size must be between 0 and ${MAX_SECTION_DOCUMENT_BYTES}(16MB) First element: ${firstFieldName(message, offset)}`);
  }
  if (size < 5 || offset + size > end) throw new CommandError('InvalidBSON', `Invalid BSON document size ${size} in OP_MSG`);
  return size;
}

function firstFieldName(message: Buffer, offset: number): string {
  const nameEnd = message.indexOf(0, offset + 5);
  return nameEnd < 0 ? '' : message.toString('utf8', offset + 5, Math.min(nameEnd, offset + 105));
}

/** Encodes `reply` as an OP_MSG answering request `responseTo`; the reply carries no flags. */
export function encodeOpMsg(requestID: number, responseTo: number, reply: Document): Buffer {
  const body = encodeDocument(reply);
  const length = HEADER_BYTES + 4 + 1 + body.length;
  const out = Buffer.allocUnsafe(length);
  writeHeader(out, length, requestID, responseTo, OpCode.OP_MSG);
  out.writeUInt32LE(0, HEADER_BYTES);
  out[HEADER_BYTES + 4] = 0;
  out.set(body, HEADER_BYTES + 5);
  return out;
}
