import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Decimal128, type Collection, type Document } from 'mongodb';
import { startTestMongo, type TestMongo } from '../helpers/mongo.js';

let mongo: TestMongo;
let orders: Collection<Document>;
let depts: Collection<Document>;

beforeAll(async () => {
  mongo = await startTestMongo();
  const db = mongo.client.db(mongo.dbName('agg'));
  orders = db.collection('orders');
  depts = db.collection('depts');
  await depts.insertMany([
    { _id: 'fin', name: 'Finance' },
    { _id: 'ops', name: 'Operations' },
  ] as Document[]);
  await orders.insertMany([
    { _id: 1, dept: 'fin', amount: Decimal128.fromString('0.10'), qty: 2, tags: ['a', 'b'], day: new Date('2015-01-05T00:00:00Z') },
    { _id: 2, dept: 'fin', amount: Decimal128.fromString('0.20'), qty: 3, tags: ['b'], day: new Date('2015-01-20T00:00:00Z') },
    { _id: 3, dept: 'ops', amount: Decimal128.fromString('0.30'), qty: 5, tags: [], day: new Date('2015-02-01T00:00:00Z') },
    { _id: 4, dept: 'ops', amount: Decimal128.fromString('1.05'), qty: 1, day: new Date('2015-03-01T00:00:00Z') },
    { _id: 5, dept: 'hr', amount: Decimal128.fromString('2.00'), qty: 4, tags: ['c'], day: new Date('2015-03-02T00:00:00Z') },
  ] as Document[]);
});
afterAll(async () => {
  await mongo.stop();
});

describe('aggregation stages', () => {
  test('$match $sort $skip $limit $project', async () => {
    const docs = await orders
      .aggregate([{ $match: { qty: { $gte: 2 } } }, { $sort: { qty: -1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 1, qty: 1 } }])
      .toArray();
    expect(docs).toEqual([
      { _id: 5, qty: 4 },
      { _id: 2, qty: 3 },
    ]);
  });

  test('$addFields/$set, $unset and $replaceRoot', async () => {
    const docs = await orders
      .aggregate([
        { $match: { _id: 1 } },
        { $addFields: { double: { $multiply: ['$qty', 2] } } },
        { $set: { label: { $concat: ['$dept', '-', { $toString: '$_id' }] } } },
        { $unset: ['tags', 'day', 'amount'] },
        { $replaceRoot: { newRoot: { out: '$$ROOT' } } },
      ])
      .toArray();
    expect(docs).toEqual([{ out: { _id: 1, dept: 'fin', qty: 2, double: 4, label: 'fin-1' } }]);
  });

  test('$unwind with and without preserveNullAndEmptyArrays', async () => {
    const plain = await orders.aggregate([{ $unwind: '$tags' }, { $project: { _id: 1, tags: 1 } }]).toArray();
    expect(plain.map((d) => `${d._id}:${d.tags}`)).toEqual(['1:a', '1:b', '2:b', '5:c']);
    const kept = await orders.aggregate([{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }]).toArray();
    expect(kept).toHaveLength(6);
  });

  test('$group with every accumulator', async () => {
    const docs = await orders
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $group: {
            _id: '$dept',
            total: { $sum: '$qty' },
            n: { $sum: 1 },
            avg: { $avg: '$qty' },
            min: { $min: '$qty' },
            max: { $max: '$qty' },
            first: { $first: '$_id' },
            last: { $last: '$_id' },
            ids: { $push: '$_id' },
            tagSets: { $addToSet: '$dept' },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(docs).toEqual([
      { _id: 'fin', total: 5, n: 2, avg: 2.5, min: 2, max: 3, first: 1, last: 2, ids: [1, 2], tagSets: ['fin'] },
      { _id: 'hr', total: 4, n: 1, avg: 4, min: 4, max: 4, first: 5, last: 5, ids: [5], tagSets: ['hr'] },
      { _id: 'ops', total: 6, n: 2, avg: 3, min: 1, max: 5, first: 3, last: 4, ids: [3, 4], tagSets: ['ops'] },
    ]);
  });

  test('$group by a compound key and by null', async () => {
    const byMonth = await orders
      .aggregate([{ $group: { _id: { y: { $year: '$day' }, m: { $month: '$day' } }, n: { $sum: 1 } } }, { $sort: { '_id.m': 1 } }])
      .toArray();
    expect(byMonth).toEqual([
      { _id: { y: 2015, m: 1 }, n: 2 },
      { _id: { y: 2015, m: 2 }, n: 1 },
      { _id: { y: 2015, m: 3 }, n: 2 },
    ]);
    const all = await orders.aggregate([{ $group: { _id: null, qty: { $sum: '$qty' } } }]).toArray();
    expect(all).toEqual([{ _id: null, qty: 15 }]);
  });

  test('Decimal128 money sums and averages are exact', async () => {
    const [sum] = await orders.aggregate([{ $group: { _id: null, total: { $sum: '$amount' }, avg: { $avg: '$amount' } } }]).toArray();
    expect(sum!.total).toBeInstanceOf(Decimal128);
    expect(Number(sum!.total.toString())).toBe(3.65);
    expect(sum!.total.toString()).toMatch(/^3\.650*$/);
    expect(Number(sum!.avg.toString())).toBe(0.73);
    const tenDimes = await orders
      .aggregate([{ $match: { _id: 1 } }, { $project: { ten: { $range: [0, 10] } } }, { $unwind: '$ten' }, { $group: { _id: null, s: { $sum: { $toDecimal: '0.1' } } } }])
      .toArray();
    expect(Number(tenDimes[0]!.s.toString())).toBe(1);
    expect(tenDimes[0]!.s.toString()).toMatch(/^1\.0*$/);
  });

  test('$lookup with localField/foreignField and with a pipeline', async () => {
    const simple = await orders
      .aggregate([{ $match: { _id: { $in: [1, 5] } } }, { $lookup: { from: 'depts', localField: 'dept', foreignField: '_id', as: 'd' } }, { $project: { d: 1 } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(simple).toEqual([
      { _id: 1, d: [{ _id: 'fin', name: 'Finance' }] },
      { _id: 5, d: [] },
    ]);
    const piped = await depts
      .aggregate([
        { $lookup: { from: 'orders', let: { id: '$_id' }, pipeline: [{ $match: { $expr: { $eq: ['$dept', '$$id'] } } }, { $count: 'n' }], as: 'c' } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(piped).toEqual([
      { _id: 'fin', name: 'Finance', c: [{ n: 2 }] },
      { _id: 'ops', name: 'Operations', c: [{ n: 2 }] },
    ]);
  });

  test('$lookup equality joins find the same documents with and without an index on the foreign field', async () => {
    const db = mongo.client.db(mongo.dbName('lookupidx'));
    const people = [
      { _id: 'p1', teams: ['red', 'blue'] },
      { _id: 'p2', teams: 'red' },
      { _id: 'p3' },
      { _id: 'p4', teams: null },
      { _id: 'p5', teams: 7 },
    ];
    const teams = [
      { _id: 't1', code: 'red' },
      { _id: 't2', code: ['blue', 'green'] },
      { _id: 't3' },
      { _id: 't4', code: 7.0 },
      { _id: 't5', code: null },
      // A stored pattern is a value like any other: an equality join never treats it as a pattern.
      { _id: 't6', code: /red/ },
    ];
    const join = [
      { $lookup: { from: 'teams', localField: 'teams', foreignField: 'code', as: 'joined' } },
      { $project: { ids: '$joined._id' } },
      { $sort: { _id: 1 } },
    ];
    await db.collection('people').insertMany(people as Document[]);
    await db.collection('teams').insertMany(teams as Document[]);
    const plain = await db.collection('people').aggregate(join).toArray();
    await db.collection('teams').createIndex({ code: 1 });
    const indexed = await db.collection('people').aggregate(join).toArray();
    const sorted = (docs: Document[]) => docs.map((d) => ({ _id: d._id, ids: [...(d.ids as string[])].sort() }));
    expect(sorted(indexed)).toEqual(sorted(plain));
    expect(sorted(plain)).toEqual([
      { _id: 'p1', ids: ['t1', 't2'] },
      { _id: 'p2', ids: ['t1'] },
      // A missing or null local value joins the foreign documents whose field is missing or null.
      { _id: 'p3', ids: ['t3', 't5'] },
      { _id: 'p4', ids: ['t3', 't5'] },
      { _id: 'p5', ids: ['t4'] },
    ]);
  });

  test('an exclusion $project after $match, $sort and $limit drops the fields, and a $match or $sort on them still sees them', async () => {
    const coll = mongo.client.db(mongo.dbName('omit')).collection('entries');
    await coll.insertMany(
      Array.from({ length: 30 }, (_, i) => ({ _id: i, at: i % 7, terms: Array.from({ length: 20 }, (_, t) => `t${(i + t) % 9}`), text: `第${i}条`, keep: { n: i } })) as Document[],
    );
    await coll.createIndex({ at: -1, _id: -1 });
    const page = await coll.aggregate([{ $match: { at: { $lte: 4 } } }, { $sort: { at: -1, _id: -1 } }, { $limit: 3 }, { $project: { terms: 0, text: 0 } }]).toArray();
    expect(page).toEqual([
      { _id: 25, at: 4, keep: { n: 25 } },
      { _id: 18, at: 4, keep: { n: 18 } },
      { _id: 11, at: 4, keep: { n: 11 } },
    ]);
    const byTerm = await coll.aggregate([{ $match: { terms: 't8', at: 0 } }, { $sort: { _id: 1 } }, { $project: { terms: 0 } }]).toArray();
    expect(byTerm.map((d) => d._id)).toEqual([0, 7, 14, 21, 28]);
    const byText = await coll.aggregate([{ $sort: { text: -1 } }, { $limit: 2 }, { $project: { text: 0, terms: 0, keep: 0 } }]).toArray();
    expect(byText).toEqual([{ _id: 9, at: 2 }, { _id: 8, at: 1 }]);
  });

  test('a $group over an indexed range reads the same groups as over a scan', async () => {
    const coll = mongo.client.db(mongo.dbName('grouprange')).collection('lines');
    await coll.insertMany(
      Array.from({ length: 60 }, (_, i) => ({ _id: i, year: 2015 + (i % 3), month: 1 + (i % 12), org: `o${i % 4}`, amount: Decimal128.fromString(`${i}.05`), note: 'x'.repeat(i) })) as Document[],
    );
    const pipeline = [
      { $match: { year: { $gte: 2016, $lte: 2016 }, month: { $gte: 1 } } },
      { $group: { _id: { org: '$org', month: '$month' }, n: { $sum: 1 }, total: { $sum: '$amount' }, top: { $max: '$amount' } } },
      { $sort: { '_id.org': 1, '_id.month': 1 } },
    ];
    const scanned = await coll.aggregate(pipeline).toArray();
    await coll.createIndex({ year: 1, month: 1 });
    const indexed = await coll.aggregate(pipeline).toArray();
    expect(indexed).toEqual(scanned);
    // Years cycle by 3 and months by 12: the year 2016 holds four (organization, month) pairs of five lines each.
    expect(scanned).toHaveLength(4);
    expect(scanned[0]).toEqual({ _id: { org: 'o0', month: 5 }, n: 5, total: Decimal128.fromString('140.25'), top: Decimal128.fromString('52.05') });
  });

  test('countDocuments counts what find returns, with plain filters, $expr, skip and limit', async () => {
    const expected = async (filter: Document) => (await orders.find(filter).toArray()).length;
    for (const filter of [{}, { dept: 'fin' }, { qty: { $gte: 2 }, tags: 'b' }, { $expr: { $gt: ['$qty', 2] } }, { tags: { $size: 0 } }, { missing: null }]) {
      expect(await orders.countDocuments(filter as Document), JSON.stringify(filter)).toBe(await expected(filter as Document));
    }
    expect(await orders.countDocuments({ qty: { $gte: 2 } }, { skip: 1, limit: 2 })).toBe(2);
  });

  test('$facet, $count and $sortByCount', async () => {
    const [facets] = await orders
      .aggregate([{ $facet: { count: [{ $count: 'n' }], byDept: [{ $sortByCount: '$dept' }, { $sort: { count: -1, _id: 1 } }] } }])
      .toArray();
    expect(facets).toEqual({
      count: [{ n: 5 }],
      byDept: [
        { _id: 'fin', count: 2 },
        { _id: 'ops', count: 2 },
        { _id: 'hr', count: 1 },
      ],
    });
  });

  test('$sample returns the requested number of distinct documents', async () => {
    const docs = await orders.aggregate([{ $sample: { size: 3 } }]).toArray();
    expect(new Set(docs.map((d) => d._id)).size).toBe(3);
  });

  test('a database-level aggregate runs $documents', async () => {
    const docs = await mongo.client.db(mongo.dbName('agg')).aggregate([{ $documents: [{ x: 1 }, { x: 2 }] }, { $match: { x: 2 } }]).toArray();
    expect(docs).toEqual([{ x: 2 }]);
  });

  test('aggregate without the cursor option is refused with FailedToParse (9)', async () => {
    await expect(mongo.client.db(orders.dbName).command({ aggregate: orders.collectionName, pipeline: [] })).rejects.toMatchObject({ code: 9 });
  });

  test('explain of a pipeline reports its query plan', async () => {
    const plan = await orders.aggregate([{ $match: { qty: { $gt: 1 } } }, { $group: { _id: '$dept', n: { $sum: 1 } } }]).explain('executionStats');
    expect(JSON.stringify(plan)).toMatch(/queryPlanner/);
  });

  test('aggregate with explain answers without a cursor', async () => {
    const reply = await mongo.client.db(orders.dbName).command({ aggregate: orders.collectionName, pipeline: [{ $match: { qty: 1 } }], explain: true });
    expect(reply.ok).toBe(1);
  });
});
