/**
 * The official calendar of the gateway, from the data files in `holidays/`
 * (one per year, written from the State Council's notice). Adding a year is
 * adding its file and one line below.
 */
import { HolidayCalendar, type HolidayYearData } from './holiday-calendar.js';
import y2015 from './holidays/2015.json' with { type: 'json' };
import y2016 from './holidays/2016.json' with { type: 'json' };
import y2024 from './holidays/2024.json' with { type: 'json' };
import y2025 from './holidays/2025.json' with { type: 'json' };
import y2026 from './holidays/2026.json' with { type: 'json' };

const YEARS: HolidayYearData[] = [y2015, y2016, y2024, y2025, y2026];

let official: HolidayCalendar | undefined;

/** The calendar of every year with a data file, built once. */
export function officialCalendar(): HolidayCalendar {
  official ??= new HolidayCalendar(YEARS);
  return official;
}
