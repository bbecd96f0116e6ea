/**
 * Activities of the year-end evaluation (考核评分) of a community's paired departments: the
 * campaign's plan (its row, created from the rule in force, and the departments and ballots so
 * far), opening it, the below-quorum reminders and closing it. Every notice goes through the
 * ledger; each activity re-reads the record first, so a lost signal never causes a wrong notice.
 * The campaign's rows and queries are in records/campaigns.ts.
 */
import { log } from '@temporalio/activity';
import type { EvaluationCampaign, PrismaClient, Unit } from '@prisma/client';
import type { WorkingCalendar } from '../domain/calendar';
import type { CalendarReader } from './calendar';
import type { EntriesRule } from '../domain/entries';
import type { EvaluationNotice, UnitRef } from '../domain/notices';
import { noticeInstant } from '../domain/cadence';
import { type Recipient, type SendOnce, supervisorRecipients } from './ledger';
import { evaluationWorkflowId } from '../domain/workflow-ids';
import { evaluationSchedule } from '../domain/evaluation';
import {
  campaignDepartments,
  campaignWithCommunity,
  cancelCampaign,
  closeCampaign,
  closesOnOf,
  countBallots,
  type DepartmentRef,
  ensureCampaignRow,
  findCampaignOf,
  loadEvaluationRule,
  openCampaign,
  opensOnOf,
  pairedDepartments,
} from '../records/campaigns';

/** The reminder instants of a stored campaign: every N working days from its opening day. */
export function campaignReminders(
  campaign: EvaluationCampaign,
  rule: EntriesRule,
  calendar: WorkingCalendar,
): number[] {
  const schedule = evaluationSchedule(
    campaign.year,
    { ...rule, evaluationOpensOn: opensOnOf(campaign).slice(5), evaluationClosesOn: closesOnOf(campaign).slice(5) },
    calendar,
    campaign.communityId,
  );
  return schedule.reminders.filter((at) => at > campaign.opensAt.getTime() && at < campaign.closesAt.getTime());
}

/** When a stored campaign's closing notices go: the first working day after its closing day, notice hour + offset. */
export function closingNoticeAt(campaign: EvaluationCampaign, calendar: WorkingCalendar): number {
  return noticeInstant(calendar.firstWorkingDayAfter(closesOnOf(campaign)), campaign.communityId);
}

export type EvaluationPlan =
  | { active: false; reason: 'community-removed' | 'no-departments' | 'cancelled'; campaignId: string | null }
  | {
      active: true;
      campaignId: string;
      status: 'scheduled' | 'open' | 'closed';
      quorum: number;
      opensAt: number;
      closesAt: number;
      closesOn: string;
      /** When the closing notices go: the notice hour (+ offset) of the first working day after the closing day. */
      closingNoticeAt: number;
      /** Below-quorum reminder instants, epoch ms, between the opening and the close. */
      reminders: number[];
      departments: DepartmentRef[];
      /** Ballots recorded so far. */
      raters: number;
    };

export interface EvaluationStepResult {
  /** The campaign's status in the record after the step. */
  status: string;
  raters: number;
  quorum: number;
}

export interface EvaluationActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  unitRef: (u: Unit) => UnitRef;
  convener: (u: Unit) => Recipient;
  /** The campaign's progress page of the dashboard (year, campaign id), linked in notices. */
  campaignUrl: (year: number, campaignId: string) => string;
  calendarFor: CalendarReader;
}

type Step = EvaluationNotice['step'];
type Audience = 'convener' | 'supervisor';
type CampaignWithCommunity = EvaluationCampaign & { community: Unit };

/** Send a campaign's notice of one step to each recipient, through the ledger (once each). */
async function notify(
  deps: EvaluationActivityDeps,
  campaign: CampaignWithCommunity,
  notice: { step: Step; ledgerStep: string; raters: number; scheduledFor: number },
  recipients: { to: Recipient; audience: Audience }[],
): Promise<void> {
  const departments = (await campaignDepartments(deps.prisma, campaign)).map((d) => d.name);
  for (const { to, audience } of recipients) {
    await deps.sendOnce({
      unitId: campaign.communityId,
      obligation: evaluationWorkflowId(campaign.communityId, campaign.year),
      periodKey: String(campaign.year),
      step: notice.ledgerStep,
      audience,
      recipient: to,
      scheduledFor: notice.scheduledFor,
      notice: {
        kind: 'evaluation',
        step: notice.step,
        unit: deps.unitRef(campaign.community),
        recipientName: to.name,
        year: campaign.year,
        raters: notice.raters,
        quorum: campaign.quorum,
        closesOn: closesOnOf(campaign),
        departments,
        url: deps.campaignUrl(campaign.year, campaign.id),
      },
    });
  }
}

/** The closing notices of a closed campaign: the convener; the liaison office too when below quorum. */
async function sendClosed(
  deps: EvaluationActivityDeps,
  campaignId: string,
  scheduledFor: number,
): Promise<EvaluationStepResult & { quorumMet: boolean }> {
  const campaign = await campaignWithCommunity(deps.prisma, campaignId);
  const raters = await countBallots(deps.prisma, campaignId);
  const quorumMet = raters >= campaign.quorum;
  if (campaign.status === 'closed' && !campaign.community.removedAt) {
    const recipients: { to: Recipient; audience: Audience }[] = [
      { to: deps.convener(campaign.community), audience: 'convener' },
    ];
    if (!quorumMet) {
      const supervisors = await supervisorRecipients(deps.prisma);
      if (supervisors.length === 0) log.warn('No supervisors registered: quorum-not-met notice not sent to them');
      for (const to of supervisors) recipients.push({ to, audience: 'supervisor' });
    }
    await notify(deps, campaign, { step: 'closed', ledgerStep: 'closed', raters, scheduledFor }, recipients);
  }
  return { status: campaign.status, raters, quorum: campaign.quorum, quorumMet };
}

/**
 * The campaign's plan: its row (created from, and until it opens kept in step with, the rule in
 * force), the departments paired with the community and the ballots so far. Inactive when the
 * community is removed, or has no paired department at the opening time (the row is then cancelled).
 */
async function planEvaluation(
  deps: EvaluationActivityDeps,
  { communityId, year, now }: { communityId: string; year: number; now: number },
): Promise<EvaluationPlan> {
  const { prisma } = deps;
  const community = await prisma.unit.findUnique({ where: { id: communityId } });
  const existing = await findCampaignOf(prisma, communityId, year);
  if (!community || community.removedAt || community.level !== 'community') {
    if (existing) await cancelCampaign(prisma, existing.id, now);
    return { active: false, reason: 'community-removed', campaignId: existing?.id ?? null };
  }
  const rule = await loadEvaluationRule(prisma);
  const calendar = await deps.calendarFor([year, year + 1]);
  const campaign = await ensureCampaignRow(prisma, communityId, year, rule, calendar, now);
  if (campaign.status === 'cancelled') return { active: false, reason: 'cancelled', campaignId: campaign.id };
  const departments = await pairedDepartments(prisma, communityId);
  if (campaign.status === 'scheduled' && now >= campaign.opensAt.getTime() && departments.length === 0) {
    await cancelCampaign(prisma, campaign.id, now);
    log.warn('Evaluation not opened: the community has no paired departments', { communityId, year });
    return { active: false, reason: 'no-departments', campaignId: campaign.id };
  }
  return {
    active: true,
    campaignId: campaign.id,
    status: campaign.status as 'scheduled' | 'open' | 'closed',
    quorum: campaign.quorum,
    opensAt: campaign.opensAt.getTime(),
    closesAt: campaign.closesAt.getTime(),
    closesOn: closesOnOf(campaign),
    closingNoticeAt: closingNoticeAt(campaign, calendar),
    reminders: campaignReminders(campaign, rule, calendar),
    departments,
    raters: await countBallots(prisma, campaign.id),
  };
}

/** Open the campaign (scheduled → open) and tell the convener, once. */
async function openEvaluation(
  deps: EvaluationActivityDeps,
  { campaignId, scheduledFor }: { campaignId: string; scheduledFor: number },
): Promise<EvaluationStepResult> {
  await openCampaign(deps.prisma, campaignId);
  const campaign = await campaignWithCommunity(deps.prisma, campaignId);
  const raters = await countBallots(deps.prisma, campaignId);
  if (campaign.status === 'open' && !campaign.community.removedAt) {
    await notify(deps, campaign, { step: 'opened', ledgerStep: 'opened', raters, scheduledFor }, [
      { to: deps.convener(campaign.community), audience: 'convener' },
    ]);
  }
  return { status: campaign.status, raters, quorum: campaign.quorum };
}

/**
 * The n-th reminder while below quorum. The count is read from the record here: a ballot
 * whose signal was lost still stops the reminder.
 */
async function remindBelowQuorum(
  deps: EvaluationActivityDeps,
  { campaignId, n, scheduledFor }: { campaignId: string; n: number; scheduledFor: number },
): Promise<EvaluationStepResult & { outcome: 'sent' | 'quorum-met' | 'not-open' }> {
  const campaign = await campaignWithCommunity(deps.prisma, campaignId);
  const raters = await countBallots(deps.prisma, campaignId);
  const result = { status: campaign.status, raters, quorum: campaign.quorum };
  if (campaign.status !== 'open' || campaign.community.removedAt) return { ...result, outcome: 'not-open' };
  if (raters >= campaign.quorum) return { ...result, outcome: 'quorum-met' };
  await notify(deps, campaign, { step: 'below-quorum', ledgerStep: `below-quorum-${n}`, raters, scheduledFor }, [
    { to: deps.convener(campaign.community), audience: 'convener' },
  ]);
  return { ...result, outcome: 'sent' };
}

/**
 * Close the campaign at its deadline (open → closed, closedAt: ballots stop there) and tell the
 * convener; when the quorum was not met, the liaison office too. With `notices: 'later'` it
 * only closes, and answers when the closing notices go (`noticeAt`: the notice hour of the
 * first working day after the closing day): `noticeEvaluationClosed` sends them then.
 */
async function closeEvaluation(
  deps: EvaluationActivityDeps,
  {
    campaignId,
    scheduledFor,
    notices = 'now',
  }: { campaignId: string; scheduledFor: number; notices?: 'now' | 'later' },
): Promise<EvaluationStepResult & { quorumMet: boolean; noticeAt?: number }> {
  await closeCampaign(deps.prisma, campaignId, scheduledFor);
  if (notices === 'now') return sendClosed(deps, campaignId, scheduledFor);
  const campaign = await campaignWithCommunity(deps.prisma, campaignId);
  const raters = await countBallots(deps.prisma, campaignId);
  const calendar = await deps.calendarFor([campaign.year, campaign.year + 1]);
  return {
    status: campaign.status,
    raters,
    quorum: campaign.quorum,
    quorumMet: raters >= campaign.quorum,
    noticeAt: closingNoticeAt(campaign, calendar),
  };
}

export function createEvaluationActivities(deps: EvaluationActivityDeps) {
  return {
    /** The campaign's plan (see `planEvaluation`). */
    planEvaluation: (req: { communityId: string; year: number; now: number }) => planEvaluation(deps, req),
    /** Open the campaign (scheduled → open) and tell the convener, once. */
    openEvaluation: (req: { campaignId: string; scheduledFor: number }) => openEvaluation(deps, req),
    /** The n-th reminder while below quorum (the count read from the record). */
    remindBelowQuorum: (req: { campaignId: string; n: number; scheduledFor: number }) => remindBelowQuorum(deps, req),
    /** Close the campaign at its deadline; its notices now, or `later` (see `closeEvaluation`). */
    closeEvaluation: (req: { campaignId: string; scheduledFor: number; notices?: 'now' | 'later' }) =>
      closeEvaluation(deps, req),
    /** The closing notices of a closed campaign (the convener; the liaison office when below quorum), once. */
    noticeEvaluationClosed: ({ campaignId, scheduledFor }: { campaignId: string; scheduledFor: number }) =>
      sendClosed(deps, campaignId, scheduledFor),
  };
}

export type EvaluationActivities = ReturnType<typeof createEvaluationActivities>;
