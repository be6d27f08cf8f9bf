/**
 * Constants of the MongoDB wire protocol as this server speaks it: the
 * message header, the opcodes it knows and the size limits it advertises.
 */

export const OpCode = {
  OP_REPLY: 1,
  OP_QUERY: 2004,
  OP_COMPRESSED: 2012,
  OP_MSG: 2013,
} as const;

export const HEADER_BYTES = 16;
/** Largest message accepted or sent, as `maxMessageSizeBytes` in `hello`. */
export const MAX_MESSAGE_BYTES = 48_000_000;
/** Largest user document, as `maxBsonObjectSize` in `hello`. */
export const MAX_BSON_OBJECT_BYTES = 16 * 1024 * 1024;
/** mongod lets a command body exceed a user document by this much for its own fields. */
export const BSON_OBJECT_SLACK_BYTES = 16 * 1024;
export const MAX_WRITE_BATCH_SIZE = 100_000;

/** OP_MSG flag bits. */
export const MsgFlag = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

/** Bits 0–15 are "required": a receiver must refuse a message with an unknown one set. */
export const MSG_REQUIRED_FLAGS_MASK = 0xffff;

export interface MessageHeader {
  messageLength: number;
  requestID: number;
  responseTo: number;
  opCode: number;
}

/** Reads the 16-byte header at the start of `message` (which must hold at least 16 bytes). */
export function readHeader(message: Buffer): MessageHeader {
  return {
    messageLength: message.readInt32LE(0),
    requestID: message.readInt32LE(4),
    responseTo: message.readInt32LE(8),
    opCode: message.readInt32LE(12),
  };
}

/** Writes a header for a message of `messageLength` bytes into `target`. */
export function writeHeader(target: Buffer, messageLength: number, requestID: number, responseTo: number, opCode: number): void {
  target.writeInt32LE(messageLength, 0);
  target.writeInt32LE(requestID, 4);
  target.writeInt32LE(responseTo, 8);
  target.writeInt32LE(opCode, 12);
}
