import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, MongoClient, ObjectId, Timestamp, UUID, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let coll: Collection<Document>;
beforeAll(async () => {
  mongo = await startTestMongo();
  coll = mongo.client.db(mongo.dbName('types')).collection('values');
});
afterAll(async () => {
  await mongo.stop();
});

describe('BSON values round-trip exactly', () => {
  test('a Long beyond 2^53 keeps every digit, in documents, filters and sums', async () => {
    const big = Long.fromString('9007199254740993');
    await coll.insertOne({ _id: 'long', v: big, w: Long.fromString('-9223372036854775808') } as Document);
    const raw = mongo.client.db(coll.dbName).collection(coll.collectionName);
    const doc = await raw.findOne({ _id: 'long' } as Document, { promoteLongs: false });
    expect(Long.isLong(doc!.v)).toBe(true);
    expect(doc!.v.toString()).toBe('9007199254740993');
    expect(doc!.w.toString()).toBe('-9223372036854775808');
    expect(await coll.countDocuments({ v: Long.fromString('9007199254740993') })).toBe(1);
    expect(await coll.countDocuments({ v: Long.fromString('9007199254740992') })).toBe(0);
    const [sum] = await coll.aggregate([{ $match: { _id: 'long' } }, { $group: { _id: null, s: { $sum: '$v' } } }], { promoteLongs: false }).toArray();
    expect(sum!.s.toString()).toBe('9007199254740993');
  });

  test('a small Long stays a 64-bit integer', async () => {
    await coll.insertOne({ _id: 'smalllong', v: Long.fromNumber(5) } as Document);
    expect(await coll.countDocuments({ _id: 'smalllong', v: { $type: 'long' } } as Document)).toBe(1);
  });

  test('the driver can read Longs as bigint', async () => {
    const client = new MongoClient(mongo.uri, { useBigInt64: true, serverSelectionTimeoutMS: 5_000 });
    try {
      await client.db(coll.dbName).collection(coll.collectionName).insertOne({ _id: 'bigint', v: 2n ** 62n } as Document);
      const doc = await client.db(coll.dbName).collection(coll.collectionName).findOne({ _id: 'bigint' } as Document);
      expect(doc!.v).toBe(2n ** 62n);
    } finally {
      await client.close();
    }
  });

  test('Decimal128, Int32, Double, binary, UUID, ObjectId, Timestamp, dates and regexes', async () => {
    const values: Document = {
      _id: 'mixed',
      dec: Decimal128.fromString('1234567890.123456789012345678901234'),
      int: new Int32(7),
      dbl: new Double(0.1),
      bin: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      uuid: new UUID('3b241101-e2bb-4255-8caf-4136c566a962'),
      oid: new ObjectId('5f0000000000000000000abc'),
      ts: new Timestamp({ t: 1420070400, i: 7 }),
      date: new Date('2015-11-30T16:00:00.123Z'),
      re: new BSONRegExp('^内错', 'i'),
      nested: { arr: [1, 'two', { three: [3] }], empty: {} },
      text: '政府信息公开 ✓ 😀',
    };
    await coll.insertOne(values);
    const doc = await coll.findOne({ _id: 'mixed' } as Document, { promoteValues: false, bsonRegExp: true });
    expect(doc!.dec.toString()).toBe('1234567890.123456789012345678901234');
    expect(doc!.int).toEqual(new Int32(7));
    expect(doc!.dbl.valueOf()).toBe(0.1);
    expect(Buffer.from(doc!.bin.buffer).toString('hex')).toBe('000102ff');
    expect(doc!.uuid.toUUID().toString()).toBe('3b241101-e2bb-4255-8caf-4136c566a962');
    expect(doc!.oid.toHexString()).toBe('5f0000000000000000000abc');
    expect(doc!.ts.toString()).toBe(new Timestamp({ t: 1420070400, i: 7 }).toString());
    expect(doc!.date.toISOString()).toBe('2015-11-30T16:00:00.123Z');
    expect(doc!.re.pattern).toBe('^内错');
    expect(doc!.re.options).toBe('i');
    expect(doc!.text.valueOf()).toBe('政府信息公开 ✓ 😀');
  });

  test('a date range filter selects by instant', async () => {
    const events = mongo.client.db(coll.dbName).collection('events');
    await events.insertMany([{ at: new Date('2015-01-01T00:00:00Z') }, { at: new Date('2015-06-01T00:00:00Z') }, { at: new Date('2016-01-01T00:00:00Z') }]);
    expect(await events.countDocuments({ at: { $gte: new Date('2015-01-01T00:00:00Z'), $lt: new Date('2016-01-01T00:00:00Z') } })).toBe(2);
  });

  test('a large document close to the BSON limit round-trips', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    await coll.insertOne({ _id: 'big', big } as Document);
    const doc = await coll.findOne({ _id: 'big' } as Document);
    expect(doc!.big.length).toBe(big.length);
  });
});
