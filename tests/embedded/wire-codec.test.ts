import { describe, expect, test } from 'vitest';
import { crc32c } from '../../src/embedded-mongo/wire/crc32c.js';
import { FramingError, MessageFramer } from '../../src/embedded-mongo/wire/message-framer.js';
import { decodeOpMsg } from '../../src/embedded-mongo/wire/op-msg.js';
import { opMsg } from './raw-wire-client.js';

describe('crc32c', () => {
  test('matches the standard check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  test('of nothing is zero and of 32 zero bytes is the RFC 3720 value', () => {
    expect(crc32c(Buffer.alloc(0))).toBe(0);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });
});

describe('MessageFramer', () => {
  const messages = [opMsg({ ping: 1, $db: 'a' }), opMsg({ hello: 1, $db: 'admin' }), opMsg({ find: 'c', filter: { x: 'y'.repeat(300) }, $db: 'd' })];
  const stream = Buffer.concat(messages);

  test('returns every message whole whatever the chunk sizes', () => {
    for (const chunkSize of [1, 2, 3, 5, 16, 17, 64, stream.length]) {
      const framer = new MessageFramer();
      const out: Buffer[] = [];
      for (let i = 0; i < stream.length; i += chunkSize) out.push(...framer.push(stream.subarray(i, i + chunkSize)));
      expect(out.map((m) => m.toString('hex')), `chunk size ${chunkSize}`).toEqual(messages.map((m) => m.toString('hex')));
      expect(framer.pendingBytes).toBe(0);
    }
  });

  test('holds a partial message until it completes', () => {
    const framer = new MessageFramer();
    expect(framer.push(stream.subarray(0, 10))).toEqual([]);
    expect(framer.pendingBytes).toBe(10);
  });

  test('refuses lengths no message can have', () => {
    const tooSmall = Buffer.alloc(8);
    tooSmall.writeInt32LE(15, 0);
    expect(() => new MessageFramer().push(tooSmall)).toThrow(FramingError);
    const tooLarge = Buffer.alloc(8);
    tooLarge.writeInt32LE(48_000_001, 0);
    expect(() => new MessageFramer().push(tooLarge)).toThrow(FramingError);
  });
});

describe('decodeOpMsg', () => {
  test('merges document sequences into the body', () => {
    const decoded = decodeOpMsg(opMsg({ insert: 'c', $db: 'd' }, { sequences: { documents: [{ a: 1 }, { a: 2 }] } }));
    expect(decoded.body).toEqual({ insert: 'c', $db: 'd', documents: [{ a: 1 }, { a: 2 }] });
    expect(decoded.moreToCome).toBe(false);
  });

  test('keeps every int64 as a Long', () => {
    const decoded = decodeOpMsg(opMsg({ getMore: 5n, $db: 'd' }));
    expect(decoded.body.getMore?._bsontype).toBe('Long');
  });

  test('verifies the checksum when flagged', () => {
    expect(decodeOpMsg(opMsg({ ping: 1, $db: 'a' }, { checksum: true })).body.ping).toBe(1);
    expect(() => decodeOpMsg(opMsg({ ping: 1, $db: 'a' }, { checksum: 1 }))).toThrow(/checksum/);
  });

  test('refuses a field present both in the body and as a sequence', () => {
    expect(() => decodeOpMsg(opMsg({ insert: 'c', documents: [], $db: 'd' }, { sequences: { documents: [{}] } }))).toThrow(/Duplicate field/);
  });
});
