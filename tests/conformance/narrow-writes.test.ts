/**
 * Updates and deletes that name a few fields (by `_id`, with guards on
 * other fields), as the push path sends them: the embedded server decodes
 * only those fields, so these check that the answers, the stored documents
 * and the indexes are what mongod gives when the whole document is read.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Binary, BSONRegExp, Decimal128, Long, MongoServerError, Timestamp, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let n = 0;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

/** Documents with ids of any type, as these tests give them. */
type Doc = { _id: number | string } & Document;

function freshCollection(): Collection<Doc> {
  return mongo.client.db(mongo.dbName('narrow')).collection<Doc>(`c${n++}`);
}

describe('updates that read a few fields', () => {
  test('a guard on a path inside a large embedded document matches and misses as on the whole document', async () => {
    const coll = freshCollection();
    const effect = { live: 'publish', ledger: { _id: 'L1', content: { text: '政府信息公开'.repeat(50) } } };
    await coll.insertOne({ _id: 's1', effect, applied: false });
    const missed = await coll.updateOne({ _id: 's1', 'effect.ledger._id': 'L2' }, { $set: { applied: true } });
    expect([missed.matchedCount, missed.modifiedCount]).toEqual([0, 0]);
    const hit = await coll.updateOne({ _id: 's1', 'effect.ledger._id': 'L1' }, { $set: { applied: true } });
    expect([hit.matchedCount, hit.modifiedCount]).toEqual([1, 1]);
    expect(await coll.findOne({ _id: 's1' })).toEqual({ _id: 's1', effect, applied: true });
  });

  test('$set keeps the place of a field it changes and appends new fields in name order', async () => {
    const coll = freshCollection();
    await coll.insertOne({ _id: 1, b: 1, a: 1, c: 1 });
    await coll.updateOne({ _id: 1 }, { $set: { a: 2, z: 1, m: 1 } });
    const doc = await coll.findOne({ _id: 1 });
    expect(Object.keys(doc!)).toEqual(['_id', 'b', 'a', 'c', 'm', 'z']);
    expect(doc).toEqual({ _id: 1, b: 1, a: 2, c: 1, m: 1, z: 1 });
  });

  test('$inc on a dotted path, $rename and $unset change only their fields', async () => {
    const coll = freshCollection();
    await coll.insertOne({ _id: 1, n: { x: 1, y: 'keep' }, old: 'v', gone: 1, tail: true });
    await coll.updateOne({ _id: 1 }, { $inc: { 'n.x': 2 }, $rename: { old: 'renamed' }, $unset: { gone: '' } });
    const doc = await coll.findOne({ _id: 1 });
    expect(doc).toEqual({ _id: 1, n: { x: 3, y: 'keep' }, tail: true, renamed: 'v' });
    expect(Object.keys(doc!)).toEqual(['_id', 'n', 'tail', 'renamed']);
  });

  test('the positional operator resolves against the guard on the array', async () => {
    const coll = freshCollection();
    await coll.insertOne({ _id: 1, lines: [{ k: 1, v: 1 }, { k: 2, v: 2 }], other: 'x' });
    await coll.updateOne({ _id: 1, 'lines.k': 2 }, { $set: { 'lines.$.v': 9 } });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, lines: [{ k: 1, v: 1 }, { k: 2, v: 9 }], other: 'x' });
  });

  test('an update that changes nothing is matched and not modified', async () => {
    const coll = freshCollection();
    await coll.insertOne({ _id: 1, state: 'APPROVED', body: 'text' });
    const result = await coll.updateOne({ _id: 1, state: 'APPROVED' }, { $set: { state: 'APPROVED' } });
    expect([result.matchedCount, result.modifiedCount]).toEqual([1, 0]);
  });

  test('fields the update does not name come back with their exact types and values', async () => {
    const coll = freshCollection();
    const kept = {
      amount: Decimal128.fromString('1234.50'),
      big: Long.fromString('9007199254740993'),
      bin: new Binary(Buffer.from([0, 1, 255]), 0),
      ts: new Timestamp({ t: 1420070400, i: 7 }),
      re: new BSONRegExp('^公开', 'i'),
      at: new Date('2015-11-30T16:00:00.123Z'),
      nested: { arr: [1, 'two', { three: [3] }], empty: {} },
    };
    await coll.insertOne({ _id: 1, ...kept, state: 'PENDING' });
    await coll.updateOne({ _id: 1, state: 'PENDING' }, { $set: { state: 'APPROVED' } });
    const doc = await coll.findOne({ _id: 1 }, { promoteLongs: false, bsonRegExp: true });
    expect(doc!.amount.toString()).toBe('1234.50');
    expect(doc!.big.toString()).toBe('9007199254740993');
    expect(Buffer.from(doc!.bin.buffer).toString('hex')).toBe('0001ff');
    expect(doc!.ts.toString()).toBe(kept.ts.toString());
    expect([doc!.re.pattern, doc!.re.options]).toEqual(['^公开', 'i']);
    expect(doc!.at.toISOString()).toBe('2015-11-30T16:00:00.123Z');
    expect(doc!.nested).toEqual(kept.nested);
    expect(doc!.state).toBe('APPROVED');
  });
});

describe('indexes under narrowed writes', () => {
  async function indexedCollection(): Promise<Collection<Doc>> {
    const coll = freshCollection();
    await coll.createIndex({ state: 1 });
    await coll.createIndex({ terms: 1 });
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.insertMany([
      { _id: 1, state: 'PENDING', terms: ['公开', '预算'], code: 'A', body: 'x'.repeat(500) },
      { _id: 2, state: 'PENDING', terms: ['决算'], code: 'B', body: 'y' },
    ]);
    return coll;
  }
  const ids = (docs: Document[]) => docs.map((d) => d._id);

  test('an operator update moves the document between index entries', async () => {
    const coll = await indexedCollection();
    await coll.updateOne({ _id: 1, state: 'PENDING' }, { $set: { state: 'APPROVED' } });
    expect(ids(await coll.find({ state: 'APPROVED' }).hint({ state: 1 }).toArray())).toEqual([1]);
    expect(ids(await coll.find({ state: 'PENDING' }).hint({ state: 1 }).toArray())).toEqual([2]);
  });

  test('a guarded replacement moves the entries of a multikey index', async () => {
    const coll = await indexedCollection();
    const result = await coll.replaceOne({ $and: [{ _id: 1 }, { $or: [{ v: { $exists: false } }, { v: { $lte: 3 } }] }] }, { state: 'PENDING', terms: ['公开', '决算'], code: 'C', v: 3 });
    expect([result.matchedCount, result.modifiedCount]).toEqual([1, 1]);
    expect(ids(await coll.find({ terms: '预算' }).hint({ terms: 1 }).toArray())).toEqual([]);
    // Counted from the index entries alone: an entry left behind for the old terms would count.
    expect(await coll.countDocuments({ terms: '预算' })).toBe(0);
    expect(ids(await coll.find({ terms: '决算' }).hint({ terms: 1 }).sort({ _id: 1 }).toArray())).toEqual([1, 2]);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, state: 'PENDING', terms: ['公开', '决算'], code: 'C', v: 3 });
    // The unique entry of the old code went with it.
    await coll.insertOne({ _id: 3, code: 'A' });
    expect(ids(await coll.find({ code: { $in: ['A', 'C'] } }).hint({ code: 1 }).toArray())).toEqual([3, 1]);
  });

  test('an update that would duplicate a unique key is refused and changes nothing', async () => {
    const coll = await indexedCollection();
    const error = await coll.updateOne({ _id: 2 }, { $set: { code: 'A', state: 'APPROVED' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect(await coll.findOne({ _id: 2 })).toEqual({ _id: 2, state: 'PENDING', terms: ['决算'], code: 'B', body: 'y' });
    expect(ids(await coll.find({ state: 'APPROVED' }).hint({ state: 1 }).toArray())).toEqual([]);
  });

  test('a guarded delete removes the document from every index', async () => {
    const coll = await indexedCollection();
    const result = await coll.deleteMany({ $and: [{ _id: { $in: [1, 2] } }, { state: 'PENDING' }, { code: { $ne: 'B' } }] });
    expect(result.deletedCount).toBe(1);
    expect(ids(await coll.find({ terms: '公开' }).hint({ terms: 1 }).toArray())).toEqual([]);
    expect(ids(await coll.find({ code: 'A' }).hint({ code: 1 }).toArray())).toEqual([]);
    await coll.insertOne({ _id: 3, state: 'NEW', terms: [], code: 'A' });
    expect(ids(await coll.find({ code: 'A' }).hint({ code: 1 }).toArray())).toEqual([3]);
  });
});
