import { describe, expect, it } from 'vitest';
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareValues, keyString, valuesEqual } from '../../../src/embedded-mongo/query/index.js';
import { compareExact, parseDecimalString, toExact } from '../../../src/embedded-mongo/query/numbers.js';

const dec = (s: string) => Decimal128.fromString(s);

describe('compareValues', () => {
  it('orders values of different types by the BSON type order', () => {
    const ordered = [
      new MinKey(),
      null,
      -5,
      'a string',
      { a: 1 },
      [1, 2],
      new Binary(Buffer.from([1, 2])),
      new ObjectId('000000000000000000000001'),
      false,
      true,
      new Date(0),
      new Timestamp({ t: 1, i: 1 }),
      /abc/,
      new MaxKey(),
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(Math.sign(compareValues(ordered[i], ordered[j])), `${i} vs ${j}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('treats null and undefined as the same value', () => {
    expect(compareValues(null, undefined)).toBe(0);
  });

  it('compares numbers of every type by value', () => {
    expect(compareValues(1, new Int32(1))).toBe(0);
    expect(compareValues(new Double(2.5), 2.5)).toBe(0);
    expect(compareValues(Long.fromNumber(3), 3)).toBe(0);
    expect(compareValues(3n, dec('3.000'))).toBe(0);
    expect(compareValues(2, Long.fromNumber(3))).toBe(-1);
    expect(compareValues(dec('10'), 9.5)).toBe(1);
  });

  it('orders Decimal128 numerically against doubles, as mongod does for 0.1', () => {
    // The double 0.1 is 0.1000000000000000055511…, above the decimal 0.1.
    expect(compareValues(dec('0.1'), 0.1)).toBe(-1);
    expect(compareValues(dec('0.5'), 0.5)).toBe(0);
    expect(compareValues(dec('-1E+400'), -Number.MAX_VALUE)).toBe(-1);
  });

  it('decodes Decimal128 values of every exponent to their exact value', () => {
    const samples = ['0', '-0', '1.00', '-1.5', '1E+6144', '1E-6176', '9999999999999999999999999999999999', '-9.999999999999999999999999999999999E-6143', 'NaN', '-Infinity'];
    for (let i = 0; i < 500; i++) samples.push(`${i % 2 ? '-' : ''}${i * 7919}${(i * 104729) % 1000}E${(i % 200) - 100}`);
    for (const s of samples) {
      const d = dec(s);
      const decoded = toExact(d);
      const parsed = parseDecimalString(d.toString());
      expect(compareExact(decoded, parsed), s).toBe(0);
      expect(decoded.special, s).toBe(parsed.special);
    }
  });

  it('orders Decimal128 against doubles at the extremes of both ranges', () => {
    expect(compareValues(dec('1E-330'), 1e-320)).toBe(-1);
    expect(compareValues(dec('1E-290'), 1e-295)).toBe(1);
    expect(compareValues(dec('9.999999999999999999999999999999999E+6144'), Infinity)).toBe(-1);
    expect(compareValues(dec('9.999999999999999999999999999999999E+6144'), Number.MAX_VALUE)).toBe(1);
    expect(compareValues(dec('9007199254740993'), 9007199254740992)).toBe(1);
  });

  it('distinguishes Long values beyond 2^53 exactly', () => {
    const big = Long.fromString('9007199254740993');
    expect(compareValues(big, 9007199254740992)).toBe(1);
    expect(compareValues(big, 9007199254740993n)).toBe(0);
    expect(compareValues(9007199254740992, Long.fromString('9007199254740993'))).toBe(-1);
  });

  it('puts NaN below every other number and equal to itself', () => {
    expect(compareValues(NaN, -Infinity)).toBe(-1);
    expect(compareValues(NaN, NaN)).toBe(0);
    expect(compareValues(dec('NaN'), NaN)).toBe(0);
  });

  it('compares documents field by field, including field names and order', () => {
    expect(compareValues({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(-1);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBe(-1);
    expect(compareValues({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(-1);
    expect(compareValues({ a: 'x' }, { a: 5 })).toBe(1);
  });

  it('compares arrays element by element', () => {
    expect(compareValues([1, 2], [1, 3])).toBe(-1);
    expect(compareValues([1, 2], [1, 2, 0])).toBe(-1);
    expect(compareValues([2], [1, 9])).toBe(1);
  });

  it('compares strings in UTF-8 byte order', () => {
    expect(compareValues('a', 'b')).toBe(-1);
    expect(compareValues('\uffff', '😀')).toBe(-1);
    expect(compareValues('张', '李')).toBe(Math.sign(Buffer.compare(Buffer.from('张'), Buffer.from('李'))));
  });

  it('compares ObjectIds by their bytes, dates by time and booleans false before true', () => {
    expect(compareValues(new ObjectId('0000000000000000000000ff'), new ObjectId('000000000000000000000100'))).toBe(-1);
    expect(compareValues(new Date(5), new Date(4))).toBe(1);
    expect(compareValues(false, true)).toBe(-1);
  });

  it('compares binary data by length, then subtype, then bytes', () => {
    expect(compareValues(new Binary(Buffer.from([9])), new Binary(Buffer.from([1, 1])))).toBe(-1);
    expect(compareValues(new Binary(Buffer.from([1]), 0), new Binary(Buffer.from([1]), 4))).toBe(-1);
  });

  it('compares regular expressions by pattern then flags, BSONRegExp like RegExp', () => {
    expect(compareValues(/a/i, new BSONRegExp('a', 'i'))).toBe(0);
    expect(compareValues(/a/, /b/)).toBe(-1);
  });
});

describe('valuesEqual', () => {
  it('says ObjectIds with the same bytes are equal', () => {
    const id = new ObjectId();
    expect(valuesEqual(id, new ObjectId(id.toHexString()))).toBe(true);
    expect(valuesEqual(id, new ObjectId())).toBe(false);
  });

  it('says numbers of different types with the same value are equal', () => {
    expect(valuesEqual(1, dec('1.00'))).toBe(true);
    expect(valuesEqual({ a: [1] }, { a: [Long.fromNumber(1)] })).toBe(true);
  });
});

describe('keyString', () => {
  it('gives 1, 1.0, Long(1), Int32(1), 1n and Decimal128("1.00") one key', () => {
    const keys = new Set([1, new Double(1), Long.fromNumber(1), new Int32(1), 1n, dec('1.00'), dec('1E0'), dec('0.1E1')].map(keyString));
    expect(keys.size).toBe(1);
  });

  it('gives equal fractional values of different types one key', () => {
    expect(keyString(0.5)).toBe(keyString(dec('0.50')));
    expect(keyString(0.1)).not.toBe(keyString(dec('0.1')));
    expect(keyString(-0)).toBe(keyString(0));
  });

  it('keeps Long values beyond 2^53 apart', () => {
    expect(keyString(Long.fromString('9007199254740993'))).not.toBe(keyString(Long.fromString('9007199254740992')));
    expect(keyString(9007199254740993n)).toBe(keyString(Long.fromString('9007199254740993')));
    expect(keyString(1e300)).toBe(keyString(BigInt(1e300)));
  });

  it('keys ObjectIds by their bytes without hex strings', () => {
    const id = new ObjectId();
    const k = keyString(id);
    expect(k).toBe(keyString(new ObjectId(id.id)));
    expect(k.length).toBeLessThan(12);
    expect(k).not.toBe(keyString(id.toHexString()));
  });

  it('separates values of different types that print alike', () => {
    const values = ['1', 1, true, 'b1', null, '', [], {}, [1], { 0: 1 }, new Date(1), [['a'], 'b'], [['a', 'b']], { a: 'b' }, { ab: '' }];
    expect(new Set(values.map(keyString)).size).toBe(values.length);
  });

  it('agrees with valuesEqual on nested documents', () => {
    expect(keyString({ a: [1, { b: 2 }] })).toBe(keyString({ a: [dec('1'), { b: Long.fromNumber(2) }] }));
    expect(keyString({ a: 1, b: 2 })).not.toBe(keyString({ b: 2, a: 1 }));
  });
});

describe('keyString and compareValues agree', () => {
  it('give equal keys exactly to the values compareValues calls equal, and order a mixed pool consistently', () => {
    const scalars: unknown[] = [
      null, undefined, 0, -0, 1, 1.5, -1, 2 ** 53, 2 ** 53 + 2, 0.1, NaN, Infinity, -Infinity, 1e21, 1e-7,
      1n, 2n ** 53n + 1n, Long.fromNumber(1), Long.fromString('9007199254740993'), new Int32(1), new Double(1.5),
      dec('1'), dec('1.0'), dec('1.5'), dec('0.1'), dec('0.5'), dec('NaN'), dec('Infinity'), dec('-0'), dec('1E+21'), dec('1E-7'),
      '', 'a', '1', 'A', true, false, new Date(0), new Date(1), /a/, /a/i, new BSONRegExp('a', 'i'),
      new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000001'), new ObjectId('000000000000000000000002'),
      new Binary(Buffer.from([1])), new Binary(Buffer.from([1]), 4), new Timestamp({ t: 1, i: 1 }), new MinKey(), new MaxKey(),
    ];
    const pool: unknown[] = [...scalars, [], [1], [dec('1.00')], [1, 2], [[1]], {}, { a: 1 }, { a: dec('1') }, { b: 1 }, { a: 1, b: 2 }, { b: 2, a: 1 }, { a: [1, 'x'] }];
    for (const a of pool) {
      for (const b of pool) {
        const equal = compareValues(a, b) === 0;
        expect(keyString(a) === keyString(b), `${String(a)} vs ${String(b)}`).toBe(equal);
        expect(valuesEqual(a, b)).toBe(equal);
        expect(Math.sign(compareValues(a, b)) + Math.sign(compareValues(b, a))).toBe(0);
      }
    }
    // Array.prototype.sort moves undefined to the end without asking the comparator.
    const sorted = pool.filter((v) => v !== undefined).sort(compareValues);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) expect(compareValues(sorted[i], sorted[j])).toBeLessThanOrEqual(0);
    }
  });
});

