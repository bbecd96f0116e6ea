/**
 * A city leader's visit obligation (深入联系点): one long-lived workflow per leader (ID
 * `leader-visit:<leaderId>`), on the same period loop as the meeting cadence. Each run watches
 * one period (a quarter by default): reminders to the leader and their secretary until a visit
 * is recorded, the overdue notice, the liaison office N working days later; then it continues
 * as new into the next period.
 */
import {
  continueAsNew,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { type CadenceStatus, calendarChangedSignal, ObligationState, runObligationPeriod } from './obligation-period';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';
import { periodSearchAttributes } from '../domain/search-attributes';

export interface LeaderVisitInput {
  leaderId: string;
  periodKey?: string;
}

export interface VisitRecorded {
  visitId: string;
  periodKey: string;
}

/** A visit was recorded (by hand, or counted from a community meeting's attendees). */
export const visitRecordedSignal = defineSignal<[VisitRecorded]>('visitRecorded');
/** The leader was removed or paired elsewhere: this obligation ends. */
export const leaderRemovedSignal = defineSignal('leaderRemoved');
/** The current period: `unitId` is the leader's id, `meetingsHeld` the visits recorded. */
export const visitStatusQuery = defineQuery<CadenceStatus>('visitStatus');

const { planVisitPeriod } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { recordVisitOutcome } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendVisitNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function leaderVisitWorkflow(input: LeaderVisitInput): Promise<string> {
  const { leaderId } = input;
  const state = new ObligationState({
    unitId: leaderId,
    state: 'starting',
    periodKey: input.periodKey ?? '',
    dueDate: '',
    meetingsHeld: 0,
    minMeetings: 0,
    outcome: null,
    nextNotice: null,
  });
  setHandler(visitRecordedSignal, (v) => {
    state.recorded.set(v.visitId, { meetingId: v.visitId, periodKey: v.periodKey, kind: 'regular' });
  });
  setHandler(leaderRemovedSignal, () => {
    state.removed = true;
  });
  setHandler(visitStatusQuery, () => state.view());
  setHandler(calendarChangedSignal, () => {
    state.replan = true;
  });

  let plan = await planVisitPeriod({ leaderId, periodKey: input.periodKey, now: Date.now() });
  for (;;) {
    if (!plan.active || state.removed) {
      state.status.state = 'ended';
      return 'leader-removed';
    }
    state.watch(plan);
    // The community's search attributes for this period: only when the plan carries them (the
    // namespace has them), so histories from before replay unchanged.
    if (plan.index && patched('search-attributes')) {
      upsertSearchAttributes(periodSearchAttributes('leader-visit', plan.index, plan.periodKey));
    }
    const current = plan;
    const ended = await runObligationPeriod(state, current, {
      recordOutcome: (outcome) => recordVisitOutcome({ leaderId, ...outcome }),
      send: (step, scheduledFor) =>
        sendVisitNotice({
          leaderId,
          periodKey: current.periodKey,
          step: step.step,
          audience: step.audience,
          dueDate: current.dueDate,
          minVisits: current.minMeetings,
          scheduledFor,
        }),
    });
    if (ended === 'removed') return 'leader-removed';
    if (ended === 'done') break;
    // The calendar changed: the same period, planned again on the new working days.
    plan = await planVisitPeriod({ leaderId, periodKey: current.periodKey, now: Date.now() });
  }
  return continueAsNew<typeof leaderVisitWorkflow>({ leaderId, periodKey: plan.nextPeriodKey });
}
