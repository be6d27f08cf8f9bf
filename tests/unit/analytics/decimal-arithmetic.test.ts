/** Exact decimal arithmetic of merged statistics. */
import { Decimal128, Long } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, decimalText, divideDecimal, maxDecimal, minDecimal, subtractDecimal } from '../../../datasources/analytics/decimal-arithmetic.js';

describe('decimal arithmetic', () => {
  it('adds without float error', () => {
    let sum = '0';
    for (let i = 0; i < 1000; i++) sum = addDecimal(sum, '0.10');
    expect(sum).toBe('100.00');
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(subtractDecimal('300.30', '400.00')).toBe('-99.70');
  });

  it('reads Decimal128 in exponent form, Longs and integers as plain decimal text', () => {
    expect(decimalText(Decimal128.fromString('1.23E+5'))).toBe('123000');
    expect(decimalText(Decimal128.fromString('-0.050'))).toBe('-0.050');
    expect(decimalText(Long.fromString('9007199254740993'))).toBe('9007199254740993');
    expect(decimalText(42)).toBe('42');
    expect(() => decimalText(0.1)).toThrow(TypeError);
    expect(() => decimalText({})).toThrow(TypeError);
  });

  it('divides rounding half away from zero, and gives null for a zero divisor', () => {
    expect(divideDecimal('1300.30', '3', 2)).toBe('433.43');
    expect(divideDecimal('110.29', '1200.00', 4)).toBe('0.0919');
    expect(divideDecimal('-99.70', '400.00', 4)).toBe('-0.2493');
    expect(divideDecimal('1', '8', 2)).toBe('0.13');
    expect(divideDecimal('-1', '8', 2)).toBe('-0.13');
    expect(divideDecimal('5', '0.00', 2)).toBeNull();
  });

  it('compares numerically and combines minima and maxima with absent values', () => {
    expect(compareDecimal('10.0', '9.99')).toBe(1);
    expect(compareDecimal('-1', '-1.00')).toBe(0);
    expect(minDecimal(null, '3')).toBe('3');
    expect(maxDecimal('2.5', '10')).toBe('10');
    expect(minDecimal('2.5', '10')).toBe('2.5');
  });
});
