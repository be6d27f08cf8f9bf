/**
 * Exact arithmetic on decimal strings (digits as a bigint and a scale), for
 * merging partial sums from several stores and rebuilding averages. No float
 * is ever involved.
 */
import { Decimal128, Long } from 'mongodb';

interface Scaled {
  digits: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/u;

function parse(text: string): Scaled {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new TypeError(`Not a decimal number: ${JSON.stringify(text)}`);
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? '0');
  let digits = BigInt(`${match[2] || '0'}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: match[1] === '-' ? -digits : digits, scale };
}

function format({ digits, scale }: Scaled): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = scale > 0 ? `.${text.slice(text.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function rescale(value: Scaled, scale: number): bigint {
  return value.digits * 10n ** BigInt(scale - value.scale);
}

/** The plain decimal text of a value a store returned (Decimal128, Long, integer or decimal text); throws on anything else. */
export function decimalText(value: unknown): string {
  if (value instanceof Decimal128) return format(parse(value.toString()));
  if (value instanceof Long) return value.toString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    // Counts are integers; a fractional number here would be a float sneaking into money.
    if (!Number.isSafeInteger(value)) throw new TypeError(`Refusing a non-integer number as a measure: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return format(parse(value));
  throw new TypeError(`Not a decimal value: ${String(value)}`);
}

/** a + b, exactly, at the larger of their scales. */
export function addDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format({ digits: rescale(x, scale) + rescale(y, scale), scale });
}

/** a − b, exactly. */
export function subtractDecimal(a: string, b: string): string {
  const y = parse(b);
  return addDecimal(a, format({ digits: -y.digits, scale: y.scale }));
}

/** Negative, zero or positive as a is less than, equal to or greater than b (numerically). */
export function compareDecimal(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Whether the value is zero. */
export function isZeroDecimal(a: string): boolean {
  return parse(a).digits === 0n;
}

/**
 * a ÷ b rounded half away from zero to `places` decimals; null when b is
 * zero (there is no quotient, and the caller says so rather than inventing one).
 */
export function divideDecimal(a: string, b: string, places: number): string | null {
  const x = parse(a);
  const y = parse(b);
  if (y.digits === 0n) return null;
  // a/b = (xd/10^xs) / (yd/10^ys); scaled by 10^places and one extra digit for rounding.
  let numerator = x.digits * 10n ** BigInt(places + 1 + y.scale);
  let denominator = y.digits * 10n ** BigInt(x.scale);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const q = (negative ? -numerator : numerator) / denominator;
  const rounded = (q + 5n) / 10n;
  return format({ digits: negative ? -rounded : rounded, scale: places });
}

/** The smaller of two values, null counting as absent. */
export function minDecimal(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDecimal(a, b) <= 0 ? a : b;
}

/** The larger of two values, null counting as absent. */
export function maxDecimal(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDecimal(a, b) >= 0 ? a : b;
}
