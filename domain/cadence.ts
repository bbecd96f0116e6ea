/**
 * Meeting cadence rules (rules are data) and the schedule of notices they imply.
 * Pure: used by the API, the activities and, through the workflow bundle, the workflows.
 */
import { overdueFrom, type WorkingCalendar } from './calendar';
import type { UnitLevel } from './org';
import { type LocalDate, type Period, type PeriodUnit, shanghaiDateOf, shanghaiInstant } from './period';

export interface CadenceRule {
  level: UnitLevel;
  period: PeriodUnit;
  /** Meetings required per period. */
  minMeetings: number;
  /** Reminder ladder: working days before the due date, e.g. [10, 3, 1]. */
  reminderLadder: number[];
  /** Working days after the convener's overdue notice at which the supervisors are told. */
  supervisorAfterDays: number;
  /** Whether ad-hoc meetings count towards the minimum. */
  countAdhoc: boolean;
}

const ladder = [10, 3, 1];

/**
 * Defaults from the mechanism: street and community joint meetings at least once a
 * quarter, compound meetings at least once a month; the city's cadence is configurable,
 * quarterly by default. Buildings have no required cadence by default (yearly, as a floor).
 */
export const DEFAULT_CADENCE_RULES: Record<UnitLevel, CadenceRule> = {
  city: {
    level: 'city',
    period: 'quarter',
    minMeetings: 1,
    reminderLadder: ladder,
    supervisorAfterDays: 3,
    countAdhoc: true,
  },
  street: {
    level: 'street',
    period: 'quarter',
    minMeetings: 1,
    reminderLadder: ladder,
    supervisorAfterDays: 3,
    countAdhoc: true,
  },
  community: {
    level: 'community',
    period: 'quarter',
    minMeetings: 1,
    reminderLadder: ladder,
    supervisorAfterDays: 3,
    countAdhoc: true,
  },
  compound: {
    level: 'compound',
    period: 'month',
    minMeetings: 1,
    reminderLadder: ladder,
    supervisorAfterDays: 3,
    countAdhoc: true,
  },
  building: {
    level: 'building',
    period: 'year',
    minMeetings: 1,
    reminderLadder: ladder,
    supervisorAfterDays: 3,
    countAdhoc: true,
  },
};

/** Hour of day (Asia/Shanghai) at which notices go out. */
export const NOTICE_HOUR = 9;

/**
 * The notices of one hour are spread over its first ten minutes: every subject (a unit's meeting
 * obligation, a leader's visits, an escalated item, a campaign) has a fixed place in that window,
 * so a ladder step owed by hundreds of units reaches the workers and the mail relay as a stream
 * rather than all at 09:00:00 (measured in docs/PERFORMANCE.md: 1,000 reminders due at one
 * instant take 10.8 s to drain on the dev server, spread over 30 s each leaves within 0.7 s).
 */
export const NOTICE_SPREAD_SECONDS = 600;

/** A subject's fixed offset after the notice hour, in whole seconds (FNV-1a of its key). */
export function noticeOffsetMs(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % NOTICE_SPREAD_SECONDS) * 1000;
}

/**
 * When a notice of this date falls due: the notice hour (Asia/Shanghai) plus the subject's offset,
 * or the notice hour itself when no subject is given (dates shown to people).
 */
export function noticeInstant(date: LocalDate, subjectKey?: string): number {
  return shanghaiInstant(date, NOTICE_HOUR).getTime() + (subjectKey === undefined ? 0 : noticeOffsetMs(subjectKey));
}

/**
 * When a notice may go: a scheduled notice, or one that arises on a day off (rules are data).
 * `wait`: an event notice that arises on a day off waits for the notice hour (plus the subject's
 * offset) of the next working day; `at-once`: it goes when it arises.
 */
export type EventNoticeTiming = 'wait' | 'at-once';
export const EVENT_NOTICE_TIMINGS = ['wait', 'at-once'] as const;

/**
 * The instant an event notice (an absence found, an escalation received, disputed, extended or
 * answered) goes out: when it arises if that is a working day (Asia/Shanghai) or the rule says
 * `at-once`; otherwise the next working day's notice hour with the subject's offset.
 */
export function eventNoticeInstant(
  arisesAt: number,
  calendar: WorkingCalendar,
  subjectKey?: string,
  timing: EventNoticeTiming = 'wait',
): number {
  const day = shanghaiDateOf(arisesAt);
  if (timing === 'at-once' || calendar.isWorkingDay(day)) return arisesAt;
  return noticeInstant(calendar.firstWorkingDayAfter(day), subjectKey);
}

/** `reminder-10` (10 working days before due), …, `overdue` (convener), `overdue-supervisors`. */
export type CadenceStep = `reminder-${number}` | 'overdue' | 'overdue-supervisors';
export type Audience = 'convener' | 'supervisors';

export interface ScheduledStep {
  step: CadenceStep;
  /** Epoch ms */
  at: number;
  audience: Audience;
}

export interface CadenceSchedule {
  /** The due date: the period's last working day. */
  dueDate: LocalDate;
  /** When the period is closed as met or overdue (the convener's overdue notice time). */
  closeAt: number;
  /** In time order. */
  steps: ScheduledStep[];
}

/**
 * When the notices of one period fall due, at the notice hour (Asia/Shanghai, plus the subject's
 * offset: `noticeInstant`) on working days: the reminder ladder before the due date, the
 * convener's overdue notice on the first working day after it, the supervisors' notice N working
 * days later. The period closes with the overdue notice.
 */
export function cadenceSchedule(
  period: Period,
  rule: CadenceRule,
  calendar: WorkingCalendar,
  subjectKey?: string,
): CadenceSchedule {
  const dueDate = calendar.lastWorkingDayOf(period);
  const overdueDay = overdueFrom(calendar, dueDate);
  const at = (date: LocalDate) => noticeInstant(date, subjectKey);
  const reminders = [...new Set(rule.reminderLadder)]
    .filter((n) => n > 0)
    .sort((x, y) => y - x)
    .map((n): ScheduledStep => ({
      step: `reminder-${n}`,
      at: at(calendar.addWorkingDays(dueDate, -n)),
      audience: 'convener',
    }));
  const steps: ScheduledStep[] = [
    ...reminders,
    { step: 'overdue', at: at(overdueDay), audience: 'convener' },
    {
      step: 'overdue-supervisors',
      at: at(calendar.addWorkingDays(overdueDay, rule.supervisorAfterDays)),
      audience: 'supervisors',
    },
  ];
  return { dueDate, closeAt: at(overdueDay), steps };
}

/** When the minutes of a planned meeting are due: the notice hour on the 2nd working day after it. */
export function minutesDueAt(plannedFor: Date | number, calendar: WorkingCalendar): number {
  const day = calendar.addWorkingDays(calendar.firstWorkingDayAfter(shanghaiDateOf(plannedFor)), 1);
  return shanghaiInstant(day, NOTICE_HOUR).getTime();
}

/** Ledger key of one notice: one per (obligation, period, step, recipient), ever. */
export function notificationKey(obligation: string, periodKey: string, step: string, recipient: string): string {
  return `${obligation}/${periodKey}/${step}/${recipient}`;
}

/** The rule in force for a level: the stored one if any, else the default. */
export function ruleFor(
  level: UnitLevel,
  stored?: {
    period: string;
    minMeetings: number;
    reminderLadder: unknown;
    supervisorAfterDays: number;
    countAdhoc: boolean;
  } | null,
): CadenceRule {
  if (!stored) return DEFAULT_CADENCE_RULES[level];
  return {
    level,
    period: stored.period as PeriodUnit,
    minMeetings: stored.minMeetings,
    reminderLadder: Array.isArray(stored.reminderLadder) ? stored.reminderLadder.map(Number) : ladder,
    supervisorAfterDays: stored.supervisorAfterDays,
    countAdhoc: stored.countAdhoc,
  };
}
