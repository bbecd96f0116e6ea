/**
 * The record behind each serving member's participation obligation: the member and their home
 * community, the services they took part in within a period, the members below the minimum in a
 * period, and the third entry's rule as the liaison office saves it (audited).
 */
import type { PrismaClient, ServingMember, Unit } from '@prisma/client';
import type { Period } from '../domain/period';
import type { ServingRule } from '../domain/serving';
import { writeAudit } from './audit-trail';
import { servingRuleFor } from './serving-rule';

/** A calendar date (YYYY-MM-DD) as a `@db.Date` value, and back. */
const asDbDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** A member (removed or not), with their home community. */
export async function participationMember(
  prisma: Pick<PrismaClient, 'servingMember' | 'unit'>,
  memberId: string,
): Promise<{ member: ServingMember; community: Unit | null } | null> {
  const member = await prisma.servingMember.findUnique({ where: { id: memberId } }).catch(() => null);
  if (!member) return null;
  const community = await prisma.unit.findUnique({ where: { id: member.communityId } });
  return { member, community };
}

/** The member's services dated within the period, oldest first. */
export async function servicesOfMemberIn(
  prisma: Pick<PrismaClient, 'serviceRecord'>,
  memberId: string,
  period: Pick<Period, 'firstDay' | 'lastDay'>,
): Promise<{ id: string; servedOn: string }[]> {
  const rows = await prisma.serviceRecord.findMany({
    where: { memberId, servedOn: { gte: asDbDate(period.firstDay), lte: asDbDate(period.lastDay) } },
    orderBy: [{ servedOn: 'asc' }, { id: 'asc' }],
    select: { id: true, servedOn: true },
  });
  return rows.map((r) => ({ id: r.id, servedOn: dayOf(r.servedOn) }));
}

/** Members not removed (the participation obligations that should run). */
export async function activeServingMemberIds(prisma: Pick<PrismaClient, 'servingMember'>): Promise<string[]> {
  const rows = await prisma.servingMember.findMany({
    where: { removedAt: null },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.id);
}

export interface MemberBelowMinimum {
  memberId: string;
  name: string;
  phone: string;
  communityId: string;
  employerId: string;
  employerName: string;
  registeredOn: string;
  services: number;
}

/**
 * The members of these communities (all: every community) who were registered during the period
 * (registered by its last day, not removed before its end) and took part in fewer than
 * `minServices` services dated within it; by community, then name (pinyin order).
 */
export async function membersBelowMinimum(
  prisma: Pick<PrismaClient, 'servingMember' | 'serviceRecord'>,
  q: {
    communityIds: 'all' | readonly string[];
    period: Pick<Period, 'firstDay' | 'lastDay' | 'endsAt'>;
    minServices: number;
  },
): Promise<MemberBelowMinimum[]> {
  const members = await prisma.servingMember.findMany({
    where: {
      ...(q.communityIds === 'all' ? {} : { communityId: { in: [...q.communityIds] } }),
      registeredOn: { lte: asDbDate(q.period.lastDay) },
      OR: [{ removedAt: null }, { removedAt: { gte: q.period.endsAt } }],
    },
    include: { employer: { select: { name: true } } },
  });
  if (members.length === 0) return [];
  const counts = await prisma.serviceRecord.groupBy({
    by: ['memberId'],
    where: {
      memberId: { in: members.map((m) => m.id) },
      servedOn: { gte: asDbDate(q.period.firstDay), lte: asDbDate(q.period.lastDay) },
    },
    _count: { _all: true },
  });
  const served = new Map(counts.map((c) => [c.memberId, c._count._all]));
  return members
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      phone: m.phone,
      communityId: m.communityId,
      employerId: m.employerId,
      employerName: m.employer.name,
      registeredOn: dayOf(m.registeredOn),
      services: served.get(m.id) ?? 0,
    }))
    .filter((m) => m.services < q.minServices)
    .sort(
      (x, y) =>
        x.communityId.localeCompare(y.communityId) ||
        byName.compare(x.name, y.name) ||
        x.memberId.localeCompare(y.memberId),
    );
}

/** Names in pinyin order, the same on every database (whatever its collation). */
const byName = new Intl.Collator('zh-CN');

/** Store the third entry's rule, audited with what it was, in one transaction; answers the rule as stored. */
export async function saveServingRule(
  prisma: PrismaClient,
  rule: ServingRule,
  before: ServingRule,
  by: { actor: string; now: Date },
): Promise<ServingRule> {
  return prisma.$transaction(async (tx) => {
    const saved = await tx.servingRule.upsert({
      where: { id: 'default' },
      create: { id: 'default', ...rule, updatedAt: by.now },
      update: { ...rule, updatedAt: by.now },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'rule.change',
      entity: 'servingRule',
      entityId: 'default',
      before: { ...before },
      after: { ...rule },
    });
    return servingRuleFor(saved);
  });
}
