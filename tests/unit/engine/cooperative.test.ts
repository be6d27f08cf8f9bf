import { Decimal128, type Document } from 'bson';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/embedded-mongo/engine/index.js';

const ns = { db: 'coop', coll: 'docs' };
const N = 3000;

function all(it: Iterator<Document>): Document[] {
  const out: Document[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

async function examined(engine: Engine, run: () => Promise<unknown>): Promise<number> {
  const before = engine.stats().documentsExamined!;
  await run();
  return engine.stats().documentsExamined! - before;
}

let engine: Engine;

beforeAll(async () => {
  engine = await createEngine({});
  const docs = Array.from({ length: N }, (_, i) => ({
    _id: i,
    g: `g${i % 7}`,
    n: i % 5 === 0 ? undefined : i,
    amount: Decimal128.fromString(`${i}.${i % 100}`),
    tags: i % 3 === 0 ? ['x', `t${i % 4}`] : [`t${i % 4}`],
    nested: { k: i % 2 },
  }));
  await engine.insert(ns, docs, true);
  await engine.createIndexes(ns, [{ key: { n: 1 }, name: 'n_1' }]);
});

const pipelines: Document[][] = [
  [{ $group: { _id: '$g', total: { $sum: '$amount' }, avg: { $avg: '$n' }, c: { $count: {} }, hi: { $max: '$n' } } }, { $sort: { _id: 1 } }],
  [{ $match: {} }, { $group: { _id: { g: '$g', k: '$nested.k' }, first: { $first: '$n' }, last: { $last: '$amount' } } }],
  [{ $match: { n: { $gt: 100 } } }, { $group: { _id: null, s: { $sum: '$n' }, set: { $addToSet: '$g' } } }],
  [{ $match: { g: 'g3' } }, { $group: { _id: { $mod: ['$_id', 4] }, s: { $stdDevPop: '$n' } } }, { $sort: { _id: -1 } }],
  [{ $project: { g: 1, n: 1 } }, { $sort: { n: -1, _id: 1 } }, { $limit: 5 }],
  [{ $unwind: '$tags' }, { $sortByCount: '$tags' }],
  [{ $match: { n: { $lt: 50 } } }, { $project: { _id: 1 } }],
  [{ $match: {} }, { $group: { _id: 1, n: { $sum: 1 } } }],
  [{ $sort: { n: 1 } }, { $limit: 3 }],
  [{ $match: { g: { $in: ['g1', 'g2'] }, 'nested.k': 1 } }, { $group: { _id: '$g', s: { $sum: '$amount' }, tags: { $push: '$tags' } } }],
  [{ $match: { $or: [{ tags: 'x' }, { $expr: { $lt: ['$_id', 10] } }] } }, { $group: { _id: '$nested.k', c: { $count: {} } } }],
];

describe('reads in slices', () => {
  it.each(pipelines.map((p) => [JSON.stringify(p), p] as const))('aggregateAsync answers %s as aggregate does', async (_name, pipeline) => {
    const expected = all(engine.aggregate(ns, { pipeline }));
    expect(all(await engine.aggregateAsync(ns, { pipeline }))).toEqual(expected);
  });

  it('counts and lists distinct values as the synchronous reads do', async () => {
    for (const filter of [{}, { n: { $gt: 10 } }, { g: 'g1' }, { tags: 'x' }, { $or: [{ 'nested.k': 0 }, { g: 'g2' }] }, { $expr: { $gt: ['$_id', 2990] } }]) {
      expect(await engine.countAsync(ns, filter)).toBe(engine.count(ns, filter));
      expect(await engine.countAsync(ns, filter, 3, 10)).toBe(engine.count(ns, filter, 3, 10));
      expect(await engine.distinctAsync(ns, 'tags', filter)).toEqual(engine.distinct(ns, 'tags', filter));
      expect(await engine.distinctAsync(ns, 'nested.k', filter)).toEqual(engine.distinct(ns, 'nested.k', filter));
    }
  });

  it('answers countDocuments({}) (an empty $match then a counting $group) from the record count, examining nothing', async () => {
    const pipeline = [{ $match: {} }, { $group: { _id: 1, n: { $sum: 1 } } }];
    let rows: Document[] = [];
    expect(await examined(engine, async () => (rows = all(await engine.aggregateAsync(ns, { pipeline }))))).toBe(0);
    expect(rows).toEqual([{ _id: 1, n: N }]);
    expect(await examined(engine, () => engine.countAsync(ns, {}))).toBe(0);
    expect(all(await engine.aggregateAsync({ db: 'coop', coll: 'absent' }, { pipeline }))).toEqual([]);
  });

  it('refuses a bad pipeline before reading anything', async () => {
    const pipeline = [{ $group: { _id: '$g', c: { $count: {} } } }, { $bogus: 1 }];
    let code: unknown;
    expect(
      await examined(engine, async () => {
        try {
          await engine.aggregateAsync(ns, { pipeline });
        } catch (error) {
          code = (error as { codeName?: string }).codeName;
        }
      }),
    ).toBe(0);
    expect(code).toBe('Location40324');
  });
});
