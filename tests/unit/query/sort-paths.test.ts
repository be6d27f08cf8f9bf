import { describe, expect, it } from 'vitest';
import { Decimal128, Long, MinKey, type Document } from 'bson';
import { compileSort, pathValues } from '../../../src/embedded-mongo/query/index.js';
import { codeOf } from './command-error-code.js';

const order = (sort: Document, docs: Document[]) => docs.slice().sort(compileSort(sort)).map((d) => d._id);


describe('compileSort', () => {
  it('sorts mixed numeric types by value, with Decimal128 numerically', () => {
    const docs = [
      { _id: 'a', v: Decimal128.fromString('2.50') },
      { _id: 'b', v: 10 },
      { _id: 'c', v: Long.fromNumber(-3) },
      { _id: 'd', v: 2.4 },
    ];
    expect(order({ v: 1 }, docs)).toEqual(['c', 'd', 'a', 'b']);
    expect(order({ v: -1 }, docs)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts across types in BSON order with missing as null', () => {
    const docs = [{ _id: 1, v: 'x' }, { _id: 2, v: 5 }, { _id: 3 }, { _id: 4, v: true }, { _id: 5, v: { a: 1 } }];
    expect(order({ v: 1 }, docs)).toEqual([3, 2, 1, 5, 4]);
  });

  it('uses the smallest array element ascending and the largest descending', () => {
    const docs = [{ _id: 1, v: [5, 1] }, { _id: 2, v: 3 }, { _id: 3, v: [4, 9] }];
    expect(order({ v: 1 }, docs)).toEqual([1, 2, 3]);
    expect(order({ v: -1 }, docs)).toEqual([3, 1, 2]);
  });

  it('sorts an empty array before null and missing', () => {
    const docs = [{ _id: 1, v: null }, { _id: 2, v: [] }, { _id: 3, v: 0 }, { _id: 4, v: new MinKey() }];
    expect(order({ v: 1 }, docs)).toEqual([4, 2, 1, 3]);
  });

  it('sorts on dotted paths through arrays of documents and on several keys', () => {
    const docs = [
      { _id: 1, a: [{ b: 3 }, { b: 1 }], c: 2 },
      { _id: 2, a: { b: 2 }, c: 1 },
      { _id: 3, a: { b: 2 }, c: 0 },
    ];
    expect(order({ 'a.b': 1, c: 1 }, docs)).toEqual([1, 3, 2]);
    expect(order({ 'a.b': -1, c: -1 }, docs)).toEqual([1, 2, 3]);
  });

  it('is stable for equal keys', () => {
    const docs = [{ _id: 1, v: 1 }, { _id: 2, v: 1 }, { _id: 3, v: 0 }];
    expect(order({ v: 1 }, docs)).toEqual([3, 1, 2]);
  });

  it('refuses directions other than 1 and -1, and $meta sorts', () => {
    expect(codeOf(() => compileSort({ v: 2 }))).toBe('BadValue');
    expect(codeOf(() => compileSort({ v: 'asc' }))).toBe('BadValue');
    expect(codeOf(() => compileSort({ v: { $meta: 'textScore' } }))).toBe('BadValue');
    expect(codeOf(() => compileSort({ '': 1 }))).toBe('BadValue');
  });
});

describe('pathValues', () => {
  it('expands arrays met on the path one level (multikey)', () => {
    expect(pathValues({ a: [{ b: 1 }, { b: 2 }] }, 'a.b')).toEqual([1, 2]);
    expect(pathValues({ a: { b: [1, 2] } }, 'a.b')).toEqual([1, 2]);
    expect(pathValues({ a: [[1, 2], 3] }, 'a')).toEqual([[1, 2], 3]);
  });

  it('gives [null] for a missing path', () => {
    expect(pathValues({ a: 1 }, 'b')).toEqual([null]);
    expect(pathValues({ a: 1 }, 'a.b')).toEqual([null]);
  });

  it('gives [undefined] for an empty array', () => {
    expect(pathValues({ a: [] }, 'a')).toEqual([undefined]);
  });

  it('indexes into arrays with numeric path components', () => {
    expect(pathValues({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toEqual([2]);
  });
});
