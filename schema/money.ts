/**
 * Exact conversion of amounts between 元 and 万元 on decimal strings
 * (bigint digits and a scale; no float anywhere).
 */
import { MoneyUnit } from './money-unit.enum.js';

interface Scaled {
  digits: bigint;
  scale: number;
}

function parse(decimal: string): Scaled {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(decimal);
  if (!match) throw new TypeError(`Expected a decimal string like "12345.60", got ${JSON.stringify(decimal)}`);
  const fraction = match[3] ?? '';
  return { digits: BigInt(`${match[1]}${match[2]}${fraction}`), scale: fraction.length };
}

function format({ digits, scale }: Scaled): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = scale > 0 ? `.${text.slice(text.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function withScale(value: Scaled, scale: number): Scaled {
  return value.scale >= scale ? value : { digits: value.digits * 10n ** BigInt(scale - value.scale), scale };
}

/** A non-negative amount already written as 元 with at least 2 decimals and no leading zero: the 元 answer is the text itself. */
const PLAIN_YUAN = /^(?:0|[1-9]\d*)\.\d{2,}$/u;

/** An amount in 元 expressed in `unit`: 元 with at least 2 decimals, 万元 with at least 6; never rounded. */
export function convertYuan(yuan: string, unit: MoneyUnit): string {
  // Hundreds of group sums per aggregation answer are already in this form.
  if (unit === MoneyUnit.YUAN && PLAIN_YUAN.test(yuan)) return yuan;
  const value = parse(yuan);
  if (unit === MoneyUnit.WAN_YUAN) return format(withScale({ digits: value.digits, scale: value.scale + 4 }, 6));
  return format(withScale(value, 2));
}

/** The exact sum of amounts in 元. */
export function sumYuan(amounts: readonly string[]): string {
  const values = amounts.map(parse);
  const scale = Math.max(2, ...values.map((v) => v.scale));
  const digits = values.reduce((sum, v) => sum + withScale(v, scale).digits, 0n);
  return format({ digits, scale });
}
