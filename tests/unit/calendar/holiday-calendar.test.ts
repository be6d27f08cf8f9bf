import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError, InvalidHolidayDataError } from '../../../datasources/calendar/calendar-errors.js';
import { HolidayCalendar } from '../../../datasources/calendar/holiday-calendar.js';
import { chinaDate, isLocalDate, startOfChinaDay } from '../../../datasources/calendar/local-date.js';
import { officialCalendar } from '../../../datasources/calendar/official-calendar.js';

const calendar = officialCalendar();

describe('the official holiday calendar', () => {
  it('holds 2015, 2016 and 2024–2026', () => {
    expect(calendar.years()).toEqual([2015, 2016, 2024, 2025, 2026]);
  });

  it('knows the 2015 Spring Festival: seven days off and two weekend make-up working days', () => {
    for (const day of ['2015-02-18', '2015-02-19', '2015-02-20', '2015-02-23', '2015-02-24']) {
      expect(calendar.day(day)).toEqual({ date: day, working: false, holiday: '春节' });
    }
    // Sunday 15 and Saturday 28 February were working days (调休).
    expect(calendar.day('2015-02-15')).toEqual({ date: '2015-02-15', working: true, holiday: '春节' });
    expect(calendar.isWorkingDay('2015-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2015-02-14')).toBe(false);
    expect(calendar.isWorkingDay('2015-02-17')).toBe(true);
    expect(calendar.isWorkingDay('2015-02-25')).toBe(true);
  });

  it('knows the 2015 victory day holiday (3–5 September, Sunday 6th worked)', () => {
    expect(calendar.isWorkingDay('2015-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2015-09-04')).toBe(false);
    expect(calendar.isWorkingDay('2015-09-06')).toBe(true);
  });

  it('knows the 2024 Spring Festival (10–17 February; 4 and 18 February worked; 除夕 9 February a working day)', () => {
    expect(calendar.isWorkingDay('2024-02-04')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true);
    expect(calendar.isWorkingDay('2024-02-12')).toBe(false);
    expect(calendar.isWorkingDay('2024-02-18')).toBe(true);
  });

  it('knows 2025 and 2026 (9-day Spring Festival 2026, 14 and 28 February worked)', () => {
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('counts working days after a date, the date itself excluded, across a Spring Festival', () => {
    // Tuesday 10 February 2015: 20 working days later is Friday 13 March, not 10 March as weekdays alone would give.
    expect(calendar.addWorkingDays('2015-02-10', 20)).toBe('2015-03-13');
    expect(calendar.workingDaysBetween('2015-02-10', '2015-03-13')).toBe(20);
    expect(calendar.workingDaysBetween('2015-02-17', '2015-02-25')).toBe(1);
    expect(calendar.addWorkingDays('2015-02-10', 0)).toBe('2015-02-10');
  });

  it('refuses a year it has no data for instead of guessing', () => {
    expect(() => calendar.isWorkingDay('2023-06-01')).toThrow(CalendarYearMissingError);
    try {
      calendar.addWorkingDays('2026-12-10', 20);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarYearMissingError);
      expect((error as CalendarYearMissingError).year).toBe(2027);
      expect((error as CalendarYearMissingError).code).toBe('CALENDAR_YEAR_MISSING');
    }
  });

  it('refuses data files that contradict themselves', () => {
    const base = { year: 2030, sources: [], holidays: [], makeUpWorkdays: [] };
    expect(() => new HolidayCalendar([{ ...base, makeUpWorkdays: [{ name: 'x', date: '2030-01-02' }] }])).toThrow(InvalidHolidayDataError);
    expect(() => new HolidayCalendar([{ ...base, holidays: [{ name: 'x', from: '2031-01-01', to: '2031-01-02' }] }])).toThrow(InvalidHolidayDataError);
    expect(() => new HolidayCalendar([{ ...base, holidays: [{ name: 'x', from: '2030-01-03', to: '2030-01-01' }] }])).toThrow(InvalidHolidayDataError);
    expect(() => new HolidayCalendar([base, base])).toThrow(InvalidHolidayDataError);
  });
});

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isLocalDate('2015-02-28')).toBe(true);
    expect(isLocalDate('2015-02-29')).toBe(false);
    expect(isLocalDate('2016-02-29')).toBe(true);
    expect(isLocalDate('2015-2-1')).toBe(false);
  });

  it('takes the date in China (UTC+8), whatever the server’s zone', () => {
    expect(chinaDate(new Date('2015-03-01T15:59:59Z'))).toBe('2015-03-01');
    expect(chinaDate(new Date('2015-03-01T16:00:00Z'))).toBe('2015-03-02');
    expect(startOfChinaDay('2015-03-02').toISOString()).toBe('2015-03-01T16:00:00.000Z');
  });
});
