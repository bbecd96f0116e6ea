/**
 * Working-day years in the record (one `CalendarYear` row per year). The package's years are
 * seeded as rows of source "package"; an entered year (a pasted notice, an admin's lists)
 * replaces the package's for that year. The calendar is read fresh for each plan, so an entry
 * applies to every step planned after it.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import {
  type CalendarSource,
  type CalendarYearData,
  packageCalendar,
  packageCalendarYears,
  type WorkingCalendar,
} from '../domain/calendar';

type Db = Pick<PrismaClient, 'calendarYear'>;

const asDates = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
const asNames = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};

function toData(row: {
  year: number;
  offDays: unknown;
  makeupWorkdays: unknown;
  names: unknown;
  source: string;
}): CalendarYearData {
  return {
    year: row.year,
    offDays: asDates(row.offDays),
    makeupWorkdays: asDates(row.makeupWorkdays),
    names: asNames(row.names),
    source: row.source as CalendarSource,
  };
}

/** The calendar in force: the package's years with every entered year over them. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const entered = await db.calendarYear.findMany({ where: { source: { not: 'package' } } });
  return packageCalendar().with(entered.map(toData));
}

/** Seed the package's years that have no row yet (at start; harmless when repeated). */
export async function seedPackageYears(db: Db, now: Date): Promise<number> {
  const { count } = await db.calendarYear.createMany({
    data: packageCalendarYears().map((y) => ({
      year: y.year,
      offDays: y.offDays,
      makeupWorkdays: y.makeupWorkdays,
      names: y.names,
      source: 'package',
      enteredAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}

export interface CalendarYearRow extends CalendarYearData {
  enteredBy: string | null;
  enteredAt: string | null;
}

/** Every year the calendar holds, with who entered it and when (package years without a row too). */
export async function calendarYearRows(db: Db): Promise<CalendarYearRow[]> {
  const rows = await db.calendarYear.findMany({ orderBy: { year: 'asc' } });
  const byYear = new Map<number, CalendarYearRow>();
  for (const y of packageCalendarYears()) byYear.set(y.year, { ...y, enteredBy: null, enteredAt: null });
  for (const r of rows) {
    if (r.source === 'package' && byYear.has(r.year)) {
      byYear.set(r.year, { ...byYear.get(r.year)!, enteredAt: r.enteredAt.toISOString() });
      continue;
    }
    byYear.set(r.year, { ...toData(r), enteredBy: r.enteredBy, enteredAt: r.enteredAt.toISOString() });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Store an entered year (replacing what was there), in the caller's transaction. */
export async function saveCalendarYear(
  tx: Pick<Prisma.TransactionClient, 'calendarYear'>,
  data: CalendarYearData & { noticeText?: string | null; enteredBy: string; enteredAt: Date },
): Promise<void> {
  const row = {
    offDays: data.offDays,
    makeupWorkdays: data.makeupWorkdays,
    names: data.names,
    source: data.source,
    noticeText: data.noticeText ?? null,
    enteredBy: data.enteredBy,
    enteredAt: data.enteredAt,
  };
  await tx.calendarYear.upsert({ where: { year: data.year }, create: { year: data.year, ...row }, update: row });
}
