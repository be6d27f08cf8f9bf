import { describe, expect, it } from 'vitest';
import { Decimal128, type Document } from 'bson';
import { compileProjection } from '../../../src/embedded-mongo/query/index.js';
import { codeOf } from './command-error-code.js';

const project = (projection: Document, doc: Document, query?: Document) => compileProjection(projection, query)(doc);


describe('compileProjection: inclusion and exclusion', () => {
  const doc = { _id: 1, a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }, { g: 3 }, 7] };

  it('includes the listed fields and _id, in document order', () => {
    expect(Object.entries(project({ b: 1, a: 1 }, doc))).toEqual([
      ['_id', 1],
      ['a', 1],
      ['b', { c: 2, d: 3 }],
    ]);
  });

  it('excludes _id only when asked', () => {
    expect(project({ _id: 0, a: 1 }, doc)).toEqual({ a: 1 });
    expect(project({ _id: 0 }, doc)).toEqual({ a: 1, b: { c: 2, d: 3 }, e: doc.e });
    expect(project({ _id: 1 }, doc)).toEqual({ _id: 1 });
  });

  it('excludes the listed fields', () => {
    expect(project({ a: 0, 'b.c': 0 }, doc)).toEqual({ _id: 1, b: { d: 3 }, e: doc.e });
  });

  it('projects dotted paths element by element through arrays, dropping scalars on inclusion', () => {
    expect(project({ 'e.g': 1, _id: 0 }, doc)).toEqual({ e: [{ g: 2 }, { g: 3 }] });
    expect(project({ 'e.g': 0, _id: 0, a: 0, b: 0 }, doc)).toEqual({ e: [{ f: 1 }, {}, 7] });
    expect(project({ b: { c: 1 } }, doc)).toEqual({ _id: 1, b: { c: 2 } });
  });

  it('omits included fields that are missing', () => {
    expect(project({ zz: 1 }, doc)).toEqual({ _id: 1 });
  });

  it('refuses mixing inclusion and exclusion with Location31254', () => {
    expect(codeOf(() => compileProjection({ a: 1, b: 0 }))).toBe('Location31254');
    expect(codeOf(() => compileProjection({ a: 0, b: 1 }))).toBe('Location31254');
    expect(compileProjection({ a: 1, _id: 0 })).toBeTypeOf('function');
  });

  it('refuses colliding paths', () => {
    expect(codeOf(() => compileProjection({ a: 1, 'a.b': 1 }))).toBe('BadValue');
  });
});

describe('compileProjection: array operators', () => {
  const doc = { _id: 1, a: [1, 2, 3, 4], b: 'x', s: [{ k: 1, v: 'p' }, { k: 2, v: 'q' }, { k: 2, v: 'r' }] };

  it('$slice alone keeps every other field', () => {
    expect(project({ a: { $slice: 2 } }, doc)).toEqual({ ...doc, a: [1, 2] });
    expect(project({ a: { $slice: -1 } }, doc).a).toEqual([4]);
    expect(project({ a: { $slice: [1, 2] } }, doc).a).toEqual([2, 3]);
    expect(project({ a: { $slice: [-3, 2] } }, doc).a).toEqual([2, 3]);
  });

  it('$slice with inclusions keeps only the included fields', () => {
    expect(project({ a: { $slice: 1 }, b: 1 }, doc)).toEqual({ _id: 1, a: [1], b: 'x' });
  });

  it('$elemMatch returns the first matching element or omits the field', () => {
    expect(project({ s: { $elemMatch: { k: 2 } } }, doc)).toEqual({ _id: 1, s: [{ k: 2, v: 'q' }] });
    expect(project({ s: { $elemMatch: { k: 9 } }, b: 1 }, doc)).toEqual({ _id: 1, b: 'x' });
  });

  it('the positional a.$ returns the element the query matched', () => {
    expect(project({ 's.$': 1 }, doc, { 's.v': 'r' })).toEqual({ _id: 1, s: [{ k: 2, v: 'r' }] });
    expect(project({ 'a.$': 1 }, doc, { a: { $gt: 2 } })).toEqual({ _id: 1, a: [3] });
    expect(codeOf(() => project({ 'a.$': 1 }, doc))).toBe('BadValue');
  });
});

describe('compileProjection: computed fields', () => {
  it('evaluates aggregation expressions with exact Decimal128 arithmetic', () => {
    const out = project({ total: { $add: ['$p', '$q'] }, _id: 0 }, { p: Decimal128.fromString('0.1'), q: Decimal128.fromString('0.2') });
    expect(String(out.total)).toBe('0.3');
  });

  it('refuses $function without running it', () => {
    expect(codeOf(() => compileProjection({ x: { $function: { body: () => 1, args: [], lang: 'js' } } }))).toBe('BadValue');
  });
});
