/**
 * Calendar periods in Asia/Shanghai. Pure functions, safe inside workflows.
 *
 * Asia/Shanghai has been UTC+8 with no daylight saving since 1991, so local dates are
 * computed with a fixed +8 h offset. Nothing here reads the machine's time zone.
 */

export type PeriodUnit = 'month' | 'quarter' | 'half' | 'year';

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date written YYYY-MM-DD (a day in Asia/Shanghai). */
export type LocalDate = string;

export interface Period {
  unit: PeriodUnit;
  /** "2026", "2026-H2", "2026-Q4" or "2026-11" */
  key: string;
  /** First and last calendar day of the period (Asia/Shanghai). */
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** Instant the period starts (00:00 Shanghai of firstDay). */
  startsAt: Date;
  /** Instant the period ends (00:00 Shanghai of the day after lastDay), exclusive. */
  endsAt: Date;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Whether a string is a real calendar date YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parseLocalDate(date: LocalDate): { y: number; m: number; d: number } {
  const match = LOCAL_DATE.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDateOf(instant: Date | number): LocalDate {
  const t = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** "2026-12-03 14:30": an instant as Asia/Shanghai date and time, for people to read. */
export function shanghaiDateTimeOf(instant: Date | number): string {
  const local = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The instant at which a Shanghai calendar day starts, plus an optional hour of day. */
export function shanghaiInstant(date: LocalDate, hour = 0): Date {
  const { y, m, d } = parseLocalDate(date);
  return new Date(Date.UTC(y, m - 1, d, hour) - SHANGHAI_OFFSET_MS);
}

/** Add (or subtract) calendar days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const { y, m, d } = parseLocalDate(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function monthsPer(unit: PeriodUnit): number {
  return unit === 'month' ? 1 : unit === 'quarter' ? 3 : unit === 'half' ? 6 : 12;
}

function keyFor(unit: PeriodUnit, y: number, firstMonth: number): string {
  if (unit === 'year') return String(y);
  if (unit === 'quarter') return `${y}-Q${(firstMonth - 1) / 3 + 1}`;
  if (unit === 'half') return `${y}-H${firstMonth === 1 ? 1 : 2}`;
  return `${y}-${pad(firstMonth)}`;
}

function build(unit: PeriodUnit, y: number, firstMonth: number): Period {
  const span = monthsPer(unit);
  const start = Date.UTC(y, firstMonth - 1, 1);
  const next = Date.UTC(y, firstMonth - 1 + span, 1);
  const firstDay = `${y}-${pad(firstMonth)}-01`;
  const lastDay = shanghaiDateOf(next - DAY_MS - SHANGHAI_OFFSET_MS);
  return {
    unit,
    key: keyFor(unit, y, firstMonth),
    firstDay,
    lastDay,
    startsAt: new Date(start - SHANGHAI_OFFSET_MS),
    endsAt: new Date(next - SHANGHAI_OFFSET_MS),
  };
}

/** The period (of the given unit) that contains a Shanghai calendar date. */
export function periodOfDate(date: LocalDate, unit: PeriodUnit): Period {
  const { y, m } = parseLocalDate(date);
  const span = monthsPer(unit);
  const firstMonth = Math.floor((m - 1) / span) * span + 1;
  return build(unit, y, firstMonth);
}

/** The period (of the given unit) that contains an instant, in Asia/Shanghai. */
export function periodContaining(instant: Date | number, unit: PeriodUnit): Period {
  return periodOfDate(shanghaiDateOf(instant), unit);
}

/** The period that follows. */
export function nextPeriod(period: Period): Period {
  return periodOfDate(addDays(period.lastDay, 1), period.unit);
}

/** Parse a period key ("2026", "2026-H2", "2026-Q4", "2026-11") back into a period. */
export function periodFromKey(key: string): Period {
  let m = /^(\d{4})$/.exec(key);
  if (m) return build('year', Number(m[1]), 1);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return build('quarter', Number(m[1]), (Number(m[2]) - 1) * 3 + 1);
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return build('half', Number(m[1]), m[2] === '1' ? 1 : 7);
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return build('month', Number(m[1]), Number(m[2]));
  throw new RangeError(`Not a period key: ${key}`);
}
