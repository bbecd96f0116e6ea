/**
 * The meeting obligation of one unit's joint meeting: one long-lived workflow per unit
 * (ID `meeting-cadence:<unitId>`). Each run watches one period. It asks an activity for the
 * period's plan (rule, due date, notice times: computed from the working-day calendar
 * outside the workflow, so calendar data updates never change a recorded history), waits
 * for "meeting recorded" signals, sends the reminder ladder and the overdue notices that are
 * still due, records the outcome, then continues as new into the next period.
 */
import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import type { CadenceStep } from '../domain/cadence';

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
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function meetingCadenceWorkflow(input: MeetingCadenceInput): Promise<string> {
  const { unitId } = input;
  // Handlers first: a signal or query may arrive before the first activity returns.
  const recorded = new Map<string, MeetingRecorded>();
  let removed = false;
  const status: CadenceStatus = {
    unitId,
    state: 'starting',
    periodKey: input.periodKey ?? '',
    dueDate: '',
    meetingsHeld: 0,
    minMeetings: 0,
    outcome: null,
    nextNotice: null,
  };
  let countAdhoc = true;
  const held = () =>
    [...recorded.values()].filter((m) => m.periodKey === status.periodKey && (countAdhoc || m.kind === 'regular'))
      .length;
  setHandler(meetingRecordedSignal, (m) => {
    recorded.set(m.meetingId, m);
  });
  setHandler(unitRemovedSignal, () => {
    removed = true;
  });
  const met = () => status.state === 'watching' && held() >= status.minMeetings;
  setHandler(cadenceStatusQuery, () => ({
    ...status,
    meetingsHeld: held(),
    nextNotice: met() ? null : status.nextNotice,
  }));

  const planInput = { unitId, periodKey: input.periodKey, now: Date.now() };
  const plan = patched('plan-as-local-activity')
    ? await planCadencePeriodLocally(planInput)
    : await planCadencePeriod(planInput);
  if (!plan.active || removed) {
    status.state = 'ended';
    return 'unit-removed';
  }
  Object.assign(status, {
    state: 'watching',
    periodKey: plan.periodKey,
    dueDate: plan.dueDate,
    minMeetings: plan.minMeetings,
  });
  countAdhoc = plan.countAdhoc;
  for (const m of plan.meetings) recorded.set(m.meetingId, m);

  /** Sleep until `at`; wake early if the obligation is met (when asked) or the unit removed. */
  async function waitUntil(at: number, wakeOnMet: boolean): Promise<void> {
    const wait = at - Date.now();
    if (wait > 0) await condition(() => removed || (wakeOnMet && met()), wait);
  }

  for (const [i, step] of plan.steps.entries()) {
    const beforeClose = step.at < plan.closeAt;
    // A reminder already overtaken by a later one (a unit registered mid-ladder) is not sent.
    const later = plan.steps[i + 1];
    if (beforeClose && later && later.at < plan.closeAt && later.at <= Date.now()) continue;
    status.nextNotice = { step: step.step, at: new Date(step.at).toISOString() };
    if (beforeClose) {
      // Reminders stop once the minimum is met.
      if (!met()) await waitUntil(step.at, true);
    } else {
      // The close waits for its time whatever happens; after it, a late meeting dated in the
      // period still cancels the supervisors' notice.
      await waitUntil(step.at, step.at > plan.closeAt);
    }
    status.nextNotice = null;
    if (removed) break;
    if (!beforeClose && status.outcome === null) {
      status.outcome = met() ? 'met' : 'overdue';
      await recordPeriodOutcome({
        unitId,
        periodKey: plan.periodKey,
        dueDate: plan.dueDate,
        meetingsHeld: held(),
        status: status.outcome,
      });
    }
    if (met()) continue;
    const result = await sendCadenceNotice({
      unitId,
      periodKey: plan.periodKey,
      step: step.step,
      audience: step.audience,
      dueDate: plan.dueDate,
      minMeetings: plan.minMeetings,
      countAdhoc: plan.countAdhoc,
      scheduledFor: Date.now(),
    });
    for (const m of result.meetings) recorded.set(m.meetingId, m);
    if (result.outcome === 'unit-removed') removed = true;
  }
  if (removed) {
    status.state = 'ended';
    return 'unit-removed';
  }
  log.info('Period done', { unitId, periodKey: plan.periodKey, outcome: status.outcome, meetingsHeld: held() });
  return continueAsNew<typeof meetingCadenceWorkflow>({ unitId, periodKey: plan.nextPeriodKey });
}
