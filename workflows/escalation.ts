/**
 * One escalated agenda item (ID `escalation:<agendaItemId>`): from the first escalation until the
 * raising unit confirms the answer. The record is the truth: each turn asks an activity for the
 * item's status and the next step it is owed (deadlines from the working-day calendar and the
 * rules, computed outside the workflow), waits until that step is due or the item changes, and
 * has the step carried out. A change (taken up, answered, disputed, escalated further) arrives as
 * a signal; an approved extension as an update, answered once the timer has moved.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import type { EscalationStatus } from '../activities/escalation';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

export type { EscalationStatus };

export interface EscalationInput {
  agendaItemId: string;
}

/** What changed in the record: the workflow re-reads it. */
export interface EscalationChange {
  change: 'escalated' | 'taken-up' | 'answered' | 'confirmed' | 'disputed' | 'escalated-further' | 'calendar';
}

export const escalationChangedSignal = defineSignal<[EscalationChange]>('escalationChanged');
/** The answer deadline was moved (the record holds the approved extension): replan, return the new status. */
export const deadlineExtendedUpdate = defineUpdate<EscalationStatus, [{ answerBy: string }]>('deadlineExtended');
export const escalationStatusQuery = defineQuery<EscalationStatus>('escalationStatus');

const { planEscalation } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Notices and the rules' climb: retried until done (the ledger keeps each notice to one). */
const { runEscalationStep } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function escalationWorkflow({ agendaItemId }: EscalationInput): Promise<string> {
  // Handlers first: a signal, update or query may arrive before the first plan.
  let changes = 0;
  let plannedAt = -1;
  let status: EscalationStatus = {
    agendaItemId,
    state: 'starting',
    hop: 0,
    currentUnitId: null,
    scheduleBy: null,
    answerBy: null,
    nextStep: null,
  };
  setHandler(escalationChangedSignal, () => {
    changes++;
  });
  setHandler(escalationStatusQuery, () => status);
  setHandler(
    deadlineExtendedUpdate,
    async () => {
      const change = ++changes;
      await condition(() => plannedAt >= change);
      return status;
    },
    {
      validator: ({ answerBy }: { answerBy: string }) => {
        if (!LOCAL_DATE.test(answerBy)) throw new Error('answerBy: a calendar date YYYY-MM-DD');
        if (status.state === 'answered' || status.state === 'confirmed') {
          throw new Error(`The item is ${status.state}: there is no answer deadline to move`);
        }
      },
    },
  );

  for (;;) {
    const seen = changes;
    const plan = await planEscalation({ agendaItemId, now: Date.now() });
    status = plan.status;
    plannedAt = seen;
    if (plan.closed) {
      await condition(allHandlersFinished);
      return status.state;
    }
    const next = plan.next;
    if (next && next.at <= Date.now()) {
      await runEscalationStep({ agendaItemId, step: next, scheduledFor: Date.now() });
    } else {
      // Sleep until the next step falls due, or until the record changes.
      const wake = () => changes !== seen;
      if (next) await condition(wake, next.at - Date.now());
      else await condition(wake);
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof escalationWorkflow>({ agendaItemId });
    }
  }
}
