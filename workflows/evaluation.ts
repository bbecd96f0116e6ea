/**
 * The year-end evaluation (考核评分) of one community's paired departments in one year (ID
 * `evaluation:<communityId>:<year>`). The record is the truth: a local activity plans the
 * campaign (its row, created from the rule in force: quorum, opening and closing instants, and the
 * reminder instants computed from the working-day calendar outside the workflow); the workflow
 * waits until the opening, opens it (the convener is told), reminds the convener at each reminder
 * instant while below quorum (the activity re-counts the ballots in the record), closes it at its
 * deadline (the end of its closing day: ballots stop there), tells the convener, and the liaison
 * office when the quorum was not met, at the notice hour of the first working day after the closing
 * day (`patched('evaluation-closing-notices-at-notice-hour')`; histories from before told them at
 * the close) and answers 'quorum-met' or 'quorum-not-met'. Each recorded ballot arrives as a signal that keeps the status
 * query current.
 */
import {
  continueAsNew,
  defineQuery,
  defineSignal,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

export interface EvaluationInput {
  communityId: string;
  year: number;
}

/** A ballot was recorded: the campaign's rater count in the record afterwards. */
export interface BallotRecorded {
  raters: number;
}

export type EvaluationOutcome = 'quorum-met' | 'quorum-not-met' | 'inactive';

export interface EvaluationStatus {
  communityId: string;
  year: number;
  campaignId: string | null;
  /** starting: not planned yet; inactive: the community was removed or has no paired department. */
  state: 'starting' | 'scheduled' | 'open' | 'closed' | 'inactive';
  raters: number;
  quorum: number | null;
  opensAt: string | null;
  closesAt: string | null;
  /** The next thing the workflow will do: open, remind (while below quorum) or close. */
  nextStep: { step: string; at: string } | null;
  outcome: EvaluationOutcome | null;
}

export const ballotRecordedSignal = defineSignal<[BallotRecorded]>('ballotRecorded');
export const evaluationStatusQuery = defineQuery<EvaluationStatus>('evaluationStatus');

const recordRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/** The plan: a quick read (and, once, the creation) of the campaign's row. */
const { planEvaluation } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: recordRetry,
});

/** Steps that send notices: retried until delivered (the ledger keeps each notice to one). */
const { openEvaluation, remindBelowQuorum, closeEvaluation, noticeEvaluationClosed } =
  proxyActivities<GovernanceActivities>({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
  });

const iso = (ms: number) => new Date(ms).toISOString();

type Plan = Awaited<ReturnType<GovernanceActivities['planEvaluation']>>;
type ActivePlan = Extract<Plan, { active: true }>;

/** The instants the status query reports from. */
interface Timing {
  opensAt: number;
  closesAt: number;
  /** Once closed: when the closing notices go. */
  closingNoticeAt: number | null;
  /** Reminders still to come: [n, instant]. */
  pending: [number, number][];
}

/** The status before the plan. */
function startingStatus(communityId: string, year: number): EvaluationStatus {
  return {
    communityId,
    year,
    campaignId: null,
    state: 'starting',
    raters: 0,
    quorum: null,
    opensAt: null,
    closesAt: null,
    nextStep: null,
    outcome: null,
  };
}

/** The next thing the workflow will do at `now`: open, remind (while below quorum), close, or the closing notices. */
function nextStepOf(status: EvaluationStatus, t: Timing, now: number): EvaluationStatus['nextStep'] {
  if (status.state === 'scheduled') return { step: 'opened', at: iso(t.opensAt) };
  if (status.state === 'closed' && t.closingNoticeAt !== null && status.outcome === null) {
    return { step: 'closed-notice', at: iso(t.closingNoticeAt) };
  }
  if (status.state !== 'open') return null;
  const reminder = t.pending.find(([, at]) => at > now);
  if (reminder && status.raters < (status.quorum ?? 0)) {
    return { step: `below-quorum-${reminder[0]}`, at: iso(reminder[1]) };
  }
  return { step: 'closed', at: iso(t.closesAt) };
}

/** The status after a (re-)read plan: the raters never go down (a signal may have told more). */
function withPlan(status: EvaluationStatus, plan: ActivePlan): EvaluationStatus {
  return {
    ...status,
    raters: Math.max(status.raters, plan.raters),
    quorum: plan.quorum,
    opensAt: iso(plan.opensAt),
    closesAt: iso(plan.closesAt),
  };
}

/** The plan's reminders after `now`, numbered from 1 (a run continued as new skips those already due). */
const remindersAfter = (plan: ActivePlan, now: number) =>
  plan.reminders.map((at, i): [number, number] => [i + 1, at]).filter(([, at]) => at > now);

const outcomeOf = (quorumMet: boolean): EvaluationOutcome => (quorumMet ? 'quorum-met' : 'quorum-not-met');

export async function evaluationCampaignWorkflow({ communityId, year }: EvaluationInput): Promise<EvaluationOutcome> {
  // Handlers first: a signal or query may arrive before the plan.
  let status = startingStatus(communityId, year);
  const timing: Timing = { opensAt: 0, closesAt: 0, closingNoticeAt: null, pending: [] };
  setHandler(ballotRecordedSignal, ({ raters }) => {
    if (raters > status.raters) status = { ...status, raters };
  });
  setHandler(evaluationStatusQuery, () => ({ ...status, nextStep: nextStepOf(status, timing, Date.now()) }));

  const until = async (instant: number) => {
    const ms = instant - Date.now();
    if (ms > 0) await sleep(ms);
  };
  const inactive = (campaignId: string | null): EvaluationOutcome => {
    status = { ...status, campaignId, state: 'inactive', outcome: 'inactive' };
    return 'inactive';
  };

  let plan = await planEvaluation({ communityId, year, now: Date.now() });
  if (!plan.active) return inactive(plan.campaignId);
  timing.opensAt = plan.opensAt;
  timing.closesAt = plan.closesAt;
  status = { ...withPlan(status, plan), campaignId: plan.campaignId, state: plan.status };
  if (plan.status === 'closed') {
    const outcome = outcomeOf(plan.raters >= plan.quorum);
    status = { ...status, outcome };
    return outcome;
  }

  // Until the opening: read the record again when it comes (the community may be gone, or have no
  // department left; a rule changed before the opening may have moved it later).
  while (plan.status === 'scheduled' && Date.now() < plan.opensAt) {
    await until(plan.opensAt);
    plan = await planEvaluation({ communityId, year, now: Date.now() });
    if (!plan.active) return inactive(plan.campaignId);
    timing.opensAt = plan.opensAt;
    timing.closesAt = plan.closesAt;
    status = withPlan(status, plan);
  }
  // A campaign reached only after its deadline (its workflow was started late) closes without opening.
  if (plan.status === 'scheduled' && Date.now() < plan.closesAt) {
    const opened = await openEvaluation({ campaignId: plan.campaignId, scheduledFor: plan.opensAt });
    if (opened.status !== 'open' && opened.status !== 'closed') return inactive(plan.campaignId);
    status = { ...status, state: 'open', raters: Math.max(status.raters, opened.raters) };
  }

  const { campaignId } = plan;
  timing.pending = remindersAfter(plan, Date.now());
  while (timing.pending.length) {
    const [n, at] = timing.pending[0]!;
    await until(at);
    timing.pending = timing.pending.slice(1);
    if (status.raters < plan.quorum) {
      const reminded = await remindBelowQuorum({ campaignId, n, scheduledFor: at });
      status = { ...status, raters: Math.max(status.raters, reminded.raters) };
    }
    if (workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof evaluationCampaignWorkflow>({ communityId, year });
    }
  }

  await until(plan.closesAt);
  // The step fell due at the deadline: that is when the campaign closed (ballots stop there).
  if (patched('evaluation-closing-notices-at-notice-hour')) {
    // The close at the end of the closing day; its notices at a working day's notice hour.
    const shut = await closeEvaluation({ campaignId, scheduledFor: plan.closesAt, notices: 'later' });
    if (shut.status !== 'closed') return inactive(campaignId);
    const noticeAt = shut.noticeAt ?? plan.closesAt;
    timing.closingNoticeAt = noticeAt;
    status = { ...status, state: 'closed', raters: shut.raters };
    await until(noticeAt);
    const told = await noticeEvaluationClosed({ campaignId, scheduledFor: noticeAt });
    const outcome = outcomeOf(told.quorumMet);
    status = { ...status, raters: told.raters, outcome };
    return outcome;
  }
  const closed = await closeEvaluation({ campaignId, scheduledFor: plan.closesAt });
  if (closed.status !== 'closed') return inactive(campaignId);
  const outcome = outcomeOf(closed.quorumMet);
  status = { ...status, state: 'closed', raters: closed.raters, outcome };
  return outcome;
}
