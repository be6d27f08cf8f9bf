/** Errors of the holiday calendar; each carries a stable `code` for the client. */

/** A date falls in a year the calendar has no data file for: the gateway refuses to guess its holidays. */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING';
  constructor(readonly year: number) {
    super(
      `The holiday calendar has no data for ${year}: working days of that year cannot be counted. ` +
        `Add datasources/calendar/holidays/${year}.json from the State Council's notice (国务院办公厅关于${year}年部分节假日安排的通知).`,
    );
    this.name = 'CalendarYearMissingError';
  }
}

/** A holiday data file contradicts itself (a date outside its year, a make-up working day on a weekday…). */
export class InvalidHolidayDataError extends Error {
  readonly code = 'INVALID_HOLIDAY_DATA';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidHolidayDataError';
  }
}
