/** Exact products and sums of decimal strings (bigint digits and a scale; no float), for amounts computed from rates and areas. */

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

function format({ digits, scale }: Scaled, minScale: number): string {
  const widened = scale >= minScale ? { digits, scale } : { digits: digits * 10n ** BigInt(minScale - scale), scale: minScale };
  const negative = widened.digits < 0n;
  const text = (negative ? -widened.digits : widened.digits).toString().padStart(widened.scale + 1, '0');
  const whole = text.slice(0, text.length - widened.scale);
  return `${negative ? '-' : ''}${whole}${widened.scale > 0 ? `.${text.slice(text.length - widened.scale)}` : ''}`;
}

/** Drops trailing zero decimals beyond `minScale` (the value is unchanged). */
function trimmed({ digits, scale }: Scaled, minScale: number): Scaled {
  while (scale > minScale && digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { digits, scale };
}

/** The exact product of two decimals, with at least 2 decimals (元) and no trailing zeros beyond them. */
export function timesDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  return format(trimmed({ digits: x.digits * y.digits, scale: x.scale + y.scale }, 2), 2);
}

/** The exact sum of decimals, with at least 2 decimals (元). */
export function sumDecimals(values: readonly string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(2, ...parsed.map((v) => v.scale));
  return format({ digits: parsed.reduce((sum, v) => sum + v.digits * 10n ** BigInt(scale - v.scale), 0n), scale }, 2);
}
