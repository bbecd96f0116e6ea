/**
 * The year-end evaluation (考核评分) of a community's paired departments by at least a quorum of
 * Party members and residents: the scores' summary and the evaluation's calendar. Pure.
 */
import type { WorkingCalendar } from './calendar';
import { noticeInstant } from './cadence';
import type { EntriesRule } from './entries';
import { type LocalDate, shanghaiInstant } from './period';

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
