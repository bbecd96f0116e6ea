/** The answers of the needs list, the claims and the service cards (api/contract/serving-needs.ts). */
import type { NeedClaim, ServiceRecord } from '@prisma/client';
import type { z } from 'zod';
import { needClaimWorkflowId } from '../../domain/workflow-ids';
import { hoursOf, maskTail, needState } from '../../domain/serving';
import type { NeedWithClaims } from '../../records/service-needs';
import type { serviceCard as serviceCardSchema, serviceNeed, serviceRecord } from '../contract/serving-needs';
import type { serviceCard as serviceCardAct } from '../../services/serving-needs';

const day = (d: Date) => d.toISOString().slice(0, 10);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function claimFields(c: NeedClaim) {
  return {
    id: c.id,
    needId: c.needId,
    memberId: c.memberId,
    status: c.status as 'claimed' | 'done' | 'cancelled',
    claimedAt: c.claimedAt.toISOString(),
    cancelledAt: iso(c.cancelledAt),
    doneAt: iso(c.doneAt),
    workflowId: needClaimWorkflowId(c.id),
  };
}

export function needClaimView(c: NeedClaim, obligationNotified: boolean) {
  return { ...claimFields(c), obligationNotified };
}

/**
 * A need as the caller sees it: the places taken count every claim; a member (`onlyMemberId`)
 * sees only their own claim among the claims.
 */
export function needView(n: NeedWithClaims, today: string, onlyMemberId?: string | null): z.infer<typeof serviceNeed> {
  const active = n.claims.filter((c) => c.status !== 'cancelled');
  const claimBy = day(n.claimBy);
  return {
    id: n.id,
    communityId: n.communityId,
    title: n.title,
    category: n.category as z.infer<typeof serviceNeed>['category'],
    description: n.description,
    neededOn: day(n.neededOn),
    claimBy,
    slots: n.slots,
    claimed: active.length,
    done: active.filter((c) => c.status === 'done').length,
    state: needState({ status: n.status, slots: n.slots, activeClaims: active.length, claimBy, today }),
    cancelReason: n.cancelReason,
    cancelledAt: iso(n.cancelledAt),
    publishedBy: n.publishedBy,
    createdAt: n.createdAt.toISOString(),
    claims: n.claims
      .filter((c) => onlyMemberId === undefined || c.memberId === onlyMemberId)
      .map((c) => ({
        ...claimFields(c),
        memberName: c.member.name,
        memberPhone: maskTail(c.member.phone) ?? '',
      })),
  };
}

function serviceFields(s: ServiceRecord) {
  return {
    id: s.id,
    memberId: s.memberId,
    communityId: s.communityId,
    claimId: s.claimId,
    servedOn: day(s.servedOn),
    minutes: s.minutes,
    hours: hoursOf(s.minutes),
    what: s.what,
    confirmedBy: s.confirmedBy,
    recordedBy: s.recordedBy,
    createdAt: s.createdAt.toISOString(),
  };
}

export function serviceRecordView(s: ServiceRecord, obligationNotified: boolean): z.infer<typeof serviceRecord> {
  return { ...serviceFields(s), obligationNotified };
}

export function serviceCardView(card: Awaited<ReturnType<typeof serviceCardAct>>): z.infer<typeof serviceCardSchema> {
  const { member, community } = card;
  return {
    member: {
      id: member.id,
      name: member.name,
      communityId: member.communityId,
      communityName: community.name,
      employer: { id: member.employer.id, name: member.employer.name, partyOrgName: member.employer.partyOrgName },
      phone: member.phone,
      registeredOn: day(member.registeredOn),
      removed: member.removedAt !== null,
    },
    totals: { ...card.totals, hours: hoursOf(card.totals.minutes) },
    year: { ...card.year, hours: hoursOf(card.year.minutes) },
    services: card.services.map((s) => ({
      ...serviceFields(s),
      need: s.claim ? { id: s.claim.need.id, title: s.claim.need.title } : null,
    })),
    openClaims: card.openClaims.map((c) => ({
      claimId: c.id,
      needId: c.needId,
      title: c.need.title,
      category: c.need.category as z.infer<typeof serviceNeed>['category'],
      neededOn: day(c.need.neededOn),
      claimBy: day(c.need.claimBy),
      claimedAt: c.claimedAt.toISOString(),
    })),
  };
}
