import { describe, expect, it } from 'vitest';
import { Decimal128, Long, ObjectId, Timestamp, type Document } from 'bson';
import { applyUpdate, compileFilter, isReplacement, upsertSeed } from '../../../src/embedded-mongo/query/index.js';
import { codeOf } from './command-error-code.js';

const dec = (s: string) => Decimal128.fromString(s);
const apply = (doc: Document, update: Document | Document[], options: Parameters<typeof applyUpdate>[2] = {}) => applyUpdate(doc, update, options);


describe('applyUpdate: field operators', () => {
  it('never mutates the input document', () => {
    const doc = { _id: 1, a: { b: [1, 2] } };
    const snapshot = JSON.stringify(doc);
    apply(doc, { $set: { 'a.b.0': 9, c: 1 } });
    apply(doc, { $push: { 'a.b': 3 } });
    expect(JSON.stringify(doc)).toBe(snapshot);
  });

  it('$set creates nested documents and reports modified only on change', () => {
    expect(apply({ _id: 1 }, { $set: { 'a.b.c': 1 } })).toEqual({ doc: { _id: 1, a: { b: { c: 1 } } }, modified: true });
    expect(apply({ _id: 1, a: 1 }, { $set: { a: 1 } }).modified).toBe(false);
    expect(apply({ _id: 1, a: 1 }, { $set: {} }).modified).toBe(false);
  });

  it('$set pads arrays with null when setting past the end', () => {
    expect(apply({ a: [1] }, { $set: { 'a.3': 4 } }).doc).toEqual({ a: [1, null, null, 4] });
  });

  it('$set through a scalar answers PathNotViable', () => {
    expect(codeOf(() => apply({ a: 1 }, { $set: { 'a.b': 1 } }))).toBe('PathNotViable');
  });

  it('$unset removes fields and nulls array elements; missing paths are no-ops', () => {
    expect(apply({ a: 1, b: 2 }, { $unset: { a: '' } }).doc).toEqual({ b: 2 });
    expect(apply({ a: [1, 2] }, { $unset: { 'a.0': 1 } }).doc).toEqual({ a: [null, 2] });
    expect(apply({ a: 1 }, { $unset: { 'x.y': 1 } })).toEqual({ doc: { a: 1 }, modified: false });
  });

  it('$inc adds, creates missing fields, and refuses non-numeric values with TypeMismatch', () => {
    expect(apply({ n: 1 }, { $inc: { n: 2, m: 5 } }).doc).toEqual({ n: 3, m: 5 });
    expect(codeOf(() => apply({ n: 'x' }, { $inc: { n: 1 } }))).toBe('TypeMismatch');
    expect(codeOf(() => apply({ n: 1 }, { $inc: { n: 'x' } }))).toBe('TypeMismatch');
  });

  it('$inc of a Decimal128 stays an exact Decimal128', () => {
    const out = apply({ n: dec('0.1') }, { $inc: { n: dec('0.2') } }).doc.n as Decimal128;
    expect(out).toBeInstanceOf(Decimal128);
    expect(out.toString()).toBe('0.3');
    expect((apply({ n: 1 }, { $inc: { n: dec('0.10') } }).doc.n as Decimal128).toString()).toBe('1.10');
  });

  it('$inc of a Long stays exact beyond 2^53', () => {
    const out = apply({ n: Long.fromString('9007199254740993') }, { $inc: { n: 1 } }).doc.n;
    expect(out).toBeInstanceOf(Long);
    expect((out as Long).toString()).toBe('9007199254740994');
  });

  it('$mul multiplies and sets missing fields to zero', () => {
    expect(apply({ n: 3 }, { $mul: { n: 2, m: 4 } }).doc).toEqual({ n: 6, m: 0 });
  });

  it('$min and $max compare across types in BSON order', () => {
    expect(apply({ a: 5, b: 5 }, { $min: { a: 3, b: 7 } }).doc).toEqual({ a: 3, b: 5 });
    expect(apply({ a: 5 }, { $max: { a: 'x' } }).doc).toEqual({ a: 'x' });
  });

  it('$rename moves a value and is a no-op for a missing source', () => {
    expect(apply({ a: 1, b: { c: 2 } }, { $rename: { a: 'x.y', 'b.c': 'd' } }).doc).toEqual({ b: {}, x: { y: 1 }, d: 2 });
    expect(apply({ b: 1 }, { $rename: { a: 'z' } }).modified).toBe(false);
    expect(codeOf(() => apply({ a: 1 }, { $rename: { a: 'a.b' } }))).toBe('BadValue');
  });

  it('$currentDate sets a date or a timestamp', () => {
    const out = apply({}, { $currentDate: { d: true, t: { $type: 'timestamp' } } }).doc;
    expect(out.d).toBeInstanceOf(Date);
    expect(out.t).toBeInstanceOf(Timestamp);
  });

  it('$setOnInsert applies only when inserting', () => {
    expect(apply({ a: 1 }, { $setOnInsert: { b: 1 } }).doc).toEqual({ a: 1 });
    expect(apply({ a: 1 }, { $setOnInsert: { b: 1 } }, { isInsert: true }).doc).toEqual({ a: 1, b: 1 });
  });

  it('adds new fields in field-name order, as mongod does', () => {
    expect(Object.keys(apply({ _id: 1 }, { $set: { z: 1, b: 1, a: 1 } }).doc)).toEqual(['_id', 'a', 'b', 'z']);
  });
});

describe('applyUpdate: array operators', () => {
  it('$push appends and creates the array', () => {
    expect(apply({ a: [1] }, { $push: { a: 2, b: 'x' } }).doc).toEqual({ a: [1, 2], b: ['x'] });
    expect(codeOf(() => apply({ a: 1 }, { $push: { a: 2 } }))).toBe('BadValue');
  });

  it('$push honours $each, $position, $sort and $slice together', () => {
    const doc = { s: [{ v: 3 }, { v: 1 }] };
    const out = apply(doc, { $push: { s: { $each: [{ v: 2 }, { v: 5 }], $sort: { v: -1 }, $slice: 3 } } }).doc;
    expect(out).toEqual({ s: [{ v: 5 }, { v: 3 }, { v: 2 }] });
    expect(apply({ a: [1, 4] }, { $push: { a: { $each: [2, 3], $position: 1 } } }).doc).toEqual({ a: [1, 2, 3, 4] });
    expect(apply({ a: [1, 2, 3] }, { $push: { a: { $each: [4], $slice: -2 } } }).doc).toEqual({ a: [3, 4] });
    expect(apply({ a: [3, 1] }, { $push: { a: { $each: [], $sort: 1 } } }).doc).toEqual({ a: [1, 3] });
  });

  it('$addToSet adds only values not already present, by BSON value', () => {
    const id = new ObjectId();
    const out = apply({ a: [1, id] }, { $addToSet: { a: { $each: [dec('1.0'), new ObjectId(id.toHexString()), 2, 2] } } }).doc;
    expect(out).toEqual({ a: [1, id, 2] });
    expect(apply({ a: [1] }, { $addToSet: { a: 1 } }).modified).toBe(false);
  });

  it('$pop removes the last or first element', () => {
    expect(apply({ a: [1, 2, 3] }, { $pop: { a: 1 } }).doc).toEqual({ a: [1, 2] });
    expect(apply({ a: [1, 2, 3] }, { $pop: { a: -1 } }).doc).toEqual({ a: [2, 3] });
  });

  it('$pull removes by value, by condition and by document query', () => {
    expect(apply({ a: [1, 2, 3, 2] }, { $pull: { a: 2 } }).doc).toEqual({ a: [1, 3] });
    expect(apply({ a: [1, 5, 9] }, { $pull: { a: { $gte: 5 } } }).doc).toEqual({ a: [1] });
    expect(apply({ r: [{ s: 8, i: 'B' }, { s: 8, i: 'C' }] }, { $pull: { r: { s: 8, i: 'B' } } }).doc).toEqual({ r: [{ s: 8, i: 'C' }] });
  });

  it('$pullAll removes every listed value', () => {
    expect(apply({ a: [0, 2, 5, 5, 1, 0] }, { $pullAll: { a: [0, 5] } }).doc).toEqual({ a: [2, 1] });
  });
});

describe('applyUpdate: positional updates', () => {
  const doc = { _id: 1, grades: [{ g: 80, n: 1 }, { g: 90, n: 2 }, { g: 95, n: 3 }] };

  it('$ updates the first element the query matched', () => {
    const out = apply(doc, { $set: { 'grades.$.n': 0 } }, { query: { _id: 1, 'grades.g': { $gte: 90 } } }).doc;
    expect(out.grades).toEqual([{ g: 80, n: 1 }, { g: 90, n: 0 }, { g: 95, n: 3 }]);
    expect(apply({ a: [5, 6, 7] }, { $inc: { 'a.$': 10 } }, { query: { a: 6 } }).doc).toEqual({ a: [5, 16, 7] });
  });

  it('$ resolves only from the query passed in, never from an earlier filter match', () => {
    const stored = { _id: 2, a: [{ k: 1 }, { k: 2 }] };
    const selected = [stored].filter(compileFilter({ 'a.k': 2 }));
    expect(codeOf(() => apply(selected[0]!, { $set: { 'a.$.hit': true } }))).toBe('BadValue');
    expect(apply(stored, { $set: { 'a.$.hit': true } }, { query: { 'a.k': 2 } }).doc.a).toEqual([{ k: 1 }, { k: 2, hit: true }]);
  });

  it('$ without a matching query condition answers BadValue', () => {
    expect(codeOf(() => apply(doc, { $set: { 'grades.$.n': 0 } }, { query: { _id: 1 } }))).toBe('BadValue');
  });

  it('$[] updates every element', () => {
    expect(apply({ a: [1, 2] }, { $inc: { 'a.$[]': 1 } }).doc).toEqual({ a: [2, 3] });
  });

  it('$[<id>] updates the elements matched by arrayFilters', () => {
    const out = apply(doc, { $set: { 'grades.$[hi].n': 9 } }, { arrayFilters: [{ 'hi.g': { $gte: 90 } }] }).doc;
    expect(out.grades).toEqual([{ g: 80, n: 1 }, { g: 90, n: 9 }, { g: 95, n: 9 }]);
    expect(apply({ a: [1, 5, 9] }, { $set: { 'a.$[x]': 0 } }, { arrayFilters: [{ x: { $gt: 4 } }] }).doc).toEqual({ a: [1, 0, 0] });
  });

  it('nests $[<id>] filters through arrays of arrays', () => {
    const nested = { m: [{ k: 'a', v: [1, 2, 3] }, { k: 'b', v: [1, 2, 3] }] };
    const out = apply(nested, { $inc: { 'm.$[o].v.$[i]': 10 } }, { arrayFilters: [{ 'o.k': 'b' }, { i: { $gte: 2 } }] }).doc;
    expect(out).toEqual({ m: [{ k: 'a', v: [1, 2, 3] }, { k: 'b', v: [1, 12, 13] }] });
  });

  it('refuses a missing or unused array filter', () => {
    expect(codeOf(() => apply(doc, { $set: { 'grades.$[x].n': 1 } }))).toBe('BadValue');
    expect(codeOf(() => apply(doc, { $set: { a: 1 } }, { arrayFilters: [{ x: 1 }] }))).toBe('FailedToParse');
  });
});

describe('applyUpdate: errors', () => {
  it('refuses to change _id with ImmutableField', () => {
    expect(codeOf(() => apply({ _id: 1, a: 1 }, { $set: { _id: 2 } }))).toBe('ImmutableField');
    expect(codeOf(() => apply({ _id: 1, a: 1 }, { _id: 2, a: 1 }))).toBe('ImmutableField');
    expect(apply({ _id: 1, a: 1 }, { $set: { _id: 1, a: 2 } }).doc).toEqual({ _id: 1, a: 2 });
  });

  it('refuses conflicting paths with ConflictingUpdateOperators', () => {
    expect(codeOf(() => apply({}, { $set: { a: 1 }, $inc: { a: 1 } }))).toBe('ConflictingUpdateOperators');
    expect(codeOf(() => apply({}, { $set: { 'a.b': 1 }, $unset: { a: 1 } }))).toBe('ConflictingUpdateOperators');
  });

  it('refuses unknown operators and non-document operands with FailedToParse', () => {
    expect(codeOf(() => apply({}, { $foo: { a: 1 } }))).toBe('FailedToParse');
    expect(codeOf(() => apply({}, { $set: 5 }))).toBe('FailedToParse');
  });
});

describe('applyUpdate: replacements and pipelines', () => {
  it('replaces the whole document, keeping _id first', () => {
    expect(apply({ _id: 1, a: 1, b: 2 }, { c: 3 })).toEqual({ doc: { _id: 1, c: 3 }, modified: true });
  });

  it('applies an aggregation pipeline update', () => {
    const out = apply({ _id: 1, a: 2, b: 3 }, [{ $set: { sum: { $add: ['$a', '$b'] } } }, { $unset: 'b' }]).doc;
    expect(out).toEqual({ _id: 1, a: 2, sum: 5 });
  });

  it('refuses stages that are not allowed in an update', () => {
    expect(codeOf(() => apply({ _id: 1 }, [{ $match: {} }]))).toBe('InvalidOptions');
  });
});

describe('isReplacement', () => {
  it('tells operator updates, pipelines and replacements apart', () => {
    expect(isReplacement({ a: 1 })).toBe(true);
    expect(isReplacement({ $set: { a: 1 } })).toBe(false);
    expect(isReplacement([{ $set: { a: 1 } }])).toBe(false);
  });

  it('refuses a mix of operators and fields with FailedToParse', () => {
    expect(codeOf(() => isReplacement({ $set: { a: 1 }, b: 1 }))).toBe('FailedToParse');
  });
});

describe('upsertSeed', () => {
  it('seeds from equality conditions, $eq and $and, with dotted paths as documents', () => {
    expect(upsertSeed({ a: 1, 'b.c': 2, d: { $eq: 3 }, e: { $gt: 1 }, $and: [{ f: 4 }], g: /x/ })).toEqual({ a: 1, b: { c: 2 }, d: 3, f: 4 });
  });

  it('seeds from a one-clause $or and a one-value $in, not from wider ones', () => {
    expect(upsertSeed({ $or: [{ a: 1 }], b: { $in: [2] }, c: { $in: [1, 2] }, $nor: [{ d: 1 }] })).toEqual({ a: 1, b: 2 });
    expect(upsertSeed({ $or: [{ a: 1 }, { a: 2 }] })).toEqual({});
  });
});
