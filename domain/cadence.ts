/**
 * Meeting cadence rules (rules are data) and the schedule of notices they imply.
 * Pure: used by the API, the activities and, through the workflow bundle, the workflows.
 */
import { addDays, type Period, type PeriodUnit, shanghaiInstant } from './period';

export const UNIT_LEVELS = ['city', 'street', 'community', 'compound', 'building'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface CadenceRule {
  level: UnitLevel;
  period: PeriodUnit;
  /** Meetings required per period. */
  minMeetings: number;
  /** Days before the period's last day on which the convener is reminded. */
  reminderOffsetDays: number;
}

/**
 * Defaults from the mechanism: street and community joint meetings at least once a
 * quarter, compound meetings at least once a month; the city's cadence is configurable,
 * quarterly by default. Buildings have no required cadence by default (yearly, as a floor).
 */
export const DEFAULT_CADENCE_RULES: Record<UnitLevel, CadenceRule> = {
  city: { level: 'city', period: 'quarter', minMeetings: 1, reminderOffsetDays: 10 },
  street: { level: 'street', period: 'quarter', minMeetings: 1, reminderOffsetDays: 10 },
  community: { level: 'community', period: 'quarter', minMeetings: 1, reminderOffsetDays: 10 },
  compound: { level: 'compound', period: 'month', minMeetings: 1, reminderOffsetDays: 5 },
  building: { level: 'building', period: 'year', minMeetings: 1, reminderOffsetDays: 10 },
};

/** Hour of day (Asia/Shanghai) at which notices go out. */
export const NOTICE_HOUR = 9;

export type CadenceStep = 'reminder' | 'overdue';

export interface NoticeSchedule {
  /** The due date: the last day of the period. */
  dueDate: string;
  reminderAt: Date;
  overdueAt: Date;
}

/**
 * When the notices of one period fall due: the reminder at 09:00 on
 * (last day − offset), the overdue notice at 09:00 on the first day after the period.
 */
export function noticeSchedule(period: Period, rule: Pick<CadenceRule, 'reminderOffsetDays'>): NoticeSchedule {
  return {
    dueDate: period.lastDay,
    reminderAt: shanghaiInstant(addDays(period.lastDay, -rule.reminderOffsetDays), NOTICE_HOUR),
    overdueAt: shanghaiInstant(addDays(period.lastDay, 1), NOTICE_HOUR),
  };
}

/** Business key of the meeting obligation of one unit: also its workflow ID. */
export function meetingCadenceWorkflowId(unitId: string): string {
  return `meeting-cadence:${unitId}`;
}

/** Ledger key of one notice: one notice per (obligation, period, step), ever. */
export function notificationKey(obligation: string, periodKey: string, step: CadenceStep): string {
  return `${obligation}/${periodKey}/${step}`;
}

/** The rule in force for a level: the stored one if any, else the default. */
export function ruleFor(
  level: UnitLevel,
  stored?: { period: string; minMeetings: number; reminderOffsetDays: number } | null,
): CadenceRule {
  if (!stored) return DEFAULT_CADENCE_RULES[level];
  return {
    level,
    period: stored.period as PeriodUnit,
    minMeetings: stored.minMeetings,
    reminderOffsetDays: stored.reminderOffsetDays,
  };
}
