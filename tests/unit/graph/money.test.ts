import { describe, expect, it } from 'vitest';
import { DecimalScalar } from '../../../schema/decimal.scalar.js';
import { convertYuan, sumYuan } from '../../../schema/money.js';
import { MoneyUnit } from '../../../schema/money-unit.enum.js';

describe('money conversion', () => {
  it('keeps 元 with at least two decimals', () => {
    expect(convertYuan('12345.6', MoneyUnit.YUAN)).toBe('12345.60');
    expect(convertYuan('0', MoneyUnit.YUAN)).toBe('0.00');
    expect(convertYuan('1.005', MoneyUnit.YUAN)).toBe('1.005');
  });

  it('writes 元 the same way whether or not the text is already in that form', () => {
    expect(convertYuan('1200.05', MoneyUnit.YUAN)).toBe('1200.05');
    expect(convertYuan('0.10', MoneyUnit.YUAN)).toBe('0.10');
    expect(convertYuan('007.50', MoneyUnit.YUAN)).toBe('7.50');
    expect(convertYuan('-0.00', MoneyUnit.YUAN)).toBe('0.00');
    expect(convertYuan('-12.5', MoneyUnit.YUAN)).toBe('-12.50');
    expect(() => convertYuan('12.', MoneyUnit.YUAN)).toThrow(TypeError);
  });

  it('converts 元 to 万元 exactly, never rounding', () => {
    expect(convertYuan('12345.60', MoneyUnit.WAN_YUAN)).toBe('1.234560');
    expect(convertYuan('0.01', MoneyUnit.WAN_YUAN)).toBe('0.000001');
    expect(convertYuan('-50000.00', MoneyUnit.WAN_YUAN)).toBe('-5.000000');
    expect(convertYuan('9007199254740993.07', MoneyUnit.WAN_YUAN)).toBe('900719925474.099307');
  });

  it('sums decimal strings exactly where floats would drift', () => {
    expect(sumYuan(Array.from({ length: 10 }, () => '0.10'))).toBe('1.00');
    expect(sumYuan(['9007199254740993.01', '0.02'])).toBe('9007199254740993.03');
    expect(sumYuan([])).toBe('0.00');
  });

  it('refuses anything but a decimal string', () => {
    expect(() => convertYuan('1e5', MoneyUnit.YUAN)).toThrow(TypeError);
    expect(() => convertYuan('12,00', MoneyUnit.YUAN)).toThrow(/decimal string/);
  });
});

describe('the Decimal scalar', () => {
  it('serializes decimal strings unchanged and refuses floats', () => {
    expect(DecimalScalar.serialize('12345.60')).toBe('12345.60');
    expect(() => DecimalScalar.serialize(12345.6)).toThrow(/Decimal must be a string/);
    expect(() => DecimalScalar.parseValue('abc')).toThrow(/Decimal must be a string/);
  });
});
