/**
 * Escalation of agenda items (议题上移): the deadline rules per receiving level (rules are data)
 * and the notices one escalated item is owed, computed from its record. Pure: the activities
 * plan with it; the workflow only waits for the instants it returns.
 *
 * Every matter lands somewhere, every item gets an answer (事事有着落，件件有回音): the upper
 * level must put the item on a meeting within `scheduleWithinDays` working days and answer
 * within `answerWithinDays`, both counted from the escalation (the answer from a dispute, too).
 */
import { overdueFrom, type WorkingCalendar } from './calendar';
import { eventNoticeInstant, type EventNoticeTiming, noticeInstant } from './cadence';
import { type LocalDate, shanghaiDateOf } from './period';
import type { UnitLevel } from './org';

export interface EscalationRule {
  /** The receiving (upper) level. */
  level: UnitLevel;
  scheduleWithinDays: number;
  answerWithinDays: number;
  /** Working days before each deadline, e.g. [3, 1]. */
  reminderLadder: number[];
  /** Working days after the upper convener's overdue notice at which the supervisors are told. */
  supervisorAfterDays: number;
  /** When set: an unanswered item climbs to the next level this many working days after the overdue notice. */
  autoEscalateAfterDays: number | null;
  /** Working days after an answer at which the raising convener is reminded to confirm or dispute it. */
  confirmWithinDays: number;
  /**
   * Event notices (received, disputed, extended, answered) that arise on a day off: `wait` for the
   * next working day's notice hour plus the item's offset (default), or go `at-once`.
   */
  eventNotices: EventNoticeTiming;
}

/** A level's default rule: its two deadlines, in working days from the escalation; the rest is shared. */
const rule = (
  level: UnitLevel,
  deadlines: Pick<EscalationRule, 'scheduleWithinDays' | 'answerWithinDays'>,
): EscalationRule => ({
  level,
  ...deadlines,
  reminderLadder: [3, 1],
  supervisorAfterDays: 2,
  autoEscalateAfterDays: null,
  confirmWithinDays: 5,
  eventNotices: 'wait',
});

/**
 * Defaults: the higher the level, the longer it has (its joint meeting sits less often). A
 * building's items go to its compound, a compound's to the community, and so on up to the city.
 */
export const DEFAULT_ESCALATION_RULES: Record<UnitLevel, EscalationRule> = {
  city: rule('city', { scheduleWithinDays: 20, answerWithinDays: 30 }),
  street: rule('street', { scheduleWithinDays: 15, answerWithinDays: 20 }),
  community: rule('community', { scheduleWithinDays: 10, answerWithinDays: 15 }),
  compound: rule('compound', { scheduleWithinDays: 5, answerWithinDays: 10 }),
  building: rule('building', { scheduleWithinDays: 5, answerWithinDays: 10 }),
};

export function escalationRuleFor(
  level: UnitLevel,
  stored?: {
    scheduleWithinDays: number;
    answerWithinDays: number;
    reminderLadder: unknown;
    supervisorAfterDays: number;
    autoEscalateAfterDays: number | null;
    confirmWithinDays: number;
    eventNotices?: string;
  } | null,
): EscalationRule {
  if (!stored) return DEFAULT_ESCALATION_RULES[level];
  const ladder = Array.isArray(stored.reminderLadder)
    ? stored.reminderLadder.filter((n): n is number => Number.isInteger(n) && n > 0)
    : DEFAULT_ESCALATION_RULES[level].reminderLadder;
  return {
    level,
    scheduleWithinDays: stored.scheduleWithinDays,
    answerWithinDays: stored.answerWithinDays,
    reminderLadder: ladder,
    supervisorAfterDays: stored.supervisorAfterDays,
    autoEscalateAfterDays: stored.autoEscalateAfterDays,
    confirmWithinDays: stored.confirmWithinDays,
    eventNotices: stored.eventNotices === 'at-once' ? 'at-once' : 'wait',
  };
}

/** Deadlines of a hop (or of a round after a dispute) that starts at `start`. */
export function escalationDeadlines(
  start: Date | number,
  rule: Pick<EscalationRule, 'scheduleWithinDays' | 'answerWithinDays'>,
  calendar: WorkingCalendar,
): { scheduleBy: LocalDate; answerBy: LocalDate } {
  const day = shanghaiDateOf(start);
  return {
    scheduleBy: calendar.addWorkingDays(day, rule.scheduleWithinDays),
    answerBy: calendar.addWorkingDays(day, rule.answerWithinDays),
  };
}

/**
 * Who a step goes to: the upper unit's convener, the liaison office, the conveners of every unit
 * the item passed through on its way up (the answer comes back down), or the raising convener.
 */
export type EscalationAudience = 'upper-convener' | 'supervisors' | 'lower-conveners' | 'raising-convener';

export type EscalationStepName =
  | 'received'
  | `schedule-reminder-${number}`
  | 'call-meeting'
  | 'disputed'
  | 'extended'
  | `answer-reminder-${number}`
  | 'overdue'
  | 'overdue-supervisors'
  | 'auto-escalate'
  | 'answered'
  | 'confirm-reminder';

export interface EscalationStep {
  step: EscalationStepName;
  /** Groups steps for the ledger key: a new deadline (extension, dispute) is a new series. */
  series: string;
  /** Epoch ms */
  at: number;
  audience: EscalationAudience;
  /** auto-escalate is an action (the item climbs), not a notice. */
  action: 'notice' | 'climb';
}

/** What the planner needs of an item's current (top) hop. */
export interface HopSnapshot {
  hop: number;
  /** pending | taken_up | answered | escalated_further */
  state: string;
  escalatedAt: number;
  scheduleBy: LocalDate;
  answerBy: LocalDate;
  round: number;
  roundStartedAt: number;
  /** The latest extension of this round, if the answer deadline was moved. */
  extendedAt: number | null;
  /** The answer of this round, if any. */
  answeredAt: number | null;
  /** Whether the answer of this round was confirmed or disputed already. */
  responded: boolean;
  /** Whether the receiving unit has a unit above it (an item can climb further). */
  canClimb: boolean;
}

/** The ledger series of a hop's answer deadline: a moved deadline starts a new one. */
export function answerSeries(h: Pick<HopSnapshot, 'hop' | 'round' | 'answerBy'>): string {
  return `hop${h.hop}-r${h.round}-${h.answerBy}`;
}

/**
 * Every step the current hop owes, in time order, whether sent or not (the activity drops the
 * ones in the ledger), at the notice hour plus the item's offset (`noticeInstant`, keyed by
 * `subjectKey`: the item's ID). Event steps (received, disputed, extended, answered) go at the
 * event's instant on a working day; one that arises on a day off waits for the next working day's
 * notice hour unless the rule says `eventNotices: 'at-once'`. Deadline steps stop once their condition is met: schedule steps once the
 * item is on a meeting, answer steps once answered; the confirm reminder once responded.
 */
export function escalationSteps(
  h: HopSnapshot,
  rule: EscalationRule,
  calendar: WorkingCalendar,
  subjectKey?: string,
): EscalationStep[] {
  if (h.state === 'escalated_further') return [];
  const at = (date: LocalDate) => noticeInstant(date, subjectKey);
  const event = (instant: number) => eventNoticeInstant(instant, calendar, subjectKey, rule.eventNotices);
  const steps: EscalationStep[] = [];
  const notice = (step: EscalationStepName, series: string, when: number, audience: EscalationAudience) =>
    steps.push({ step, series, at: when, audience, action: 'notice' });
  const hopSeries = `hop${h.hop}`;
  const roundSeries = `hop${h.hop}-r${h.round}`;
  const ladder = [...new Set(rule.reminderLadder)].filter((n) => n > 0).sort((x, y) => y - x);

  notice('received', hopSeries, event(h.escalatedAt), 'upper-convener');
  if (h.round > 0) notice('disputed', roundSeries, event(h.roundStartedAt), 'upper-convener');

  if (h.state === 'pending') {
    for (const n of ladder) {
      const when = at(calendar.addWorkingDays(h.scheduleBy, -n));
      if (when > h.escalatedAt) notice(`schedule-reminder-${n}`, hopSeries, when, 'upper-convener');
    }
    notice('call-meeting', hopSeries, at(overdueFrom(calendar, h.scheduleBy)), 'upper-convener');
  }

  if (h.state === 'answered') {
    if (h.answeredAt !== null) {
      notice('answered', roundSeries, event(h.answeredAt), 'lower-conveners');
      if (!h.responded) {
        const when = at(calendar.addWorkingDays(shanghaiDateOf(h.answeredAt), rule.confirmWithinDays));
        notice('confirm-reminder', roundSeries, when, 'raising-convener');
      }
    }
  } else {
    const series = answerSeries(h);
    if (h.extendedAt !== null) notice('extended', series, event(h.extendedAt), 'upper-convener');
    const startedAt = Math.max(h.roundStartedAt, h.extendedAt ?? 0);
    for (const n of ladder) {
      const when = at(calendar.addWorkingDays(h.answerBy, -n));
      if (when > startedAt) notice(`answer-reminder-${n}`, series, when, 'upper-convener');
    }
    const overdueDay = overdueFrom(calendar, h.answerBy);
    notice('overdue', series, at(overdueDay), 'upper-convener');
    notice(
      'overdue-supervisors',
      series,
      at(calendar.addWorkingDays(overdueDay, rule.supervisorAfterDays)),
      'supervisors',
    );
    if (rule.autoEscalateAfterDays !== null && h.canClimb) {
      steps.push({
        step: 'auto-escalate',
        series,
        at: at(calendar.addWorkingDays(overdueDay, Math.max(1, rule.autoEscalateAfterDays))),
        audience: 'upper-convener',
        action: 'climb',
      });
    }
  }
  return steps.sort((a, b) => a.at - b.at);
}

const REMINDER = /^(schedule|answer)-reminder-/;

/**
 * The next step to carry out: the earliest not yet done. A reminder already overtaken by a later
 * step of its kind that is also due (the worker was down, say) is passed over, as in the cadence.
 */
export function nextEscalationStep(
  steps: readonly EscalationStep[],
  done: (s: EscalationStep) => boolean,
  now: number,
): EscalationStep | null {
  const open = steps.filter((s) => !done(s));
  for (const s of open) {
    const kind = REMINDER.exec(s.step)?.[1];
    const overtaken =
      kind !== undefined &&
      s.at <= now &&
      steps.some((o) => o !== s && o.at > s.at && o.at <= now && REMINDER.exec(o.step)?.[1] === kind);
    if (!overtaken) return s;
  }
  return null;
}
