import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/embedded-mongo/engine/index.js';

const ns = { db: 'town', coll: 'notices' };

function all(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

async function fresh(): Promise<Engine> {
  return createEngine({});
}

describe('createIndexes', () => {
  it('creates the collection automatically and names indexes as mongod', async () => {
    const engine = await fresh();
    const result = await engine.createIndexes(ns, [{ key: { a: 1, b: -1 }, name: undefined as unknown as string }]);
    expect(result).toEqual({ createdCollectionAutomatically: true, numIndexesBefore: 1, numIndexesAfter: 2 });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1']);
  });

  it('treats the same spec twice as a no-op with a note', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    const again = await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    expect(again).toEqual({ createdCollectionAutomatically: false, numIndexesBefore: 2, numIndexesAfter: 2, note: 'all indexes already exist' });
  });

  it('refuses the same name with another key (86) and the same key with other options (85)', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1' }]);
    await expect(engine.createIndexes(ns, [{ key: { b: 1 }, name: 'a_1' }])).rejects.toMatchObject({ code: 86, codeName: 'IndexKeySpecsConflict' });
    await expect(engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }])).rejects.toMatchObject({ code: 85, codeName: 'IndexOptionsConflict' });
    await expect(engine.createIndexes(ns, [{ key: { a: 1 }, name: 'other' }])).rejects.toMatchObject({ code: 85 });
    await expect(engine.createIndexes(ns, [{ key: { a: 1 }, name: 'other', unique: true }])).rejects.toMatchObject({ code: 85 });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_', 'a_1']);
  });

  it('treats asking for the _id index as a no-op', async () => {
    const engine = await fresh();
    await engine.insert(ns, [{}], true);
    const result = await engine.createIndexes(ns, [{ key: { _id: 1 } } as never]);
    expect(result).toMatchObject({ numIndexesBefore: 1, numIndexesAfter: 1, note: 'all indexes already exist' });
  });

  it('fails to build a unique index over duplicates and leaves no index', async () => {
    const engine = await fresh();
    await engine.insert(ns, [{ a: 1 }, { a: 1 }], true);
    await expect(engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }])).rejects.toMatchObject({
      code: 11000,
      extra: { keyPattern: { a: 1 }, keyValue: { a: 1 } },
    });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_']);
  });

  it('drops by name, key pattern and star, refusing _id_ and unknown names', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [
      { key: { a: 1 }, name: 'a_1' },
      { key: { b: 1 }, name: 'b_1' },
      { key: { c: 1 }, name: 'c_1' },
    ]);
    await expect(engine.dropIndexes(ns, '_id_')).rejects.toMatchObject({ code: 72 });
    await expect(engine.dropIndexes(ns, 'nope')).rejects.toMatchObject({ code: 27, codeName: 'IndexNotFound' });
    expect(await engine.dropIndexes(ns, 'a_1')).toEqual({ nIndexesWas: 4 });
    expect(await engine.dropIndexes(ns, { b: 1 })).toEqual({ nIndexesWas: 3 });
    expect(await engine.dropIndexes(ns, '*')).toEqual({ nIndexesWas: 2 });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_']);
  });

  it('refuses index types it cannot build with CannotCreateIndex (67)', async () => {
    const engine = await fresh();
    await expect(engine.createIndexes(ns, [{ key: { body: 'text' }, name: 'body_text' }])).rejects.toMatchObject({ code: 67 });
    await expect(engine.createIndexes(ns, [{ key: { a: 'nope' }, name: 'a_nope' }])).rejects.toMatchObject({ code: 67 });
  });

  it('answers NamespaceNotFound for listIndexes of an unknown collection', async () => {
    const engine = await fresh();
    expect(() => engine.listIndexes(ns)).toThrow(expect.objectContaining({ code: 26 }));
  });
});

describe('unique indexes', () => {
  it('reports a violation with the E11000 message, keyPattern and keyValue', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { name: 1 }, name: 'name_1', unique: true }]);
    await engine.insert(ns, [{ name: 'x' }], true);
    const result = await engine.insert(ns, [{ name: 'x' }], true);
    expect(result.n).toBe(0);
    expect(result.writeErrors).toEqual([
      {
        index: 0,
        code: 11000,
        codeName: 'DuplicateKey',
        errmsg: 'E11000 duplicate key error collection: town.notices index: name_1 dup key: { name: "x" }',
        keyPattern: { name: 1 },
        keyValue: { name: 'x' },
      },
    ]);
  });

  it('leaves no trace of a failed insert in the store or in any index', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [
      { key: { b: 1 }, name: 'b_1' },
      { key: { a: 1 }, name: 'a_1', unique: true },
    ]);
    await engine.insert(ns, [{ _id: 1, a: 1, b: 'one' }], true);
    const failed = await engine.insert(ns, [{ _id: 2, a: 1, b: 'two' }], true);
    expect(failed.writeErrors?.[0]?.code).toBe(11000);
    expect(all(engine.find(ns, { filter: { b: 'two' } }))).toEqual([]);
    expect(engine.count(ns, {})).toBe(1);
    // The _id of the failed document is free: nothing half-inserted blocks it.
    expect((await engine.insert(ns, [{ _id: 2, a: 2, b: 'two' }], true)).n).toBe(1);
    expect(all(engine.find(ns, { filter: { b: 'two' }, projection: { _id: 1 } }))).toEqual([{ _id: 2 }]);
  });

  it('leaves the old document and its index entries intact when an update would duplicate', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [
      { key: { a: 1 }, name: 'a_1', unique: true },
      { key: { b: 1 }, name: 'b_1' },
    ]);
    await engine.insert(ns, [{ _id: 1, a: 1, b: 1 }, { _id: 2, a: 2, b: 2 }], true);
    const result = await engine.update(ns, [{ q: { _id: 2 }, u: { $set: { a: 1, b: 9 } } }], true);
    expect(result.writeErrors?.[0]).toMatchObject({ code: 11000, keyValue: { a: 1 } });
    expect(all(engine.find(ns, { filter: { b: 9 } }))).toEqual([]);
    expect(all(engine.find(ns, { filter: { b: 2 } }))).toEqual([{ _id: 2, a: 2, b: 2 }]);
    expect(all(engine.find(ns, { filter: { a: 2 } }))).toEqual([{ _id: 2, a: 2, b: 2 }]);
  });

  it('treats missing fields as null (two documents without the field collide) unless sparse', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    const plain = await engine.insert(ns, [{ _id: 1 }, { _id: 2 }], true);
    expect(plain.writeErrors?.[0]).toMatchObject({ code: 11000, keyValue: { a: null } });
    const sparseNs = { ...ns, coll: 'sparse' };
    await engine.createIndexes(sparseNs, [{ key: { a: 1 }, name: 'a_1', unique: true, sparse: true }]);
    expect((await engine.insert(sparseNs, [{ _id: 1 }, { _id: 2 }], true)).n).toBe(2);
  });

  it('enforces compound uniqueness on the combination only', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1, b: 1 }, name: 'a_1_b_1', unique: true }]);
    const result = await engine.insert(ns, [{ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 1, b: 1 }], false);
    expect(result.n).toBe(2);
    expect(result.writeErrors).toEqual([
      expect.objectContaining({
        index: 2,
        errmsg: 'E11000 duplicate key error collection: town.notices index: a_1_b_1 dup key: { a: 1, b: 1 }',
        keyValue: { a: 1, b: 1 },
      }),
    ]);
  });

  it('applies only to documents matching a partialFilterExpression', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true, partialFilterExpression: { live: true } }]);
    expect((await engine.insert(ns, [{ a: 1 }, { a: 1 }, { a: 1, live: true }], true)).n).toBe(3);
    expect((await engine.insert(ns, [{ a: 1, live: true }], true)).writeErrors?.[0]?.code).toBe(11000);
  });

  it('keeps the unique ordered batch semantics: unordered continues past each violation', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { k: 1 }, name: 'k_1', unique: true }]);
    const result = await engine.insert(ns, [{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }, { k: 3 }], false);
    expect(result.n).toBe(3);
    expect(result.writeErrors?.map((e) => e.index)).toEqual([1, 3]);
    const ordered = await engine.insert(ns, [{ k: 4 }, { k: 1 }, { k: 5 }], true);
    expect(ordered.n).toBe(1);
    expect(engine.count(ns, { k: 5 })).toBe(0);
  });
});

describe('multikey indexes', () => {
  it('indexes every element of an array and finds documents through any of them', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { tags: 1 }, name: 'tags_1' }]);
    await engine.insert(ns, [{ _id: 1, tags: ['a', 'b'] }, { _id: 2, tags: ['b', 'c'] }, { _id: 3, tags: 'c' }], true);
    expect(all(engine.find(ns, { filter: { tags: 'b' }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }, { _id: 2 }]);
    expect(all(engine.find(ns, { filter: { tags: { $in: ['a', 'c'] } }, projection: { _id: 1 }, sort: { _id: 1 } }))).toEqual([
      { _id: 1 },
      { _id: 2 },
      { _id: 3 },
    ]);
    expect(engine.explainFind!(ns, { filter: { tags: 'b' } }).queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', isMultiKey: true });
  });

  it('answers $all from the entries of its first value', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { tags: 1 }, name: 'tags_1' }]);
    await engine.insert(ns, [{ _id: 1, tags: ['a', 'b'] }, { _id: 2, tags: ['a'] }, { _id: 3, tags: ['b'] }], true);
    const plan = engine.explainFind!(ns, { filter: { tags: { $all: ['a', 'b'] } } });
    expect(plan.queryPlanner.winningPlan.stage).toBe('IXSCAN');
    expect(plan.executionStats).toMatchObject({ nReturned: 1, totalDocsExamined: 2 });
  });

  it('matches ranges met by different elements on a multikey index', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { n: 1 }, name: 'n_1' }]);
    await engine.insert(ns, [{ _id: 1, n: [1, 20] }, { _id: 2, n: [7] }, { _id: 3, n: 30 }], true);
    const found = all(engine.find(ns, { filter: { n: { $gt: 5, $lt: 10 } }, projection: { _id: 1 }, sort: { _id: 1 } }));
    expect(found).toEqual([{ _id: 1 }, { _id: 2 }]);
  });

  it('enforces uniqueness across documents but not within one array', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { tags: 1 }, name: 'tags_1', unique: true }]);
    expect((await engine.insert(ns, [{ tags: ['a', 'a', 'b'] }], true)).n).toBe(1);
    expect((await engine.insert(ns, [{ tags: ['c', 'b'] }], true)).writeErrors?.[0]).toMatchObject({ code: 11000, keyValue: { tags: 'b' } });
  });

  it('refuses a document with arrays in two fields of a compound index (171)', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1, b: 1 }, name: 'a_1_b_1' }]);
    const result = await engine.insert(ns, [{ a: [1, 2], b: [3, 4] }], true);
    expect(result.writeErrors?.[0]).toMatchObject({ code: 171, codeName: 'CannotIndexParallelArrays' });
    expect(engine.count(ns, {})).toBe(0);
  });

  it('leaves a document and every index untouched when an update would index parallel arrays', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [
      { key: { c: 1 }, name: 'c_1' },
      { key: { a: 1, b: 1 }, name: 'a_1_b_1' },
    ]);
    await engine.insert(ns, [{ _id: 1, a: [1, 2], b: 1, c: 'old' }], true);
    const result = await engine.update(ns, [{ q: { _id: 1 }, u: { $set: { b: [3, 4], c: 'new' } } }], true);
    expect(result.writeErrors?.[0]?.code).toBe(171);
    expect(all(engine.find(ns, { filter: { c: 'new' } }))).toEqual([]);
    expect(all(engine.find(ns, { filter: { c: 'old' }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }]);
    expect(all(engine.find(ns, { filter: { a: 2, b: 1 }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }]);
  });

  it('indexes dotted paths through arrays of subdocuments', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { 'items.sku': 1 }, name: 'items.sku_1' }]);
    await engine.insert(ns, [{ _id: 1, items: [{ sku: 'p' }, { sku: 'q' }] }, { _id: 2, items: [{ sku: 'r' }] }], true);
    expect(all(engine.find(ns, { filter: { 'items.sku': 'q' }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }]);
  });
});

describe('index maintenance', () => {
  it('keeps entries current across updates and deletes', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1' }]);
    await engine.insert(ns, [{ _id: 1, a: 1 }, { _id: 2, a: 2 }], true);
    await engine.update(ns, [{ q: { _id: 1 }, u: { $set: { a: 3 } } }], true);
    expect(all(engine.find(ns, { filter: { a: 1 } }))).toEqual([]);
    expect(all(engine.find(ns, { filter: { a: 3 } }))).toEqual([{ _id: 1, a: 3 }]);
    await engine.delete(ns, [{ q: { a: 2 }, limit: 1 }], true);
    expect(all(engine.find(ns, { filter: { a: { $gte: 0 } } }))).toEqual([{ _id: 1, a: 3 }]);
  });

  it('drops index contents with the collection', async () => {
    const engine = await fresh();
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    await engine.insert(ns, [{ a: 1 }], true);
    await engine.dropCollection(ns);
    expect((await engine.insert(ns, [{ a: 1 }, { a: 1 }], true)).n).toBe(2);
  });
});

describe('index builds over existing documents', () => {
  for (const direction of [1, -1] as const) {
    it(`orders a large ${direction === 1 ? 'ascending' : 'descending'} build exactly as later inserts do`, async () => {
      const engine = await fresh();
      const docs = Array.from({ length: 3000 }, (_, i) => ({ _id: i, s: `k${(i * 7919) % 3000}`, n: (i * 31) % 1000 }));
      await engine.insert(ns, docs, true);
      await engine.createIndexes(ns, [
        { key: { s: direction }, name: 's' },
        { key: { n: direction }, name: 'n' },
      ]);
      await engine.insert(ns, [{ _id: 'late', s: 'k1500x', n: 500.5 }], true);
      for (const field of ['s', 'n']) {
        const viaIndex = all(engine.find(ns, { sort: { [field]: direction, _id: 1 }, hint: field, projection: { _id: 1 } }));
        const viaScan = all(engine.find(ns, { sort: { [field]: direction, _id: 1 }, hint: { $natural: 1 }, projection: { _id: 1 } }));
        expect(viaIndex).toHaveLength(3001);
        expect(new Set(viaIndex.map((d) => JSON.stringify(d))).size).toBe(3001);
        const values = all(engine.find(ns, { filter: {}, hint: field, projection: { _id: 0, [field]: 1 } })) as Record<string, unknown>[];
        const sorted = [...values].sort((a, b) => (a[field]! < b[field]! ? -direction : a[field]! > b[field]! ? direction : 0));
        expect(values).toEqual(sorted);
        expect(viaScan).toHaveLength(3001);
      }
    });
  }
});
