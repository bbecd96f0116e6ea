/**
 * Activities of a claim's workflow (`need-claim:<claimId>`): plan the two notices a claim not
 * confirmed is owed (from the need's day, the rule and the working calendar, outside the
 * workflow), and send one of them after reading the record again.
 */
import { noticeInstant } from '../domain/cadence';
import type { WorkingCalendar } from '../domain/calendar';
import type { ServingClaimNotice } from '../domain/notices';
import { shanghaiDateOf } from '../domain/period';
import { needClaimWorkflowId } from '../domain/workflow-ids';
import { loadServingRule } from '../records/serving-rule';
import { claimById } from '../records/service-needs';
import { yearsAround } from './calendar';
import type { ServingActivityDeps } from './serving-deps';

export type ClaimStep = 'claim-unconfirmed' | 'claim-unconfirmed-community';

export interface NeedClaimPlan {
  /** The claim is no longer open (done, cancelled, its need cancelled, or gone): nothing to send. */
  closed: boolean;
  /** The need's day (the ledger's periodKey). */
  neededOn: string;
  /** The notices in order, each at 09:00 Asia/Shanghai of its working day (epoch ms). */
  steps: { step: ClaimStep; day: string; at: number }[];
}

/** `n` working days after `date` (0: that day, or the next working day when it is a day off). */
function workingDaysAfter(calendar: WorkingCalendar, date: string, n: number): string {
  return n <= 0 ? calendar.onOrAfter(date) : calendar.addWorkingDays(date, n);
}

const localDate = (d: Date) => d.toISOString().slice(0, 10);

export function createServingNeedsActivities(deps: ServingActivityDeps) {
  const { prisma, sendOnce, calendarFor, pages, convener } = deps;

  async function planNeedClaim({ claimId }: { claimId: string }): Promise<NeedClaimPlan> {
    const claim = await claimById(prisma, claimId);
    if (!claim) return { closed: true, neededOn: '', steps: [] };
    const neededOn = localDate(claim.need.neededOn);
    const closed = claim.status !== 'claimed' || claim.need.status === 'cancelled';
    const rule = await loadServingRule(prisma);
    const calendar = await calendarFor(yearsAround(neededOn));
    const memberDay = workingDaysAfter(calendar, neededOn, rule.claimConfirmWithinDays);
    const communityDay = workingDaysAfter(calendar, memberDay, rule.claimCommunityAfterDays);
    return {
      closed,
      neededOn,
      steps: [
        { step: 'claim-unconfirmed', day: memberDay, at: noticeInstant(memberDay) },
        { step: 'claim-unconfirmed-community', day: communityDay, at: noticeInstant(communityDay) },
      ],
    };
  }

  /**
   * Send one step after reading the record again: 'closed' when the claim is no longer open,
   * 'skipped' when the member has no email (no ledger row), else the ledger's answer.
   */
  async function sendNeedClaimNotice(input: {
    claimId: string;
    step: ClaimStep;
    scheduledFor: number;
  }): Promise<'closed' | 'skipped' | 'sent' | 'already-sent'> {
    const claim = await claimById(prisma, input.claimId);
    if (!claim || claim.status !== 'claimed' || claim.need.status === 'cancelled') return 'closed';
    const community = await prisma.unit.findUnique({ where: { id: claim.need.communityId } });
    if (!community) return 'closed';
    const neededOn = localDate(claim.need.neededOn);
    const calendar = await calendarFor(yearsAround(neededOn));
    const today = shanghaiDateOf(input.scheduledFor);
    const base = {
      kind: 'serving-claim' as const,
      step: input.step,
      memberName: claim.member.name,
      communityName: community.name,
      needTitle: claim.need.title,
      neededOn,
      workingDaysSince: today > neededOn ? calendar.workingDaysBetween(neededOn, today) : 0,
    };
    const ledger = {
      unitId: community.id,
      obligation: needClaimWorkflowId(claim.id),
      periodKey: neededOn,
      step: input.step,
      scheduledFor: input.scheduledFor,
    };
    if (input.step === 'claim-unconfirmed') {
      const email = claim.member.removedAt ? null : claim.member.email;
      if (!email) return 'skipped';
      const notice: ServingClaimNotice = {
        ...base,
        recipientName: claim.member.name,
        url: pages.servingCard(claim.member.id),
      };
      return sendOnce({
        ...ledger,
        audience: 'member',
        recipient: { name: claim.member.name, email, locale: claim.member.locale },
        notice,
      });
    }
    const to = convener(community);
    const notice: ServingClaimNotice = {
      ...base,
      recipientName: to.name,
      url: pages.serving(community.id, claim.need.id),
    };
    return sendOnce({ ...ledger, audience: 'convener', recipient: to, notice });
  }

  return { planNeedClaim, sendNeedClaimNotice };
}
