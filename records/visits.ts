/** The record of the leaders' visits to their paired communities. */
import type { PrismaClient, Visit } from '@prisma/client';
import { leaderVisitWorkflowId } from '../domain/workflow-ids';
import { correctClosedPeriod } from './period-outcomes';

const yearRange = (year: number) => ({
  gte: new Date(`${year}-01-01T00:00:00Z`),
  lte: new Date(`${year}-12-31T00:00:00Z`),
});

/**
 * Record a visit in one transaction: the visit, its audit row and, dated in a period already
 * closed, that period's correction.
 */
export async function recordVisit(
  prisma: PrismaClient,
  v: {
    leader: { id: string; communityId: string };
    visitedOn: string;
    periodKey: string;
    purposes: string[];
    notes?: string;
    /** The audit row's `after`: what was entered. */
    entered: Record<string, unknown>;
    minVisits: number;
  },
  by: { actor: string; now: Date },
): Promise<Visit> {
  const { leader, periodKey } = v;
  return prisma.$transaction(async (tx) => {
    const created = await tx.visit.create({
      data: {
        leaderId: leader.id,
        communityId: leader.communityId,
        visitedOn: new Date(`${v.visitedOn}T00:00:00Z`),
        periodKey,
        purposes: v.purposes,
        notes: v.notes,
        recordedBy: by.actor,
        createdAt: by.now,
      },
    });
    await tx.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'visit.record',
        entity: 'visit',
        entityId: created.id,
        after: { ...v.entered, leaderId: leader.id, periodKey },
      },
    });
    await correctClosedPeriod(tx, {
      unitId: leader.communityId,
      obligation: leaderVisitWorkflowId(leader.id),
      periodKey,
      count: () => tx.visit.count({ where: { leaderId: leader.id, periodKey } }),
      minimum: v.minVisits,
      by: { byVisit: created.id },
      actor: by.actor,
      now: by.now,
    });
    return created;
  });
}

/** A leader's visits (in a year, or all), latest first. */
export function visitsOfLeader(prisma: PrismaClient, leaderId: string, year?: number): Promise<Visit[]> {
  return prisma.visit.findMany({
    where: { leaderId, ...(year ? { visitedOn: yearRange(year) } : {}) },
    orderBy: { visitedOn: 'desc' },
  });
}

/** Every leader (not removed; of a street's communities if named) with their community and visits in a period. */
export function leadersWithVisitsIn(prisma: PrismaClient, periodKey: string, streetId?: string) {
  return prisma.leader.findMany({
    where: { removedAt: null, ...(streetId ? { community: { streetId } } : {}) },
    include: { community: true, visits: { where: { periodKey }, orderBy: { visitedOn: 'asc' } } },
    orderBy: { code: 'asc' },
  });
}

/** Every leader (not removed) with their community and visits in a year. */
export function leadersWithVisitsInYear(prisma: PrismaClient, year: number) {
  return prisma.leader.findMany({
    where: { removedAt: null },
    include: { community: true, visits: { where: { visitedOn: yearRange(year) } } },
    orderBy: { code: 'asc' },
  });
}
