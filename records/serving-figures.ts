/**
 * The third entry's figures (在职党员普遍进 统计), read straight from the tables: per community the
 * registered employers and members (as of a day), the needs of the year published / claimed /
 * done, the services recorded in the year and their minutes, and the members below the minimum in
 * one participation period. The sums per street and for the city are made by the service
 * (services/serving-figures.ts); personal data never leaves this file (figures only).
 */
import type { PrismaClient, UnitLevel } from '@prisma/client';
import { addDays, type LocalDate, shanghaiInstant } from '../domain/period';

const dbDate = (d: LocalDate) => new Date(`${d}T00:00:00Z`);

/** The counts of one community. */
export interface ServingCounts {
  employers: number;
  members: number;
  needsPublished: number;
  needsClaimed: number;
  needsDone: number;
  services: number;
  minutes: number;
  membersBelowMinimum: number;
}

export const ZERO_COUNTS: ServingCounts = {
  employers: 0,
  members: 0,
  needsPublished: 0,
  needsClaimed: 0,
  needsDone: 0,
  services: 0,
  minutes: 0,
  membersBelowMinimum: 0,
};

export interface ServingFiguresWindow {
  /** Registrations count when made on or before this day and not removed by its end. */
  asOf: LocalDate;
  /** Needs (by their day) and services (by the day served) of this span count. */
  from: LocalDate;
  to: LocalDate;
  /** The participation period whose services are compared with the minimum. */
  participation: { from: LocalDate; to: LocalDate; minServices: number };
}

export interface CommunityUnit {
  id: string;
  code: string;
  name: string;
  streetId: string | null;
}

/** The communities of the city (not removed), by name; only those in `ids` unless 'all'. */
export async function servingCommunities(
  prisma: PrismaClient,
  ids: 'all' | ReadonlySet<string>,
): Promise<CommunityUnit[]> {
  return prisma.unit.findMany({
    where: {
      level: 'community',
      removedAt: null,
      ...(ids === 'all' ? {} : { id: { in: [...ids] } }),
    },
    select: { id: true, code: true, name: true, streetId: true },
    orderBy: [{ code: 'asc' }],
  });
}

/** A unit by id or code (removed ones not), for the figures' filters. */
export async function figuresUnit(
  prisma: PrismaClient,
  ref: string,
  byId: boolean,
): Promise<{ id: string; name: string; level: UnitLevel; streetId: string | null } | null> {
  return prisma.unit.findFirst({
    where: { ...(byId ? { id: ref } : { code: ref }), removedAt: null },
    select: { id: true, name: true, level: true, streetId: true },
  });
}

/** Codes and names of units by id (the streets of the rows). */
export async function unitNamesOf(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const units = await prisma.unit.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, code: true, name: true },
  });
  return new Map(units.map((u) => [u.id, { code: u.code, name: u.name }]));
}

/** Registered on or before `asOf`, and not removed before that day ended (Asia/Shanghai). */
function registeredAsOf(asOf: LocalDate) {
  return {
    registeredOn: { lte: dbDate(asOf) },
    OR: [{ removedAt: null }, { removedAt: { gte: shanghaiInstant(addDays(asOf, 1)) } }],
  };
}

/**
 * The counts of each community asked for (every one present, zeros included), and the employers
 * registered without a community (counted for the city only).
 */
export async function loadServingCounts(
  prisma: PrismaClient,
  communityIds: readonly string[],
  w: ServingFiguresWindow,
): Promise<{ byCommunity: Map<string, ServingCounts>; employersWithoutCommunity: number }> {
  const inCommunities = { communityId: { in: [...communityIds] } };
  const span = { gte: dbDate(w.from), lte: dbDate(w.to) };
  const [employers, withoutCommunity, members, needs, services, belowMinimum] = await Promise.all([
    prisma.servingEmployer.groupBy({
      by: ['communityId'],
      where: { ...inCommunities, ...registeredAsOf(w.asOf) },
      _count: { _all: true },
    }),
    prisma.servingEmployer.count({ where: { communityId: null, ...registeredAsOf(w.asOf) } }),
    prisma.servingMember.groupBy({
      by: ['communityId'],
      where: { ...inCommunities, ...registeredAsOf(w.asOf) },
      _count: { _all: true },
    }),
    prisma.serviceNeed.findMany({
      where: { ...inCommunities, neededOn: span, status: { not: 'cancelled' } },
      select: { communityId: true, claims: { select: { status: true } } },
    }),
    prisma.serviceRecord.groupBy({
      by: ['communityId'],
      where: { ...inCommunities, servedOn: span },
      _count: { _all: true },
      _sum: { minutes: true },
    }),
    membersBelowMinimum(prisma, communityIds, w),
  ]);

  const byCommunity = new Map(communityIds.map((id) => [id, { ...ZERO_COUNTS }]));
  const row = (id: string | null) => (id ? byCommunity.get(id) : undefined);
  for (const e of employers) {
    const r = row(e.communityId);
    if (r) r.employers = e._count._all;
  }
  for (const m of members) {
    const r = row(m.communityId);
    if (r) r.members = m._count._all;
  }
  for (const n of needs) {
    const r = row(n.communityId);
    if (!r) continue;
    r.needsPublished += 1;
    if (n.claims.some((c) => c.status === 'claimed' || c.status === 'done')) r.needsClaimed += 1;
    if (n.claims.some((c) => c.status === 'done')) r.needsDone += 1;
  }
  for (const s of services) {
    const r = row(s.communityId);
    if (!r) continue;
    r.services = s._count._all;
    r.minutes = s._sum.minutes ?? 0;
  }
  for (const [id, n] of belowMinimum) {
    const r = row(id);
    if (r) r.membersBelowMinimum = n;
  }
  return { byCommunity, employersWithoutCommunity: withoutCommunity };
}

/**
 * Per home community: members registered as of `asOf` whose services served in the participation
 * period (in any community) number fewer than the minimum.
 */
async function membersBelowMinimum(
  prisma: PrismaClient,
  communityIds: readonly string[],
  w: ServingFiguresWindow,
): Promise<Map<string, number>> {
  const p = w.participation;
  const members = await prisma.servingMember.findMany({
    where: { communityId: { in: [...communityIds] }, ...registeredAsOf(w.asOf) },
    select: { id: true, communityId: true },
  });
  if (members.length === 0) return new Map();
  const served = await prisma.serviceRecord.groupBy({
    by: ['memberId'],
    where: { memberId: { in: members.map((m) => m.id) }, servedOn: { gte: dbDate(p.from), lte: dbDate(p.to) } },
    _count: { _all: true },
  });
  const countOf = new Map(served.map((s) => [s.memberId, s._count._all]));
  const below = new Map<string, number>();
  for (const m of members) {
    if ((countOf.get(m.id) ?? 0) < p.minServices) below.set(m.communityId, (below.get(m.communityId) ?? 0) + 1);
  }
  return below;
}
