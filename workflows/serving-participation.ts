/**
 * A serving Party member's participation obligation (在职党员参与服务): one long-lived workflow
 * per member (ID `serving-participation:<memberId>`), on the period loop of the meeting cadence
 * (workflows/obligation-period.ts). Each run watches one period of the rule (a year or a
 * half-year): reminders to the member before the period's due date until the minimum is met, the
 * period closed as met or overdue on the first working day after it; then it continues as new into
 * the next period. No one else is told per member: the members below the minimum are a list.
 */
import {
  continueAsNew,
  defineQuery,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { periodFromKey, periodOfDate } from '../domain/period';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';
import { type CadenceStatus, calendarChangedSignal, ObligationState, runObligationPeriod } from './obligation-period';

export interface ServingParticipationInput {
  memberId: string;
  periodKey?: string;
}

export interface ServiceRecordedSignal {
  serviceId: string;
  /** The day served (YYYY-MM-DD): the workflow decides the period it counts for. */
  servedOn: string;
}

/** A service of the member was recorded (it counts for the period containing its day). */
export const serviceRecordedSignal = defineSignal<[ServiceRecordedSignal]>('serviceRecorded');
/** The member was removed: the obligation ends. */
export const memberRemovedSignal = defineSignal('memberRemoved');
/** The current period: `unitId` is the member's id, `meetingsHeld` the services counted. */
export const participationStatusQuery = defineQuery<CadenceStatus>('participationStatus');

const { planParticipationPeriod } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { recordParticipationOutcome } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendParticipationNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** The period loop's state, where a service told by its day counts in the period containing that day. */
class ParticipationState extends ObligationState {
  /** Services told by signal: id → the day served. */
  readonly served = new Map<string, string>();

  override held(): number {
    const key = this.status.periodKey;
    if (!key) return 0;
    const unit = periodFromKey(key).unit;
    const ids = new Set<string>();
    for (const m of this.recorded.values()) if (m.periodKey === key) ids.add(m.meetingId);
    for (const [id, day] of this.served) if (periodOfDate(day, unit).key === key) ids.add(id);
    return ids.size;
  }
}

export async function servingParticipationWorkflow(input: ServingParticipationInput): Promise<string> {
  const { memberId } = input;
  const state = new ParticipationState({
    unitId: memberId,
    state: 'starting',
    periodKey: input.periodKey ?? '',
    dueDate: '',
    meetingsHeld: 0,
    minMeetings: 0,
    outcome: null,
    nextNotice: null,
  });
  setHandler(serviceRecordedSignal, (s) => {
    state.served.set(s.serviceId, s.servedOn);
  });
  setHandler(memberRemovedSignal, () => {
    state.removed = true;
  });
  setHandler(participationStatusQuery, () => state.view());
  setHandler(calendarChangedSignal, () => {
    state.replan = true;
  });

  let plan = await planParticipationPeriod({ memberId, periodKey: input.periodKey, now: Date.now() });
  for (;;) {
    if (!plan.active || state.removed) {
      state.status.state = 'ended';
      return 'member-removed';
    }
    state.watch(plan);
    const current = plan;
    const ended = await runObligationPeriod(state, current, {
      recordOutcome: (outcome) =>
        recordParticipationOutcome({ memberId, ...outcome, minServices: current.minMeetings }),
      send: (step, scheduledFor) =>
        sendParticipationNotice({
          memberId,
          periodKey: current.periodKey,
          step: step.step,
          dueDate: current.dueDate,
          minServices: current.minMeetings,
          scheduledFor,
        }),
    });
    if (ended === 'removed') return 'member-removed';
    if (ended === 'done') break;
    // The calendar changed: the same period, planned again on the new working days.
    plan = await planParticipationPeriod({ memberId, periodKey: current.periodKey, now: Date.now() });
  }
  return continueAsNew<typeof servingParticipationWorkflow>({ memberId, periodKey: plan.nextPeriodKey });
}
