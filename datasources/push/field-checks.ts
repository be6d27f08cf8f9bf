/**
 * Checks of pushed fields that collect every problem of a record with its
 * path instead of stopping at the first, so a department sees all that is
 * wrong with a record in one reply. Values arrive as GraphQL gave them
 * (strings for dates, categories and amounts), so nothing here trusts a type.
 */
import { Decimal128 } from 'mongodb';
import type { RecordIssue } from './record-kind.js';

const DECIMAL = /^-?\d+(\.\d+)?$/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Whether `day` is `YYYY-MM-DD` and names a day that exists (2015-02-30 does not). */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

interface Presence {
  /** When true, a missing (undefined or null) value is not an issue and yields null. */
  optional?: boolean;
}

/** Reads the fields of one object (a record, or an element of a list in it), recording issues under its path prefix. */
export class FieldChecker {
  constructor(
    private readonly fields: Readonly<Record<string, unknown>>,
    readonly issues: RecordIssue[] = [],
    private readonly prefix = '',
  ) {}

  /** Records an issue at `name` (relative to this object). */
  fail(name: string, reason: string): null {
    this.issues.push({ path: this.path(name), reason });
    return null;
  }

  /** A non-blank string of at most `maxLength` characters, trimmed. */
  string(name: string, options: Presence & { maxLength?: number; pattern?: RegExp; patternText?: string } = {}): string | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'string') return this.fail(name, 'must be a string');
    const trimmed = value.trim();
    if (trimmed.length === 0) return options.optional ? null : this.fail(name, 'must not be blank');
    const maxLength = options.maxLength ?? 500;
    if ([...trimmed].length > maxLength) return this.fail(name, `must be at most ${maxLength} characters`);
    if (options.pattern && !options.pattern.test(trimmed)) return this.fail(name, `must be ${options.patternText ?? `of the form ${options.pattern.source}`}`);
    return trimmed;
  }

  /** An amount in 元: a decimal string, not negative, at most 2 decimal places (分) and 15 integer digits; stored as Decimal128. */
  amount(name: string, options: Presence = {}): Decimal128 | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'string' || !DECIMAL.test(value)) return this.fail(name, 'must be a decimal amount in 元, like "12345.60"');
    if (value.startsWith('-') && !/^-0+(\.0+)?$/u.test(value)) return this.fail(name, `must not be negative (got ${value})`);
    const [whole, fraction = ''] = value.replace(/^-/u, '').split('.');
    if (fraction.length > 2) return this.fail(name, `has more than 2 decimal places (分): ${value}`);
    if (whole!.replace(/^0+(?=\d)/u, '').length > 15) return this.fail(name, `is too large: ${value}`);
    return Decimal128.fromString(value.replace(/^-/u, ''));
  }

  /** A day `YYYY-MM-DD` that exists in the calendar. */
  day(name: string, options: Presence = {}): string | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'string' || !DAY.test(value)) return this.fail(name, 'must be a date written YYYY-MM-DD');
    if (!isCalendarDay(value)) return this.fail(name, `is not a day of the calendar: ${value}`);
    return value;
  }

  /** An integer within [min, max]. */
  integer(name: string, options: Presence & { min?: number; max?: number } = {}): number | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return this.fail(name, 'must be an integer');
    const min = options.min ?? 0;
    if (value < min) return this.fail(name, `must be at least ${min} (got ${value})`);
    if (options.max !== undefined && value > options.max) return this.fail(name, `must be at most ${options.max} (got ${value})`);
    return value;
  }

  /** One of `values` (the codes the API documents). */
  oneOf<T extends string>(name: string, values: readonly T[], options: Presence = {}): T | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      return this.fail(name, `must be one of ${values.join(', ')} (got ${JSON.stringify(value)})`);
    }
    return value as T;
  }

  /** A list of objects, each read by its own checker (paths `name[i].field`); null when missing or not a list. */
  list(name: string, options: Presence & { min?: number; max?: number } = {}): FieldChecker[] | null {
    const value = this.present(name, options);
    if (value === undefined) return options.optional ? [] : null;
    if (!Array.isArray(value)) return this.fail(name, 'must be a list');
    const min = options.min ?? 0;
    if (value.length < min) return this.fail(name, `must hold at least ${min} item${min === 1 ? '' : 's'}`);
    if (options.max !== undefined && value.length > options.max) return this.fail(name, `must hold at most ${options.max} items`);
    const checkers: FieldChecker[] = [];
    value.forEach((element, i) => {
      if (typeof element !== 'object' || element === null || Array.isArray(element)) this.fail(`${name}[${i}]`, 'must be an object');
      else checkers.push(new FieldChecker(element as Record<string, unknown>, this.issues, `${this.path(name)}[${i}].`));
    });
    return checkers;
  }

  /** A list of strings, each checked as `string` would. */
  strings(name: string, options: Presence & { min?: number; max?: number; maxLength?: number } = {}): string[] | null {
    const value = this.present(name, options);
    if (value === undefined) return options.optional ? [] : null;
    if (!Array.isArray(value)) return this.fail(name, 'must be a list');
    if (options.min !== undefined && value.length < options.min) return this.fail(name, `must hold at least ${options.min} item(s)`);
    if (options.max !== undefined && value.length > options.max) return this.fail(name, `must hold at most ${options.max} items`);
    const holder = new FieldChecker(Object.fromEntries(value.map((v, i) => [`${name}[${i}]`, v])), this.issues, this.prefix);
    const out = value.map((_, i) => holder.string(`${name}[${i}]`, { maxLength: options.maxLength }));
    return out.every((s) => s !== null) ? (out as string[]) : null;
  }

  /** A nested object read by its own checker (paths `name.field`); null when missing. */
  object(name: string, options: Presence = {}): FieldChecker | null {
    const value = this.present(name, options);
    if (value === undefined) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(name, 'must be an object');
    return new FieldChecker(value as Record<string, unknown>, this.issues, `${this.path(name)}.`);
  }

  /** The full path of `name`. */
  path(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The raw value, or undefined after recording "is required" (or silently, when optional) for a missing one. */
  private present(name: string, options: Presence): unknown {
    const value = this.fields[name];
    if (value === undefined || value === null) {
      if (!options.optional) this.fail(name, 'is required');
      return undefined;
    }
    return value;
  }
}
