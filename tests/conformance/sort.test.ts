import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decimal128, Long, MaxKey, MinKey, ObjectId, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let coll: Collection<Document>;

beforeAll(async () => {
  mongo = await startTestMongo();
  coll = mongo.client.db(mongo.dbName('sort')).collection('mixed');
  await coll.insertMany([
    { _id: 'str', v: 'abc' },
    { _id: 'int', v: 5 },
    { _id: 'dbl', v: 2.5 },
    { _id: 'long', v: Long.fromNumber(3) },
    { _id: 'dec', v: Decimal128.fromString('4.5') },
    { _id: 'null', v: null },
    { _id: 'missing' },
    { _id: 'obj', v: { a: 1 } },
    { _id: 'oid', v: new ObjectId('5f0000000000000000000001') },
    { _id: 'bool', v: true },
    { _id: 'date', v: new Date('2015-01-01T00:00:00Z') },
    { _id: 'min', v: new MinKey() },
    { _id: 'max', v: new MaxKey() },
  ] as Document[]);
});
afterAll(async () => {
  await mongo.stop();
});

describe('sorting across BSON types', () => {
  test('ascending follows MongoDB type order, numbers compared by value across types', async () => {
    const docs = await coll.find({}).sort({ v: 1, _id: 1 }).toArray();
    expect(docs.map((d) => d._id)).toEqual(['min', 'missing', 'null', 'dbl', 'long', 'dec', 'int', 'str', 'obj', 'oid', 'bool', 'date', 'max']);
  });

  test('descending is the exact reverse for distinct values', async () => {
    const docs = await coll.find({ _id: { $nin: ['missing', 'null'] } } as Document).sort({ v: -1 }).toArray();
    expect(docs.map((d) => d._id)).toEqual(['max', 'date', 'bool', 'oid', 'obj', 'str', 'int', 'dec', 'long', 'dbl', 'min']);
  });

  test('arrays sort by their smallest element ascending and largest descending', async () => {
    const arrays = mongo.client.db(mongo.dbName('sort')).collection('arrays');
    await arrays.insertMany([
      { _id: 'a', v: [1, 10] },
      { _id: 'b', v: [5] },
      { _id: 'c', v: [0, 7] },
    ] as Document[]);
    expect((await arrays.find().sort({ v: 1 }).toArray()).map((d) => d._id)).toEqual(['c', 'a', 'b']);
    expect((await arrays.find().sort({ v: -1 }).toArray()).map((d) => d._id)).toEqual(['a', 'c', 'b']);
  });

  test('a compound sort breaks ties with the next key', async () => {
    const people = mongo.client.db(mongo.dbName('sort')).collection('people');
    await people.insertMany([
      { _id: 1, city: 'b', age: 3 },
      { _id: 2, city: 'a', age: 9 },
      { _id: 3, city: 'b', age: 1 },
      { _id: 4, city: 'a', age: 2 },
    ] as Document[]);
    expect((await people.find().sort({ city: 1, age: -1 }).toArray()).map((d) => d._id)).toEqual([2, 4, 1, 3]);
  });

  test('an invalid sort value is refused', async () => {
    const command = mongo.client.db(coll.dbName).command({ find: coll.collectionName, filter: {}, sort: { v: 2 } });
    await expect(command).rejects.toMatchObject({ name: 'MongoServerError' });
  });
});
