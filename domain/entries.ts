/**
 * The three entries (三进) and the links (三联) as rules and pure calculations: pairings of city
 * leaders and departments with communities, leader visits, department attendance at community
 * joint meetings, the year-end evaluation of paired departments, and co-building totals.
 */
import type { WorkingCalendar } from './calendar';
import { type EventNoticeTiming, noticeInstant } from './cadence';
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

/** A run of consecutive missed meetings: indexes into the meetings by date, `end` inclusive. */
export interface AbsenceRun {
  start: number;
  end: number;
  length: number;
}

/** Every run of consecutive absences over meetings in date order (whatever order they were recorded in). */
export function absenceRuns(attended: readonly boolean[]): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  for (let i = 0; i < attended.length; i++) {
    if (attended[i]) continue;
    const start = i;
    while (i + 1 < attended.length && !attended[i + 1]) i++;
    runs.push({ start, end: i, length: i - start + 1 });
  }
  return runs;
}

/**
 * What the check triggered by one meeting may tell: the run of absences containing that meeting
 * (a meeting recorded late may complete or extend a run that later meetings were recorded after)
 * and its highest milestone reached (N, 2N, … of the threshold), or null when the meeting was
 * attended, or its run has not reached N. Each milestone of a run is told once: the caller checks
 * the ledger under any meeting of the run (a meeting inserted later at its start changes its first).
 */
export function absenceMilestone(
  meetings: readonly { id: string; attended: boolean }[],
  meetingId: string,
  threshold: number,
): { run: AbsenceRun; milestone: number; meetingIds: string[] } | null {
  const at = meetings.findIndex((m) => m.id === meetingId);
  if (at < 0 || threshold < 1) return null;
  const run = absenceRuns(meetings.map((m) => m.attended)).find((r) => r.start <= at && at <= r.end);
  if (!run || run.length < threshold) return null;
  const milestone = Math.floor(run.length / threshold) * threshold;
  return { run, milestone, meetingIds: meetings.slice(run.start, run.end + 1).map((m) => m.id) };
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
 * the next working day if it is not one), closes at the end of its closing day (Asia/Shanghai:
 * ballots stop there), and reminds every N working days in between while below quorum. Its
 * notices go at the notice hour plus the subject's offset (`subjectKey`: the community's ID); the
 * closing notices at the notice hour of the first working day after the closing day.
 */
export function evaluationSchedule(year: number, rule: EntriesRule, calendar: WorkingCalendar, subjectKey?: string) {
  const opensOn: LocalDate = calendar.onOrAfter(`${year}-${rule.evaluationOpensOn}`);
  const closesOn: LocalDate = `${year}-${rule.evaluationClosesOn}`;
  const opensAt = noticeInstant(opensOn, subjectKey);
  const closesAt = shanghaiInstant(closesOn, 24).getTime();
  const closingNoticeAt = noticeInstant(calendar.firstWorkingDayAfter(closesOn), subjectKey);
  const reminders: number[] = [];
  const every = Math.max(1, rule.evaluationReminderEveryDays);
  for (let d = calendar.addWorkingDays(opensOn, every); d <= closesOn; d = calendar.addWorkingDays(d, every)) {
    reminders.push(noticeInstant(d, subjectKey));
  }
  return { opensOn, closesOn, opensAt, closesAt, closingNoticeAt, reminders };
}

/** Money in the record is kept in fen (分): yuan with at most two decimals in the API. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;
