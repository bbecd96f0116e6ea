/** Escalated items awaiting an answer from the level above (the liaison office's list), overdue first. */
import type { PrismaClient } from '@prisma/client';
import type { UnitLevel } from '../domain/org';

export interface OpenEscalationFilter {
  /** Today's overdue cut-off: answer deadlines before it are overdue. */
  overdueBefore: string;
  overdue?: 'true' | 'false';
  level?: UnitLevel;
  streetId?: string;
  limit: number;
  offset: number;
}

async function unitIds(prisma: Pick<PrismaClient, 'unit'>, level?: UnitLevel, streetId?: string): Promise<string[]> {
  const rows = await prisma.unit.findMany({
    where: { ...(level ? { level } : {}), ...(streetId ? { streetId } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A page of the hops pending or taken up, by answer deadline, with their items and receiving units. */
export async function listOpenEscalations(prisma: PrismaClient, f: OpenEscalationFilter) {
  const cutoff = new Date(`${f.overdueBefore}T00:00:00Z`);
  const where = {
    state: { in: ['pending', 'taken_up'] },
    ...(f.overdue === 'true' ? { answerBy: { lt: cutoff } } : {}),
    ...(f.overdue === 'false' ? { answerBy: { gte: cutoff } } : {}),
    ...(f.level || f.streetId ? { toUnitId: { in: await unitIds(prisma, f.level, f.streetId) } } : {}),
  };
  const [hops, total] = await Promise.all([
    prisma.escalation.findMany({
      where,
      orderBy: [{ answerBy: 'asc' }, { id: 'asc' }],
      take: f.limit,
      skip: f.offset,
      include: { agendaItem: { include: { unit: true } } },
    }),
    prisma.escalation.count({ where }),
  ]);
  const units = new Map(
    (await prisma.unit.findMany({ where: { id: { in: hops.map((h) => h.toUnitId) } } })).map((u) => [u.id, u]),
  );
  return { hops, units, total };
}

/** Every unit's name by id (the XLSX ledger names the units an item passed through). */
export async function unitNames(prisma: Pick<PrismaClient, 'unit'>): Promise<Map<string, string>> {
  return new Map((await prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
}
