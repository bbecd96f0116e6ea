/**
 * The working-day calendar as activities read it: fresh from the record for each plan (an entered
 * year applies to every step planned after it), with a warning in the worker's log, once per year
 * per process, for each year it had to assume Monday to Friday.
 */
import { log } from '@temporalio/activity';
import type { PrismaClient } from '@prisma/client';
import { noticeInstant } from '../domain/cadence';
import type { WorkingCalendar } from '../domain/calendar';
import { shanghaiDateOf } from '../domain/period';
import { loadWorkingCalendar } from '../records/calendar';
import { type SendOnce, supervisorRecipients } from './ledger';

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

/** The liaison office's reminder to enter a year's holiday notice (workflow `working-calendar`). */
export const CALENDAR_REMINDER_OBLIGATION = 'working-calendar';
/** Remind every this many working days while the year is missing. */
export const CALENDAR_REMINDER_EVERY_DAYS = 5;
/** From this day of the year before (MM-DD) on, next year's notice is expected. */
export const CALENDAR_NOTICE_EXPECTED_FROM = '11-01';

export interface CalendarReminderPlan {
  /** The year whose notice is missing, or null: nothing to remind of before `at`. */
  year: number | null;
  /** `reminder-<day>`: one per reminder day (the ledger's step). */
  step: string | null;
  /** When to send it, or (year null) when to look again. */
  at: number;
}

export interface CalendarActivityDeps {
  prisma: Pick<PrismaClient, 'calendarYear' | 'supervisor'>;
  sendOnce: SendOnce;
  /** The dashboard's calendar page. */
  calendarUrl: string;
}

export function createCalendarActivities({ prisma, sendOnce, calendarUrl }: CalendarActivityDeps) {
  return {
    /**
     * The next reminder to enter a holiday notice: while this year is missing, or from November 1
     * while next year is, on the first working day from then and every 5 working days after, at
     * the notice hour plus the calendar's own offset. `after`: the previous reminder's instant (a
     * reminder overtaken by a later one, the worker being down, is passed over).
     */
    async planCalendarReminder({ now, after }: { now: number; after?: number }): Promise<CalendarReminderPlan> {
      const calendar = await loadWorkingCalendar(prisma);
      const today = shanghaiDateOf(now);
      const thisYear = Number(today.slice(0, 4));
      const expectedFrom = `${thisYear}-${CALENDAR_NOTICE_EXPECTED_FROM}`;
      const year =
        calendar.coverage(thisYear) === 'weekday-fallback'
          ? thisYear
          : today >= expectedFrom && calendar.coverage(thisYear + 1) === 'weekday-fallback'
            ? thisYear + 1
            : null;
      const at = (day: string) => noticeInstant(day, CALENDAR_REMINDER_OBLIGATION);
      if (year === null) {
        const next = today >= expectedFrom ? `${thisYear + 1}-${CALENDAR_NOTICE_EXPECTED_FROM}` : expectedFrom;
        return { year: null, step: null, at: at(calendar.onOrAfter(next)) };
      }
      let day = calendar.onOrAfter(`${year - 1}-${CALENDAR_NOTICE_EXPECTED_FROM}`);
      const due = (d: string) => at(d) > (after ?? Number.NEGATIVE_INFINITY);
      while (!due(day)) day = calendar.addWorkingDays(day, CALENDAR_REMINDER_EVERY_DAYS);
      // Overtaken: a later reminder day has come too.
      for (let later = calendar.addWorkingDays(day, CALENDAR_REMINDER_EVERY_DAYS); at(later) <= now;) {
        day = later;
        later = calendar.addWorkingDays(day, CALENDAR_REMINDER_EVERY_DAYS);
      }
      // A reminder day already gone (the service was down, or started since) is made good at the
      // notice hour of the next working day, never on a day off.
      return { year, step: `reminder-${day}`, at: Math.max(at(day), at(calendar.onOrAfter(today))) };
    },

    /** Send one reminder to the liaison office's members, unless the year was entered meanwhile. */
    async sendCalendarReminder(req: {
      year: number;
      step: string;
      scheduledFor: number;
    }): Promise<'sent' | 'entered' | 'no-recipients'> {
      const calendar = await loadWorkingCalendar(prisma);
      if (calendar.coverage(req.year) === 'official') return 'entered';
      const recipients = await supervisorRecipients(prisma);
      if (recipients.length === 0) {
        log.warn('No supervisors registered: the reminder to enter the holiday notice was not sent', req);
        return 'no-recipients';
      }
      for (const recipient of recipients) {
        await sendOnce({
          unitId: CALENDAR_REMINDER_OBLIGATION,
          obligation: CALENDAR_REMINDER_OBLIGATION,
          periodKey: String(req.year),
          step: req.step,
          audience: 'supervisor',
          recipient,
          scheduledFor: req.scheduledFor,
          notice: { kind: 'calendar', recipientName: recipient.name, year: req.year, url: calendarUrl },
        });
      }
      return 'sent';
    },
  };
}
