/** The conversions between stored office documents (`_id`, Decimal128 money) and the records the data layer hands out (`id`, decimal strings). */
import type { Decimal128, Document } from 'mongodb';
import { fromDecimal128 } from '../decimal-money.js';

/** A stored document as a record: `_id` becomes `id`, everything else unchanged. */
export function recordOf<T extends { id: string }>(doc: Document): T {
  const { _id, ...rest } = doc;
  return { id: _id as string, ...rest } as unknown as T;
}

/** A stored amount (Decimal128) as a decimal string; null stays null. */
export function decimalOf(stored: unknown): string | null {
  return stored == null ? null : fromDecimal128(stored as Decimal128 | number | string);
}
