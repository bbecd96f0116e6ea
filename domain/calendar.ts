/**
 * China's official working-day calendar (国务院办公厅 holiday notices): statutory holidays that
 * fall on weekdays are days off, and 调休 make-up days that fall on weekends are working days.
 *
 * Pure and synchronous; reads no clock and no time zone (dates are 'YYYY-MM-DD' Shanghai days,
 * weekdays come from Date.UTC). Meant for Node code (activities, API); it imports a JSON data file,
 * so keep it out of Temporal workflow code.
 *
 * Data: `chinese-days` (MIT, no dependencies, CommonJS), file `dist/chinese-days.json` — the
 * package's documented JSON export: `holidays` and `workdays` maps keyed by 'YYYY-MM-DD'.
 * A date in `workdays` is a working day, a date in `holidays` is a day off, any other date is a
 * working day iff it is Monday–Friday. Version 1.5.7 covers 2004–2026.
 *
 * Years without data (before 2004, or after the last notice shipped in the package) fall back to
 * Monday–Friday: `calendarCoverage(year)` tells which, and every function below takes an optional
 * `{ onFallback(year) }` that is called (once per year per call) whenever the answer depended on a
 * fallback year, so the caller can log a warning. A year counts as covered once it has holidays in
 * the data; a later notice can still add a make-up workday in its last days (e.g. 2018-12-29).
 *
 * Updating: the State Council publishes next year's notice around November. Then
 *   npm view chinese-days version time
 *   npm install --save-exact chinese-days@<new version>
 *   npm test -- test/calendar.test.ts
 * and check the new year's `holidays`/`workdays` in node_modules/chinese-days/dist/years/<year>.json
 * against the notice. Nothing else needs to change.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, isLocalDate, type LocalDate, type Period } from './period';

export type CalendarCoverage = 'official' | 'weekday-fallback';

export interface CalendarOptions {
  /** Called once per call for each year whose answer came from the Monday–Friday fallback. */
  onFallback?: (year: number) => void;
}

interface DayTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function loadTables(data: DayTables): { holidays: Set<string>; workdays: Set<string>; years: Set<number> } {
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  for (const date of [...holidays, ...workdays]) {
    if (!isLocalDate(date)) throw new Error(`chinese-days data: not a YYYY-MM-DD date: ${date}`);
    if (holidays.has(date) && workdays.has(date)) throw new Error(`chinese-days data: ${date} is both kinds`);
  }
  const years = new Set([...holidays].map((date) => Number(date.slice(0, 4))));
  if (years.size === 0) throw new Error('chinese-days data: no holidays found');
  return { holidays, workdays, years };
}

const tables = loadTables(chineseDays);

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

/** 0 = Sunday … 6 = Saturday, independent of the machine's time zone. */
function weekdayOf(date: LocalDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

type Report = (year: number) => void;

function reporter(options: CalendarOptions | undefined): Report {
  const onFallback = options?.onFallback;
  if (!onFallback) return () => undefined;
  const seen = new Set<number>();
  return (year) => {
    if (seen.has(year)) return;
    seen.add(year);
    onFallback(year);
  };
}

function workingDay(date: LocalDate, report: Report): boolean {
  if (tables.workdays.has(date)) return true;
  if (tables.holidays.has(date)) return false;
  const year = Number(date.slice(0, 4));
  if (!tables.years.has(year)) report(year);
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}

/** Whether the year's working days come from official data or from the Monday–Friday fallback. */
export function calendarCoverage(year: number): CalendarCoverage {
  return tables.years.has(year) ? 'official' : 'weekday-fallback';
}

/** Whether a date is a working day (including weekend make-up days; excluding statutory holidays). */
export function isWorkingDay(date: LocalDate, options?: CalendarOptions): boolean {
  assertDate(date);
  return workingDay(date, reporter(options));
}

/**
 * The date `n` working days after (n > 0) or before (n < 0) `date`; `date` itself is never counted,
 * whether or not it is a working day. So `addWorkingDays(due, -3)` is the third working day before
 * `due`, and `addWorkingDays(d, 1)` the first working day after `d`.
 * n = 0 returns `date` if it is a working day and throws a RangeError otherwise.
 * `n` must be an integer.
 */
export function addWorkingDays(date: LocalDate, n: number, options?: CalendarOptions): LocalDate {
  assertDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer number of working days: ${n}`);
  const report = reporter(options);
  if (n === 0) {
    if (workingDay(date, report)) return date;
    throw new RangeError(`addWorkingDays(${date}, 0): ${date} is not a working day`);
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (workingDay(day, report)) left -= 1;
  }
  return day;
}

/** The first working day strictly after `date` (e.g. the day after a period ends). */
export function firstWorkingDayAfter(date: LocalDate, options?: CalendarOptions): LocalDate {
  return addWorkingDays(date, 1, options);
}

/**
 * The last working day within a period (its due date): `lastDay`, moved back over holidays and
 * weekends. Throws a RangeError if the period holds no working day.
 */
export function lastWorkingDayOf(period: Pick<Period, 'firstDay' | 'lastDay'>, options?: CalendarOptions): LocalDate {
  const { firstDay, lastDay } = period;
  assertDate(firstDay);
  assertDate(lastDay);
  if (firstDay > lastDay) throw new RangeError(`Period ends before it starts: ${firstDay} … ${lastDay}`);
  const report = reporter(options);
  for (let day = lastDay; day >= firstDay; day = addDays(day, -1)) {
    if (workingDay(day, report)) return day;
  }
  throw new RangeError(`No working day in ${firstDay} … ${lastDay}`);
}

/**
 * Signed count of working-day steps from `from` to `to`, consistent with addWorkingDays:
 * from <= to counts working days d with from < d <= to; from > to gives minus the count of
 * working days d with to <= d < from. When `to` is a working day,
 * `addWorkingDays(from, workingDaysBetween(from, to)) === to`.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, options?: CalendarOptions): number {
  assertDate(from);
  assertDate(to);
  const report = reporter(options);
  let count = 0;
  if (from <= to) {
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (workingDay(day, report)) count += 1;
    return count;
  }
  for (let day = to; day < from; day = addDays(day, 1)) if (workingDay(day, report)) count += 1;
  return -count;
}
