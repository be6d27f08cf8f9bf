import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo, type LogRecord } from '../../src/embedded-mongo/index.js';
import { bsonWithLongString, opMsg, opMsgFromBytes, opQuery, RawConnection, rawMessage } from './raw-wire-client.js';

let server: EmbeddedMongo;
const logs: LogRecord[] = [];
const open: RawConnection[] = [];

beforeAll(async () => {
  server = await startEmbeddedMongo({ memory: true, port: 0, log: (record) => logs.push(record) });
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  for (const connection of open.splice(0)) connection.destroy();
  // After whatever the test sent, a fresh driver connection still works.
  const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 3_000 });
  try {
    await client.connect();
    expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
    await client.db('robust').collection('after').insertOne({ ok: true });
    expect(await client.db('robust').collection('after').countDocuments({ ok: true })).toBeGreaterThan(0);
  } finally {
    await client.close();
  }
});

async function connect(): Promise<RawConnection> {
  const connection = await RawConnection.open(server.port);
  open.push(connection);
  return connection;
}

describe('framing', () => {
  test('a message delivered one byte at a time is answered once', async () => {
    const connection = await connect();
    const message = opMsg({ ping: 1, $db: 'admin' }, { requestID: 42 });
    for (const byte of message) await connection.write(Buffer.from([byte]));
    const reply = await connection.nextReply();
    expect(reply).toMatchObject({ responseTo: 42, opCode: 2013, doc: { ok: 1 } });
  });

  test('several messages in one chunk are answered in order', async () => {
    const connection = await connect();
    await connection.write(Buffer.concat([1, 2, 3].map((i) => opMsg({ ping: 1, $db: 'admin' }, { requestID: 100 + i }))));
    const replies = [await connection.nextReply(), await connection.nextReply(), await connection.nextReply()];
    expect(replies.map((r) => r.responseTo)).toEqual([101, 102, 103]);
  });

  test('a truncated header followed by a hang-up leaves the server up', async () => {
    const connection = await connect();
    await connection.write(Buffer.from([0x20, 0, 0, 0, 1, 2, 3]));
    connection.end();
    expect(await connection.waitClosed()).toBe(true);
  });

  test('a message length below 16 closes the connection', async () => {
    const connection = await connect();
    const bogus = Buffer.alloc(16);
    bogus.writeInt32LE(5, 0);
    await connection.write(bogus);
    expect(await connection.waitClosed()).toBe(true);
    expect(connection.pending).toBe(0);
  });

  test('a message length above 48,000,000 closes the connection', async () => {
    const connection = await connect();
    const bogus = Buffer.alloc(16);
    bogus.writeInt32LE(48_000_001, 0);
    await connection.write(bogus);
    expect(await connection.waitClosed()).toBe(true);
  });
});

describe('malformed messages', () => {
  test('an unknown opcode is answered with an error and the connection stays usable', async () => {
    const connection = await connect();
    await connection.write(rawMessage(9999, Buffer.from('garbage'), 7));
    const reply = await connection.nextReply();
    expect(reply.responseTo).toBe(7);
    expect(reply.doc).toMatchObject({ ok: 0 });
    await connection.write(opMsg({ ping: 1, $db: 'admin' }, { requestID: 8 }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 8, doc: { ok: 1 } });
  });

  test('invalid BSON in an OP_MSG body is answered with InvalidBSON (22)', async () => {
    const connection = await connect();
    const message = opMsg({ ping: 1, $db: 'admin' }, { requestID: 9 });
    // Corrupt the first element's type byte into one BSON does not define.
    message[21 + 4] = 0x77;
    await connection.write(message);
    expect(await connection.nextReply()).toMatchObject({ responseTo: 9, doc: { ok: 0, code: 22 } });
  });

  test('a body whose declared size overruns the message is refused', async () => {
    const connection = await connect();
    const message = opMsg({ ping: 1, $db: 'admin' }, { requestID: 10 });
    message.writeInt32LE(message.readInt32LE(21) + 100, 21);
    await connection.write(message);
    expect(await connection.nextReply()).toMatchObject({ responseTo: 10, doc: { ok: 0 } });
  });

  test('an OP_MSG without $db is refused', async () => {
    const connection = await connect();
    await connection.write(opMsg({ ping: 1 }, { requestID: 11 }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 11, doc: { ok: 0 } });
  });

  test('a body larger than 16 MiB is refused with BSONObjectTooLarge (10334)', async () => {
    const connection = await connect();
    const message = opMsgFromBytes(bsonWithLongString({ ping: 1, $db: 'admin' }, 'pad', 17 * 1024 * 1024), 12);
    await connection.write(message);
    expect(await connection.nextReply()).toMatchObject({ responseTo: 12, doc: { ok: 0, code: 10334 } });
  });

  test('a document over 16 MiB in a document sequence is refused', async () => {
    const connection = await connect();
    const message = opMsg({ insert: 'big', $db: 'robust' }, { requestID: 13, sequences: { documents: [{ s: 'x'.repeat(16 * 1024 * 1024 + 20 * 1024) }] } });
    await connection.write(message);
    const reply = await connection.nextReply();
    expect(reply.responseTo).toBe(13);
    expect(reply.doc.ok === 0 || (reply.doc.writeErrors as unknown[] | undefined)?.length === 1).toBe(true);
  });

  test('an unknown required flag bit is refused', async () => {
    const connection = await connect();
    await connection.write(opMsg({ ping: 1, $db: 'admin' }, { requestID: 14, flags: 1 << 5 }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 14, doc: { ok: 0 } });
  });
});

describe('OP_MSG features', () => {
  test('a correct CRC-32C checksum is accepted', async () => {
    const connection = await connect();
    await connection.write(opMsg({ ping: 1, $db: 'admin' }, { requestID: 20, checksum: true }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 20, doc: { ok: 1 } });
  });

  test('a wrong checksum is refused', async () => {
    const connection = await connect();
    await connection.write(opMsg({ ping: 1, $db: 'admin' }, { requestID: 21, checksum: 0xdeadbeef }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 21, doc: { ok: 0 } });
  });

  test('document sequences are merged into the command under their identifier', async () => {
    const connection = await connect();
    await connection.write(opMsg({ insert: 'seq', $db: 'robust' }, { requestID: 22, sequences: { documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] } }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 22, doc: { n: 3, ok: 1 } });
  });

  test('moreToCome gets no reply but is executed', async () => {
    const connection = await connect();
    await connection.write(opMsg({ insert: 'silent', documents: [{ _id: 'quiet' }], $db: 'robust' }, { requestID: 23, flags: 2 }));
    await connection.write(opMsg({ count: 'silent', $db: 'robust' }, { requestID: 24 }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 24, doc: { n: 1, ok: 1 } });
  });

  test('exhaustAllowed is ignored', async () => {
    const connection = await connect();
    await connection.write(opMsg({ ping: 1, $db: 'admin' }, { requestID: 25, flags: 1 << 16 }));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 25, doc: { ok: 1 } });
  });
});

describe('legacy OP_QUERY', () => {
  test('isMaster on admin.$cmd is answered with OP_REPLY', async () => {
    const connection = await connect();
    await connection.write(opQuery('admin.$cmd', { isMaster: 1, helloOk: true }, 30));
    const reply = await connection.nextReply();
    expect(reply).toMatchObject({ responseTo: 30, opCode: 1, doc: { ismaster: true, helloOk: true, maxWireVersion: 21, ok: 1 } });
    expect(reply.doc.topologyVersion).toBeUndefined();
    expect(reply.doc.compression).toBeUndefined();
  });

  test('other commands over OP_QUERY are refused with 352', async () => {
    const connection = await connect();
    await connection.write(opQuery('robust.$cmd', { find: 'c' }, 31));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 31, opCode: 1, doc: { ok: 0, code: 352 } });
  });
});

describe('compression', () => {
  test('hello never offers compression, so a client asking for zlib still talks uncompressed', async () => {
    const connection = await connect();
    await connection.write(opMsg({ hello: 1, compression: ['zlib', 'zstd'], $db: 'admin' }, { requestID: 40 }));
    const reply = await connection.nextReply();
    expect(reply.doc.ok).toBe(1);
    expect(reply.doc.compression).toBeUndefined();
    const client = new MongoClient(server.uri, { compressors: ['zlib'], serverSelectionTimeoutMS: 3_000 });
    try {
      await client.db('robust').collection('zlib').insertOne({ text: 'y'.repeat(10_000) });
      expect(await client.db('robust').collection('zlib').countDocuments()).toBe(1);
    } finally {
      await client.close();
    }
  });

  test('an OP_COMPRESSED message is refused like any unsupported opcode', async () => {
    const connection = await connect();
    await connection.write(rawMessage(2012, Buffer.alloc(9), 41));
    expect(await connection.nextReply()).toMatchObject({ responseTo: 41, doc: { ok: 0 } });
  });
});

describe('oversized replies', () => {
  test('a result document too large to encode is answered with BSONObjectTooLarge (10334)', async () => {
    const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 3_000 });
    try {
      const coll = client.db('robust').collection('huge');
      await coll.insertOne({ s: 'x'.repeat(9 * 1024 * 1024) });
      await expect(coll.aggregate([{ $project: { a: '$s', b: '$s' } }]).toArray()).rejects.toMatchObject({ code: 10334 });
      expect(await coll.countDocuments()).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe('logging', () => {
  test('bad input is logged without failing the server', () => {
    expect(logs.some((record) => record.level === 'warn')).toBe(true);
  });
});
