import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoBulkWriteError, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let n = 0;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

async function fresh(): Promise<Collection<Document>> {
  const coll = mongo.client.db(mongo.dbName('bulk')).collection(`b${n++}`);
  await coll.createIndex({ u: 1 }, { unique: true });
  await coll.insertOne({ _id: 0, u: 'taken' } as Document);
  return coll;
}

describe('bulk write errors', () => {
  test('an ordered insertMany stops at the first duplicate', async () => {
    const coll = await fresh();
    const error = await coll.insertMany([{ _id: 1, u: 'a' }, { _id: 2, u: 'taken' }, { _id: 3, u: 'c' }] as Document[]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.insertedCount).toBe(1);
    expect([bulk.writeErrors].flat()).toHaveLength(1);
    expect([bulk.writeErrors].flat()[0]!.index).toBe(1);
    expect([bulk.writeErrors].flat()[0]!.code).toBe(11000);
    expect(await coll.countDocuments()).toBe(2);
  });

  test('an unordered insertMany goes on past every duplicate and reports each index', async () => {
    const coll = await fresh();
    const error = await coll
      .insertMany([{ u: 'taken' }, { u: 'x' }, { u: 'x' }, { u: 'y' }], { ordered: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.insertedCount).toBe(2);
    expect([bulk.writeErrors].flat().map((e) => e.index)).toEqual([0, 2]);
    expect(await coll.countDocuments()).toBe(3);
  });

  test('bulkWrite mixes operations and reports the counts of what succeeded', async () => {
    const coll = await fresh();
    const error = await coll
      .bulkWrite(
        [
          { insertOne: { document: { _id: 10, u: 'p' } as Document } },
          { updateOne: { filter: { _id: 10 } as Document, update: { $set: { v: 1 } } } },
          { updateOne: { filter: { _id: 11 } as Document, update: { $set: { u: 'q' } }, upsert: true } },
          { insertOne: { document: { _id: 12, u: 'taken' } as Document } },
          { deleteOne: { filter: { _id: 0 } as Document } },
        ],
        { ordered: false },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.insertedCount).toBe(1);
    expect(bulk.matchedCount).toBe(1);
    expect(bulk.modifiedCount).toBe(1);
    expect(bulk.upsertedCount).toBe(1);
    expect(bulk.deletedCount).toBe(1);
    expect([bulk.writeErrors].flat()).toHaveLength(1);
    expect([bulk.writeErrors].flat()[0]!.index).toBe(3);
  });

  test('a successful bulkWrite reports upserted ids by operation index', async () => {
    const coll = await fresh();
    const result = await coll.bulkWrite([
      { insertOne: { document: { u: 'r' } } },
      { updateOne: { filter: { u: 's' }, update: { $set: { w: 1 } }, upsert: true } },
      { replaceOne: { filter: { _id: 0 } as Document, replacement: { u: 'taken', r: true } } },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    expect(Object.keys(result.upsertedIds)).toEqual(['1']);
    expect(result.modifiedCount).toBe(1);
  });

  test('an unacknowledged (w:0) write still lands', async () => {
    const coll = await fresh();
    await coll.insertOne({ u: 'fire-and-forget' }, { writeConcern: { w: 0 } });
    await expect.poll(() => coll.countDocuments({ u: 'fire-and-forget' }), { timeout: 5_000 }).toBe(1);
  });
});
