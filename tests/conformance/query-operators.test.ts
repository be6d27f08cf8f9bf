import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decimal128, Long, ObjectId, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let coll: Collection<Document>;
const oid = new ObjectId('5f0000000000000000000001');

beforeAll(async () => {
  mongo = await startTestMongo();
  coll = mongo.client.db(mongo.dbName('query')).collection('people');
  await coll.insertMany([
    { _id: 1, name: '张三', age: 30, city: 'Neicuo', tags: ['a', 'b'], scores: [80, 95], address: { zip: '100', street: 'Main' }, ref: oid },
    { _id: 2, name: '李四', age: 25, city: 'Lanzhou', tags: ['b'], scores: [60], address: { zip: '200' } },
    { _id: 3, name: 'Wang', age: 40, city: 'neicuo', tags: [], scores: [70, 75, 90], nick: null },
    { _id: 4, name: '张伟', age: 35, tags: ['a', 'c'], scores: [], items: [{ k: 'x', q: 2 }, { k: 'y', q: 5 }] },
    { _id: 5, name: 'Zhao', age: new Long(28), city: 'Neicuo', amount: Decimal128.fromString('10.50'), items: [{ k: 'x', q: 9 }] },
  ] as Document[]);
});
afterAll(async () => {
  await mongo.stop();
});

async function ids(filter: Document): Promise<number[]> {
  return (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => Number(d._id));
}

describe('comparison operators', () => {
  test('$eq $ne $gt $gte $lt $lte compare numbers of every type', async () => {
    expect(await ids({ age: { $eq: 30 } })).toEqual([1]);
    expect(await ids({ age: { $gt: 28 } })).toEqual([1, 3, 4]);
    expect(await ids({ age: { $gte: 28 } })).toEqual([1, 3, 4, 5]);
    expect(await ids({ age: { $lt: 28 } })).toEqual([2]);
    expect(await ids({ age: { $lte: 28, $gt: 20 } })).toEqual([2, 5]);
    expect(await ids({ age: { $ne: 30 } })).toEqual([2, 3, 4, 5]);
  });

  test('$in and $nin, including ObjectId values', async () => {
    expect(await ids({ age: { $in: [25, 40] } })).toEqual([2, 3]);
    expect(await ids({ ref: { $in: [oid] } })).toEqual([1]);
    expect(await ids({ city: { $nin: ['Neicuo', 'Lanzhou'] } })).toEqual([3, 4]);
  });

  test('a Decimal128 compares numerically with doubles', async () => {
    expect(await ids({ amount: { $gt: 10.4, $lt: 10.6 } })).toEqual([5]);
    expect(await ids({ amount: 10.5 })).toEqual([5]);
  });
});

describe('logical operators', () => {
  test('$and $or $nor $not', async () => {
    expect(await ids({ $and: [{ age: { $gt: 26 } }, { city: 'Neicuo' }] })).toEqual([1, 5]);
    expect(await ids({ $or: [{ age: 25 }, { city: 'neicuo' }] })).toEqual([2, 3]);
    expect(await ids({ $nor: [{ city: 'Neicuo' }, { age: { $gt: 34 } }] })).toEqual([2]);
    expect(await ids({ age: { $not: { $gt: 29 } } })).toEqual([2, 5]);
  });
});

describe('element operators', () => {
  test('$exists and null matching', async () => {
    expect(await ids({ city: { $exists: false } })).toEqual([4]);
    expect(await ids({ nick: { $exists: true } })).toEqual([3]);
    expect(await ids({ nick: null })).toEqual([1, 2, 3, 4, 5]);
    expect(await ids({ city: null })).toEqual([4]);
  });

  test('$type by alias and by number', async () => {
    expect(await ids({ age: { $type: 'long' } })).toEqual([5]);
    expect(await ids({ amount: { $type: 'decimal' } })).toEqual([5]);
    expect(await ids({ name: { $type: 2 } })).toEqual([1, 2, 3, 4, 5]);
    expect(await ids({ nick: { $type: 'null' } })).toEqual([3]);
  });
});

describe('array operators', () => {
  test('$all $size $elemMatch', async () => {
    expect(await ids({ tags: { $all: ['a', 'b'] } })).toEqual([1]);
    expect(await ids({ tags: { $size: 0 } })).toEqual([3]);
    expect(await ids({ scores: { $elemMatch: { $gt: 85, $lt: 100 } } })).toEqual([1, 3]);
    expect(await ids({ items: { $elemMatch: { k: 'x', q: { $gt: 3 } } } })).toEqual([5]);
  });

  test('conditions on an array apply per element or across elements as mongod', async () => {
    // Without $elemMatch, different elements may satisfy each bound.
    expect(await ids({ scores: { $gt: 90, $lt: 65 } })).toEqual([]);
    expect(await ids({ scores: { $gt: 85, $lt: 75 } })).toEqual([3]);
    expect(await ids({ 'items.k': 'y' })).toEqual([4]);
    expect(await ids({ 'scores.1': 95 })).toEqual([1]);
  });
});

describe('evaluation operators', () => {
  test('regular expressions, as literals and with $regex/$options, on Chinese text', async () => {
    expect(await ids({ name: /^张/ })).toEqual([1, 4]);
    expect(await ids({ city: { $regex: '^neicuo$', $options: 'i' } })).toEqual([1, 3, 5]);
    expect(await ids({ name: { $in: [/^李/, 'Wang'] } })).toEqual([2, 3]);
  });

  test('$expr compares fields of one document', async () => {
    expect(await ids({ $expr: { $gt: [{ $size: { $ifNull: ['$scores', []] } }, 1] } })).toEqual([1, 3]);
  });

  test('$mod', async () => {
    expect(await ids({ age: { $mod: [10, 0] } })).toEqual([1, 3]);
  });

  test('embedded documents match exactly, dotted paths match fields', async () => {
    expect(await ids({ address: { zip: '200' } })).toEqual([2]);
    expect(await ids({ address: { street: 'Main', zip: '100' } })).toEqual([]);
    expect(await ids({ 'address.zip': '100' })).toEqual([1]);
  });

  test('an unknown operator is refused with BadValue (2)', async () => {
    await expect(coll.find({ age: { $bogus: 1 } }).toArray()).rejects.toMatchObject({ code: 2 });
  });
});
