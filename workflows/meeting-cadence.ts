/**
 * The meeting obligation of one unit's joint meeting: one long-lived workflow per unit
 * (ID `meeting-cadence:<unitId>`). Each run watches one period. It asks an activity for the
 * period's plan (rule, due date, notice times: computed from the working-day calendar
 * outside the workflow, so calendar data updates never change a recorded history), waits
 * for "meeting recorded" signals, sends the reminder ladder and the overdue notices that are
 * still due, records the outcome, then continues as new into the next period.
 */
import {
  continueAsNew,
  defineQuery,
  defineSignal,
  log,
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

export interface MeetingCadenceInput {
  unitId: string;
  /** The period this run watches; omitted on the first run (→ the current period). */
  periodKey?: string;
}

export interface MeetingRecorded {
  meetingId: string;
  periodKey: string;
  kind: 'regular' | 'adhoc';
}

export const meetingRecordedSignal = defineSignal<[MeetingRecorded]>('meetingRecorded');
export const unitRemovedSignal = defineSignal('unitRemoved');
export const cadenceStatusQuery = defineQuery<CadenceStatus>('cadenceStatus');

const recordRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/** Reads and writes of the record: quick, retried freely. */
const { planCadencePeriod, recordPeriodOutcome } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: recordRetry,
});

/**
 * The period plan as a local activity: a quick read of the record and the calendar, run by the
 * worker that runs the workflow, without a round trip through the server (half of a new
 * obligation's work on the server). Histories from before still replay (see `patched` below).
 */
const { planCadencePeriod: planCadencePeriodLocally } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: recordRetry,
});

/** Notices: talk to SMTP and webhooks; retried until delivered (the ledger keeps them to one each). */
const { sendCadenceNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function meetingCadenceWorkflow(input: MeetingCadenceInput): Promise<string> {
  const { unitId } = input;
  // Handlers first: a signal or query may arrive before the first activity returns.
  const state = new ObligationState({
    unitId,
    state: 'starting',
    periodKey: input.periodKey ?? '',
    dueDate: '',
    meetingsHeld: 0,
    minMeetings: 0,
    outcome: null,
    nextNotice: null,
  });
  setHandler(meetingRecordedSignal, (m) => {
    state.recorded.set(m.meetingId, m);
  });
  setHandler(unitRemovedSignal, () => {
    state.removed = true;
  });
  setHandler(cadenceStatusQuery, () => state.view());
  setHandler(calendarChangedSignal, () => {
    state.replan = true;
  });

  const planInput = { unitId, periodKey: input.periodKey, now: Date.now() };
  let plan = patched('plan-as-local-activity')
    ? await planCadencePeriodLocally(planInput)
    : await planCadencePeriod(planInput);
  for (;;) {
    if (!plan.active || state.removed) {
      state.status.state = 'ended';
      return 'unit-removed';
    }
    state.watch(plan);
    // The unit's search attributes for this period (UnitCode, PeriodKey, …): only when the plan
    // carries them (the namespace has them), so histories from before replay unchanged.
    if (plan.index && patched('search-attributes')) {
      upsertSearchAttributes(periodSearchAttributes('meeting-cadence', plan.index, plan.periodKey));
    }
    const current = plan;
    const ended = await runObligationPeriod(state, current, {
      recordOutcome: (outcome) => recordPeriodOutcome({ unitId, ...outcome }),
      send: (step, scheduledFor) =>
        sendCadenceNotice({
          unitId,
          periodKey: current.periodKey,
          step: step.step,
          audience: step.audience,
          dueDate: current.dueDate,
          minMeetings: current.minMeetings,
          countAdhoc: current.countAdhoc,
          scheduledFor,
        }),
    });
    if (ended === 'removed') return 'unit-removed';
    if (ended === 'done') break;
    // The calendar changed: the same period, planned again on the new working days.
    plan = await planCadencePeriodLocally({ unitId, periodKey: current.periodKey, now: Date.now() });
  }
  log.info('Period done', {
    unitId,
    periodKey: plan.periodKey,
    outcome: state.status.outcome,
    meetingsHeld: state.held(),
  });
  return continueAsNew<typeof meetingCadenceWorkflow>({ unitId, periodKey: plan.nextPeriodKey });
}
