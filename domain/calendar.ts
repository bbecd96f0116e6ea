/**
 * China's official working-day calendar (国务院办公厅 holiday notices): statutory holidays that
 * fall on weekdays are days off, and 调休 make-up days that fall on weekends are working days.
 *
 * Working-day years are data: one `CalendarYearData` per year, with its off days, its make-up
 * workdays and where they came from (the `chinese-days` package, a pasted notice, an admin's
 * lists). The service keeps them in the database (`records/calendar.ts`); an entered year
 * overrides the package's for that year. A `WorkingCalendar` is an immutable value built from
 * such years: everything here is pure and synchronous, reads no clock and no time zone (dates are
 * 'YYYY-MM-DD' Shanghai days, weekdays come from Date.UTC). Activities and the API load the
 * years and pass the calendar in; workflows never read it (plans are computed in activities).
 *
 * A year without data falls back to Monday–Friday: `coverage(year)` says so, and callers log it
 * and show it (the service must never assume a plain Monday–Friday year without saying so).
 *
 * Package data: `chinese-days` (MIT), file `dist/chinese-days.json` — `holidays` and `workdays`
 * maps keyed 'YYYY-MM-DD' with "English name,中文名,n" values. 1.5.7 covers 2004–2026.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, isLocalDate, type LocalDate, type Period } from './period';

/** Where a year's working days came from. */
export type CalendarSource = 'package' | 'notice' | 'admin';

/** One year of the State Council's notice: its off days and make-up workdays. */
export interface CalendarYearData {
  year: number;
  /** Days off by the notice (weekend days inside a holiday's range may be listed too), sorted. */
  offDays: LocalDate[];
  /** Weekend days that are working days (调休上班), sorted. */
  makeupWorkdays: LocalDate[];
  /** The holiday's name for each listed day (both kinds), e.g. { '2027-01-01': '元旦' }. */
  names: Record<LocalDate, string>;
  source: CalendarSource;
}

export type CalendarCoverage = 'official' | 'weekday-fallback';

/** Why a day is or is not a working day. */
export type DayReason = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayExplained {
  date: LocalDate;
  working: boolean;
  reason: DayReason;
  /** The holiday's name for holidays and make-up workdays. */
  holiday: string | null;
  /** Where the day's year came from; `missing` = Monday–Friday assumed. */
  source: CalendarSource | 'missing';
}

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

/** 0 = Sunday … 6 = Saturday, independent of the machine's time zone. */
export function weekdayOf(date: LocalDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const isWeekend = (date: LocalDate) => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/**
 * What is wrong with a year's lists, or null: dates that are not dates, duplicates, a day both off
 * and a make-up workday, a make-up day that is not a weekend day, a date far from the year (a
 * notice may name the last days of the year before, e.g. 2017-12-30 in 2018's notice).
 */
export function yearDataProblem(data: Pick<CalendarYearData, 'year' | 'offDays' | 'makeupWorkdays'>): {
  field: 'offDays' | 'makeupWorkdays';
  message: string;
} | null {
  const seen = new Set<string>();
  const from = `${data.year - 1}-12-01`;
  const to = `${data.year + 1}-01-31`;
  for (const field of ['offDays', 'makeupWorkdays'] as const) {
    for (const date of data[field]) {
      if (!isLocalDate(date)) return { field, message: `不是日期 / not a YYYY-MM-DD date: ${date}` };
      if (date < from || date > to)
        return { field, message: `${date} 不属于 ${data.year} 年 / ${date} is not in ${data.year}` };
      if (seen.has(date)) {
        const both = data.offDays.includes(date) && data.makeupWorkdays.includes(date);
        return {
          field,
          message: both
            ? `${date} 既是放假日又是调休上班日 / ${date} is both a day off and a make-up workday`
            : `${date} 重复 / ${date} is listed twice`,
        };
      }
      seen.add(date);
      if (field === 'makeupWorkdays' && !isWeekend(date))
        return { field, message: `${date} 不是周末，无需调休上班 / ${date} is not a weekend day` };
    }
  }
  return null;
}

/** An immutable working-day calendar over the given years (later years in the list win a clash). */
export class WorkingCalendar {
  private readonly off = new Map<LocalDate, string>();
  private readonly makeup = new Map<LocalDate, string>();
  private readonly byYear = new Map<number, CalendarYearData>();

  constructor(years: readonly CalendarYearData[]) {
    for (const y of years) this.byYear.set(y.year, y);
    for (const y of this.byYear.values()) {
      for (const d of y.offDays) this.off.set(d, y.names[d] ?? '');
      for (const d of y.makeupWorkdays) this.makeup.set(d, y.names[d] ?? '');
    }
  }

  /** This calendar with these years replacing (or adding to) its own. */
  with(years: readonly CalendarYearData[]): WorkingCalendar {
    if (years.length === 0) return this;
    const replaced = new Set(years.map((y) => y.year));
    return new WorkingCalendar([...[...this.byYear.values()].filter((y) => !replaced.has(y.year)), ...years]);
  }

  /** The years it holds, in order. */
  years(): CalendarYearData[] {
    return [...this.byYear.values()].sort((a, b) => a.year - b.year);
  }

  year(year: number): CalendarYearData | undefined {
    return this.byYear.get(year);
  }

  /** Whether the year's working days come from data or from the Monday–Friday fallback. */
  coverage(year: number): CalendarCoverage {
    return this.byYear.has(year) ? 'official' : 'weekday-fallback';
  }

  /** The years among these without data (Monday–Friday assumed). */
  missing(years: readonly number[]): number[] {
    return [...new Set(years)].filter((y) => !this.byYear.has(y)).sort((a, b) => a - b);
  }

  private working(date: LocalDate): boolean {
    if (this.makeup.has(date)) return true;
    if (this.off.has(date)) return false;
    return !isWeekend(date);
  }

  /** Whether a date is a working day (including weekend make-up days; excluding statutory holidays). */
  isWorkingDay(date: LocalDate): boolean {
    assertDate(date);
    return this.working(date);
  }

  /** A day as working or not, with why and where its year's data came from. */
  explain(date: LocalDate): DayExplained {
    assertDate(date);
    const source = this.byYear.get(Number(date.slice(0, 4)))?.source ?? 'missing';
    if (this.makeup.has(date))
      return { date, working: true, reason: 'makeup-workday', holiday: this.makeup.get(date) || null, source };
    if (this.off.has(date))
      return { date, working: false, reason: 'holiday', holiday: this.off.get(date) || null, source };
    const weekend = isWeekend(date);
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'workday', holiday: null, source };
  }

  /**
   * The date `n` working days after (n > 0) or before (n < 0) `date`; `date` itself is never
   * counted, whether or not it is a working day. So `addWorkingDays(due, -3)` is the third working
   * day before `due`, and `addWorkingDays(d, 1)` the first working day after `d`.
   * n = 0 returns `date` if it is a working day and throws a RangeError otherwise.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    assertDate(date);
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer number of working days: ${n}`);
    if (n === 0) {
      if (this.working(date)) return date;
      throw new RangeError(`addWorkingDays(${date}, 0): ${date} is not a working day`);
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let day = date;
    while (left > 0) {
      day = addDays(day, step);
      if (this.working(day)) left -= 1;
    }
    return day;
  }

  /** The first working day strictly after `date` (e.g. the day after a period ends). */
  firstWorkingDayAfter(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` if it is a working day, else the first working day after it. */
  onOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.firstWorkingDayAfter(date);
  }

  /**
   * The last working day within a period (its due date): `lastDay`, moved back over holidays and
   * weekends. Throws a RangeError if the period holds no working day.
   */
  lastWorkingDayOf(period: Pick<Period, 'firstDay' | 'lastDay'>): LocalDate {
    const { firstDay, lastDay } = period;
    assertDate(firstDay);
    assertDate(lastDay);
    if (firstDay > lastDay) throw new RangeError(`Period ends before it starts: ${firstDay} … ${lastDay}`);
    for (let day = lastDay; day >= firstDay; day = addDays(day, -1)) {
      if (this.working(day)) return day;
    }
    throw new RangeError(`No working day in ${firstDay} … ${lastDay}`);
  }

  /**
   * Signed count of working-day steps from `from` to `to`, consistent with addWorkingDays:
   * from <= to counts working days d with from < d <= to; from > to gives minus the count of
   * working days d with to <= d < from.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    assertDate(from);
    assertDate(to);
    let count = 0;
    if (from <= to) {
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.working(day)) count += 1;
      return count;
    }
    for (let day = to; day < from; day = addDays(day, 1)) if (this.working(day)) count += 1;
    return -count;
  }
}

/** The years `chinese-days` ships (2004–2026 in 1.5.7), as calendar data of source `package`. */
export function packageCalendarYears(): CalendarYearData[] {
  const years = new Map<number, CalendarYearData>();
  const add = (map: Record<string, string>, kind: 'offDays' | 'makeupWorkdays') => {
    for (const [date, value] of Object.entries(map)) {
      if (!isLocalDate(date)) throw new Error(`chinese-days data: not a YYYY-MM-DD date: ${date}`);
      const year = Number(date.slice(0, 4));
      let y = years.get(year);
      if (!y) years.set(year, (y = { year, offDays: [], makeupWorkdays: [], names: {}, source: 'package' }));
      y[kind].push(date);
      y.names[date] = value.split(',')[1] ?? value;
    }
  };
  add(chineseDays.holidays, 'offDays');
  add(chineseDays.workdays, 'makeupWorkdays');
  // A year counts as covered once it has holidays (a make-up day alone, e.g. 2018-12-29 listed
  // before 2019's notice was in the package, does not make a year).
  return [...years.values()]
    .filter((y) => y.offDays.length > 0)
    .map((y) => ({ ...y, offDays: y.offDays.sort(), makeupWorkdays: y.makeupWorkdays.sort() }))
    .sort((a, b) => a.year - b.year);
}

let packageCalendarValue: WorkingCalendar | undefined;

/** The calendar of the package's years alone (what an empty database falls back to). */
export function packageCalendar(): WorkingCalendar {
  return (packageCalendarValue ??= new WorkingCalendar(packageCalendarYears()));
}

/**
 * When something due on `dueDate` is overdue: from the first working day after it (the day the
 * overdue notice goes out). The one rule for every view, list, figure and notice.
 */
export function overdueFrom(calendar: WorkingCalendar, dueDate: LocalDate): LocalDate {
  return calendar.firstWorkingDayAfter(dueDate);
}

/** Whether something due on `dueDate` is overdue on `today` (see overdueFrom). */
export function isOverdueOn(calendar: WorkingCalendar, dueDate: LocalDate, today: LocalDate): boolean {
  return today >= overdueFrom(calendar, dueDate);
}

/**
 * The same rule as a cut-off for queries: on `today`, exactly the due dates strictly before the
 * returned date are overdue (today if it is a working day, else the last working day before it).
 */
export function overdueCutoff(calendar: WorkingCalendar, today: LocalDate): LocalDate {
  return calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, -1);
}
