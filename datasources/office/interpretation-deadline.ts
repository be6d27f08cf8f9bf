/**
 * When a normative document must have been interpreted: within 3 working
 * days of its publication (the official holiday calendar, with its make-up
 * working days; the publication day itself does not count). A year the
 * calendar has no data for gives no answer rather than a guess.
 */
import { CalendarYearMissingError } from '../calendar/calendar-errors.js';
import { chinaDate, addDays, startOfChinaDay, type LocalDate } from '../calendar/local-date.js';
import { officialCalendar } from '../calendar/official-calendar.js';

/** Working days after publication within which a normative document is interpreted (政策解读与文件同步). */
export const INTERPRETATION_WORKING_DAYS = 3;

/** The last day (China time) on which an interpretation counts as in time, or null when the calendar does not cover the days needed. */
export function interpretationDueOn(publishedAt: Date): LocalDate | null {
  try {
    return officialCalendar().addWorkingDays(chinaDate(publishedAt), INTERPRETATION_WORKING_DAYS);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

/**
 * Whether a normative document lacks an interpretation in time: true once
 * its due day is over (at `now`) with no interpretation published by the
 * end of that day; false while it is still due or once it was interpreted
 * in time; null when the calendar cannot say when it was due.
 */
export function missingInterpretation(publishedAt: Date, interpretationsPublishedAt: readonly Date[], now: Date): boolean | null {
  const dueOn = interpretationDueOn(publishedAt);
  if (dueOn === null) return null;
  const deadline = startOfChinaDay(addDays(dueOn, 1));
  if (interpretationsPublishedAt.some((at) => at < deadline)) return false;
  return now >= deadline;
}
