/**
 * Legacy OP_QUERY (2004) and OP_REPLY (1): the driver's very first `hello`
 * on each connection still travels this way, before it knows the server
 * speaks OP_MSG.
 */
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import { decodeDocument, encodeDocument } from './bson-codec.js';
import { HEADER_BYTES, OpCode, writeHeader } from './protocol.js';

export interface OpQueryRequest {
  /** `db.collection`; commands go to `db.$cmd`. */
  fullCollectionName: string;
  query: Document;
}

/** Decodes a whole OP_QUERY message; throws CommandError when it is malformed. */
export function decodeOpQuery(message: Buffer): OpQueryRequest {
  const nameStart = HEADER_BYTES + 4;
  const nameEnd = message.indexOf(0, nameStart);
  if (nameEnd < 0) throw new CommandError('BadValue', 'OP_QUERY has an unterminated collection name');
  const fullCollectionName = message.toString('utf8', nameStart, nameEnd);
  const queryStart = nameEnd + 1 + 8;
  if (queryStart + 5 > message.length) throw new CommandError('BadValue', 'OP_QUERY is too short to hold a query');
  const size = message.readInt32LE(queryStart);
  if (size < 5 || queryStart + size > message.length) throw new CommandError('InvalidBSON', `Invalid BSON document size ${size} in OP_QUERY`);
  const query = decodeDocument(message.subarray(queryStart, queryStart + size));
  return { fullCollectionName, query };
}

/** OP_REPLY flag set when the query failed; the single document then holds `$err`. */
export const REPLY_QUERY_FAILURE = 1 << 1;

/** Encodes an OP_REPLY carrying the single document `reply`. */
export function encodeOpReply(requestID: number, responseTo: number, reply: Document, responseFlags = 0): Buffer {
  const body = encodeDocument(reply);
  const fixed = HEADER_BYTES + 4 + 8 + 4 + 4;
  const length = fixed + body.length;
  const out = Buffer.allocUnsafe(length);
  writeHeader(out, length, requestID, responseTo, OpCode.OP_REPLY);
  out.writeInt32LE(responseFlags, HEADER_BYTES);
  out.writeBigInt64LE(0n, HEADER_BYTES + 4);
  out.writeInt32LE(0, HEADER_BYTES + 12);
  out.writeInt32LE(1, HEADER_BYTES + 16);
  out.set(body, fixed);
  return out;
}
