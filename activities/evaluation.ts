/**
 * Activities of the year-end evaluation (考核评分) of a community's paired departments: the
 * campaign's plan (its row, created from the rule in force, and the departments and ballots so
 * far), opening it, the below-quorum reminders and closing it. Every notice goes through the
 * ledger; each activity re-reads the record first, so a lost signal never causes a wrong notice.
 *
 * The record helpers at the top are shared with the API (api/routes/evaluations.ts).
 */
import { log } from '@temporalio/activity';
import { type EvaluationCampaign, Prisma, type PrismaClient, type Unit } from '@prisma/client';
import type { WorkingCalendar } from '../domain/calendar';
import { loadWorkingCalendar } from '../records/calendar';
import type { CalendarReader } from './calendar';
import type { EntriesRule } from '../domain/entries';
import type { EvaluationNotice, UnitRef } from '../domain/notices';
import { noticeInstant } from '../domain/cadence';
import { shanghaiDateOf } from '../domain/period';
import { loadEntriesRule } from '../records/entries-rule';
import { type Recipient, type SendOnce, supervisorRecipients } from './ledger';
import { evaluationWorkflowId } from '../domain/workflow-ids';
import { evaluationSchedule } from '../domain/evaluation';

type Db = Pick<
  PrismaClient,
  'entriesRule' | 'evaluationCampaign' | 'departmentPairing' | 'evaluationScore' | 'calendarYear'
>;

/** The entries rule in force (quorum, dates, reminder interval). */
export const loadEvaluationRule = loadEntriesRule;

/** The campaign's closing day (its `closesAt` is the end of that day, Asia/Shanghai). */
export const closesOnOf = (c: Pick<EvaluationCampaign, 'closesAt'>) => shanghaiDateOf(c.closesAt.getTime() - 1);
export const opensOnOf = (c: Pick<EvaluationCampaign, 'opensAt'>) => shanghaiDateOf(c.opensAt);

/**
 * The campaign of a community and year: the stored row, or a new one from the rule in force
 * (quorum, opening and closing instants). Until it opens, a stored row follows the rule in force
 * (a change of the rule before the opening applies to this year's campaigns); once open, it is fixed.
 */
export async function ensureCampaignRow(
  prisma: Db,
  communityId: string,
  year: number,
  rule?: EntriesRule,
  calendar?: WorkingCalendar,
): Promise<EvaluationCampaign> {
  const where = { communityId_year: { communityId, year } };
  const found = await prisma.evaluationCampaign.findUnique({ where });
  if (found && found.status !== 'scheduled') return found;
  const r = rule ?? (await loadEvaluationRule(prisma));
  const schedule = evaluationSchedule(year, r, calendar ?? (await loadWorkingCalendar(prisma)), communityId);
  const fields = {
    quorum: r.evaluationQuorum,
    opensAt: new Date(schedule.opensAt),
    closesAt: new Date(schedule.closesAt),
  };
  if (found) {
    const same =
      found.quorum === fields.quorum &&
      found.opensAt.getTime() === schedule.opensAt &&
      found.closesAt.getTime() === schedule.closesAt;
    if (same) return found;
    await prisma.evaluationCampaign.updateMany({ where: { id: found.id, status: 'scheduled' }, data: fields });
    return prisma.evaluationCampaign.findUniqueOrThrow({ where });
  }
  return prisma.evaluationCampaign.create({ data: { communityId, year, ...fields } }).catch(async (err: unknown) => {
    // Created a moment ago by another caller (the API and the workflow both ensure it).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      return prisma.evaluationCampaign.findUniqueOrThrow({ where });
    }
    throw err;
  });
}

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

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

/** The departments paired with a community now (a ballot scores each of them exactly once). */
export async function pairedDepartments(prisma: Db, communityId: string): Promise<DepartmentRef[]> {
  const pairings = await prisma.departmentPairing.findMany({
    where: { communityId, endedAt: null, department: { removedAt: null } },
    include: { department: true },
  });
  return pairings
    .map((p) => ({ id: p.department.id, code: p.department.code, name: p.department.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The departments a campaign's results cover: those paired with the community at some time while
 * it ran (from its opening to its close), and any department that was scored in it.
 */
export async function campaignDepartments(prisma: Db, campaign: EvaluationCampaign): Promise<DepartmentRef[]> {
  const closesOn = new Date(`${closesOnOf(campaign)}T00:00:00Z`);
  const [pairings, scored] = await Promise.all([
    prisma.departmentPairing.findMany({
      where: {
        communityId: campaign.communityId,
        pairedOn: { lte: closesOn },
        OR: [{ endedAt: null }, { endedAt: { gt: campaign.opensAt } }],
        department: { removedAt: null },
      },
      include: { department: true },
    }),
    prisma.evaluationScore.findMany({
      where: { ballot: { campaignId: campaign.id } },
      distinct: ['departmentId'],
      select: { department: true },
    }),
  ]);
  const all = new Map<string, DepartmentRef>();
  for (const d of [...pairings.map((p) => p.department), ...scored.map((s) => s.department)]) {
    all.set(d.id, { id: d.id, code: d.code, name: d.name });
  }
  return [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
}

// --- The workflow's activities ------------------------------------------------------------

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

export function createEvaluationActivities({
  prisma,
  sendOnce,
  unitRef,
  convener,
  campaignUrl,
  calendarFor,
}: EvaluationActivityDeps) {
  async function cancel(campaign: EvaluationCampaign, at: number): Promise<void> {
    await prisma.evaluationCampaign.updateMany({
      where: { id: campaign.id, status: { in: ['scheduled', 'open'] } },
      data: { status: 'cancelled', closedAt: new Date(at) },
    });
  }

  const ballots = (campaignId: string) => prisma.evaluationBallot.count({ where: { campaignId } });

  async function load(campaignId: string) {
    return prisma.evaluationCampaign.findUniqueOrThrow({ where: { id: campaignId }, include: { community: true } });
  }

  async function notify(
    campaign: EvaluationCampaign & { community: Unit },
    step: Step,
    ledgerStep: string,
    raters: number,
    scheduledFor: number,
    recipients: { to: Recipient; audience: 'convener' | 'supervisor' }[],
  ): Promise<void> {
    const departments = (await campaignDepartments(prisma, campaign)).map((d) => d.name);
    for (const { to, audience } of recipients) {
      await sendOnce({
        unitId: campaign.communityId,
        obligation: evaluationWorkflowId(campaign.communityId, campaign.year),
        periodKey: String(campaign.year),
        step: ledgerStep,
        audience,
        recipient: to,
        scheduledFor,
        notice: {
          kind: 'evaluation',
          step,
          unit: unitRef(campaign.community),
          recipientName: to.name,
          year: campaign.year,
          raters,
          quorum: campaign.quorum,
          closesOn: closesOnOf(campaign),
          departments,
          url: campaignUrl(campaign.year, campaign.id),
        },
      });
    }
  }

  async function sendClosed(
    campaignId: string,
    scheduledFor: number,
  ): Promise<EvaluationStepResult & { quorumMet: boolean }> {
    const campaign = await load(campaignId);
    const raters = await ballots(campaignId);
    const quorumMet = raters >= campaign.quorum;
    if (campaign.status === 'closed' && !campaign.community.removedAt) {
      const recipients: { to: Recipient; audience: 'convener' | 'supervisor' }[] = [
        { to: convener(campaign.community), audience: 'convener' },
      ];
      if (!quorumMet) {
        const supervisors = await supervisorRecipients(prisma);
        if (supervisors.length === 0) log.warn('No supervisors registered: quorum-not-met notice not sent to them');
        for (const to of supervisors) recipients.push({ to, audience: 'supervisor' });
      }
      await notify(campaign, 'closed', 'closed', raters, scheduledFor, recipients);
    }
    return { status: campaign.status, raters, quorum: campaign.quorum, quorumMet };
  }

  return {
    /**
     * The campaign's plan: its row (created from, and until it opens kept in step with, the rule in
     * force), the
     * departments paired with the community and the ballots so far. Inactive when the community
     * is removed, or has no paired department at the opening time (the row is then cancelled).
     */
    async planEvaluation({
      communityId,
      year,
      now,
    }: {
      communityId: string;
      year: number;
      now: number;
    }): Promise<EvaluationPlan> {
      const community = await prisma.unit.findUnique({ where: { id: communityId } });
      const existing = await prisma.evaluationCampaign.findUnique({
        where: { communityId_year: { communityId, year } },
      });
      if (!community || community.removedAt || community.level !== 'community') {
        if (existing) await cancel(existing, now);
        return { active: false, reason: 'community-removed', campaignId: existing?.id ?? null };
      }
      const rule = await loadEvaluationRule(prisma);
      const calendar = await calendarFor([year, year + 1]);
      const campaign = await ensureCampaignRow(prisma, communityId, year, rule, calendar);
      if (campaign.status === 'cancelled') return { active: false, reason: 'cancelled', campaignId: campaign.id };
      const departments = await pairedDepartments(prisma, communityId);
      if (campaign.status === 'scheduled' && now >= campaign.opensAt.getTime() && departments.length === 0) {
        await cancel(campaign, now);
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
        raters: await ballots(campaign.id),
      };
    },

    /** Open the campaign (scheduled → open) and tell the convener, once. */
    async openEvaluation({
      campaignId,
      scheduledFor,
    }: {
      campaignId: string;
      scheduledFor: number;
    }): Promise<EvaluationStepResult> {
      await prisma.evaluationCampaign.updateMany({
        where: { id: campaignId, status: 'scheduled' },
        data: { status: 'open' },
      });
      const campaign = await load(campaignId);
      const raters = await ballots(campaignId);
      if (campaign.status === 'open' && !campaign.community.removedAt) {
        await notify(campaign, 'opened', 'opened', raters, scheduledFor, [
          { to: convener(campaign.community), audience: 'convener' },
        ]);
      }
      return { status: campaign.status, raters, quorum: campaign.quorum };
    },

    /**
     * The n-th reminder while below quorum. The count is read from the record here: a ballot
     * whose signal was lost still stops the reminder.
     */
    async remindBelowQuorum({
      campaignId,
      n,
      scheduledFor,
    }: {
      campaignId: string;
      n: number;
      scheduledFor: number;
    }): Promise<EvaluationStepResult & { outcome: 'sent' | 'quorum-met' | 'not-open' }> {
      const campaign = await load(campaignId);
      const raters = await ballots(campaignId);
      const result = { status: campaign.status, raters, quorum: campaign.quorum };
      if (campaign.status !== 'open' || campaign.community.removedAt) return { ...result, outcome: 'not-open' };
      if (raters >= campaign.quorum) return { ...result, outcome: 'quorum-met' };
      await notify(campaign, 'below-quorum', `below-quorum-${n}`, raters, scheduledFor, [
        { to: convener(campaign.community), audience: 'convener' },
      ]);
      return { ...result, outcome: 'sent' };
    },

    /**
     * Close the campaign at its deadline (open → closed, closedAt: ballots stop there) and tell the
     * convener; when the quorum was not met, the liaison office too. With `notices: 'later'` it
     * only closes, and answers when the closing notices go (`noticeAt`: the notice hour of the
     * first working day after the closing day): `noticeEvaluationClosed` sends them then.
     */
    async closeEvaluation({
      campaignId,
      scheduledFor,
      notices = 'now',
    }: {
      campaignId: string;
      scheduledFor: number;
      notices?: 'now' | 'later';
    }): Promise<EvaluationStepResult & { quorumMet: boolean; noticeAt?: number }> {
      await prisma.evaluationCampaign.updateMany({
        where: { id: campaignId, status: { in: ['scheduled', 'open'] } },
        data: { status: 'closed', closedAt: new Date(scheduledFor) },
      });
      if (notices === 'later') {
        const campaign = await load(campaignId);
        const raters = await ballots(campaignId);
        const calendar = await calendarFor([campaign.year, campaign.year + 1]);
        return {
          status: campaign.status,
          raters,
          quorum: campaign.quorum,
          quorumMet: raters >= campaign.quorum,
          noticeAt: closingNoticeAt(campaign, calendar),
        };
      }
      return sendClosed(campaignId, scheduledFor);
    },

    /** The closing notices of a closed campaign (the convener; the liaison office when below quorum), once. */
    async noticeEvaluationClosed({
      campaignId,
      scheduledFor,
    }: {
      campaignId: string;
      scheduledFor: number;
    }): Promise<EvaluationStepResult & { quorumMet: boolean }> {
      return sendClosed(campaignId, scheduledFor);
    },
  };
}

export type EvaluationActivities = ReturnType<typeof createEvaluationActivities>;
