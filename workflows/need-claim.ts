/**
 * One claim of a need (ID `need-claim:<claimId>`), from the claim until it is done or cancelled.
 * A claim not confirmed `claimConfirmWithinDays` working days after the need's day reminds the
 * member (09:00 Asia/Shanghai), and `claimCommunityAfterDays` working days after that the
 * community's convener (rule and working days from the record, planned by an activity). The
 * signals `claimDone` and `claimCancelled` end it; each notice re-reads the record first.
 */
import {
  condition,
  defineQuery,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

export interface NeedClaimInput {
  claimId: string;
}

export interface NeedClaimStatus {
  claimId: string;
  /** starting: not planned yet; waiting: a notice is ahead; ended: done, cancelled or all sent. */
  state: 'starting' | 'waiting' | 'ended';
  neededOn: string | null;
  nextStep: { step: string; at: string } | null;
  sent: string[];
}

/** The community confirmed the service (a service record was written on the claim). */
export const claimDoneSignal = defineSignal('claimDone');
/** The member or the community cancelled the claim, or the need was cancelled. */
export const claimCancelledSignal = defineSignal('claimCancelled');
export const needClaimStatusQuery = defineQuery<NeedClaimStatus>('needClaimStatus');

const { planNeedClaim } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendNeedClaimNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function needClaimWorkflow({ claimId }: NeedClaimInput): Promise<string> {
  let ended: 'done' | 'cancelled' | null = null;
  const status: NeedClaimStatus = { claimId, state: 'starting', neededOn: null, nextStep: null, sent: [] };
  setHandler(claimDoneSignal, () => {
    ended = 'done';
  });
  setHandler(claimCancelledSignal, () => {
    ended = 'cancelled';
  });
  setHandler(needClaimStatusQuery, () => status);

  const plan = await planNeedClaim({ claimId });
  status.neededOn = plan.neededOn || null;
  const finish = (how: string) => {
    status.state = 'ended';
    status.nextStep = null;
    return how;
  };
  if (plan.closed) return finish('closed');
  for (const step of plan.steps) {
    status.state = 'waiting';
    status.nextStep = { step: step.step, at: new Date(step.at).toISOString() };
    const wait = step.at - Date.now();
    if (ended || (wait > 0 && (await condition(() => ended !== null, wait)))) return finish(ended ?? 'ended');
    const sent = await sendNeedClaimNotice({ claimId, step: step.step, scheduledFor: step.at });
    if (sent === 'closed') return finish('closed');
    status.sent.push(`${step.step}:${sent}`);
  }
  return finish('escalated');
}
