/**
 * Working days (工作日) under the official holiday calendar: Monday to
 * Friday, except public holidays (法定节假日, with the days the State
 * Council's notice joins to them), plus the weekend days it declares
 * make-up working days (调休上班). Each year comes from a data file; a date
 * in a year without one is an error, never a guess.
 */
import { CalendarYearMissingError, InvalidHolidayDataError } from './calendar-errors.js';
import { addDays, isLocalDate, weekday, yearOf, type LocalDate } from './local-date.js';

/** One year's data file, as the State Council's notice gives it. */
export interface HolidayYearData {
  year: number;
  /** The notices the file was written from. */
  sources: string[];
  /** Days off, each range inclusive (weekend days inside a range may be listed too). */
  holidays: Array<{ name: string; from: string; to: string }>;
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: Array<{ name: string; date: string }>;
}

/** What the calendar says about one day. */
export interface CalendarDay {
  date: LocalDate;
  working: boolean;
  /** The holiday the day belongs to (for days off) or the holiday it makes up for (for 调休 working days); null for ordinary days. */
  holiday: string | null;
}

/** Working-day arithmetic over the years it was given; every method throws CalendarYearMissingError outside them. */
export class HolidayCalendar {
  private readonly holidays = new Map<LocalDate, string>();
  private readonly makeUps = new Map<LocalDate, string>();
  private readonly known = new Set<number>();

  /** Builds the calendar from data files; throws InvalidHolidayDataError on a file that contradicts itself or a year given twice. */
  constructor(years: readonly HolidayYearData[]) {
    for (const data of years) {
      if (this.known.has(data.year)) throw new InvalidHolidayDataError(`The year ${data.year} is given twice`);
      this.known.add(data.year);
      const inYear = (date: string, what: string) => {
        if (!isLocalDate(date) || yearOf(date) !== data.year) {
          throw new InvalidHolidayDataError(`${data.year}: ${what} ${JSON.stringify(date)} is not a date of ${data.year}`);
        }
      };
      for (const { name, from, to } of data.holidays) {
        inYear(from, `${name} start`);
        inYear(to, `${name} end`);
        if (to < from) throw new InvalidHolidayDataError(`${data.year}: ${name} ends (${to}) before it starts (${from})`);
        for (let day = from; day <= to; day = addDays(day, 1)) this.holidays.set(day, name);
      }
      for (const { name, date } of data.makeUpWorkdays) {
        inYear(date, `${name} make-up working day`);
        const dow = weekday(date);
        if (dow !== 0 && dow !== 6) throw new InvalidHolidayDataError(`${data.year}: make-up working day ${date} (${name}) is not a weekend day`);
        if (this.holidays.has(date)) throw new InvalidHolidayDataError(`${data.year}: ${date} is both a holiday and a make-up working day`);
        this.makeUps.set(date, name);
      }
    }
  }

  /** The years the calendar holds, ascending. */
  years(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  /** Whether `date` is a working day; throws CalendarYearMissingError when its year has no data. */
  isWorkingDay(date: LocalDate): boolean {
    return this.day(date).working;
  }

  /** What the calendar says about `date`. */
  day(date: LocalDate): CalendarDay {
    const year = yearOf(date);
    if (!this.known.has(year)) throw new CalendarYearMissingError(year);
    const holiday = this.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, holiday };
    const makeUp = this.makeUps.get(date);
    if (makeUp !== undefined) return { date, working: true, holiday: makeUp };
    const dow = weekday(date);
    return { date, working: dow !== 0 && dow !== 6, holiday: null };
  }

  /**
   * The `count`-th working day after `date` (`date` itself never counts),
   * passing over working days for which `skip` answers true. `count` 0
   * answers `date`.
   */
  addWorkingDays(date: LocalDate, count: number, skip: (day: LocalDate) => boolean = () => false): LocalDate {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
    let day = date;
    for (let counted = 0; counted < count; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day) && !skip(day)) counted += 1;
    }
    return day;
  }

  /** How many working days `d` satisfy `from < d ≤ to` and not `skip(d)`; 0 when `to ≤ from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate, skip: (day: LocalDate) => boolean = () => false): number {
    let counted = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day) && !skip(day)) counted += 1;
    }
    return counted;
  }
}
