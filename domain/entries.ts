/**
 * The three entries (三进) and the links (三联) as rules and pure calculations: pairings of city
 * leaders and departments with communities, leader visits, department attendance at community
 * joint meetings, the year-end evaluation of paired departments, and co-building totals.
 */
import type { WorkingCalendar } from './calendar';
import { NOTICE_HOUR } from './cadence';
import { type LocalDate, type PeriodUnit, shanghaiInstant } from './period';

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
};

/** What a leader's visit was for (several may apply). */
export const VISIT_PURPOSES = [
  'research_guidance',
  'joint_meeting',
  'pressed_departments',
  'coordinated_problem',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_NAMES: Record<VisitPurpose, { zh: string; en: string }> = {
  research_guidance: { zh: '调研指导', en: 'research and guidance' },
  joint_meeting: { zh: '参加联席会议', en: 'attended the joint meeting' },
  pressed_departments: { zh: '督促结对部门', en: 'pressed the paired departments' },
  coordinated_problem: { zh: '协调解决难题', en: 'coordinated a problem' },
};

export function leaderVisitWorkflowId(leaderId: string): string {
  return `leader-visit:${leaderId}`;
}

/** The leader whose visit obligation this business key names, or null (another obligation). */
export function leaderOfVisitObligation(obligation: string): string | null {
  const prefix = leaderVisitWorkflowId('');
  return obligation.startsWith(prefix) ? obligation.slice(prefix.length) : null;
}

export function evaluationWorkflowId(communityId: string, year: number): string {
  return `evaluation:${communityId}:${year}`;
}

export function attendanceCheckWorkflowId(meetingId: string): string {
  return `attendance-check:${meetingId}`;
}

/** A problem with a community's department pairings, or null. */
export function pairingCountProblem(count: number, rule: EntriesRule): string | null {
  if (count >= rule.minDepartmentsPerCommunity && count <= rule.maxDepartmentsPerCommunity) return null;
  return `每个社区结对 ${rule.minDepartmentsPerCommunity}–${rule.maxDepartmentsPerCommunity} 个部门，此处为 ${count} 个 / A community is paired with ${rule.minDepartmentsPerCommunity} to ${rule.maxDepartmentsPerCommunity} departments; this gives ${count}`;
}

/** Whether an attendee entry names this person or department: the whole entry, or its name in it. */
export function attendeeMatches(attendee: string, names: readonly string[]): boolean {
  const a = attendee.replace(/\s+/g, '');
  return names.some((n) => {
    const name = n.replace(/\s+/g, '');
    return name.length > 0 && (a === name || a.includes(name));
  });
}

/**
 * Consecutive absences of a department from a community's meetings, latest last: the length of
 * the run of absences at the end, counted only over meetings since the pairing began.
 */
export function absenceStreak(attended: readonly boolean[]): number {
  let n = 0;
  for (let i = attended.length - 1; i >= 0 && !attended[i]; i--) n++;
  return n;
}

/** Count, mean and median of scores; quorum met or not. */
export function scoreSummary(scores: readonly number[], quorum: number) {
  const sorted = [...scores].sort((a, b) => a - b);
  const count = sorted.length;
  const mean = count ? Math.round((sorted.reduce((s, x) => s + x, 0) / count) * 100) / 100 : null;
  const median = count
    ? count % 2
      ? sorted[(count - 1) / 2]!
      : Math.round(((sorted[count / 2 - 1]! + sorted[count / 2]!) / 2) * 100) / 100
    : null;
  return { count, mean, median, quorumMet: count >= quorum };
}

/**
 * The evaluation's calendar in one year: opens at the notice hour on its opening day (moved to
 * the next working day if it is not one), closes at the end of its closing day (Asia/Shanghai),
 * and reminds every N working days in between while below quorum.
 */
export function evaluationSchedule(year: number, rule: EntriesRule, calendar: WorkingCalendar) {
  const opensOn: LocalDate = calendar.onOrAfter(`${year}-${rule.evaluationOpensOn}`);
  const closesOn: LocalDate = `${year}-${rule.evaluationClosesOn}`;
  const opensAt = shanghaiInstant(opensOn, NOTICE_HOUR).getTime();
  const closesAt = shanghaiInstant(closesOn, 24).getTime();
  const reminders: number[] = [];
  const every = Math.max(1, rule.evaluationReminderEveryDays);
  for (let d = calendar.addWorkingDays(opensOn, every); d <= closesOn; d = calendar.addWorkingDays(d, every)) {
    reminders.push(shanghaiInstant(d, NOTICE_HOUR).getTime());
  }
  return { opensOn, closesOn, opensAt, closesAt, reminders };
}

/** Money in the record is kept in fen (分): yuan with at most two decimals in the API. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;
