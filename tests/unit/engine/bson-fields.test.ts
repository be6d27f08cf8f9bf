import { Binary, BSONRegExp, Code, Decimal128, type DeserializeOptions, deserialize, type Document, Double, Long, MaxKey, MinKey, ObjectId, serialize, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { fieldPicker, spliceFields } from '../../../src/embedded-mongo/engine/bson-fields.js';

/** One document through a picker made for it. */
const pickFields = (bytes: Uint8Array, names: string[], options: DeserializeOptions): Document => fieldPicker(names, options)(bytes);

const doc = {
  _id: new ObjectId(),
  d: 1.5,
  s: '政府信息',
  o: { x: [1, { y: 2 }] },
  a: [1, 'two'],
  bin: new Binary(Buffer.from([1, 2, 3])),
  u: undefined,
  t: true,
  at: new Date(0),
  n: null,
  re: new BSONRegExp('^a', 'i'),
  code: new Code('x'),
  i: 7,
  ts: new Timestamp({ t: 1, i: 2 }),
  l: Long.fromString('9007199254740993'),
  dec: Decimal128.fromString('0.10'),
  lo: new MinKey(),
  hi: new MaxKey(),
  last: 'end',
};

describe('fieldPicker', () => {
  it('deserializes only the named top-level fields, walking every BSON type', () => {
    const bytes = serialize(doc);
    const picked = pickFields(bytes, ['o', 'l', 'last', 'missing'], { promoteLongs: false });
    expect(Object.keys(picked)).toEqual(['o', 'l', 'last']);
    expect(picked.o).toEqual(doc.o);
    expect(String(picked.l)).toBe('9007199254740993');
    expect(picked.last).toBe('end');
  });

  it('decodes strings, int32, booleans and null directly with the same values', () => {
    const bytes = serialize(doc);
    const names = ['s', 'i', 't', 'n', 'last', 'd'];
    const picked = pickFields(bytes, names, {});
    for (const name of names) expect(picked[name]).toEqual((doc as Record<string, unknown>)[name]);
    expect(pickFields(serialize({ long: 'x'.repeat(40) + '公开', short: 'é' }), ['long', 'short'], {})).toEqual({ long: 'x'.repeat(40) + '公开', short: 'é' });
  });

  it('decodes doubles, dates and Decimal128 directly, equal to what deserialize gives', () => {
    const values = { d: -0.1, inf: -Infinity, at: new Date(-62135596800000), late: new Date(8.64e15), dec: Decimal128.fromString('-1234.5678E-20'), nan: Decimal128.fromString('NaN') };
    const bytes = serialize({ x: 1, ...values });
    const picked = pickFields(bytes, Object.keys(values), { promoteLongs: false });
    const { x: _x, ...whole } = deserialize(bytes, { promoteLongs: false });
    expect(picked).toEqual(whole);
    expect(picked).toEqual(values);
    expect(picked.dec).toBeInstanceOf(Decimal128);
    expect((picked.dec as Decimal128).toString()).toBe(values.dec.toString());
  });

  it('falls back to the whole document for non-ASCII names', () => {
    const bytes = serialize({ 名: 1, b: 2 });
    expect(pickFields(bytes, ['名'], {})).toEqual({ 名: 1, b: 2 });
  });
});

describe('fieldPicker with dotted paths', () => {
  const nested = { _id: 1, effect: { live: 'publish', ledger: { _id: 'L1', at: new Date(0), content: { big: 'x'.repeat(100) } } }, list: [{ a: 1 }, { a: 2 }], s: 'v' };
  const bytes = serialize(nested);

  it('decodes only the path inside embedded documents', () => {
    expect(pickFields(bytes, ['_id', 'effect.ledger._id'], {})).toEqual({ _id: 1, effect: { ledger: { _id: 'L1' } } });
  });

  it('decodes a field whole when a path names it or goes through an array or a scalar', () => {
    expect(pickFields(bytes, ['effect.ledger._id', 'effect'], {})).toEqual({ effect: nested.effect });
    expect(pickFields(bytes, ['list.a'], {})).toEqual({ list: nested.list });
    expect(pickFields(bytes, ['s.length'], {})).toEqual({ s: 'v' });
  });

  it('leaves out paths the document lacks, at any depth', () => {
    expect(pickFields(bytes, ['effect.none.x', 'missing.y'], {})).toEqual({ effect: {} });
  });
});

describe('spliceFields', () => {
  const stored = serialize({ _id: 1, a: new Double(5), b: 'keep', c: [1, 2], z: 0 });

  it('replaces a field in its place and copies the others byte for byte', () => {
    const spliced = spliceFields(stored, new Set(['b']), { b: 'new' })!;
    const doc = deserialize(spliced, { promoteValues: false });
    expect(Object.keys(doc)).toEqual(['_id', 'a', 'b', 'c', 'z']);
    expect(doc.a).toBeInstanceOf(Double);
    expect(doc.b.valueOf()).toBe('new');
    // After the length: `_id` (9 bytes) and `a` (11 bytes) as stored.
    expect(Buffer.from(spliced.subarray(4, 24)).equals(Buffer.from(stored.subarray(4, 24)))).toBe(true);
  });

  it('removes a named field the values lack and appends the new ones in their order', () => {
    const spliced = spliceFields(stored, new Set(['c', 'y', 'x']), { y: 1, x: { n: null } })!;
    expect(deserialize(spliced)).toEqual({ _id: 1, a: 5, b: 'keep', z: 0, y: 1, x: { n: null } });
  });

  it('gives the bytes serialize gives for the same document', () => {
    const values = { b: Long.fromNumber(7), c: [new Date(1), 'x'] };
    const spliced = spliceFields(stored, new Set(['b', 'c']), values)!;
    const whole = serialize({ _id: 1, a: new Double(5), b: values.b, c: values.c, z: 0 });
    expect(Buffer.from(spliced).equals(Buffer.from(whole))).toBe(true);
  });

  it('declines names that are not plain ASCII', () => {
    expect(spliceFields(stored, new Set(['名']), { 名: 1 })).toBeUndefined();
  });
});
