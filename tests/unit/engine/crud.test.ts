import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/embedded-mongo/engine/index.js';
import type { Engine } from '../../../src/embedded-mongo/engine/index.js';
import { CommandError } from '../../../src/embedded-mongo/errors.js';

const ns = { db: 'shop', coll: 'items' };

function all(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

async function engineWith(docs: object[]): Promise<Engine> {
  const engine = await createEngine({});
  if (docs.length > 0) await engine.insert(ns, docs, true);
  return engine;
}

describe('catalog', () => {
  it('creates the database and collection implicitly on first insert', async () => {
    const engine = await createEngine({});
    expect(engine.listDatabases()).toEqual([]);
    await engine.insert(ns, [{ a: 1 }], true);
    expect(engine.listDatabases().map((d) => d.name)).toEqual(['shop']);
    expect(engine.listCollections('shop').map((c) => c.name)).toEqual(['items']);
    expect(engine.listIndexes(ns)).toEqual([{ v: 2, key: { _id: 1 }, name: '_id_' }]);
  });

  it('omits a database once its last collection is dropped', async () => {
    const engine = await engineWith([{ a: 1 }]);
    expect(await engine.dropCollection(ns)).toBe(true);
    expect(await engine.dropCollection(ns)).toBe(false);
    expect(engine.listDatabases()).toEqual([]);
  });

  it('refuses a second createCollection with NamespaceExists', async () => {
    const engine = await createEngine({});
    await engine.createCollection(ns, {});
    await expect(engine.createCollection(ns, {})).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
  });

  it('rejects invalid and system namespaces with InvalidNamespace', async () => {
    const engine = await createEngine({});
    await expect(engine.insert({ db: 'shop', coll: 'a$b' }, [{}], true)).rejects.toMatchObject({ code: 73 });
    await expect(engine.insert({ db: 'shop', coll: '' }, [{}], true)).rejects.toMatchObject({ code: 73 });
    await expect(engine.insert({ db: 'a.b', coll: 'x' }, [{}], true)).rejects.toMatchObject({ code: 73 });
    await expect(engine.insert({ db: 'shop', coll: 'system.users' }, [{}], true)).rejects.toBeInstanceOf(CommandError);
  });

  it('refuses a database whose name differs from an existing one only by case (13297)', async () => {
    const engine = await engineWith([{}]);
    const result = await engine.insert({ db: 'SHOP', coll: 'items' }, [{}], true);
    expect(result.writeErrors?.[0]).toMatchObject({ code: 13297, codeName: 'DatabaseDifferCase' });
    expect(engine.listDatabases().map((d) => d.name)).toEqual(['shop']);
  });

  it('filters listCollections by name', async () => {
    const engine = await engineWith([{}]);
    await engine.insert({ db: 'shop', coll: 'other' }, [{}], true);
    expect(engine.listCollections('shop', { name: 'other' }).map((c) => c.name)).toEqual(['other']);
  });
});

describe('stats', () => {
  it('counts databases, collections, documents and their BSON bytes', async () => {
    const engine = await engineWith([{ _id: 1, s: 'x'.repeat(100) }, { _id: 2 }]);
    await engine.insert({ db: 'other', coll: 'c' }, [{}], true);
    const stats = engine.stats();
    expect(stats).toMatchObject({ databases: 2, collections: 2, documents: 3, journalBytes: 0 });
    expect(stats.dataBytes).toBeGreaterThan(100);
    expect(engine.listDatabases().find((d) => d.name === 'shop')?.sizeOnDisk).toBeGreaterThan(100);
  });
});

describe('insert', () => {
  it('adds an ObjectId _id as the first field when absent', async () => {
    const engine = await engineWith([{ a: 1 }]);
    const [doc] = all(engine.find(ns, {})) as Record<string, unknown>[];
    expect(Object.keys(doc!)).toEqual(['_id', 'a']);
    expect(doc!._id).toBeInstanceOf(ObjectId);
  });

  it('moves a given _id to the first field', async () => {
    const engine = await engineWith([{ a: 1, _id: 7 }]);
    expect(all(engine.find(ns, {}))).toEqual([{ _id: 7, a: 1 }]);
  });

  it('refuses an array _id with InvalidIdField', async () => {
    const engine = await createEngine({});
    const result = await engine.insert(ns, [{ _id: [1] }], true);
    expect(result.n).toBe(0);
    expect(result.writeErrors).toEqual([{ index: 0, code: 53, codeName: 'InvalidIdField', errmsg: "can't use an array for _id" }]);
  });

  it('reports a duplicate _id as E11000 on _id_ with keyPattern and keyValue', async () => {
    const engine = await engineWith([{ _id: 1 }]);
    const result = await engine.insert(ns, [{ _id: 1 }], true);
    expect(result.writeErrors).toEqual([
      {
        index: 0,
        code: 11000,
        codeName: 'DuplicateKey',
        errmsg: 'E11000 duplicate key error collection: shop.items index: _id_ dup key: { _id: 1 }',
        keyPattern: { _id: 1 },
        keyValue: { _id: 1 },
      },
    ]);
  });

  it('refuses a document over 16 MiB with BSONObjectTooLarge', async () => {
    const engine = await createEngine({});
    const result = await engine.insert(ns, [{ big: 'x'.repeat(16 * 1024 * 1024) }], true);
    expect(result.writeErrors?.[0]?.code).toBe(10334);
    expect(all(engine.find(ns, {}))).toEqual([]);
  });

  it('stops an ordered batch at the first error and continues an unordered one', async () => {
    const engine = await createEngine({});
    const ordered = await engine.insert(ns, [{ _id: 1 }, { _id: 1 }, { _id: 2 }], true);
    expect(ordered.n).toBe(1);
    expect(ordered.writeErrors?.map((e) => e.index)).toEqual([1]);
    const unordered = await engine.insert({ ...ns, coll: 'u' }, [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }], false);
    expect(unordered.n).toBe(2);
    expect(unordered.writeErrors?.map((e) => e.index)).toEqual([1, 3]);
  });
});

describe('find', () => {
  const docs = [
    { _id: 1, name: 'b', n: 3, tags: ['x', 'y'] },
    { _id: 2, name: 'a', n: 1, tags: ['y'] },
    { _id: 3, name: 'c', n: 2 },
  ];

  it('applies filter, sort, skip, limit and projection in that order', async () => {
    const engine = await engineWith(docs);
    const found = all(engine.find(ns, { filter: { n: { $gte: 1 } }, sort: { n: -1 }, skip: 1, limit: 1, projection: { name: 1, _id: 0 } }));
    expect(found).toEqual([{ name: 'c' }]);
  });

  it('matches array elements by equality', async () => {
    const engine = await engineWith(docs);
    expect(all(engine.find(ns, { filter: { tags: 'y' }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }, { _id: 2 }]);
  });

  it('returns storage order for a $natural sort, reversed for -1', async () => {
    const engine = await engineWith([{ _id: 2 }, { _id: 1 }, { _id: 3 }]);
    expect(all(engine.find(ns, { sort: { $natural: -1 } }))).toEqual([{ _id: 3 }, { _id: 1 }, { _id: 2 }]);
    expect(all(engine.find(ns, { sort: { $natural: 1 }, limit: 1 }))).toEqual([{ _id: 2 }]);
  });

  it('yields nothing for an unknown collection', async () => {
    const engine = await createEngine({});
    expect(all(engine.find(ns, { filter: { a: 1 } }))).toEqual([]);
  });

  it('counts with skip and limit and lists distinct values with arrays expanded', async () => {
    const engine = await engineWith(docs);
    expect(engine.count(ns, {})).toBe(3);
    expect(engine.count(ns, {}, 1, 1)).toBe(1);
    expect(engine.count(ns, { n: { $gt: 1 } })).toBe(2);
    expect(engine.distinct(ns, 'tags', {})).toEqual(['x', 'y']);
  });

  it('streams lazily so that documents inserted after the cursor opened may be seen', async () => {
    const engine = await engineWith(docs);
    const cursor = engine.find(ns, {});
    expect(cursor.next().value).toMatchObject({ _id: 1 });
    await engine.insert(ns, [{ _id: 4 }], true);
    expect(all(cursor)).toHaveLength(3);
  });
});

describe('update', () => {
  it('counts matched and modified documents, with multi', async () => {
    const engine = await engineWith([{ _id: 1, a: 1 }, { _id: 2, a: 1 }, { _id: 3, a: 2 }]);
    const one = await engine.update(ns, [{ q: { a: 1 }, u: { $set: { b: 1 } } }], true);
    expect(one).toEqual({ n: 1, nModified: 1 });
    const many = await engine.update(ns, [{ q: { a: 1 }, u: { $set: { b: 1 } }, multi: true }], true);
    expect(many).toEqual({ n: 2, nModified: 1 });
  });

  it('replaces a document keeping its _id', async () => {
    const engine = await engineWith([{ _id: 1, a: 1 }]);
    await engine.update(ns, [{ q: { _id: 1 }, u: { b: 2 } }], true);
    expect(all(engine.find(ns, {}))).toEqual([{ _id: 1, b: 2 }]);
  });

  it('refuses to change _id with ImmutableField', async () => {
    const engine = await engineWith([{ _id: 1, a: 1 }]);
    const result = await engine.update(ns, [{ q: { _id: 1 }, u: { $set: { _id: 2 } } }], true);
    expect(result.writeErrors?.[0]?.errmsg).toMatch(/immutable field '_id'/);
    expect(all(engine.find(ns, {}))).toEqual([{ _id: 1, a: 1 }]);
  });

  it('upserts from the query equality fields and applies $setOnInsert only on insert', async () => {
    const engine = await createEngine({});
    const first = await engine.update(ns, [{ q: { sku: 'x' }, u: { $inc: { n: 1 }, $setOnInsert: { created: true } }, upsert: true }], true);
    expect(first.n).toBe(1);
    expect(first.nModified).toBe(0);
    expect(first.upserted).toHaveLength(1);
    const second = await engine.update(ns, [{ q: { sku: 'x' }, u: { $inc: { n: 1 }, $setOnInsert: { created: false } }, upsert: true }], true);
    expect(second).toEqual({ n: 1, nModified: 1 });
    const [doc] = all(engine.find(ns, { projection: { _id: 0 } }));
    expect(doc).toEqual({ sku: 'x', n: 2, created: true });
  });

  it('upserts with the _id of the query', async () => {
    const engine = await createEngine({});
    const result = await engine.update(ns, [{ q: { _id: 5 }, u: { $set: { a: 1 } }, upsert: true }], true);
    expect(result.upserted).toEqual([{ index: 0, _id: 5 }]);
    expect(all(engine.find(ns, {}))).toEqual([{ _id: 5, a: 1 }]);
  });

  it('applies a pipeline update', async () => {
    const engine = await engineWith([{ _id: 1, a: 2 }]);
    await engine.update(ns, [{ q: {}, u: [{ $set: { b: { $multiply: ['$a', 10] } } }] }], true);
    expect(all(engine.find(ns, {}))).toEqual([{ _id: 1, a: 2, b: 20 }]);
  });
});

describe('delete', () => {
  it('removes the first match with limit 1 and all with limit 0', async () => {
    const engine = await engineWith([{ _id: 1, a: 1 }, { _id: 2, a: 1 }, { _id: 3, a: 1 }]);
    expect(await engine.delete(ns, [{ q: { a: 1 }, limit: 1 }], true)).toEqual({ n: 1 });
    expect(await engine.delete(ns, [{ q: { a: 1 }, limit: 0 }], true)).toEqual({ n: 2 });
    expect(engine.count(ns, {})).toBe(0);
  });
});

describe('findAndModify', () => {
  it('updates the first document in sort order and returns it before or after', async () => {
    const engine = await engineWith([{ _id: 1, n: 5 }, { _id: 2, n: 3 }]);
    const before = await engine.findAndModify(ns, { query: {}, sort: { n: 1 }, update: { $inc: { n: 1 } } });
    expect(before).toEqual({ value: { _id: 2, n: 3 }, lastErrorObject: { n: 1, updatedExisting: true } });
    const after = await engine.findAndModify(ns, { query: { _id: 2 }, update: { $inc: { n: 1 } }, new: true, fields: { n: 1, _id: 0 } });
    expect(after.value).toEqual({ n: 5 });
  });

  it('removes and returns the removed document', async () => {
    const engine = await engineWith([{ _id: 1 }]);
    expect(await engine.findAndModify(ns, { query: { _id: 1 }, remove: true })).toEqual({ value: { _id: 1 }, lastErrorObject: { n: 1 } });
    expect(await engine.findAndModify(ns, { query: { _id: 1 }, remove: true })).toEqual({ value: null, lastErrorObject: { n: 0 } });
  });

  it('upserts and reports the upserted _id', async () => {
    const engine = await createEngine({});
    const result = await engine.findAndModify(ns, { query: { _id: 'k' }, update: { $set: { v: 1 } }, upsert: true, new: true });
    expect(result).toEqual({ value: { _id: 'k', v: 1 }, lastErrorObject: { n: 1, updatedExisting: false, upserted: 'k' } });
  });
});

describe('aggregate', () => {
  it('runs a pipeline over the collection with $lookup into a sibling collection', async () => {
    const engine = await engineWith([{ _id: 1, cat: 'a' }, { _id: 2, cat: 'b' }]);
    await engine.insert({ db: 'shop', coll: 'cats' }, [{ _id: 'a', label: 'A' }], true);
    const out = all(
      engine.aggregate(ns, {
        pipeline: [{ $match: { cat: 'a' } }, { $lookup: { from: 'cats', localField: 'cat', foreignField: '_id', as: 'c' } }],
      }),
    );
    expect(out).toEqual([{ _id: 1, cat: 'a', c: [{ _id: 'a', label: 'A' }] }]);
  });

  it('refuses a database-level aggregate without $documents', () => {
    return createEngine({}).then((engine) => {
      expect(() => engine.aggregate({ db: 'shop', coll: null }, { pipeline: [{ $match: {} }] })).toThrow(CommandError);
      expect(all(engine.aggregate({ db: 'shop', coll: null }, { pipeline: [{ $documents: [{ a: 1 }] }] }))).toEqual([{ a: 1 }]);
    });
  });
});

describe('positional $ with the statement query', () => {
  it('updates the matched element in every document of a multi-update, however many', async () => {
    const docs = Array.from({ length: 5000 }, (_, i) => ({ _id: i, a: [i % 3, 7, 9] }));
    const engine = await engineWith(docs);
    const result = await engine.update(ns, [{ q: { a: 7 }, u: { $set: { 'a.$': 70 } }, multi: true }], true);
    expect(result).toEqual({ n: 5000, nModified: 5000 });
    expect(engine.count(ns, { a: 70 })).toBe(5000);
    expect(all(engine.find(ns, { filter: { _id: 0 } }))).toEqual([{ _id: 0, a: [0, 70, 9] }]);
  });

  it('resolves $ in findAndModify updates and in its positional fields projection', async () => {
    const engine = await engineWith([{ _id: 1, a: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }] }]);
    const result = await engine.findAndModify(ns, { query: { 'a.k': 2 }, update: { $set: { 'a.$.v': 'z' } }, new: true, fields: { 'a.$': 1 } });
    expect(result.value).toEqual({ _id: 1, a: [{ k: 2, v: 'z' }] });
  });

  it('projects a.$ in find as mongod does, from the find filter', async () => {
    const engine = await engineWith([{ _id: 1, a: [3, 8, 12] }, { _id: 2, a: [1] }]);
    expect(all(engine.find(ns, { filter: { a: { $gt: 5 } }, projection: { 'a.$': 1 } }))).toEqual([{ _id: 1, a: [8] }]);
  });
});
