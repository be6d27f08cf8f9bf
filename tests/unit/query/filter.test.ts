import { describe, expect, it } from 'vitest';
import { BSONRegExp, Decimal128, Long, MaxKey, MinKey, ObjectId, type Document } from 'bson';
import { compileFilter, filterFields } from '../../../src/embedded-mongo/query/index.js';
import { codeOf } from './command-error-code.js';

const matches = (filter: Document, doc: Document) => compileFilter(filter)(doc);
const select = (filter: Document, docs: Document[]) => docs.filter(compileFilter(filter)).map((d) => d._id);
const dec = (s: string) => Decimal128.fromString(s);


describe('compileFilter: equality', () => {
  it('matches an array field when any element equals the value', () => {
    expect(matches({ tags: 'x' }, { tags: ['w', 'x'] })).toBe(true);
    expect(matches({ tags: 'x' }, { tags: ['w'] })).toBe(false);
  });

  it('matches a whole array only by exact equality, in order', () => {
    expect(matches({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(matches({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toBe(false);
    expect(matches({ tags: ['a'] }, { tags: [['a'], 'c'] })).toBe(true);
  });

  it('matches null against null, missing fields and arrays holding null', () => {
    const docs = [{ _id: 1, a: null }, { _id: 2 }, { _id: 3, a: 0 }, { _id: 4, a: [null, 1] }, { _id: 5, a: [1] }];
    expect(select({ a: null }, docs)).toEqual([1, 2, 4]);
    expect(select({ a: { $ne: null } }, docs)).toEqual([3, 5]);
  });

  it('matches embedded documents exactly, field order included', () => {
    expect(matches({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(matches({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toBe(false);
  });

  it('follows dotted paths through arrays of documents', () => {
    const doc = { a: [{ b: 1 }, { b: [2, 3] }], c: { d: { e: 'deep' } } };
    expect(matches({ 'a.b': 3 }, doc)).toBe(true);
    expect(matches({ 'a.b': 4 }, doc)).toBe(false);
    expect(matches({ 'c.d.e': 'deep' }, doc)).toBe(true);
    expect(matches({ 'a.1.b': 2 }, doc)).toBe(true);
    expect(matches({ 'a.0.b': 2 }, doc)).toBe(false);
  });

  it('treats a missing dotted path as null', () => {
    expect(matches({ 'a.b': null }, { a: 5 })).toBe(true);
    expect(matches({ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] })).toBe(true);
    expect(matches({ 'a.b': null }, { a: [{ b: 1 }] })).toBe(false);
  });

  it('compares numbers across types: int, double, Long and Decimal128', () => {
    expect(matches({ n: 1 }, { n: dec('1.0') })).toBe(true);
    expect(matches({ n: Long.fromNumber(5) }, { n: 5 })).toBe(true);
    expect(matches({ n: dec('0.1') }, { n: 0.1 })).toBe(false);
  });
});

describe('compileFilter: comparison operators', () => {
  const docs = [
    { _id: 1, v: 1 },
    { _id: 2, v: 'b' },
    { _id: 3, v: dec('2.5') },
    { _id: 4, v: [0, 10] },
    { _id: 5 },
    { _id: 6, v: null },
    { _id: 7, v: new Date(1000) },
  ];

  it('compares only values of the same type (type bracketing)', () => {
    expect(select({ v: { $gt: 0 } }, docs)).toEqual([1, 3, 4]);
    expect(select({ v: { $gte: 'a' } }, docs)).toEqual([2]);
    expect(select({ v: { $lt: new Date(2000) } }, docs)).toEqual([7]);
  });

  it('applies ranges to each element of an array independently', () => {
    expect(select({ v: { $gt: 5, $lt: 1 } }, docs)).toEqual([4]);
    expect(select({ v: { $elemMatch: { $gt: 5, $lt: 1 } } }, docs)).toEqual([]);
  });

  it('treats $gte/$lte null as equality with null and missing', () => {
    expect(select({ v: { $gte: null } }, docs)).toEqual([5, 6]);
    expect(select({ v: { $lt: null } }, docs)).toEqual([]);
  });

  it('lets MinKey and MaxKey bound every type', () => {
    expect(select({ v: { $gt: new MinKey() } }, docs)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(select({ v: { $lt: new MaxKey() } }, docs)).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('matches NaN only by equality', () => {
    const nanDocs = [{ _id: 1, v: NaN }, { _id: 2, v: 0 }];
    expect(select({ v: { $gt: NaN } }, nanDocs)).toEqual([]);
    expect(select({ v: { $gte: NaN } }, nanDocs)).toEqual([1]);
    expect(select({ v: { $lt: 5 } }, nanDocs)).toEqual([2]);
    expect(select({ v: NaN }, nanDocs)).toEqual([1]);
  });

  it('orders Long values beyond 2^53 exactly', () => {
    const big = [{ _id: 1, v: Long.fromString('9007199254740993') }, { _id: 2, v: Long.fromString('9007199254740992') }];
    expect(select({ v: { $gt: Long.fromString('9007199254740992') } }, big)).toEqual([1]);
    expect(select({ v: 9007199254740993n }, big)).toEqual([1]);
  });
});

describe('compileFilter: $in and $nin', () => {
  it('matches ObjectIds in $in by value, not identity', () => {
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()];
    const docs = ids.map((_id) => ({ _id }));
    const wanted = [new ObjectId(ids[0]!.toHexString()), new ObjectId(ids[2]!.toHexString())];
    expect(docs.filter(compileFilter({ _id: { $in: wanted } })).map((d) => d._id)).toEqual([ids[0], ids[2]]);
  });

  it('matches numbers of any type, regexes, null for missing and array elements', () => {
    const docs = [{ _id: 1, v: Long.fromNumber(2) }, { _id: 2, v: 'apple' }, { _id: 3 }, { _id: 4, v: ['x', 3] }, { _id: 5, v: 'pear' }];
    expect(select({ v: { $in: [dec('2'), /^app/, null, 3.0] } }, docs)).toEqual([1, 2, 3, 4]);
    expect(select({ v: { $nin: [dec('2'), /^app/, null, 3.0] } }, docs)).toEqual([5]);
  });

  it('refuses a non-array $in with BadValue', () => {
    expect(codeOf(() => compileFilter({ v: { $in: 5 } }))).toBe('BadValue');
  });
});

describe('compileFilter: regular expressions', () => {
  const docs = [
    { _id: 1, name: '张三' },
    { _id: 2, name: '李四' },
    { _id: 3, name: 'Zhang' },
    { _id: 4, name: ['x', 'zhao'] },
  ];

  it('matches a regex literal, including CJK prefixes', () => {
    expect(select({ name: /^张/ }, docs)).toEqual([1]);
  });

  it('applies $regex with $options, and matches inside arrays', () => {
    expect(select({ name: { $regex: '^zh', $options: 'i' } }, docs)).toEqual([3, 4]);
    expect(select({ name: { $regex: /^ZH/, $options: 'i' } }, docs)).toEqual([3, 4]);
    expect(select({ name: new BSONRegExp('^z', 'i') }, docs)).toEqual([3, 4]);
  });

  it('supports the extended (x) option and $not with a regex', () => {
    expect(select({ name: { $regex: '^ z h a # comment\n ng', $options: 'x' } }, docs)).toEqual([]);
    expect(select({ name: { $regex: '^ Z h a # comment\n ng', $options: 'x' } }, docs)).toEqual([3]);
    expect(select({ name: { $not: /^[张李]/ } }, docs)).toEqual([3, 4]);
  });

  it('keeps no state between documents even for a global regex', () => {
    const test = compileFilter({ name: /a/g });
    expect([test({ name: 'a' }), test({ name: 'a' }), test({ name: 'a' })]).toEqual([true, true, true]);
  });

  it('refuses $options without $regex', () => {
    expect(codeOf(() => compileFilter({ name: { $options: 'i' } }))).toBe('BadValue');
  });
});

describe('compileFilter: array operators', () => {
  const docs = [
    { _id: 1, tags: ['a', 'b', 'c'], scores: [{ k: 'x', v: 5 }, { k: 'y', v: 9 }] },
    { _id: 2, tags: ['a'], scores: [{ k: 'x', v: 9 }] },
    { _id: 3, tags: [], scores: [] },
    { _id: 4, tags: 'a' },
  ];

  it('$elemMatch requires one element to satisfy every condition', () => {
    expect(select({ scores: { $elemMatch: { k: 'x', v: { $gt: 6 } } } }, docs)).toEqual([2]);
    expect(select({ 'scores.k': 'x', 'scores.v': { $gt: 6 } }, docs)).toEqual([1, 2]);
  });

  it('$all requires every value, and $all with $elemMatch works', () => {
    expect(select({ tags: { $all: ['a', 'c'] } }, docs)).toEqual([1]);
    expect(select({ tags: { $all: ['a'] } }, docs)).toEqual([1, 2, 4]);
    expect(select({ tags: { $all: [] } }, docs)).toEqual([]);
    expect(select({ scores: { $all: [{ $elemMatch: { v: 9 } }, { $elemMatch: { k: 'x' } }] } }, docs)).toEqual([1, 2]);
  });

  it('$size matches the array length only', () => {
    expect(select({ tags: { $size: 1 } }, docs)).toEqual([2]);
    expect(select({ tags: { $size: 0 } }, docs)).toEqual([3]);
    expect(codeOf(() => compileFilter({ tags: { $size: -1 } }))).toBe('BadValue');
  });
});

describe('compileFilter: element operators', () => {
  const docs = [
    { _id: 1, a: 1 },
    { _id: 2, a: null },
    { _id: 3 },
    { _id: 4, a: 'x' },
    { _id: 5, a: [1.5, 'y'] },
    { _id: 6, a: dec('1') },
    { _id: 7, a: Long.fromNumber(1) },
  ];

  it('$exists distinguishes null from missing', () => {
    expect(select({ a: { $exists: true } }, docs)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(select({ a: { $exists: false } }, docs)).toEqual([3]);
    expect(select({ 'a.b': { $exists: false } }, [{ _id: 1, a: [{ b: 1 }] }, { _id: 2, a: [{ c: 1 }] }])).toEqual([2]);
  });

  it('$type matches by alias, by code, number as any numeric, and array elements', () => {
    expect(select({ a: { $type: 'string' } }, docs)).toEqual([4, 5]);
    expect(select({ a: { $type: 'null' } }, docs)).toEqual([2]);
    expect(select({ a: { $type: 'number' } }, docs)).toEqual([1, 5, 6, 7]);
    expect(select({ a: { $type: 'decimal' } }, docs)).toEqual([6]);
    expect(select({ a: { $type: 18 } }, docs)).toEqual([7]);
    expect(select({ a: { $type: ['array', 'double'] } }, docs)).toEqual([5]);
    expect(codeOf(() => compileFilter({ a: { $type: 'nope' } }))).toBe('BadValue');
  });

  it('$mod compares the truncated remainder', () => {
    expect(select({ a: { $mod: [2, 1] } }, docs)).toEqual([1, 5, 6, 7]);
    expect(codeOf(() => compileFilter({ a: { $mod: [0, 1] } }))).toBe('BadValue');
  });
});

describe('compileFilter: logical operators', () => {
  const docs = [
    { _id: 1, a: 1, b: 1 },
    { _id: 2, a: 1, b: 2 },
    { _id: 3, a: 2, b: 2 },
    { _id: 4, a: [1, 3] },
  ];

  it('$and, $or and $nor combine clauses', () => {
    expect(select({ $and: [{ a: 1 }, { b: 2 }] }, docs)).toEqual([2]);
    expect(select({ $or: [{ a: 2 }, { b: 1 }] }, docs)).toEqual([1, 3]);
    expect(select({ $nor: [{ a: 2 }, { b: 1 }] }, docs)).toEqual([2, 4]);
  });

  it('$not negates the whole path condition, matching missing fields', () => {
    expect(select({ b: { $not: { $gt: 1 } } }, docs)).toEqual([1, 4]);
    expect(select({ a: { $not: { $gt: 2 } } }, docs)).toEqual([1, 2, 3]);
  });

  it('$ne and $nin exclude arrays that contain the value', () => {
    expect(select({ a: { $ne: 1 } }, docs)).toEqual([3]);
    expect(select({ a: { $nin: [3] } }, docs)).toEqual([1, 2, 3]);
  });

  it('refuses empty or non-array logical clauses', () => {
    expect(codeOf(() => compileFilter({ $or: [] }))).toBe('BadValue');
    expect(codeOf(() => compileFilter({ $and: { a: 1 } }))).toBe('BadValue');
    expect(codeOf(() => compileFilter({ a: { $not: {} } }))).toBe('BadValue');
  });

  it('evaluates $expr with aggregation expressions', () => {
    expect(select({ $expr: { $gt: ['$b', '$a'] } }, docs)).toEqual([2]);
    expect(select({ $expr: { $eq: [{ $add: ['$a', 1] }, 2] } }, docs.slice(0, 3))).toEqual([1, 2]);
    expect(codeOf(() => select({ $expr: { $add: ['$a', 1] } }, docs))).toBe('BadValue');
  });
});

describe('compileFilter: refusals', () => {
  it('answers an unknown operator with BadValue naming it', () => {
    expect(() => compileFilter({ a: { $foo: 1 } })).toThrowError('unknown operator: $foo');
    expect(codeOf(() => compileFilter({ a: { $foo: 1 } }))).toBe('BadValue');
    expect(codeOf(() => compileFilter({ $foo: 1 }))).toBe('BadValue');
  });

  it('refuses $where and never runs JavaScript', () => {
    let ran = false;
    const fn = () => {
      ran = true;
      return true;
    };
    expect(codeOf(() => compileFilter({ $where: fn }))).toBe('BadValue');
    expect(codeOf(() => compileFilter({ $where: 'this.a == 1' }))).toBe('BadValue');
    expect(codeOf(() => compileFilter({ $expr: { $function: { body: fn, args: [], lang: 'js' } } })({ a: 1 }))).toBe('BadValue');
    expect(ran).toBe(false);
  });

  it('matches every document for an empty filter', () => {
    expect(matches({}, { a: 1 })).toBe(true);
  });
});

describe('filterFields', () => {
  it('lists the top-level fields a filter reads, through $and/$or/$nor', () => {
    expect(filterFields({ 'a.b': 1, c: { $elemMatch: { d: 1 } }, $or: [{ e: 1 }, { $and: [{ f: { $gt: 1 } }] }], $nor: [{ a: 2 }], $comment: 'x' })).toEqual(['a', 'c', 'e', 'f']);
    expect(filterFields({})).toEqual([]);
  });

  it('is unknown for operators that may read anything', () => {
    expect(filterFields({ a: 1, $expr: { $eq: ['$b', 1] } })).toBeUndefined();
    expect(filterFields({ $or: [{ a: 1 }, { $where: 'true' }] })).toBeUndefined();
  });
});
