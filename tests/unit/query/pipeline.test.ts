import { describe, expect, it } from 'vitest';
import { Decimal128, Long, ObjectId, type Document } from 'bson';
import { runPipeline } from '../../../src/embedded-mongo/query/index.js';
import { codeOf } from './command-error-code.js';

const dec = (s: string) => Decimal128.fromString(s);

const collections: Record<string, Document[]> = {
  orders: [
    { _id: 1, item: 'almond', price: 12, qty: 2 },
    { _id: 2, item: 'pecan', price: 20, qty: 1 },
    { _id: 3 },
  ],
  inventory: [
    { _id: 1, sku: 'almond', instock: 120 },
    { _id: 2, sku: 'bread', instock: 80 },
    { _id: 5, sku: null, instock: 0 },
    { _id: 6 },
  ],
};

function run(input: Document[], pipeline: Document[], variables?: Document): Document[] {
  const it = runPipeline(input, pipeline, { resolveCollection: (name) => collections[name] ?? [], ...(variables ? { variables } : {}) });
  const out: Document[] = [];
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}


describe('runPipeline: exact numeric accumulators', () => {
  it('sums 0.1 ten times as Decimal128 to exactly "1.0"', () => {
    const docs = Array.from({ length: 10 }, (_, i) => ({ _id: i, v: dec('0.1') }));
    const [row] = run(docs, [{ $group: { _id: null, total: { $sum: '$v' } } }]);
    expect(row!.total).toBeInstanceOf(Decimal128);
    expect(String(row!.total)).toBe('1.0');
  });

  it('averages Decimal128 exactly and returns Decimal128', () => {
    const docs = [dec('1'), dec('2'), dec('2')].map((v, i) => ({ _id: i, v }));
    const [row] = run(docs, [{ $group: { _id: null, avg: { $avg: '$v' } } }]);
    expect(row!.avg).toBeInstanceOf(Decimal128);
    expect(String(row!.avg)).toBe('1.666666666666666666666666666666667');
  });

  it('sums doubles without drift and ignores non-numbers', () => {
    const docs = [...Array.from({ length: 10 }, () => ({ v: 0.1 })), { v: 'x' }, { v: null }, {}];
    const [row] = run(docs, [{ $group: { _id: null, total: { $sum: '$v' }, n: { $sum: 1 }, avg: { $avg: '$v' } } }]);
    expect(row).toEqual({ _id: null, total: 1, n: 13, avg: 0.1 });
  });

  it('sums Long values exactly beyond 2^53', () => {
    const docs = [{ v: Long.fromString('9007199254740993') }, { v: Long.fromNumber(1) }];
    const [row] = run(docs, [{ $group: { _id: null, total: { $sum: '$v' } } }]);
    expect(row!.total).toBeInstanceOf(Long);
    expect(String(row!.total)).toBe('9007199254740994');
  });

  it('groups by a compound key with Decimal128 sums, treating 1 and Decimal128("1.0") as one key', () => {
    const docs = [
      { region: 'n', year: 1, amount: dec('10.25') },
      { region: 'n', year: dec('1.0'), amount: dec('0.75') },
      { region: 's', year: 1, amount: dec('5') },
      { region: 'n', year: 2, amount: 3 },
    ];
    const out = run(docs, [
      { $group: { _id: { region: '$region', year: '$year' }, total: { $sum: '$amount' }, count: { $sum: 1 } } },
      { $sort: { '_id.region': 1, '_id.year': 1 } },
    ]);
    expect(out.map((r) => [r._id.region, Number(String(r._id.year)), String(r.total), r.count])).toEqual([
      ['n', 1, '11.00', 2],
      ['n', 2, '3', 1],
      ['s', 1, '5', 1],
    ]);
  });

  it('leaves missing fields out of a compound group key, apart from null ones', () => {
    const out = run([{ a: 1 }, { a: 1, b: null }, { a: 1 }], [{ $group: { _id: { a: '$a', b: '$b' }, n: { $sum: 1 } } }, { $sort: { n: -1 } }]);
    expect(out).toEqual([
      { _id: { a: 1 }, n: 2 },
      { _id: { a: 1, b: null }, n: 1 },
    ]);
    expect(Object.keys(out[0]!._id as Document)).toEqual(['a']);
  });

  it('orders $topN, $bottom, $minN and $maxN by BSON value, and $stdDevPop takes Decimal128', () => {
    const docs = [{ p: 'a', s: dec('10.5') }, { p: 'b', s: 9 }, { p: 'c', s: dec('100') }, { p: 'd', s: 20 }];
    const [row] = run(docs, [
      {
        $group: {
          _id: null,
          top2: { $topN: { n: 2, sortBy: { s: -1 }, output: '$p' } },
          bottom: { $bottom: { sortBy: { s: -1 }, output: '$p' } },
          min2: { $minN: { n: 2, input: '$s' } },
          max1: { $maxN: { n: 1, input: '$s' } },
          sd: { $stdDevPop: '$s' },
        },
      },
    ]);
    expect(row!.top2).toEqual(['c', 'd']);
    expect(row!.bottom).toBe('b');
    expect((row!.min2 as unknown[]).map(String)).toEqual(['9', '10.5']);
    expect((row!.max1 as unknown[]).map(String)).toEqual(['100']);
    expect(row!.sd as number).toBeCloseTo(37.8358, 3);
  });

  it('$median and $percentile pick values from the data in numeric order, Decimal128 included', () => {
    const docs = [{ v: dec('0.1') }, { v: 10 }, { v: 9 }, { v: dec('0.2') }, { v: 'x' }];
    const [row] = run(docs, [{ $group: { _id: null, m: { $median: { input: '$v', method: 'approximate' } }, p: { $percentile: { input: '$v', p: [0.25, 1], method: 'approximate' } } } }]);
    expect(row).toEqual({ _id: null, m: 0.2, p: [0.1, 10] });
  });

  it('$setWindowFields keeps exact Decimal128 running sums and still refuses $function', () => {
    const docs = [{ _id: 1, g: 'a', v: dec('0.1') }, { _id: 2, g: 'a', v: dec('0.2') }, { _id: 3, g: 'b', v: dec('1') }];
    const out = run(docs, [{ $setWindowFields: { partitionBy: '$g', sortBy: { _id: 1 }, output: { run: { $sum: '$v', window: { documents: ['unbounded', 'current'] } } } } }]);
    expect(out.map((d) => [d._id, String(d.run)])).toEqual([
      [1, '0.1'],
      [2, '0.3'],
      [3, '1'],
    ]);
    expect(codeOf(() => run(docs, [{ $setWindowFields: { sortBy: { _id: 1 }, output: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } } }]))).toBe('BadValue');
  });

  it('computes $min, $max, $first, $last, $push and $addToSet', () => {
    const id = new ObjectId();
    const docs = [{ v: 3, t: id }, { v: 'a', t: new ObjectId(id.toHexString()) }, { v: null, t: 1 }, { v: 1, t: 1.0 }];
    const [row] = run(docs, [
      {
        $group: {
          _id: 0,
          min: { $min: '$v' },
          max: { $max: '$v' },
          first: { $first: '$v' },
          last: { $last: '$v' },
          all: { $push: '$v' },
          set: { $addToSet: '$t' },
        },
      },
    ]);
    expect(row).toEqual({ _id: 0, min: 1, max: 'a', first: 3, last: 1, all: [3, 'a', null, 1], set: [id, 1] });
  });
});

describe('runPipeline: stages', () => {
  const people = [
    { _id: 1, name: 'ann', age: 30, tags: ['a', 'b'] },
    { _id: 2, name: 'bob', age: 25, tags: [] },
    { _id: 3, name: 'cyd', age: dec('27.5') },
    { _id: 4, name: 'dee', age: 41, tags: null },
  ];

  it('$match, $sort, $skip, $limit and $project work together', () => {
    const out = run(people, [{ $match: { age: { $gte: 26 } } }, { $sort: { age: -1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 0, name: 1 } }]);
    expect(out).toEqual([{ name: 'ann' }, { name: 'cyd' }]);
  });

  it('$sort orders Decimal128 numerically among other numbers', () => {
    expect(run(people, [{ $sort: { age: 1 } }]).map((d) => d._id)).toEqual([2, 3, 1, 4]);
  });

  it('$unwind drops empty and missing arrays unless preserveNullAndEmptyArrays', () => {
    expect(run(people, [{ $unwind: '$tags' }]).map((d) => [d._id, d.tags])).toEqual([
      [1, 'a'],
      [1, 'b'],
    ]);
    const kept = run(people, [{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } }]);
    expect(kept.map((d) => [d._id, d.tags, d.i])).toEqual([
      [1, 'a', 0],
      [1, 'b', 1],
      [2, undefined, null],
      [3, undefined, null],
      [4, null, null],
    ]);
  });

  it('$unwind passes scalars (even empty strings) through and never writes into its input', () => {
    const input = [{ _id: 1, v: '' }, { _id: 2, v: [] }, { _id: 3, n: { v: [1, 2] } }];
    const snapshot = JSON.stringify(input);
    expect(run(input, [{ $unwind: { path: '$v', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true } }])).toEqual([
      { _id: 1, v: '', i: null },
      { _id: 2, i: null },
      { _id: 3, n: { v: [1, 2] }, i: null },
    ]);
    expect(run(input, [{ $unwind: '$n.v' }])).toEqual([
      { _id: 3, n: { v: 1 } },
      { _id: 3, n: { v: 2 } },
    ]);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(codeOf(() => run(input, [{ $unwind: 'v' }]))).toBe('BadValue');
  });

  it('$bucket emits only non-empty buckets, Decimal128 keys by value, then the default', () => {
    const docs = [{ v: 1 }, { v: dec('2.5') }, { v: 12 }, { v: 'x' }, { v: 7, w: dec('0.1') }];
    const out = run(docs, [{ $bucket: { groupBy: '$v', boundaries: [0, 5, 10, 20], default: 'other', output: { n: { $sum: 1 }, w: { $sum: '$w' } } } }]);
    expect(out.map((r) => [r._id, r.n, String(r.w)])).toEqual([
      [0, 2, '0'],
      [5, 1, '0.1'],
      [10, 1, '0'],
      ['other', 1, '0'],
    ]);
    expect(codeOf(() => run([{ v: 'x' }], [{ $bucket: { groupBy: '$v', boundaries: [0, 5] } }]))).toBe('BadValue');
  });

  it('$addFields/$set, $unset, $replaceRoot and $count', () => {
    expect(run([{ _id: 1, a: { b: 2 } }], [{ $set: { c: { $multiply: ['$a.b', 3] } } }, { $unset: 'a' }])).toEqual([{ _id: 1, c: 6 }]);
    expect(run([{ _id: 1, a: { b: 2 } }], [{ $replaceRoot: { newRoot: '$a' } }])).toEqual([{ b: 2 }]);
    expect(run(people, [{ $match: { age: { $gt: 26 } } }, { $count: 'n' }])).toEqual([{ n: 3 }]);
  });

  it('$sortByCount groups by value and sorts by count descending', () => {
    const docs = [{ k: 'x' }, { k: 'y' }, { k: 'y' }, { k: 1 }, { k: dec('1') }, { k: 1 }];
    const out = run(docs, [{ $sortByCount: '$k' }]);
    expect(out[0]).toEqual({ _id: 1, count: 3 });
    expect(out[1]).toEqual({ _id: 'y', count: 2 });
  });

  it('$sample returns the requested number of distinct documents, never more than the input', () => {
    for (let round = 0; round < 20; round++) {
      const out = run(people, [{ $sample: { size: 3 } }]);
      expect(new Set(out.map((d) => d._id)).size).toBe(3);
    }
    expect(new Set(run(people, [{ $sample: { size: 10 } }]).map((d) => d._id)).size).toBe(4);
    expect(codeOf(() => run(people, [{ $sample: { size: -1 } }]))).toBe('BadValue');
  });

  it('$facet runs sub-pipelines over the same input', () => {
    const [row] = run(people, [{ $facet: { young: [{ $match: { age: { $lt: 28 } } }, { $count: 'n' }], names: [{ $project: { _id: 0, name: 1 } }, { $limit: 1 }] } }]);
    expect(row).toEqual({ young: [{ n: 2 }], names: [{ name: 'ann' }] });
  });

  it('$lookup with localField/foreignField joins by value; null and missing match each other', () => {
    const out = run(collections.orders!, [{ $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'inv' } }]);
    expect(out.map((d) => [d._id, (d.inv as Document[]).map((i) => i._id)])).toEqual([
      [1, [1]],
      [2, []],
      [3, [5, 6]],
    ]);
  });

  it('$lookup writes a dotted "as" into an embedded document', () => {
    const [row] = run([{ _id: 1, item: 'almond', meta: { k: 1 } }], [{ $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'meta.inv' } }]);
    expect(row).toEqual({ _id: 1, item: 'almond', meta: { k: 1, inv: [collections.inventory![0]] } });
  });

  it('$lookup joins an array localField element by element and numbers across types', () => {
    const out = run([{ _id: 1, skus: ['bread', 'almond'] }, { _id: 2, n: Long.fromNumber(120) }], [
      { $lookup: { from: 'inventory', localField: 'skus', foreignField: 'sku', as: 'inv' } },
    ]);
    expect((out[0]!.inv as Document[]).map((i) => i._id)).toEqual([1, 2]);
    const byNumber = run([{ _id: 2, n: Long.fromNumber(120) }], [{ $lookup: { from: 'inventory', localField: 'n', foreignField: 'instock', as: 'inv' } }]);
    expect((byNumber[0]!.inv as Document[]).map((i) => i._id)).toEqual([1]);
  });

  it('$lookup with let and pipeline sees the outer variables in $expr', () => {
    const out = run(collections.orders!.slice(0, 2), [
      {
        $lookup: {
          from: 'inventory',
          let: { want: '$item', q: '$qty' },
          pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$sku', '$$want'] }, { $gte: ['$instock', '$$q'] }] } } }, { $project: { _id: 1 } }],
          as: 'stock',
        },
      },
    ]);
    expect(out.map((d) => d.stock)).toEqual([[{ _id: 1 }], []]);
  });

  it('$unionWith appends another collection', () => {
    expect(run([{ _id: 'x' }], [{ $unionWith: { coll: 'orders', pipeline: [{ $match: { price: { $gt: 15 } } }] } }])).toEqual([{ _id: 'x' }, collections.orders![1]]);
  });

  it('exposes command variables to expressions', () => {
    expect(run([{ _id: 1 }], [{ $set: { v: '$$limit' } }], { limit: 7 })).toEqual([{ _id: 1, v: 7 }]);
  });

  it('streams lazily: an unbounded input with $limit terminates', () => {
    function* endless() {
      for (let i = 0; ; i++) yield { _id: i };
    }
    const it = runPipeline(endless(), [{ $match: { _id: { $gte: 5 } } }, { $limit: 2 }], { resolveCollection: () => [] });
    expect([it.next().value, it.next().value, it.next().done]).toEqual([{ _id: 5 }, { _id: 6 }, true]);
  });
});

describe('runPipeline: field stages keep mongod shapes', () => {
  it('$project keeps _id first and the document order of included fields, computed fields after', () => {
    const [row] = run([{ a: 1, _id: 7, b: 2, c: 3 }], [{ $project: { n: { $add: ['$a', '$b'] }, c: 1, a: 1 } }]);
    expect(Object.entries(row!)).toEqual([
      ['_id', 7],
      ['a', 1],
      ['c', 3],
      ['n', 3],
    ]);
  });

  it('$project drops fields computed as $$REMOVE or missing, and refuses an empty spec', () => {
    expect(run([{ _id: 1, a: 1 }], [{ $project: { r: '$$REMOVE', m: '$nope', a: 1 } }])).toEqual([{ _id: 1, a: 1 }]);
    expect(codeOf(() => run([{ _id: 1 }], [{ $project: {} }]))).toBe('BadValue');
  });

  it('$unset removes top-level and nested fields without touching the input', () => {
    const input = { _id: 1, a: 1, b: { c: 1, d: 2 } };
    expect(run([input], [{ $unset: ['a', 'b.c'] }])).toEqual([{ _id: 1, b: { d: 2 } }]);
    expect(input).toEqual({ _id: 1, a: 1, b: { c: 1, d: 2 } });
  });

  it('$set on a dotted path reaches every document of an array', () => {
    expect(run([{ _id: 1, a: [{}, { c: 1 }, 5] }], [{ $set: { 'a.b': 1 } }])).toEqual([{ _id: 1, a: [{ b: 1 }, { c: 1, b: 1 }, 5] }]);
  });

  it('$addFields merges a nested literal document into the embedded document', () => {
    expect(run([{ _id: 1, a: { c: 1 } }], [{ $addFields: { a: { b: '$a.c' } } }])).toEqual([{ _id: 1, a: { c: 1, b: 1 } }]);
  });

  it('$set evaluates every expression against the input document and never mutates it', () => {
    const input = { _id: 1, a: 1, s: { t: 1 } };
    expect(run([input], [{ $set: { a: 2, b: '$a', 's.u': 2 } }])).toEqual([{ _id: 1, a: 2, s: { t: 1, u: 2 }, b: 1 }]);
    expect(input).toEqual({ _id: 1, a: 1, s: { t: 1 } });
  });
});

describe('runPipeline: expressions follow mongod', () => {
  it('names bson types and converts to Decimal128, double, long and int', () => {
    const [row] = run([{ d: dec('1.5'), l: Long.fromString('9007199254740993'), f: 2.5, s: '12.50' }], [
      {
        $project: {
          _id: 0,
          types: ['$d', '$l', '$f', '$s', '$missing'].map((e) => ({ $type: e })),
          isNum: { $isNumber: '$d' },
          dec: { $toDecimal: '$f' },
          decFromString: { $toDecimal: '$s' },
          dbl: { $toDouble: '$d' },
          lng: { $toLong: '$l' },
          int: { $toInt: '$d' },
        },
      },
    ]);
    expect(row!.types).toEqual(['decimal', 'long', 'double', 'string', 'missing']);
    expect(row!.isNum).toBe(true);
    expect(row!.dec).toBeInstanceOf(Decimal128);
    expect(String(row!.dec)).toBe('2.50000000000000');
    expect(String(row!.decFromString)).toBe('12.50');
    expect(row!.dbl).toBe(1.5);
    expect(String(row!.lng)).toBe('9007199254740993');
    expect(row!.int).toBe(1);
  });

  it('compares values across types in BSON order and numbers by value', () => {
    const [row] = run([{ a: dec('2.5'), b: 2, s: 'x' }], [
      { $project: { _id: 0, gt: { $gt: ['$a', '$b'] }, eq: { $eq: ['$b', dec('2.0')] }, cmp: { $cmp: ['$s', '$b'] }, inArr: { $in: [2, [dec('2'), 3]] } } },
    ]);
    expect(row).toEqual({ gt: true, eq: true, cmp: 1, inArr: true });
  });

  it('rounds half to even on the exact value, keeping the input type', () => {
    const [row] = run([{ d: dec('2.345'), e: dec('-2.5'), f: 2.5, g: 3.5, h: 1234, l: Long.fromNumber(1250) }], [
      {
        $project: {
          _id: 0,
          d: { $round: ['$d', 2] },
          e: { $round: ['$e', 0] },
          f: { $round: ['$f', 0] },
          g: { $round: ['$g'] },
          h: { $round: ['$h', -2] },
          l: { $round: ['$l', -2] },
          t: { $trunc: ['$d', 1] },
          m: { $round: [19.25, 1] },
        },
      },
    ]);
    expect([String(row!.d), String(row!.e), row!.f, row!.g, row!.h, String(row!.l), String(row!.t), row!.m]).toEqual(['2.34', '-2', 2, 4, 1200, '1200', '2.3', 19.2]);
    expect(row!.l).toBeInstanceOf(Long);
  });

  it('takes $abs, $floor and $ceil of Decimal128 exactly', () => {
    const [row] = run([{ d: dec('-2.5') }], [{ $project: { _id: 0, a: { $abs: '$d' }, f: { $floor: '$d' }, c: { $ceil: '$d' }, n: { $floor: 2.7 } } }]);
    expect([String(row!.a), String(row!.f), String(row!.c), row!.n]).toEqual(['2.5', '-3', '-2', 2]);
  });

  it('treats Decimal128 and Long zero as false in $cond, $and, $or and $not', () => {
    const [row] = run([{ z: dec('0.00'), l: Long.fromNumber(0), one: dec('1') }], [
      {
        $project: {
          _id: 0,
          c: { $cond: ['$z', 'yes', 'no'] },
          c2: { $cond: { if: '$one', then: 'yes', else: 'no' } },
          a: { $and: ['$one', '$l'] },
          o: { $or: ['$z', '$l', ''] },
          n: { $not: ['$z'] },
        },
      },
    ]);
    expect(row).toEqual({ c: 'no', c2: 'yes', a: false, o: true, n: true });
  });

  it('computes set expressions, $indexOfArray and $sortArray with BSON equality and order', () => {
    const id = new ObjectId();
    const [row] = run([{ a: [1, dec('2'), id], b: [dec('1.0'), 3, new ObjectId(id.toHexString())] }], [
      {
        $project: {
          _id: 0,
          union: { $setUnion: ['$a', '$b'] },
          inter: { $setIntersection: ['$a', '$b'] },
          diff: { $setDifference: ['$a', '$b'] },
          eq: { $setEquals: [[1, 2], [dec('2'), 1, 2]] },
          sub: { $setIsSubset: [[dec('1')], '$a'] },
          idx: { $indexOfArray: ['$b', 1] },
          none: { $setUnion: ['$a', '$missing'] },
          sorted: { $sortArray: { input: [dec('2.5'), 'x', 1, null], sortBy: -1 } },
          byField: { $sortArray: { input: [{ k: dec('2') }, { k: 1.5 }], sortBy: { k: 1 } } },
        },
      },
    ]);
    expect(row).toEqual({
      union: [1, dec('2'), id, 3],
      inter: [1, id],
      diff: [dec('2')],
      eq: true,
      sub: true,
      idx: 0,
      none: null,
      sorted: ['x', dec('2.5'), 1, null],
      byField: [{ k: 1.5 }, { k: dec('2') }],
    });
  });

  it('adds and multiplies Decimal128 exactly', () => {
    const [row] = run([{ a: dec('0.1'), b: dec('0.2') }], [{ $project: { _id: 0, s: { $add: ['$a', '$b'] }, m: { $multiply: ['$a', 3] }, sum: { $sum: ['$a', '$b', 1] } } }]);
    expect([String(row!.s), String(row!.m), String(row!.sum)]).toEqual(['0.3', '0.3', '1.3']);
  });
});

describe('runPipeline: refusals', () => {
  it('refuses $out and $merge with IllegalOperation', () => {
    expect(codeOf(() => run([], [{ $out: 'x' }]))).toBe('IllegalOperation');
    expect(codeOf(() => run([], [{ $merge: { into: 'x' } }]))).toBe('IllegalOperation');
    expect(codeOf(() => run([], [{ $facet: { a: [{ $out: 'x' }] } }]))).toBe('IllegalOperation');
    expect(codeOf(() => run([], [{ $lookup: { from: 'orders', pipeline: [{ $merge: { into: 'x' } }], as: 'y' } }]))).toBe('IllegalOperation');
  });

  it('refuses $where, $function and $accumulator without running them', () => {
    let ran = false;
    const body = () => {
      ran = true;
      return 1;
    };
    expect(codeOf(() => run([{ a: 1 }], [{ $match: { $where: body } }]))).toBe('BadValue');
    expect(codeOf(() => run([{ a: 1 }], [{ $set: { x: { $function: { body, args: [], lang: 'js' } } } }]))).toBe('BadValue');
    expect(
      codeOf(() => run([{ a: 1 }], [{ $group: { _id: null, x: { $accumulator: { init: body, accumulate: body, accumulateArgs: [], merge: body, lang: 'js' } } } }])),
    ).toBe('BadValue');
    expect(ran).toBe(false);
  });

  it('answers an unknown stage with Location40324', () => {
    expect(codeOf(() => run([{ a: 1 }], [{ $bogus: {} }]))).toBe('Location40324');
  });
});
