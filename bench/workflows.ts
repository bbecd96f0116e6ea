/**
 * Workflow bundle of the bench's in-process worker (its workflowsPath): the service's real
 * workflows, plus a no-op that is the baseline of the start-rate comparison and a reminder
 * whose timer falls due at a chosen instant (the reminder-latency part).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { ObligationState, runObligationPeriod } from '../workflows/obligation-period';
import type { PeriodPlan } from '../activities/types';

export * from '../workflows';

/** Does nothing: what a start costs when the workflow itself costs (almost) nothing. */
export function benchNoopWorkflow(_input: { unitId: string }): Promise<void> {
  return Promise.resolve();
}

/** The same activity options as meetingCadenceWorkflow's notices (workflows/meeting-cadence.ts). */
const { sendCadenceNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface BenchReminderInput {
  unitId: string;
  periodKey: string;
  dueDate: string;
  /** When the reminder falls due (epoch ms): a real timer until then. */
  at: number;
}

/**
 * One period of a unit's meeting obligation, as meetingCadenceWorkflow runs it (the shared
 * period loop, the real sendCadenceNotice activity: record check, ledger row, SMTP), with a plan
 * whose only step is a reminder due at `input.at` instead of 09:00 on a working day: so that the
 * bench can make 1,000 reminders fall due within its run and time each from due to SMTP accepted.
 */
export async function benchReminderWorkflow(input: BenchReminderInput): Promise<string> {
  const { unitId, periodKey, dueDate, at } = input;
  const plan: Extract<PeriodPlan, { active: true }> = {
    active: true,
    periodKey,
    nextPeriodKey: periodKey,
    dueDate,
    // The close lies far ahead: the loop sends the reminder and stops there.
    closeAt: at + 365 * 86_400_000,
    minMeetings: 1,
    countAdhoc: true,
    steps: [{ step: 'reminder-3', at, audience: 'convener' }],
    meetings: [],
  };
  const state = new ObligationState({
    unitId,
    state: 'starting',
    periodKey,
    dueDate,
    meetingsHeld: 0,
    minMeetings: 1,
    outcome: null,
    nextNotice: null,
  });
  state.watch(plan);
  let outcome = 'not-sent';
  await runObligationPeriod(state, plan, {
    recordOutcome: () => Promise.resolve(),
    send: async (step, scheduledFor) => {
      const result = await sendCadenceNotice({
        unitId,
        periodKey,
        step: step.step,
        audience: step.audience,
        dueDate,
        minMeetings: plan.minMeetings,
        countAdhoc: plan.countAdhoc,
        scheduledFor,
      });
      outcome = result.outcome;
      return result;
    },
  });
  return outcome;
}
