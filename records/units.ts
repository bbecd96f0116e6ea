/**
 * The organisation tree's queries: units by code or id, the batch insert of the registry, the
 * readable list, a unit's changes and removal, and a unit's history (its closed periods and the
 * notices sent for them).
 */
import { leaderOfVisitObligation, servingParticipationWorkflowId } from '../domain/workflow-ids';
import type { Notification, PeriodOutcome, Prisma, PrismaClient, Unit, UnitLevel } from '@prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** A unit not removed, by its record id. */
export function liveUnitById(db: Db, id: string): Promise<Unit | null> {
  return db.unit.findFirst({ where: { id, removedAt: null } });
}

/** Units with these codes (removed ones too: a code is never used twice). */
export function unitsWithCodes(db: Db, codes: readonly string[]): Promise<Unit[]> {
  return db.unit.findMany({ where: { code: { in: [...codes] } } });
}

/** Insert units in the order given (parents first, so the self-reference holds at every insert). */
export async function insertUnits(tx: Db, units: readonly Unit[]): Promise<void> {
  for (let i = 0; i < units.length; i += 500) {
    await tx.unit.createMany({ data: units.slice(i, i + 500) });
  }
}

export interface UnitFilter {
  level?: UnitLevel;
  streetId?: string;
  parentId?: string;
  limit: number;
  offset: number;
}

/** The live units a reader may see ('all', or those ids), by code, one page. */
export async function listUnits(
  prisma: PrismaClient,
  readable: 'all' | Set<string>,
  q: UnitFilter,
): Promise<{ items: Unit[]; total: number }> {
  const where = {
    removedAt: null,
    ...(readable === 'all' ? {} : { id: { in: [...readable] } }),
    ...(q.level ? { level: q.level } : {}),
    ...(q.streetId ? { streetId: q.streetId } : {}),
    ...(q.parentId ? { parentId: q.parentId } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.unit.findMany({ where, orderBy: { code: 'asc' }, take: q.limit, skip: q.offset }),
    prisma.unit.count({ where }),
  ]);
  return { items, total };
}

/** How many live units lie directly under a unit. */
export function liveChildCount(db: Db, unitId: string): Promise<number> {
  return db.unit.count({ where: { parentId: unitId, removedAt: null } });
}

/** Change a unit's own fields (name, convener, contact settings). */
export function updateUnitFields(tx: Db, unitId: string, changes: Prisma.UnitUpdateInput, now: Date): Promise<Unit> {
  return tx.unit.update({ where: { id: unitId }, data: { ...changes, updatedAt: now } });
}

/** Mark a unit removed (it stays in the record). */
export function markUnitRemoved(tx: Db, unitId: string, removedAt: Date): Promise<Unit> {
  return tx.unit.update({ where: { id: unitId }, data: { removedAt, updatedAt: removedAt } });
}

export interface UnitHistory {
  periods: PeriodOutcome[];
  total: number;
  /** The notices sent for the unit (the latest 500). */
  notices: Notification[];
  /** The leaders whose visit periods are among `periods`, by id. */
  leaders: Map<string, { id: string; name: string }>;
}

/**
 * A unit's closed periods (latest first, one page), the notices sent, and the names of the leaders
 * whose visit periods a community's record holds.
 */
export async function unitHistory(
  prisma: PrismaClient,
  unitId: string,
  page: { limit: number; offset: number },
): Promise<UnitHistory> {
  // A community's serving members' participation periods are theirs, not the unit's (a list, not its history).
  const where = { unitId, NOT: { obligation: { startsWith: servingParticipationWorkflowId('') } } };
  const [periods, total, notices] = await Promise.all([
    prisma.periodOutcome.findMany({
      where,
      orderBy: { dueAt: 'desc' },
      take: page.limit,
      skip: page.offset,
    }),
    prisma.periodOutcome.count({ where }),
    prisma.notification.findMany({ where: { ...where }, orderBy: { scheduledFor: 'desc' }, take: 500 }),
  ]);
  const leaderIds = periods.flatMap((p) => leaderOfVisitObligation(p.obligation) ?? []);
  const leaders = new Map(
    (await prisma.leader.findMany({ where: { id: { in: leaderIds } }, select: { id: true, name: true } })).map(
      (l) => [l.id, l] as const,
    ),
  );
  return { periods, total, notices, leaders };
}
