/**
 * The rule of the three entries (三进): one row of settings (rules are data) for the pairings
 * (domain/pairings.ts), leader visits (domain/visits.ts), department attendance at community joint
 * meetings (domain/attendance.ts) and the year-end evaluation (domain/evaluation.ts).
 */
import type { EventNoticeTiming } from './cadence';
import type { PeriodUnit } from './period';

/** Rules are data: one row of settings for the entries (defaults from the mechanism). */
export interface EntriesRule {
  /** Paired departments per community: 3 to 5. */
  minDepartmentsPerCommunity: number;
  maxDepartmentsPerCommunity: number;
  /** Leader visits: at least `minVisits` per period. */
  visitPeriod: PeriodUnit;
  minVisits: number;
  /** Reminders to the leader, working days before the period's last working day. */
  visitReminderLadder: number[];
  /** Working days after the leader's overdue notice at which the supervisors are told. */
  visitSupervisorAfterDays: number;
  /** A paired department absent from this many consecutive community meetings is noticed. */
  absenceThreshold: number;
  /** Year-end evaluation: raters needed per community. */
  evaluationQuorum: number;
  /** Opening and closing day of the evaluation each year, MM-DD (Asia/Shanghai). */
  evaluationOpensOn: string;
  evaluationClosesOn: string;
  /** While below quorum: a reminder to the convener every N working days. */
  evaluationReminderEveryDays: number;
  /**
   * An absence notice found on a day off (a meeting recorded on a Saturday): `wait` for the next
   * working day's notice hour (default) or go `at-once`.
   */
  attendanceNotices: EventNoticeTiming;
}

export const DEFAULT_ENTRIES_RULE: EntriesRule = {
  minDepartmentsPerCommunity: 3,
  maxDepartmentsPerCommunity: 5,
  visitPeriod: 'quarter',
  minVisits: 1,
  visitReminderLadder: [10, 3],
  visitSupervisorAfterDays: 3,
  absenceThreshold: 3,
  evaluationQuorum: 50,
  evaluationOpensOn: '12-01',
  evaluationClosesOn: '12-25',
  evaluationReminderEveryDays: 5,
  attendanceNotices: 'wait',
};
