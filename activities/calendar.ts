/**
 * The working-day calendar as activities read it: fresh from the record for each plan (an entered
 * year applies to every step planned after it), with a warning in the worker's log, once per year
 * per process, for each year it had to assume Monday to Friday.
 */
import { log } from '@temporalio/activity';
import type { PrismaClient } from '@prisma/client';
import type { WorkingCalendar } from '../domain/calendar';
import { loadWorkingCalendar } from '../records/calendar';

export type CalendarReader = (years: readonly number[]) => Promise<WorkingCalendar>;

export function createCalendarReader(prisma: Pick<PrismaClient, 'calendarYear'>): CalendarReader {
  const warned = new Set<number>();
  return async (years) => {
    const calendar = await loadWorkingCalendar(prisma);
    for (const year of calendar.missing(years)) {
      if (warned.has(year)) continue;
      warned.add(year);
      log.warn('No working-day data for this year: Monday to Friday assumed until the notice is entered', { year });
    }
    return calendar;
  };
}

/** The years a period (or a date) touches, and the next one (ladders and deadlines run on). */
export const yearsAround = (date: string): number[] => [Number(date.slice(0, 4)), Number(date.slice(0, 4)) + 1];
