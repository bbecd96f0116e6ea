/**
 * The weekly digest (ID `weekly-digest`, one per deployment): each run asks a local activity for
 * the next digest (the rule and the calendar are read there, never here), waits for it, sends it
 * (one mail per supervisor who has not opted out, through the ledger: never twice) and continues
 * as new. While the rule is off it looks again a day later.
 */
import {
  condition,
  continueAsNew,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

/** The digest's rule changed: plan again. */
export const digestRuleChangedSignal = defineSignal('digestRuleChanged');

export interface WeeklyDigestInput {
  /** The previous digest's instant (omitted on the first run). */
  after?: number;
}

const { planWeeklyDigest } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendWeeklyDigest } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function weeklyDigestWorkflow(input: WeeklyDigestInput = {}): Promise<void> {
  let changed = false;
  setHandler(digestRuleChangedSignal, () => {
    changed = true;
  });
  const plan = await planWeeklyDigest({ now: Date.now(), after: input.after });
  const wait = plan.at - Date.now();
  // The rule changed meanwhile: plan again (another day or hour, or off).
  if (wait > 0 && (await condition(() => changed, wait))) {
    return continueAsNew<typeof weeklyDigestWorkflow>({ after: input.after });
  }
  if (!plan.enabled) return continueAsNew<typeof weeklyDigestWorkflow>({ after: input.after });
  await sendWeeklyDigest({ week: plan.week, scheduledFor: plan.at });
  return continueAsNew<typeof weeklyDigestWorkflow>({ after: plan.at });
}
