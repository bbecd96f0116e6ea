/**
 * One community's quarterly feedback (反馈) to its members' employers: one long-lived workflow per
 * community (ID `serving-feedback:<communityId>`), one run per quarter, continued as new into the
 * next. At the notice hour of the first working day after the quarter's last day (working days from
 * the record) each employer with registered members in the community gets one mail with its
 * members' records attached and a single-use receipt link; `receiptWithinDays` working days later
 * each employer whose receipt has not come is reminded, and `receiptOfficeAfterDays` working days
 * after that the liaison office is told of each still unconfirmed. A confirmed receipt arrives as a
 * signal (and the activities re-read the record before every notice). The run after Q4 (in
 * January) also carries the year's evaluation (评议).
 */
import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';
import { calendarChangedSignal } from './obligation-period';

export interface ServingFeedbackInput {
  communityId: string;
  /** The quarter this run feeds back ("2026-Q3"); planned from the clock when absent. */
  periodKey?: string;
}

export interface ReceiptConfirmed {
  employerId: string;
  /** The quarter confirmed: a late receipt of an earlier quarter does not count for this run's. */
  periodKey: string;
}

export interface ServingFeedbackStatus {
  communityId: string;
  /** starting: not planned yet; waiting: before the send day; receipts: sent, waiting for receipts; ended: the community was removed. */
  state: 'starting' | 'waiting' | 'receipts' | 'ended';
  periodKey: string;
  sendAt: string | null;
  reminderAt: string | null;
  officeAt: string | null;
  employers: number;
  /** Employers whose receipt is still to come (after the send). */
  unconfirmed: string[];
}

/** An employer confirmed its receipt of the current quarter's feedback (sent by the confirm act). */
export const receiptConfirmedSignal = defineSignal<[ReceiptConfirmed]>('receiptConfirmed');
/** The community was removed: the feedback ends. */
export const feedbackCommunityRemovedSignal = defineSignal('feedbackCommunityRemoved');
export const servingFeedbackStatusQuery = defineQuery<ServingFeedbackStatus>('servingFeedbackStatus');

const { planFeedbackQuarter } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendQuarterFeedback, remindFeedbackReceipts } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const iso = (ms: number) => new Date(ms).toISOString();

export async function servingFeedbackWorkflow(input: ServingFeedbackInput): Promise<string> {
  const { communityId } = input;
  const status: ServingFeedbackStatus = {
    communityId,
    state: 'starting',
    periodKey: input.periodKey ?? '',
    sendAt: null,
    reminderAt: null,
    officeAt: null,
    employers: 0,
    unconfirmed: [],
  };
  const unconfirmed = new Set<string>();
  let removed = false;
  let replan = false;
  let periodKey = input.periodKey ?? '';
  setHandler(receiptConfirmedSignal, (r) => {
    if (r.periodKey === periodKey) unconfirmed.delete(r.employerId);
  });
  setHandler(calendarChangedSignal, () => {
    replan = true;
  });
  setHandler(feedbackCommunityRemovedSignal, () => {
    removed = true;
  });
  setHandler(servingFeedbackStatusQuery, () => ({ ...status, unconfirmed: [...unconfirmed].sort() }));

  /** Sleep until `at`; wake early when the community is removed or (when asked) every receipt came. */
  const until = async (at: number, wakeWhenAllConfirmed: boolean) => {
    const wait = at - Date.now();
    if (wait > 0) await condition(() => removed || (wakeWhenAllConfirmed && unconfirmed.size === 0), wait);
  };

  let plan = await planFeedbackQuarter({ communityId, periodKey: input.periodKey, now: Date.now() });
  // The send day comes from the working calendar: planned again when the calendar changes (a
  // year's holiday notice entered) and once more at the planned instant (a notice entered while
  // nobody told this run), until the instant holds.
  for (;;) {
    if (!plan.active) {
      status.state = 'ended';
      return 'community-removed';
    }
    periodKey = plan.periodKey;
    Object.assign(status, { state: 'waiting', periodKey: plan.periodKey, sendAt: iso(plan.sendAt) });
    const wait = plan.sendAt - Date.now();
    if (wait > 0) await condition(() => removed || replan, wait);
    if (removed) break;
    replan = false;
    plan = await planFeedbackQuarter({ communityId, periodKey, now: Date.now() });
    if (plan.active && plan.sendAt <= Date.now()) break;
  }
  if (removed || !plan.active) {
    status.state = 'ended';
    return 'community-removed';
  }
  const sent = await sendQuarterFeedback({ communityId, periodKey, scheduledFor: Date.now() });
  if (sent.outcome === 'community-removed') {
    status.state = 'ended';
    return 'community-removed';
  }
  for (const e of sent.employers) if (!sent.confirmed.includes(e.employerId)) unconfirmed.add(e.employerId);
  Object.assign(status, {
    state: 'receipts',
    employers: sent.employers.length,
    reminderAt: iso(sent.reminderAt),
    officeAt: iso(sent.officeAt),
  });

  for (const [step, at] of [
    ['reminder', sent.reminderAt],
    ['office', sent.officeAt],
  ] as const) {
    if (unconfirmed.size === 0) break;
    await until(at, true);
    if (removed) break;
    if (unconfirmed.size === 0) break;
    const left = await remindFeedbackReceipts({
      communityId,
      periodKey: plan.periodKey,
      step,
      scheduledFor: Date.now(),
    });
    // The record is the truth: a receipt confirmed while the signal was lost counts too.
    for (const id of [...unconfirmed]) if (!left.unconfirmed.includes(id)) unconfirmed.delete(id);
  }
  if (removed) {
    status.state = 'ended';
    return 'community-removed';
  }
  return continueAsNew<typeof servingFeedbackWorkflow>({ communityId, periodKey: plan.nextPeriodKey });
}
