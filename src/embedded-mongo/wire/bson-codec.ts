/**
 * How this server decodes and encodes BSON documents on the wire. Decoding
 * keeps every int64 as `bson.Long` (not only those beyond 2^53) so a stored
 * 64-bit integer keeps its type and exact value through the server.
 */
import { BSONError, deserialize, serialize, type Document } from 'bson';
import { CommandError } from '../errors.js';

const DECODE_OPTIONS = { promoteLongs: false, promoteBuffers: false } as const;

/** Decodes exactly the document occupying `bytes`; throws CommandError InvalidBSON (22) when the bytes are not one valid BSON document. */
export function decodeDocument(bytes: Uint8Array): Document {
  try {
    return deserialize(bytes, DECODE_OPTIONS);
  } catch (error) {
    if (error instanceof BSONError || error instanceof RangeError || error instanceof TypeError) {
      throw new CommandError('InvalidBSON', `invalid BSON: ${error.message}`);
    }
    throw error;
  }
}

/** Encodes a reply document; fields whose value is `undefined` are left out, as mongod never sends them. */
export function encodeDocument(doc: Document): Uint8Array {
  return serialize(doc, { ignoreUndefined: true });
}
