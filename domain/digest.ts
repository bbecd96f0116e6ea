/**
 * The weekly digest (每周督办摘要): the rule (rules are data: weekday, hour, on/off), when it goes
 * out — the rule's weekday (Monday by default) if it is a working day, else the first working day
 * after it in that week; no mail in a week without a working day from then on (its text: domain/notices/digest.ts).
 * Pure: the activities read the calendar and the lists and call these.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, type LocalDate, shanghaiDateOf, shanghaiInstant } from './period';

/** The ledger's obligation and step of a digest (periodKey: the ISO week, e.g. 2026-W50). */
export const DIGEST_OBLIGATION = 'weekly-digest';
export const DIGEST_STEP = 'digest';

export interface DigestRule {
  enabled: boolean;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Hour of the day, Asia/Shanghai. */
  hour: number;
}

export const DEFAULT_DIGEST_RULE: DigestRule = { enabled: true, weekday: 1, hour: 9 };

/** Monday of the ISO week holding `date`, and the week's key (2026-W50). */
export function isoWeekOf(date: LocalDate): { monday: LocalDate; key: string } {
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const monday = addDays(date, -dow);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  return { monday, key: `${year}-W${String(Math.floor(days / 7) + 1).padStart(2, '0')}` };
}

/** The digest's day in the week starting on `monday`: the rule's weekday or the first working day after it that week. */
export function digestDayOfWeek(calendar: WorkingCalendar, monday: LocalDate, rule: DigestRule): LocalDate | null {
  for (let i = rule.weekday - 1; i < 7; i++) {
    const day = addDays(monday, i);
    if (calendar.isWorkingDay(day)) return day;
  }
  return null;
}

export interface DigestPlan {
  /** The ISO week of the digest. */
  week: string;
  /** When to send it (epoch ms). */
  at: number;
}

/**
 * The next digest: the first after `after` (the previous digest's instant; on the first run, the
 * first from `now` on). One whose instant has already come (the worker was down) is owed now; of
 * several such, only the latest (an overtaken digest is passed over).
 */
export function nextDigest(calendar: WorkingCalendar, rule: DigestRule, now: number, after?: number): DigestPlan {
  const threshold = after ?? now - 1;
  let { monday } = isoWeekOf(shanghaiDateOf(threshold));
  let owed: DigestPlan | undefined;
  for (let weeks = 0; weeks < 600; weeks++, monday = addDays(monday, 7)) {
    const day = digestDayOfWeek(calendar, monday, rule);
    if (!day) continue;
    const plan = { week: isoWeekOf(day).key, at: shanghaiInstant(day, rule.hour).getTime() };
    if (plan.at <= threshold) continue;
    if (plan.at <= now) {
      owed = plan;
      continue;
    }
    return owed ?? plan;
  }
  throw new RangeError('No working day found for the weekly digest');
}
