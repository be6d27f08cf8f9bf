/**
 * Calendar dates (日期) as the office counts them: `YYYY-MM-DD` strings in
 * China Standard Time (UTC+8, no daylight saving). Arithmetic goes through
 * UTC midnights so that no local time zone of the server can shift a day.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A date that is not a real `YYYY-MM-DD` day (e.g. 2015-02-30). */
export class InvalidDateError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly value: string) {
    super(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  return new Date(time).toISOString().slice(0, 10) === value;
}

/** Returns `value` when it is a real calendar day; throws InvalidDateError otherwise. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new InvalidDateError(value);
  return value;
}

function toUtcMs(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The year of a date. */
export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** The calendar date in China at instant `at`. */
export function chinaDate(at: Date): LocalDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in China (00:00 UTC+8). */
export function startOfChinaDay(date: LocalDate): Date {
  return new Date(toUtcMs(date) - CHINA_OFFSET_MS);
}
