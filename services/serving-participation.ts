/**
 * The third entry's rule (the liaison office changes it, audited) and the members' participation:
 * one member's current period (the workflow's query), and the members below the minimum in a
 * period (a list for the community's convener and the office).
 */
import type { ServingMember } from '@prisma/client';
import { periodContaining, periodFromKey } from '../domain/period';
import { minServicesPerYear, type ServingRule } from '../domain/serving';
import { participationStatus } from '../obligations/serving-participation';
import { canRead, type Caller, actorOf, readableUnitIds } from '../records/scope';
import {
  type MemberBelowMinimum,
  membersBelowMinimum,
  participationMember,
  saveServingRule,
} from '../records/serving-participation';
import { loadServingRule } from '../records/serving-rule';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

/** When a changed rule applies. */
export const SERVING_RULE_APPLIES_FROM = 'participation: next period; claims and receipts: their next step';

/** Change the third entry's rule (admin or supervisor): stored and audited with what it was. */
export async function changeServingRule(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  rule: ServingRule,
): Promise<ServingRule & { appliesFrom: string }> {
  if (caller.role !== 'admin' && caller.role !== 'supervisor') {
    throw new ServiceError(403, 'forbidden', 'Only the liaison office (or an admin) changes the rule');
  }
  const before = await loadServingRule(deps.prisma);
  const saved = await saveServingRule(deps.prisma, rule, before, { actor: actorOf(caller), now: deps.clock() });
  return { ...saved, appliesFrom: SERVING_RULE_APPLIES_FROM };
}

/**
 * A member as the caller may see them: the member themself, the office, an admin, or a convener
 * (or leader) whose unit is the member's community or above it; others: not found.
 */
async function memberInScope(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  memberId: string,
): Promise<ServingMember> {
  const found = await participationMember(deps.prisma, memberId);
  const visible =
    found &&
    (caller.role === 'admin' ||
      caller.role === 'supervisor' ||
      (caller.role === 'member' && caller.servingMemberId === memberId) ||
      (found.community !== null && (await canRead(deps.prisma, caller, found.community))));
  if (!found || !visible) throw ServiceError.notFound(`Serving member ${memberId}`);
  return found.member;
}

/** The member's current participation period, from their obligation's workflow. */
export async function memberParticipation(deps: ServiceDeps, caller: Caller, memberId: string) {
  const member = await memberInScope(deps, caller, memberId);
  const status = await participationStatus(deps, member.id);
  return { member, status };
}

export interface BelowMinimumQuery {
  communityId?: string;
  /** A year ("2026") or half-year ("2026-H2") key; default: the rule's current period. */
  period?: string;
}

/**
 * The members below the minimum in a period: of one community (its convener, or a convener above
 * it, the office, an admin), or of every community the caller may read. A year under a half-year
 * rule counts the minimum twice; a half-year under a yearly rule is refused (400 naming period).
 */
export async function belowMinimum(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  q: BelowMinimumQuery,
): Promise<{
  periodKey: string;
  firstDay: string;
  lastDay: string;
  minServices: number;
  communityId: string | null;
  items: MemberBelowMinimum[];
}> {
  if (!['admin', 'supervisor', 'convener'].includes(caller.role)) {
    throw new ServiceError(403, 'forbidden', 'Only conveners and the liaison office see the members below the minimum');
  }
  const rule = await loadServingRule(deps.prisma);
  const period = q.period ? periodFromKey(q.period) : periodContaining(deps.clock(), rule.participationPeriod);
  if (period.unit === 'half' && rule.participationPeriod === 'year') {
    throw ServiceError.badRequest('period', 'The rule counts services per year: give a year (e.g. "2026")');
  }
  const minServices = period.unit === 'year' ? minServicesPerYear(rule) : rule.minServices;
  let communityIds: 'all' | string[];
  let communityId: string | null = null;
  if (q.communityId) {
    const unit = await unitInScope(deps.prisma, caller, q.communityId);
    if (unit.level !== 'community') throw ServiceError.badRequest('communityId', `${unit.code} is not a community`);
    communityIds = [unit.id];
    communityId = unit.id;
  } else {
    const readable = await readableUnitIds(deps.prisma, caller);
    communityIds = readable === 'all' ? 'all' : [...readable];
  }
  const items = await membersBelowMinimum(deps.prisma, { communityIds, period, minServices });
  return { periodKey: period.key, firstDay: period.firstDay, lastDay: period.lastDay, minServices, communityId, items };
}
