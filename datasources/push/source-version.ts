/**
 * Versions of pushed records, as the source systems number them: either a
 * non-negative integer (a revision counter) or an ISO-8601 timestamp with a
 * time zone (a last-modified time). Both are compared through one ordering
 * key: integers as 16 zero-padded digits, timestamps as the UTC instant with
 * nine fractional digits, so string order is version order. A record's
 * history must keep to one of the two: comparing a counter with a clock
 * means nothing, so a mix is refused.
 */

export type VersionType = 'number' | 'timestamp';

/** A version as stored: what the source sent (normalised), its type and its ordering key. */
export interface SourceVersion {
  value: number | string;
  type: VersionType;
  key: string;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/u;
const DIGITS = /^\d{1,16}$/u;

/** The version `raw` (a number or a string), or the reason it is not one. */
export function parseVersion(raw: unknown): SourceVersion | { error: string } {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return { error: `a numeric version must be a non-negative integer up to ${Number.MAX_SAFE_INTEGER} (got ${raw})` };
    return { value: raw, type: 'number', key: String(raw).padStart(16, '0') };
  }
  if (typeof raw !== 'string') return { error: 'is required: a non-negative integer or an ISO-8601 timestamp with a time zone' };
  const text = raw.trim();
  if (DIGITS.test(text)) return parseVersion(Number(text));
  const match = TIMESTAMP.exec(text);
  if (!match) return { error: `must be a non-negative integer or an ISO-8601 timestamp with a time zone, like 2015-03-01T10:00:00+08:00 (got ${JSON.stringify(raw)})` };
  const [, day, hours, minutes, seconds = '00', fraction = '', zone] = match;
  const whole = Date.parse(`${day}T${hours}:${minutes}:${seconds}${zone}`);
  const [year, month, date] = day!.split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, date));
  if (Number.isNaN(whole) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return { error: `is not a real instant: ${text}` };
  }
  const utc = new Date(whole).toISOString().slice(0, 19);
  return { value: text, type: 'timestamp', key: `${utc}.${fraction.padEnd(9, '0')}Z` };
}

/** Words for a version type, in messages. */
export function describeVersionType(type: VersionType): string {
  return type === 'number' ? 'integer' : 'timestamp';
}
