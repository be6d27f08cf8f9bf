import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MongoServerError, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let n = 0;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});

function fresh(): Collection<Document> {
  return mongo.client.db(mongo.dbName('indexes')).collection(`i${n++}`);
}

describe('unique indexes', () => {
  test('a duplicate insert fails with DuplicateKey (11000) carrying keyPattern and keyValue', async () => {
    const coll = fresh();
    expect(await coll.createIndex({ email: 1 }, { unique: true })).toBe('email_1');
    await coll.insertOne({ email: 'a@x' });
    const error = await coll.insertOne({ email: 'a@x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@x' } });
    expect((error as MongoServerError).message).toMatch(/E11000 duplicate key error collection: .*index: email_1 dup key: \{ email: "a@x" \}/);
    expect(await coll.countDocuments()).toBe(1);
  });

  test('a duplicate _id fails with DuplicateKey on the _id_ index', async () => {
    const coll = fresh();
    await coll.insertOne({ _id: 7 } as Document);
    await expect(coll.insertOne({ _id: 7 } as Document)).rejects.toMatchObject({ code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: 7 } });
  });

  test('an update that would duplicate a unique key fails and leaves the document unchanged', async () => {
    const coll = fresh();
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.insertMany([{ _id: 1, code: 'a' }, { _id: 2, code: 'b' }] as Document[]);
    await expect(coll.updateOne({ _id: 2 } as Document, { $set: { code: 'a' } })).rejects.toMatchObject({ code: 11000 });
    expect(await coll.findOne({ _id: 2 } as Document)).toEqual({ _id: 2, code: 'b' });
    expect(await coll.countDocuments({ code: 'a' })).toBe(1);
  });

  test('building a unique index over duplicates fails and creates no index', async () => {
    const coll = fresh();
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    await expect(coll.createIndex({ k: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  test('a unique compound index allows repeats of a prefix but not of the whole key', async () => {
    const coll = fresh();
    await coll.createIndex({ org: 1, year: -1 }, { unique: true });
    await coll.insertMany([{ org: 'a', year: 2015 }, { org: 'a', year: 2016 }, { org: 'b', year: 2015 }]);
    await expect(coll.insertOne({ org: 'a', year: 2015 })).rejects.toMatchObject({ code: 11000, keyPattern: { org: 1, year: -1 }, keyValue: { org: 'a', year: 2015 } });
  });

  test('a sparse unique index ignores documents without the field', async () => {
    const coll = fresh();
    await coll.createIndex({ tag: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{ a: 1 }, { a: 2 }, { tag: 'x' }]);
    await expect(coll.insertOne({ tag: 'x' })).rejects.toMatchObject({ code: 11000 });
  });
});

describe('index management', () => {
  test('createIndexes names indexes as mongod, lists them and is idempotent', async () => {
    const coll = fresh();
    await coll.insertOne({ a: 1 });
    const names = await coll.createIndexes([{ key: { a: 1, b: -1 } }, { key: { c: 1 }, name: 'by_c', unique: true }]);
    expect(names).toEqual(['a_1_b_-1', 'by_c']);
    const again = await mongo.client.db(coll.dbName).command({ createIndexes: coll.collectionName, indexes: [{ key: { c: 1 }, name: 'by_c', unique: true }] });
    expect(again).toMatchObject({ numIndexesBefore: 3, numIndexesAfter: 3, ok: 1 });
    const listed = await coll.listIndexes().toArray();
    expect(listed.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'by_c']);
    expect(listed[1]).toMatchObject({ v: 2, key: { a: 1, b: -1 } });
    expect(listed[2]).toMatchObject({ unique: true, key: { c: 1 } });
  });

  test('createIndexes on a new collection creates it', async () => {
    const coll = fresh();
    const reply = await mongo.client.db(coll.dbName).command({ createIndexes: coll.collectionName, indexes: [{ key: { x: 1 }, name: 'x_1' }] });
    expect(reply).toMatchObject({ createdCollectionAutomatically: true, numIndexesBefore: 1, numIndexesAfter: 2, ok: 1 });
  });

  test('the same name with another key is refused with IndexKeySpecsConflict (86)', async () => {
    const coll = fresh();
    await coll.createIndex({ a: 1 }, { name: 'idx' });
    await expect(coll.createIndex({ b: 1 }, { name: 'idx' })).rejects.toMatchObject({ code: 86 });
  });

  test('the same key under another name with other options is refused with IndexOptionsConflict (85)', async () => {
    const coll = fresh();
    await coll.createIndex({ a: 1 });
    await expect(coll.createIndex({ a: 1 }, { unique: true, name: 'a_unique' })).rejects.toMatchObject({ code: 85 });
  });

  test('dropIndex by name and by key, dropIndexes for all, IndexNotFound (27) for an unknown name', async () => {
    const coll = fresh();
    await coll.createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }, { key: { c: 1 } }]);
    await coll.dropIndex('a_1');
    await mongo.client.db(coll.dbName).command({ dropIndexes: coll.collectionName, index: { b: 1 } });
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'c_1']);
    await expect(coll.dropIndex('nope_1')).rejects.toMatchObject({ code: 27 });
    await coll.dropIndexes();
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  test('the deleteIndexes spelling drops too', async () => {
    const coll = fresh();
    await coll.createIndex({ z: 1 });
    const reply = await mongo.client.db(coll.dbName).command({ deleteIndexes: coll.collectionName, index: 'z_1' });
    expect(reply).toMatchObject({ nIndexesWas: 2, ok: 1 });
  });

  test('listIndexes on a missing collection fails with NamespaceNotFound (26)', async () => {
    await expect(fresh().listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
  });

  test('queries answer the same with and without a secondary index', async () => {
    const coll = fresh();
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ k: i % 10, v: i })));
    const filter = { k: { $in: [2, 5] }, v: { $gte: 10 } };
    const before = await coll.find(filter).sort({ v: 1 }).toArray();
    await coll.createIndex({ k: 1, v: 1 });
    const after = await coll.find(filter).sort({ v: 1 }).toArray();
    expect(after).toEqual(before);
    expect(after).toHaveLength(8);
  });

  test('explain reports an index scan for an indexed equality', async () => {
    const coll = fresh();
    await coll.insertMany(Array.from({ length: 20 }, (_, i) => ({ k: i })));
    await coll.createIndex({ k: 1 });
    const plan = await coll.find({ k: 3 }).explain('executionStats');
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).toMatch(/IXSCAN/);
    expect(plan.executionStats.nReturned).toBe(1);
    expect(plan.executionStats.totalDocsExamined).toBe(1);
    const db = mongo.client.db(coll.dbName);
    for (const command of [{ count: coll.collectionName, query: { k: 3 } }, { distinct: coll.collectionName, key: 'k', query: { k: { $lt: 5 } } }]) {
      const explained = await db.command({ explain: command, verbosity: 'queryPlanner' });
      expect(explained.queryPlanner).toBeDefined();
      expect(explained.ok).toBe(1);
    }
  });
});
