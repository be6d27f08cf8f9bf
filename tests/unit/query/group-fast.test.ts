import { describe, expect, it } from 'vitest';
import { Decimal128, Long, ObjectId, type Document } from 'bson';
import { Lazy } from 'mingo/lazy';
import { runPipeline } from '../../../src/embedded-mongo/query/index.js';
import { compileFastGroup } from '../../../src/embedded-mongo/query/group-fast.js';
import { mingoOptions } from '../../../src/embedded-mongo/query/mingo-context.js';
import { groupEvaluated } from '../../../src/embedded-mongo/query/stream-stages.js';

const dec = (s: string) => Decimal128.fromString(s);
const oid = new ObjectId('64b000000000000000000001');

/** Mixed numeric types, missing and null fields, nested documents, arrays on a path, other BSON values. */
const docs: Document[] = [
  { _id: 1, g: 'a', n: 1, d: dec('0.1'), x: 2.5, s: 'p', sub: { k: 'u', v: 3 }, at: new Date(0) },
  { _id: 2, g: 'b', n: 2, d: dec('0.2'), x: 1, s: 'q', sub: { k: 'w', v: 1 } },
  { _id: 3, g: 'a', n: Long.fromNumber(3), d: 5, sub: { k: 'u' }, at: new Date(1000) },
  { _id: 4, g: null, n: 'text', d: null, x: -0.5, s: 'p' },
  { _id: 5, n: 4.75, d: dec('1E+2'), x: [1, 2], s: oid, sub: [{ k: 'u', v: 9 }, { k: 'z' }] },
  { _id: 6, g: 'a', n: 9007199254740991, d: 1, x: 3, s: 'p', sub: 'scalar' },
  { _id: 7, g: ['a', 'b'], n: 1, d: dec('-0.30'), s: null, sub: { k: null, v: dec('2.5') } },
  { _id: 8, g: { deep: 1 }, n: 1, d: 2.25, x: 7, s: 'r', sub: { k: 'w', v: Long.fromNumber(4) } },
];

const specs: Document[] = [
  { _id: '$g', total: { $sum: '$n' }, dec: { $sum: '$d' }, c: { $sum: 1 }, k: { $count: {} } },
  { _id: null, avgN: { $avg: '$n' }, avgD: { $avg: '$d' }, avgMissing: { $avg: '$nope' } },
  { _id: '$sub.k', lo: { $min: '$sub.v' }, hi: { $max: '$sub.v' }, minAt: { $min: '$at' }, maxS: { $max: '$s' } },
  { _id: { g: '$g', s: '$s' }, first: { $first: '$x' }, last: { $last: '$x' }, ids: { $push: '$_id' } },
  { _id: { k: '$sub.k', none: '$nope', c: 'lit' }, set: { $addToSet: '$s' }, xs: { $push: '$x' }, sx: { $sum: '$x' } },
  { _id: 'constant', big: { $sum: 9007199254740991 }, half: { $sum: 0.5 }, consts: { $addToSet: 'k' }, t: { $first: true } },
  { _id: 7, vals: { $push: '$sub.v' }, firstSub: { $first: '$sub' }, lastMissing: { $last: '$nope' } },
  { _id: '$x', n: { $sum: '$n' } },
  { _id: { $mod: ['$_id', 3] }, twice: { $sum: { $multiply: ['$_id', 2] } }, roots: { $push: '$$ROOT' }, hi: { $max: { $ifNull: ['$x', 0] } } },
  { _id: { gg: '$g', m: { $mod: ['$_id', 2] }, lit: null }, c: { $count: {} }, firstK: { $first: '$$CURRENT.sub.k' } },
  { _id: '$$ROOT.s', n: { $sum: 1 }, a: { $avg: ['$n'] }, cons: { $addToSet: '$constructor' } },
];

function general(spec: Document, input: Document[]): Document[] {
  const { _id: idExpr, ...fields } = spec;
  const out = groupEvaluated(Lazy(input), idExpr, fields, mingoOptions());
  const rows: Document[] = [];
  for (let r = out.next(); !r.done; r = out.next()) rows.push(r.value as Document);
  return rows;
}

function fast(spec: Document, input: Document[]): Document[] {
  const compiled = compileFastGroup(spec);
  expect(compiled).toBeDefined();
  const run = compiled!.start();
  for (const d of input) run.add(d);
  return run.result();
}

describe('$group fast path', () => {
  it.each(specs.map((s) => [JSON.stringify(s), s] as const))('answers %s exactly as the general $group', (_name, spec) => {
    const expected = general(spec, docs);
    expect(fast(spec, docs)).toEqual(expected);
    expect([...iterate(runPipeline(docs, [{ $group: spec }], { resolveCollection: () => [] }))]).toEqual(expected);
  });

  it('answers every shape alike over more documents than one evaluation batch', () => {
    const many = Array.from({ length: 1300 }, (_, i) => ({ ...docs[i % docs.length]!, _id: i }));
    for (const spec of specs) expect(fast(spec, many)).toEqual(general(spec, many));
  });

  it('sums Decimal128 exactly and types integer sums as the general path does', () => {
    const input = [{ v: dec('0.1') }, { v: dec('0.2') }, { v: 1 }, { v: Long.fromNumber(2) }];
    expect(fast({ _id: null, s: { $sum: '$v' } }, input)).toEqual([{ _id: null, s: dec('3.3') }]);
    expect(fast({ _id: null, s: { $sum: '$v' } }, [{ v: Long.fromNumber(2) }, { v: 3 }])).toEqual(general({ _id: null, s: { $sum: '$v' } }, [{ v: Long.fromNumber(2) }, { v: 3 }]));
    expect(fast({ _id: null, s: { $sum: 9007199254740991 } }, [{}, {}])).toEqual(general({ _id: null, s: { $sum: 9007199254740991 } }, [{}, {}]));
  });

  it('counts the documents of a count-only group without reading them', () => {
    const spec = { _id: 1, n: { $sum: 1 }, c: { $count: {} } };
    const compiled = compileFastGroup(spec)!;
    expect(compiled.countOnly).toBe(true);
    expect(compiled.resultForCount(3)).toEqual(general(spec, [{}, {}, {}]));
    expect(compiled.resultForCount(0)).toEqual([]);
    expect(compileFastGroup({ _id: '$a', n: { $sum: 1 } })!.countOnly).toBe(false);
  });

  it('evaluates with the pipeline variables', () => {
    const spec = { _id: '$$bucket', total: { $sum: { $multiply: ['$n', '$$k'] } } };
    const input = [{ n: 1 }, { n: 2 }];
    const run = compileFastGroup(spec, { bucket: 'b', k: 10 })!.start();
    for (const d of input) run.add(d);
    expect(run.result()).toEqual([...iterate(runPipeline(input, [{ $group: spec }], { resolveCollection: () => [], variables: { bucket: 'b', k: 10 } }))]);
    expect(run.result()).toEqual([{ _id: 'b', total: 30 }]);
  });

  it('reports the fields it reads, or none known when an expression may read any', () => {
    expect(compileFastGroup({ _id: { a: '$a.x', b: '$b' }, s: { $sum: '$c' }, n: { $count: {} } })!.fields).toEqual(['a', 'b', 'c']);
    expect(compileFastGroup({ _id: '$a', s: { $sum: { $add: ['$c', 1] } } })!.fields).toBeUndefined();
    expect(compileFastGroup({ _id: { $year: '$at' } })!.fields).toBeUndefined();
  });

  it('leaves other accumulators and malformed specifications to the general path', () => {
    expect(compileFastGroup({ _id: null, n: { $stdDevPop: '$a' } })).toBeUndefined();
    expect(compileFastGroup({ _id: null, n: { $push: null } })).toBeUndefined();
    expect(compileFastGroup({ _id: null, n: 1 })).toBeUndefined();
    expect(compileFastGroup({ _id: null, 'a.b': { $sum: 1 } })).toBeUndefined();
    expect(compileFastGroup({ n: { $sum: 1 } })).toBeUndefined();
  });
});

function* iterate(it: Iterator<Document>): Generator<Document> {
  for (let r = it.next(); !r.done; r = it.next()) yield r.value;
}
