/** What the record says should be running, for the reconciliation at start (obligations/reconcile.ts). */
import type { PrismaClient } from '@prisma/client';

/** Units not removed: each has its meeting obligation. */
export async function activeUnitIds(prisma: PrismaClient): Promise<string[]> {
  return (await prisma.unit.findMany({ where: { removedAt: null }, select: { id: true } })).map((u) => u.id);
}

/** Escalated items not closed yet: each has its escalation workflow. */
export async function openEscalationItemIds(prisma: PrismaClient): Promise<string[]> {
  const items = await prisma.agendaItem.findMany({
    where: { state: { in: ['escalated', 'taken_up', 'answered', 'disputed'] } },
    select: { id: true },
  });
  return items.map((i) => i.id);
}

/** Leaders not removed: each has a visit obligation. */
export async function activeLeaderIds(prisma: PrismaClient): Promise<string[]> {
  return (await prisma.leader.findMany({ where: { removedAt: null }, select: { id: true } })).map((l) => l.id);
}

/** Evaluation campaigns recorded and not over: each has its workflow. */
export async function campaignsNotOver(prisma: PrismaClient): Promise<{ communityId: string; year: number }[]> {
  return prisma.evaluationCampaign.findMany({
    where: { status: { in: ['scheduled', 'open'] } },
    select: { communityId: true, year: true },
  });
}
