import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ObjectId, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let coll: Collection<Document>;
let counter = 0;
beforeAll(async () => {
  mongo = await startTestMongo();
});
afterAll(async () => {
  await mongo.stop();
});
beforeEach(() => {
  coll = mongo.client.db(mongo.dbName('crud')).collection(`c${counter++}`);
});

describe('insert', () => {
  test('insertOne adds an ObjectId _id when the document has none', async () => {
    const result = await coll.insertOne({ name: 'a' });
    expect(result.acknowledged).toBe(true);
    expect(result.insertedId).toBeInstanceOf(ObjectId);
    const found = await coll.findOne({ _id: result.insertedId });
    expect(found).toEqual({ _id: result.insertedId, name: 'a' });
  });

  test('insertMany keeps the given _id values and reports every inserted id', async () => {
    const result = await coll.insertMany([{ _id: 1, v: 'x' } as Document, { _id: 'two', v: 'y' }, { v: 'z' }]);
    expect(result.insertedCount).toBe(3);
    expect(result.insertedIds[0]).toBe(1);
    expect(result.insertedIds[1]).toBe('two');
    expect(await coll.countDocuments()).toBe(3);
  });

  test('the _id field comes first in a stored document', async () => {
    await coll.insertOne({ z: 1, a: 2, _id: 7 } as Document);
    const doc = await coll.findOne({});
    expect(Object.keys(doc!)).toEqual(['_id', 'z', 'a']);
  });

  test('nested documents and arrays are stored exactly', async () => {
    const doc = { _id: 1, a: { b: { c: [1, { d: 'x' }, [2, 3]] } }, e: [], f: {}, g: null, h: true, i: 1.5, j: new Date('2015-03-01T00:00:00Z') };
    await coll.insertOne(doc as Document);
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual(doc);
  });
});

describe('find', () => {
  beforeEach(async () => {
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, n: i, parity: i % 2 === 0 ? 'even' : 'odd', tags: i % 3 === 0 ? ['x', 'y'] : ['y'] }) as Document));
  });

  test('filter, sort, skip and limit combine as on mongod', async () => {
    const docs = await coll.find({ parity: 'even' }).sort({ n: -1 }).skip(1).limit(2).toArray();
    expect(docs.map((d) => d.n)).toEqual([6, 4]);
  });

  test('inclusion projection keeps _id unless excluded', async () => {
    const doc = await coll.findOne({ _id: 3 } as Document, { projection: { n: 1 } });
    expect(doc).toEqual({ _id: 3, n: 3 });
    const noId = await coll.findOne({ _id: 3 } as Document, { projection: { n: 1, _id: 0 } });
    expect(noId).toEqual({ n: 3 });
  });

  test('exclusion projection removes only the named fields', async () => {
    const doc = await coll.findOne({ _id: 3 } as Document, { projection: { tags: 0, parity: 0 } });
    expect(doc).toEqual({ _id: 3, n: 3 });
  });

  test('mixing inclusion and exclusion is refused', async () => {
    await expect(coll.findOne({}, { projection: { n: 1, parity: 0 } })).rejects.toMatchObject({ code: 31254 });
  });

  test('an array field matches a scalar it contains', async () => {
    expect(await coll.countDocuments({ tags: 'x' })).toBe(4);
  });

  test('a negative limit returns a single batch', async () => {
    const docs = await coll.find({}).sort({ _id: 1 }).limit(-3).toArray();
    expect(docs.map((d) => d._id)).toEqual([0, 1, 2]);
  });

  test('hint, comment and maxTimeMS are accepted', async () => {
    const docs = await coll.find({ n: { $lt: 3 } }, { hint: { _id: 1 }, comment: 'conformance', maxTimeMS: 10_000 }).toArray();
    expect(docs).toHaveLength(3);
  });

  test('find on a missing collection returns nothing', async () => {
    expect(await mongo.client.db(mongo.dbName('crud')).collection('does_not_exist').find({}).toArray()).toEqual([]);
  });
});

describe('update', () => {
  beforeEach(async () => {
    await coll.insertMany([{ _id: 1, n: 1, s: 'a' }, { _id: 2, n: 2, s: 'b' }, { _id: 3, n: 3, s: 'b' }] as Document[]);
  });

  test('updateOne reports matched and modified counts', async () => {
    const result = await coll.updateOne({ s: 'b' }, { $set: { t: true } });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: null });
  });

  test('updateMany changes every match; a no-op update matches without modifying', async () => {
    const result = await coll.updateMany({ s: 'b' }, { $set: { s: 'b' } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
    const changed = await coll.updateMany({ s: 'b' }, { $inc: { n: 10 } });
    expect(changed).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect((await coll.find({ s: 'b' }).sort({ _id: 1 }).toArray()).map((d) => d.n)).toEqual([12, 13]);
  });

  test('an upsert inserts from the equality fields of the filter and reports the new _id', async () => {
    const result = await coll.updateOne({ s: 'new', k: 5 }, { $set: { v: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(result.upsertedCount).toBe(1);
    expect(result.upsertedId).toBeInstanceOf(ObjectId);
    const doc = await coll.findOne({ _id: result.upsertedId } as Document);
    expect(doc).toMatchObject({ s: 'new', k: 5, v: 1, created: true });
  });

  test('$setOnInsert does nothing when the upsert matches', async () => {
    await coll.updateOne({ _id: 1 } as Document, { $set: { v: 2 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(await coll.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, n: 1, s: 'a', v: 2 });
  });

  test('replaceOne swaps the whole document but keeps its _id', async () => {
    const result = await coll.replaceOne({ _id: 2 } as Document, { only: 'this' });
    expect(result.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 2 } as Document)).toEqual({ _id: 2, only: 'this' });
  });

  test('changing _id is refused with ImmutableField (66)', async () => {
    await expect(coll.updateOne({ _id: 1 } as Document, { $set: { _id: 99 } })).rejects.toMatchObject({ code: 66 });
  });

  test('an aggregation pipeline update computes from the document', async () => {
    await coll.updateMany({}, [{ $set: { double: { $multiply: ['$n', 2] } } }]);
    expect((await coll.find().sort({ _id: 1 }).toArray()).map((d) => d.double)).toEqual([2, 4, 6]);
  });
});

describe('delete', () => {
  test('deleteOne removes one match, deleteMany all', async () => {
    await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await coll.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({ k: 1 })).deletedCount).toBe(2);
    expect((await coll.deleteMany({ k: 3 })).deletedCount).toBe(0);
    expect(await coll.countDocuments()).toBe(1);
  });
});

describe('findAndModify', () => {
  beforeEach(async () => {
    await coll.insertMany([{ _id: 1, n: 5, q: 'a' }, { _id: 2, n: 1, q: 'a' }] as Document[]);
  });

  test('findOneAndUpdate returns the document before the change by default and after on request', async () => {
    const before = await coll.findOneAndUpdate({ q: 'a' }, { $inc: { n: 1 } }, { sort: { n: 1 } });
    expect(before).toEqual({ _id: 2, n: 1, q: 'a' });
    const after = await coll.findOneAndUpdate({ q: 'a' }, { $inc: { n: 1 } }, { sort: { n: -1 }, returnDocument: 'after' });
    expect(after).toEqual({ _id: 1, n: 6, q: 'a' });
  });

  test('findOneAndUpdate with upsert inserts and returns the new document', async () => {
    const result = await coll.findOneAndUpdate({ q: 'zzz' }, { $set: { n: 0 } }, { upsert: true, returnDocument: 'after', includeResultMetadata: true });
    expect(result.value).toMatchObject({ q: 'zzz', n: 0 });
    expect(result.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(result.lastErrorObject?.upserted).toEqual(result.value!._id);
  });

  test('findOneAndUpdate reports updatedExisting when it matched', async () => {
    const result = await coll.findOneAndUpdate({ _id: 1 } as Document, { $set: { x: 1 } }, { includeResultMetadata: true });
    expect(result.lastErrorObject).toMatchObject({ n: 1, updatedExisting: true });
  });

  test('findOneAndReplace and findOneAndDelete with a projection', async () => {
    const replaced = await coll.findOneAndReplace({ _id: 2 } as Document, { r: true }, { returnDocument: 'after', projection: { _id: 0 } });
    expect(replaced).toEqual({ r: true });
    const deleted = await coll.findOneAndDelete({ _id: 1 } as Document);
    expect(deleted).toEqual({ _id: 1, n: 5, q: 'a' });
    expect(await coll.countDocuments()).toBe(1);
  });

  test('no match without upsert returns null', async () => {
    expect(await coll.findOneAndUpdate({ q: 'none' }, { $set: { n: 1 } })).toBeNull();
  });

  test('the findandmodify spelling is accepted', async () => {
    const reply = await mongo.client.db(coll.dbName).command({ findandmodify: coll.collectionName, query: { _id: 1 }, update: { $set: { y: 1 } }, new: true });
    expect(reply.value).toMatchObject({ _id: 1, y: 1 });
  });

  test('both remove and update is refused', async () => {
    await expect(mongo.client.db(coll.dbName).command({ findAndModify: coll.collectionName, query: {}, remove: true, update: { $set: { a: 1 } } })).rejects.toMatchObject({ ok: 0 });
  });
});

describe('count and distinct', () => {
  test('countDocuments with skip/limit, estimatedDocumentCount and distinct over arrays', async () => {
    await coll.insertMany([{ t: ['a', 'b'], k: 1 }, { t: 'b', k: 1 }, { t: ['c'], k: 2 }, { k: 3 }]);
    expect(await coll.countDocuments({ k: { $lt: 3 } })).toBe(3);
    expect(await coll.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await coll.estimatedDocumentCount()).toBe(4);
    expect((await coll.distinct('t')).sort()).toEqual(['a', 'b', 'c']);
    expect((await coll.distinct('t', { k: 1 })).sort()).toEqual(['a', 'b']);
    const count = await mongo.client.db(coll.dbName).command({ count: coll.collectionName, query: { k: 1 } });
    expect(count).toMatchObject({ n: 2, ok: 1 });
  });
});
