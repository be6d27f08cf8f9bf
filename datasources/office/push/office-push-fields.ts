/** Field checks the office kinds share beyond the push pipeline's own: booleans, plain decimals, timestamps, record references and the catalog year. */
import { Decimal128 } from 'mongodb';
import { DISCLOSURE_KINDS, type DisclosureKind } from '../../catalog/catalog-entry.js';
import { FieldChecker } from '../../push/field-checks.js';
import { referenceId } from '../../push/kinds/common-fields.js';
import type { RecordRef } from '../broadcast-records.js';

const PLAIN_DECIMAL = /^\d{1,12}(\.\d{1,6})?$/u;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/u;

/** A boolean from the raw fields (the pipeline's checker reads strings and numbers only). */
export function flag(check: FieldChecker, fields: Readonly<Record<string, unknown>>, name: string, options: { optional?: boolean } = {}): boolean | null {
  const value = fields[name];
  if (value === undefined || value === null) return options.optional ? null : check.fail(name, 'is required');
  if (typeof value !== 'boolean') return check.fail(name, 'must be true or false');
  return value;
}

/** The raw objects of a list field, aligned with `check.list` when every element is an object. */
export function rawElements(fields: Readonly<Record<string, unknown>>, name: string): Array<Readonly<Record<string, unknown>>> {
  const value = fields[name];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

/** A non-negative decimal that is not money (an area in 亩), at most 6 decimals; stored as Decimal128. */
export function plainDecimal(check: FieldChecker, fields: Readonly<Record<string, unknown>>, name: string): Decimal128 | null {
  const value = fields[name];
  if (value === undefined || value === null) return check.fail(name, 'is required');
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value)) return check.fail(name, 'must be a decimal number written like "48.5" (at most 6 decimals)');
  return Decimal128.fromString(value);
}

/** An ISO-8601 instant with its offset, e.g. 2015-03-30T15:00:00+08:00. */
export function instant(check: FieldChecker, fields: Readonly<Record<string, unknown>>, name: string): Date | null {
  const value = fields[name];
  if (value === undefined || value === null) return check.fail(name, 'is required');
  if (typeof value !== 'string' || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) return check.fail(name, 'must be an ISO-8601 time with its offset, e.g. 2015-03-30T15:00:00+08:00');
  return new Date(value);
}

/** Record ids of one list field (`replacedByIds`, `policyIds`). */
export function recordIds(check: FieldChecker, fields: Readonly<Record<string, unknown>>, name: string, options: { min?: number } = {}): string[] | null {
  const value = fields[name];
  if (value === undefined || value === null) return (options.min ?? 0) > 0 ? check.fail(name, 'is required') : [];
  if (!Array.isArray(value)) return check.fail(name, 'must be a list');
  if (value.length < (options.min ?? 0)) return check.fail(name, `must hold at least ${options.min} id(s)`);
  // A checker over the list's elements that records its issues with `check`'s, under the same paths.
  const elements = new FieldChecker(Object.fromEntries(value.map((v, i) => [`${name}[${i}]`, v])), check.issues, check.path(''));
  const ids = value.map((_, i) => referenceId(elements, `${name}[${i}]`));
  return ids.every((id) => id !== null) ? [...new Set(ids as string[])] : null;
}

/** References to disclosed records: `[{ kind, id }]`, the kind one of the catalog's. */
export function recordRefs(check: FieldChecker, name: string): RecordRef[] | null {
  const elements = check.list(name, { optional: true, max: 200 });
  if (elements === null) return null;
  const refs = elements.map((element) => {
    const kind = element.oneOf('kind', DISCLOSURE_KINDS);
    const id = referenceId(element, 'id');
    return kind && id ? { kind: kind as DisclosureKind, id } : null;
  });
  return refs.every((r) => r !== null) ? (refs as RecordRef[]) : null;
}

/** The year (China time) of an instant, for index numbers. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}
