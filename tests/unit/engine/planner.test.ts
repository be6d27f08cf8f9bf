import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/embedded-mongo/engine/index.js';

const ns = { db: 'plan', coll: 'docs' };
const N = 2000;

function all(it: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/** Documents examined by `run`, read from the engine's serverStatus counter. */
function examined(engine: Engine, run: () => unknown): number {
  const before = engine.stats().documentsExamined!;
  run();
  return engine.stats().documentsExamined! - before;
}

let engine: Engine;

beforeAll(async () => {
  engine = await createEngine({});
  const docs = Array.from({ length: N }, (_, i) => ({ _id: i, n: i, code: `c${String(i).padStart(5, '0')}`, grp: i % 10, free: i }));
  await engine.insert(ns, docs, true);
  await engine.createIndexes(ns, [
    { key: { n: 1 }, name: 'n_1' },
    { key: { code: 1 }, name: 'code_1', unique: true },
    { key: { grp: 1, n: -1 }, name: 'grp_1_n_-1' },
  ]);
});

describe('planner', () => {
  it('answers _id equality and $in with IDHACK, examining only those documents', () => {
    expect(engine.explainFind!(ns, { filter: { _id: 5 } }).queryPlanner.winningPlan.stage).toBe('IDHACK');
    expect(examined(engine, () => all(engine.find(ns, { filter: { _id: { $in: [3, 1, 2, 99999] } } })))).toBe(3);
    expect(all(engine.find(ns, { filter: { _id: { $in: [3, 1, 2] } }, projection: { _id: 1 } }))).toEqual([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
  });

  it('uses an index for $in on an indexed field and examines only the candidates', () => {
    const codes = Array.from({ length: 100 }, (_, i) => `c${String(i * 7).padStart(5, '0')}`);
    const plan = engine.explainFind!(ns, { filter: { code: { $in: codes } } });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'code_1' });
    expect(plan.executionStats).toMatchObject({ nReturned: 100, totalDocsExamined: 100, totalKeysExamined: 100 });
    expect(examined(engine, () => all(engine.find(ns, { filter: { code: { $in: codes } } })))).toBe(100);
  });

  it('uses the index for a batched $in of more keys than the collection has documents', () => {
    const codes = Array.from({ length: 5000 }, (_, i) => `c${String(i).padStart(5, '0')}`);
    const plan = engine.explainFind!(ns, { filter: { code: { $in: codes } } });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'code_1' });
    expect(plan.executionStats).toMatchObject({ nReturned: N, totalDocsExamined: N });
  });

  it('uses an index for a combined range and examines only documents inside it', () => {
    const filter = { n: { $gte: 100, $lt: 150 } };
    expect(engine.explainFind!(ns, { filter }).queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'n_1' });
    let found: unknown[] = [];
    expect(examined(engine, () => (found = all(engine.find(ns, { filter }))))).toBe(50);
    expect(found).toHaveLength(50);
  });

  it('uses $and conjuncts and still verifies the whole filter', () => {
    const filter = { $and: [{ n: { $gt: 10 } }, { n: { $lte: 20 } }], free: { $mod: [2, 0] } };
    let found: unknown[] = [];
    expect(examined(engine, () => (found = all(engine.find(ns, { filter, projection: { _id: 1 } }))))).toBe(10);
    expect(found).toEqual([12, 14, 16, 18, 20].map((_id) => ({ _id })));
  });

  it('prefers the index pinning more leading fields (compound equality)', () => {
    const plan = engine.explainFind!(ns, { filter: { grp: 3, n: { $gt: 1900 } } });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'grp_1_n_-1' });
    expect(plan.executionStats).toMatchObject({ nReturned: 10, totalDocsExamined: 10 });
  });

  it('scans the collection when no index applies (unindexed field, $or with an unindexed branch)', () => {
    expect(engine.explainFind!(ns, { filter: { free: 5 } }).queryPlanner.winningPlan.stage).toBe('COLLSCAN');
    expect(examined(engine, () => all(engine.find(ns, { filter: { $or: [{ n: 1 }, { free: 2 }] } })))).toBe(N);
  });

  it('answers an $or of indexed branches as the union of their index scans', () => {
    const filter = { $or: [{ n: { $lt: 3 } }, { code: 'c00010' }, { _id: 2 }] };
    const plan = engine.explainFind!(ns, { filter });
    expect(plan.queryPlanner.winningPlan.stage).toBe('OR');
    expect(plan.queryPlanner.winningPlan.inputStages.map((s: { stage: string }) => s.stage)).toEqual(['IXSCAN', 'IXSCAN', 'IDHACK']);
    // Branch results are united after fetching, so _id 2 is read twice.
    expect(plan.executionStats).toMatchObject({ nReturned: 4, totalDocsExamined: 5 });
  });

  it('walks an index in order for sort + limit instead of sorting the collection', () => {
    let found: unknown[] = [];
    const plan = engine.explainFind!(ns, { sort: { n: -1 }, limit: 3 });
    expect(plan.queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: 'n_1', direction: 'backward' });
    expect(examined(engine, () => (found = all(engine.find(ns, { sort: { n: -1 }, limit: 3, projection: { n: 1, _id: 0 } }))))).toBe(3);
    expect(found).toEqual([{ n: 1999 }, { n: 1998 }, { n: 1997 }]);
  });

  it('walks a compound index after an equality prefix to give the sort order', () => {
    let found: unknown[] = [];
    const spec = { filter: { grp: 4 }, sort: { n: 1 }, limit: 2, projection: { _id: 0, n: 1 } };
    expect(engine.explainFind!(ns, spec).queryPlanner.winningPlan).toMatchObject({ indexName: 'grp_1_n_-1', providesSort: true });
    expect(examined(engine, () => (found = all(engine.find(ns, spec))))).toBe(2);
    expect(found).toEqual([{ n: 4 }, { n: 14 }]);
  });

  it('walks _id order for a sort or range on _id, kept current by later writes', async () => {
    const spec = { filter: { _id: { $gte: 1990 } }, sort: { _id: -1 }, limit: 2, projection: { _id: 1 } };
    expect(engine.explainFind!(ns, spec).queryPlanner.winningPlan).toMatchObject({ stage: 'IXSCAN', indexName: '_id_' });
    let found: unknown[] = [];
    expect(examined(engine, () => (found = all(engine.find(ns, spec))))).toBe(2);
    expect(found).toEqual([{ _id: 1999 }, { _id: 1998 }]);
    await engine.insert(ns, [{ _id: 5000, n: -1 }], true);
    expect(all(engine.find(ns, spec))).toEqual([{ _id: 5000 }, { _id: 1999 }]);
    await engine.delete(ns, [{ q: { _id: 5000 }, limit: 1 }], true);
    expect(all(engine.find(ns, { sort: { _id: 1 }, limit: 2, projection: { _id: 1 } }))).toEqual([{ _id: 0 }, { _id: 1 }]);
    expect(all(engine.find(ns, { sort: { _id: -1 }, limit: 1, projection: { _id: 1 } }))).toEqual([{ _id: 1999 }]);
  });

  it('sorts in memory when no index gives the order, with the same result', () => {
    const found = all(engine.find(ns, { filter: { grp: 1 }, sort: { free: -1 }, skip: 1, limit: 2, projection: { _id: 1 } }));
    expect(found).toEqual([{ _id: 1981 }, { _id: 1971 }]);
  });

  it('follows a hint, and refuses a hint naming no index', () => {
    expect(engine.explainFind!(ns, { filter: { n: 5 }, hint: { $natural: 1 } }).queryPlanner.winningPlan.stage).toBe('COLLSCAN');
    expect(engine.explainFind!(ns, { filter: { n: 5, grp: 5 }, hint: 'n_1' }).queryPlanner.winningPlan.indexName).toBe('n_1');
    expect(() => engine.find(ns, { hint: 'nope' })).toThrow(expect.objectContaining({ code: 2 }));
  });

  it('plans count, distinct, update, delete and a leading $match through the index', async () => {
    expect(examined(engine, () => engine.count(ns, { n: { $lt: 5 } }))).toBe(5);
    expect(examined(engine, () => engine.distinct(ns, 'grp', { n: { $lt: 5 } }))).toBe(5);
    expect(examined(engine, () => all(engine.aggregate(ns, { pipeline: [{ $match: { code: 'c00010' } }, { $project: { n: 1 } }] })))).toBe(1);
    const before = engine.stats().documentsExamined!;
    await engine.update(ns, [{ q: { code: 'c00011' }, u: { $set: { touched: true } } }], true);
    await engine.delete(ns, [{ q: { n: { $gte: 1995 } }, limit: 0 }], true);
    expect(engine.stats().documentsExamined! - before).toBe(6);
    expect(engine.count(ns, { touched: true })).toBe(1);
    expect(engine.count(ns, {})).toBe(N - 5);
  });

  it('treats numbers of different types as equal keys', () => {
    expect(all(engine.find(ns, { filter: { n: 7.0 }, projection: { _id: 1 } }))).toEqual([{ _id: 7 }]);
  });
});
