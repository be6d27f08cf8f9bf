/**
 * Money crosses the data layer as a decimal string in 元 ("12345.60"); in
 * MongoDB it is Decimal128. No float is ever involved.
 */
import { Decimal128 } from 'mongodb';

const DECIMAL = /^-?\d+(\.\d+)?$/u;

/** The stored form of an amount in 元; throws a TypeError for anything but a plain decimal string. */
export function toDecimal128(yuan: string): Decimal128 {
  if (!DECIMAL.test(yuan)) throw new TypeError(`Expected a decimal string amount in 元, got ${JSON.stringify(yuan)}`);
  return Decimal128.fromString(yuan);
}

/** The decimal string of a stored amount (Decimal128, or an integer some writer stored instead). */
export function fromDecimal128(stored: Decimal128 | number | string): string {
  if (stored instanceof Decimal128) return stored.toString();
  if (typeof stored === 'number') {
    if (!Number.isSafeInteger(stored)) throw new TypeError(`Refusing a non-integer number as money: ${stored}`);
    return String(stored);
  }
  return stored;
}
