import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from 'bson';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/embedded-mongo/engine/catalog.js';
import { Collection } from '../../../src/embedded-mongo/engine/collection.js';
import { Durability } from '../../../src/embedded-mongo/engine/durability.js';
import { createEngine } from '../../../src/embedded-mongo/engine/index.js';
import type { SecondaryIndex } from '../../../src/embedded-mongo/engine/secondary-index.js';
import { findDocuments } from '../../../src/embedded-mongo/engine/read-ops.js';
import type { FindSpec } from '../../../src/embedded-mongo/engine/types.js';
import { keyString } from '../../../src/embedded-mongo/query/index.js';

const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function drain(it: Iterator<Document>, max = Infinity): Document[] {
  const out: Document[] = [];
  while (out.length < max) {
    const r = it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

function insert(coll: Collection, doc: Document): void {
  coll.apply(coll.prepareInsert(doc));
}

function replace(coll: Collection, doc: Document): void {
  const key = keyString(doc._id);
  coll.apply(coll.prepareReplace(key, coll.store.get(key)!, doc));
}

function remove(coll: Collection, id: unknown): void {
  const key = keyString(id);
  coll.remove(key, coll.store.get(key)!);
}

/** A collection of `count` documents `{_id: i, a: (i * 7) % count, g: i % 5}` with `spec` built over them and registered. */
function collectionWith(count: number, spec: { key: Document; name: string; unique?: boolean }): { coll: Collection; index: SecondaryIndex } {
  const coll = new Collection('town', 'notices', {});
  for (let i = 0; i < count; i++) insert(coll, { _id: i, a: (i * 7) % count, g: i % 5 });
  const index = coll.buildIndex({ v: 2, ...spec });
  coll.indexes.set(index.name, index);
  return { coll, index };
}

/** What `spec` returns, and through which plan stage. */
function find(coll: Collection, spec: FindSpec): { stage: string; docs: Document[] } {
  const { plan, docs } = findDocuments(coll, spec, []);
  return { stage: plan.stage, docs: drain(docs) };
}

/** The same query answered by a collection scan, for comparison. */
function scanned(coll: Collection, spec: FindSpec): Document[] {
  return find(coll, { ...spec, hint: { $natural: 1 } }).docs;
}

describe('ordered trees of declared indexes', () => {
  it('an index that has only served equality and $in lookups, across writes, has no ordered tree', () => {
    const { coll, index } = collectionWith(500, { key: { a: 1 }, name: 'a_1', unique: true });
    expect(find(coll, { filter: { a: 14 } })).toEqual({ stage: 'IXSCAN', docs: [{ _id: 2, a: 14, g: 2 }] });
    insert(coll, { _id: 'new', a: 1000, g: 0 });
    replace(coll, { _id: 2, a: 2000, g: 2 });
    remove(coll, 3);
    const found = find(coll, { filter: { a: { $in: [1000, 2000, 14, 21] } } });
    expect(found.stage).toBe('IXSCAN');
    expect(found.docs.map((d) => d._id).sort()).toEqual([2, 'new']);
    expect(index.hasOrderedTree).toBe(false);
  });

  it('the first range query builds the tree from the documents as earlier writes left them, and later writes keep it current', () => {
    const { coll, index } = collectionWith(1000, { key: { a: 1 }, name: 'a_1' });
    insert(coll, { _id: 'new', a: 100.5, g: 9 });
    replace(coll, { _id: 10, a: 150.5, g: 0 });
    remove(coll, 20);
    const range: FindSpec = { filter: { a: { $gte: 100, $lt: 200 } } };
    expect(index.hasOrderedTree).toBe(false);
    const first = find(coll, range);
    expect(index.hasOrderedTree).toBe(true);
    expect(first.stage).toBe('IXSCAN');
    expect(first.docs).toEqual(scanned(coll, { ...range, sort: { a: 1 } }));
    expect(first.docs.map((d) => d._id)).toEqual(expect.arrayContaining(['new', 10]));
    expect(first.docs).toHaveLength(101);

    remove(coll, 'new');
    replace(coll, { _id: 10, a: 5000, g: 0 });
    insert(coll, { _id: 'later', a: 199.5, g: 1 });
    const after = find(coll, range);
    expect(after.docs).toEqual(scanned(coll, { ...range, sort: { a: 1 } }));
    expect(after.docs.map((d) => d._id)).not.toContain('new');
    expect(after.docs.at(-1)?._id).toBe('later');
  });

  it('a sort walk started before the tree exists sees writes made before its first pull and between two pulls', () => {
    const { coll, index } = collectionWith(1000, { key: { a: 1 }, name: 'a_1' });
    const { plan, docs } = findDocuments(coll, { sort: { a: 1 }, hint: 'a_1' }, []);
    expect(plan.stage).toBe('IXSCAN');
    insert(coll, { _id: 'before', a: -1, g: 0 });
    expect(index.hasOrderedTree).toBe(false);
    const head = drain(docs, 300);
    expect(index.hasOrderedTree).toBe(true);
    expect(head[0]).toEqual({ _id: 'before', a: -1, g: 0 });
    // Past the first chunk of the index: the walk resumes after its last entry in the changed tree.
    insert(coll, { _id: 'ahead', a: 600.5, g: 0 });
    remove(coll, 700);
    replace(coll, { _id: 800, a: 5000, g: 0 });
    const rest = drain(docs);
    const values = [...head, ...rest].map((d) => d.a as number);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    expect(rest.map((d) => d._id)).toContain('ahead');
    expect(rest.map((d) => d._id)).not.toContain(700);
    expect(rest.at(-1)).toEqual({ _id: 800, a: 5000, g: 0 });
    expect(head.length + rest.length).toBe(1001);
  });

  it('a compound index builds its tree for a sort walk in its own directions', () => {
    const { coll, index } = collectionWith(600, { key: { g: 1, a: -1 }, name: 'g_1_a_-1' });
    const sorted = find(coll, { sort: { g: 1, a: -1 } });
    expect(sorted.stage).toBe('IXSCAN');
    expect(index.hasOrderedTree).toBe(true);
    expect(sorted.docs).toEqual(scanned(coll, { sort: { g: 1, a: -1 } }));
    const reversed = find(coll, { filter: { g: 3 }, sort: { a: 1 } });
    expect(reversed.docs).toEqual(scanned(coll, { filter: { g: 3 }, sort: { a: 1 } }));
  });

  it('keeps a multikey index multikey through a lazy build and yields each document once from a range', () => {
    const coll = new Collection('town', 'notices', {});
    for (let i = 0; i < 50; i++) insert(coll, { _id: i, tags: [i, i + 1, i + 2] });
    const index = coll.buildIndex({ v: 2, key: { tags: 1 }, name: 'tags_1' });
    coll.indexes.set(index.name, index);
    expect(index.multikey).toBe(true);
    expect(index.hasOrderedTree).toBe(false);
    const found = find(coll, { filter: { tags: { $gte: 10, $lte: 12 } } });
    expect(found.stage).toBe('IXSCAN');
    expect(index.multikey).toBe(true);
    expect(found.docs.map((d) => d._id).sort((x, y) => x - y)).toEqual([8, 9, 10, 11, 12]);
  });

  it('refuses a unique build over duplicates with 11000 on the least duplicated key, leaving no index', async () => {
    const engine = await createEngine({});
    const ns = { db: 'town', coll: 'notices' };
    await engine.insert(ns, [{ a: 3 }, { a: 3 }, { a: 2 }, { a: 1 }, { a: 1 }], true);
    await expect(engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }])).rejects.toMatchObject({
      code: 11000,
      message: 'E11000 duplicate key error collection: town.notices index: a_1 dup key: { a: 1 }',
      extra: { keyPattern: { a: 1 }, keyValue: { a: 1 } },
    });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_']);
    expect((await engine.insert(ns, [{ a: 2 }], true)).n).toBe(1);
  });

  it('after recovery, indexes answer lookups without a tree and build it for the first range query', async () => {
    const dbPath = await mkdtemp(join(tmpdir(), 'engine-ordered-trees-'));
    dirs.push(dbPath);
    const ns = { db: 'town', coll: 'notices' };
    const engine = await createEngine({ dbPath });
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    await engine.insert(ns, Array.from({ length: 400 }, (_, i) => ({ _id: i, a: (i * 7) % 400 })), true);
    await engine.delete(ns, [{ q: { _id: 5 }, limit: 1 }], true);
    await engine.close();

    const catalog = new Catalog();
    const durability = await Durability.open(dbPath, catalog);
    try {
      const coll = catalog.get(ns)!;
      const index = coll.indexes.get('a_1')!;
      expect(find(coll, { filter: { a: { $in: [7, 35] } } }).docs.map((d) => d._id).sort()).toEqual([1]);
      expect(index.hasOrderedTree).toBe(false);
      const range = find(coll, { filter: { a: { $gt: 20, $lte: 40 } } });
      expect(range.stage).toBe('IXSCAN');
      expect(index.hasOrderedTree).toBe(true);
      expect(range.docs).toEqual(scanned(coll, { filter: { a: { $gt: 20, $lte: 40 } }, sort: { a: 1 } }));
      expect(range.docs).toHaveLength(19);
    } finally {
      await durability.close();
    }
  });
});
