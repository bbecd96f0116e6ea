/**
 * One period of a periodic obligation (a unit's joint meetings, a leader's visits): the part the
 * obligation workflows share. Given the period's plan, it waits for each notice's time, stops the
 * reminders once the minimum is met, closes the period (outcome recorded), sends what is still
 * due, and tells its caller how the period ended. Deterministic: only timers and the activities
 * passed in.
 */
import { condition, defineSignal } from '@temporalio/workflow';
import type { PeriodPlan, RecordedMeeting } from '../activities/types';
import type { CadenceStep } from '../domain/cadence';

/** What an obligation's workflow answers when asked (a unit's meetings, a leader's visits). */
export interface CadenceStatus {
  unitId: string;
  /** starting: the run has not loaded its plan yet; ended: the unit was removed. */
  state: 'starting' | 'watching' | 'ended';
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  minMeetings: number;
  outcome: 'met' | 'overdue' | null;
  nextNotice: { step: CadenceStep; at: string } | null;
}

type ActivePlan = Extract<PeriodPlan, { active: true }>;

/**
 * The working-day calendar changed (a year's holiday notice was entered): the obligation plans its
 * current period again. Steps already carried out are not repeated (and the ledger's keys hold no
 * dates, so nothing is sent twice).
 */
export const calendarChangedSignal = defineSignal<[{ year: number }]>('calendarChanged');

/** What counts towards an obligation (meetings, or visits as kind "regular"), and whether it ended. */
export class ObligationState {
  readonly recorded = new Map<string, RecordedMeeting>();
  removed = false;
  countAdhoc = true;
  /** A calendar change asks for the period to be planned again. */
  replan = false;
  /** Steps of this period already carried out (kept across a re-plan). */
  readonly done = new Set<string>();
  constructor(readonly status: CadenceStatus) {}

  held(): number {
    return [...this.recorded.values()].filter(
      (m) => m.periodKey === this.status.periodKey && (this.countAdhoc || m.kind === 'regular'),
    ).length;
  }

  met(): boolean {
    return this.status.state === 'watching' && this.held() >= this.status.minMeetings;
  }

  /** The status as its query answers it. */
  view(): CadenceStatus {
    return { ...this.status, meetingsHeld: this.held(), nextNotice: this.met() ? null : this.status.nextNotice };
  }

  /** Start watching the plan's period (again, after a re-plan). */
  watch(plan: ActivePlan): void {
    this.replan = false;
    Object.assign(this.status, {
      state: 'watching',
      periodKey: plan.periodKey,
      dueDate: plan.dueDate,
      minMeetings: plan.minMeetings,
    });
    this.countAdhoc = plan.countAdhoc;
    for (const m of plan.meetings) this.recorded.set(m.meetingId, m);
  }
}

export interface PeriodPorts {
  recordOutcome(outcome: {
    periodKey: string;
    dueDate: string;
    meetingsHeld: number;
    status: 'met' | 'overdue';
  }): Promise<void>;
  send(
    step: ActivePlan['steps'][number],
    scheduledFor: number,
  ): Promise<{
    outcome: string;
    meetings: RecordedMeeting[];
  }>;
}

/**
 * Run the period's steps; resolves 'removed' if the subject went away, 'replan' when a calendar
 * change asks for a new plan of the same period (before carrying out the next step), else 'done'.
 */
export async function runObligationPeriod(
  state: ObligationState,
  plan: ActivePlan,
  ports: PeriodPorts,
): Promise<'removed' | 'done' | 'replan'> {
  const { status } = state;
  /** Sleep until `at`; wake early if the obligation is met (when asked), the subject removed or the calendar changed. */
  async function waitUntil(at: number, wakeOnMet: boolean): Promise<void> {
    const wait = at - Date.now();
    if (wait > 0) await condition(() => state.removed || state.replan || (wakeOnMet && state.met()), wait);
  }

  for (const [i, step] of plan.steps.entries()) {
    if (state.done.has(step.step)) continue; // carried out under an earlier plan of this period
    const beforeClose = step.at < plan.closeAt;
    // A reminder already overtaken by a later one (registered mid-ladder) is not sent.
    const later = plan.steps[i + 1];
    if (beforeClose && later && later.at < plan.closeAt && later.at <= Date.now()) continue;
    status.nextNotice = { step: step.step, at: new Date(step.at).toISOString() };
    if (beforeClose) {
      // Reminders stop once the minimum is met.
      if (!state.met()) await waitUntil(step.at, true);
    } else {
      // The close waits for its time whatever happens; after it, a late record dated in the
      // period still cancels the supervisors' notice.
      await waitUntil(step.at, step.at > plan.closeAt);
    }
    if (state.replan && !state.removed) return 'replan';
    status.nextNotice = null;
    if (state.removed) break;
    if (!beforeClose && status.outcome === null) {
      status.outcome = state.met() ? 'met' : 'overdue';
      await ports.recordOutcome({
        periodKey: plan.periodKey,
        dueDate: plan.dueDate,
        meetingsHeld: state.held(),
        status: status.outcome,
      });
    }
    state.done.add(step.step);
    if (state.met()) continue;
    const result = await ports.send(step, Date.now());
    for (const m of result.meetings) state.recorded.set(m.meetingId, m);
    if (result.outcome === 'unit-removed') state.removed = true;
  }
  if (state.removed) {
    status.state = 'ended';
    return 'removed';
  }
  return 'done';
}
