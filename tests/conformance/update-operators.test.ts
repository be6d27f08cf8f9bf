import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decimal128, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let n = 0;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

/** Applies `update` to a fresh copy of `doc` and returns the stored result without its _id. */
async function apply(doc: Document, update: Document, options: Document = {}): Promise<Document | null> {
  const coll: Collection<Document> = mongo.client.db(mongo.dbName('update')).collection(`u${n++}`);
  await coll.insertOne({ _id: 1, ...doc } as Document);
  await coll.updateOne({ _id: 1 } as Document, update, options);
  const { _id, ...rest } = (await coll.findOne({ _id: 1 } as Document)) ?? {};
  void _id;
  return rest;
}

describe('field update operators', () => {
  test('$set and $unset, including dotted paths that create documents', async () => {
    expect(await apply({ a: 1, b: 2 }, { $set: { 'c.d': 3 }, $unset: { b: '' } })).toEqual({ a: 1, c: { d: 3 } });
  });

  test('$inc and $mul', async () => {
    expect(await apply({ a: 1, m: 3 }, { $inc: { a: 2, z: 5 }, $mul: { m: 4 } })).toEqual({ a: 3, m: 12, z: 5 });
  });

  test('$inc on Decimal128 stays exact', async () => {
    const result = await apply({ amount: Decimal128.fromString('0.1') }, { $inc: { amount: Decimal128.fromString('0.2') } });
    expect(result?.amount.toString()).toBe('0.3');
  });

  test('$min and $max', async () => {
    expect(await apply({ lo: 5, hi: 5 }, { $min: { lo: 3 }, $max: { hi: 9 } })).toEqual({ lo: 3, hi: 9 });
    expect(await apply({ lo: 5, hi: 5 }, { $min: { lo: 7 }, $max: { hi: 1 } })).toEqual({ lo: 5, hi: 5 });
  });

  test('$rename moves a field', async () => {
    expect(await apply({ a: 1, b: 2 }, { $rename: { a: 'x' } })).toEqual({ b: 2, x: 1 });
  });

  test('$currentDate sets a date', async () => {
    const result = await apply({}, { $currentDate: { at: true } });
    expect(result?.at).toBeInstanceOf(Date);
  });

  test('$inc on a string is refused with TypeMismatch (14)', async () => {
    await expect(apply({ s: 'x' }, { $inc: { s: 1 } })).rejects.toMatchObject({ code: 14 });
  });

  test('conflicting paths are refused with ConflictingUpdateOperators (40)', async () => {
    await expect(apply({ a: 1 }, { $set: { a: 2 }, $inc: { a: 1 } })).rejects.toMatchObject({ code: 40 });
  });
});

describe('array update operators', () => {
  test('$push with $each, $sort, $slice and $position', async () => {
    expect(await apply({ a: [3, 1] }, { $push: { a: 2 } })).toEqual({ a: [3, 1, 2] });
    expect(await apply({ a: [3, 1] }, { $push: { a: { $each: [5, 4], $sort: 1, $slice: 3 } } })).toEqual({ a: [1, 3, 4] });
    expect(await apply({ a: [3, 1] }, { $push: { a: { $each: [9], $position: 0 } } })).toEqual({ a: [9, 3, 1] });
  });

  test('$addToSet with and without $each', async () => {
    expect(await apply({ a: [1, 2] }, { $addToSet: { a: 2 } })).toEqual({ a: [1, 2] });
    expect(await apply({ a: [1, 2] }, { $addToSet: { a: { $each: [2, 3, 3] } } })).toEqual({ a: [1, 2, 3] });
  });

  test('$pop, $pull and $pullAll', async () => {
    expect(await apply({ a: [1, 2, 3] }, { $pop: { a: 1 } })).toEqual({ a: [1, 2] });
    expect(await apply({ a: [1, 2, 3] }, { $pop: { a: -1 } })).toEqual({ a: [2, 3] });
    expect(await apply({ a: [1, 2, 3, 4] }, { $pull: { a: { $gte: 3 } } })).toEqual({ a: [1, 2] });
    expect(await apply({ a: [1, 2, 1, 3] }, { $pullAll: { a: [1, 3] } })).toEqual({ a: [2] });
  });

  test('positional $, all-positional $[] and filtered $[<id>] with arrayFilters', async () => {
    const coll: Collection<Document> = mongo.client.db(mongo.dbName('update')).collection(`u${n++}`);
    await coll.insertOne({ _id: 1, grades: [80, 90, 95], items: [{ k: 'a', q: 1 }, { k: 'b', q: 2 }] } as Document);
    await coll.updateOne({ _id: 1, grades: 90 } as Document, { $set: { 'grades.$': 91 } });
    await coll.updateOne({ _id: 1 } as Document, { $inc: { 'items.$[].q': 10 } });
    await coll.updateOne({ _id: 1 } as Document, { $set: { 'items.$[it].k': 'B' } }, { arrayFilters: [{ 'it.q': { $gt: 11 } }] });
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, grades: [80, 91, 95], items: [{ k: 'a', q: 11 }, { k: 'B', q: 12 }] });
  });
});
