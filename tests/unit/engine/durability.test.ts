import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal128, Long } from 'bson';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, EmbeddedEngine, type Engine } from '../../../src/embedded-mongo/engine/index.js';

const ns = { db: 'durable', coll: 'records' };
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'engine-durability-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function all(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

describe('durability', () => {
  it('restores documents, collections and indexes after close and reopen', async () => {
    const dbPath = await tempDir();
    let engine: Engine = await createEngine({ dbPath });
    await engine.createCollection({ db: 'durable', coll: 'empty' }, { capped: false });
    await engine.createIndexes(ns, [
      { key: { email: 1 }, name: 'email_1', unique: true },
      { key: { tags: 1, n: -1 }, name: 'tags_1_n_-1' },
    ]);
    await engine.insert(ns, [
      { _id: 1, email: 'a@x', tags: ['p', 'q'], n: 1, big: Long.fromString('9007199254740993'), money: Decimal128.fromString('0.10') },
      { _id: 2, email: 'b@x', tags: ['q'], n: 2 },
      { _id: 3, email: 'c@x', n: 3 },
    ], true);
    await engine.update(ns, [{ q: { _id: 2 }, u: { $set: { email: 'bb@x' } } }], true);
    await engine.delete(ns, [{ q: { _id: 3 }, limit: 1 }], true);
    await engine.insert({ db: 'gone', coll: 'x' }, [{ a: 1 }], true);
    await engine.dropDatabase('gone');
    await engine.close();

    engine = await createEngine({ dbPath });
    expect(engine.listDatabases().map((d) => d.name).sort()).toEqual(['durable']);
    expect(engine.listCollections('durable').map((c) => c.name).sort()).toEqual(['empty', 'records']);
    expect(engine.listCollections('durable', { name: 'empty' })[0]?.options).toEqual({ capped: false });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_', 'email_1', 'tags_1_n_-1']);
    const docs = all(engine.find(ns, { sort: { _id: 1 } })) as Record<string, unknown>[];
    expect(docs.map((d) => d.email)).toEqual(['a@x', 'bb@x']);
    expect(String(docs[0]!.big)).toBe('9007199254740993');
    expect(String(docs[0]!.money)).toBe('0.10');
    // The rebuilt indexes answer queries and still enforce uniqueness.
    expect(engine.explainFind!(ns, { filter: { tags: 'q' } }).executionStats).toMatchObject({ nReturned: 2, totalDocsExamined: 2 });
    expect(all(engine.find(ns, { filter: { email: 'bb@x' }, projection: { _id: 1 } }))).toEqual([{ _id: 2 }]);
    expect(all(engine.find(ns, { filter: { email: 'b@x' } }))).toEqual([]);
    expect((await engine.insert(ns, [{ email: 'a@x' }], true)).writeErrors?.[0]?.code).toBe(11000);
    await engine.close();
  });

  it('restores dropped indexes as dropped and dropped collections as gone', async () => {
    const dbPath = await tempDir();
    let engine = await createEngine({ dbPath });
    await engine.createIndexes(ns, [{ key: { a: 1 }, name: 'a_1', unique: true }]);
    await engine.insert(ns, [{ a: 1 }], true);
    await engine.dropIndexes(ns, 'a_1');
    await engine.insert({ ...ns, coll: 'tmp' }, [{}], true);
    await engine.dropCollection({ ...ns, coll: 'tmp' });
    await engine.close();
    engine = await createEngine({ dbPath });
    expect(engine.listIndexes(ns).map((i) => i.name)).toEqual(['_id_']);
    expect(engine.listCollections('durable').map((c) => c.name)).toEqual(['records']);
    expect((await engine.insert(ns, [{ a: 1 }], true)).n).toBe(1);
    await engine.close();
  });

  it('journals writes that completed before a failing statement of the same batch', async () => {
    const dbPath = await tempDir();
    let engine = await createEngine({ dbPath });
    await engine.insert(ns, [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }], true);
    await engine.close();
    engine = await createEngine({ dbPath });
    expect(all(engine.find(ns, { projection: { _id: 1 } }))).toEqual([{ _id: 1 }, { _id: 2 }]);
    await engine.close();
  });

  it('keeps every acknowledged write of many concurrent writers', async () => {
    const dbPath = await tempDir();
    let engine = await createEngine({ dbPath });
    await engine.createIndexes(ns, [{ key: { k: 1 }, name: 'k_1', unique: true }]);
    await Promise.all(Array.from({ length: 64 }, (_, i) => engine.insert(ns, [{ _id: i, k: `k${i}` }], true)));
    await engine.close();
    engine = await createEngine({ dbPath });
    expect(engine.count(ns, {})).toBe(64);
    expect(engine.count(ns, { k: { $in: ['k0', 'k63'] } })).toBe(2);
    await engine.close();
  });

  it('restores the same state from a snapshot plus the journal written after it', async () => {
    const dbPath = await tempDir();
    const engine = await EmbeddedEngine.open({ dbPath });
    await engine.createIndexes(ns, [{ key: { k: 1 }, name: 'k_1', unique: true }]);
    for (let round = 0; round < 20; round++) {
      await engine.update(ns, Array.from({ length: 10 }, (_, i) => ({ q: { _id: i }, u: { $set: { k: `k${i}`, round } }, upsert: true })), true);
    }
    const compaction = engine.compact();
    // Writes racing the snapshot land in the journal after it and survive.
    await engine.insert(ns, [{ _id: 'late', k: 'late' }], true);
    await compaction;
    await engine.delete(ns, [{ q: { _id: 0 }, limit: 1 }], true);
    const expected = all(engine.find(ns, { sort: { _id: 1 } }));
    await engine.close();
    const reopened = await createEngine({ dbPath });
    expect(all(reopened.find(ns, { sort: { _id: 1 } }))).toEqual(expected);
    expect(reopened.count(ns, { round: 19 })).toBe(9);
    expect((await reopened.insert(ns, [{ k: 'k5' }], true)).writeErrors?.[0]?.code).toBe(11000);
    await reopened.close();
  });

  it('writes nothing to disk without a data directory', async () => {
    const before = await readdir(tmpdir());
    const engine = await createEngine({});
    await engine.insert(ns, [{ a: 1 }], true);
    expect(engine.stats().journalBytes).toBe(0);
    await engine.close();
    expect((await readdir(tmpdir())).filter((f) => !before.includes(f) && f.startsWith('engine'))).toEqual([]);
  });
});
