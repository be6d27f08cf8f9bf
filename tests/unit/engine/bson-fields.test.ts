import { Binary, BSONRegExp, Code, Decimal128, deserialize, Long, MaxKey, MinKey, ObjectId, serialize, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { pickFields } from '../../../src/embedded-mongo/engine/bson-fields.js';

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

describe('pickFields', () => {
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
