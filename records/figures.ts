/**
 * The figures of one period per level (domain/figures.ts gives the definitions), counted by the
 * database in one GROUP BY per table rather than by loading every item of the period: the route
 * answers in a few milliseconds however many items the period holds. `computeFigures` in the
 * domain module is the same definition over loaded items; a test keeps the two in agreement.
 * Used by the supervision routes and by the benchmark's bare route, so both run the same queries.
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import { figureRows, type FigureCounts } from '../domain/figures';
import type { Period } from '../domain/period';
import { UNIT_LEVELS, type UnitLevel } from '../domain/org';

export interface FiguresScope {
  /** Units the caller may read, or all. */
  units: 'all' | Set<string>;
  level?: UnitLevel;
  streetId?: string;
}

/** The WHERE clause on `u` (the raising unit) for a scope; an empty unit set matches nothing. */
function unitFilter(scope: FiguresScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.units !== 'all') {
    parts.push(scope.units.size ? Prisma.sql`u.id IN (${Prisma.join([...scope.units])})` : Prisma.sql`false`);
  }
  if (scope.level) parts.push(Prisma.sql`u.level::text = ${scope.level}`);
  if (scope.streetId) parts.push(Prisma.sql`u."streetId" = ${scope.streetId}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

type LevelCounts = FigureCounts & { level: string };

/** One row per level (only the levels asked for, in tree order) and a total row. */
/** `overdueBefore`: answer deadlines before it are overdue (domain/calendar.ts `overdueCutoff` of today). */
export async function loadFigureRows(prisma: PrismaClient, period: Period, scope: FiguresScope, overdueBefore: string) {
  const from = period.firstDay;
  const to = period.lastDay;
  const where = unitFilter(scope);
  const [meetings, items] = await Promise.all([
    prisma.$queryRaw<{ level: string; meetingsHeld: number }[]>`
      SELECT u.level::text AS level, count(*)::int AS "meetingsHeld"
      FROM "Meeting" m JOIN "Unit" u ON u.id = m."unitId"
      WHERE m."heldOn" BETWEEN ${from}::date AND ${to}::date ${where}
      GROUP BY u.level`,
    // Per item: its top hop (the escalation in force) and its last answer.
    prisma.$queryRaw<LevelCounts[]>`
      SELECT u.level::text AS level,
        count(*)::int AS "itemsRaised",
        count(*) FILTER (WHERE i.state = 'resolved')::int AS "resolvedAtOwnLevel",
        count(*) FILTER (WHERE i.state = 'open')::int AS open,
        count(top.hop)::int AS escalated,
        count(top.hop) FILTER (WHERE answer.outcome IS NOT NULL)::int AS "escalatedAnswered",
        count(top.hop) FILTER (WHERE i.state = 'confirmed' AND answer.outcome IN ('resolved', 'scheduled'))::int
          AS "escalatedResolved",
        count(top.hop) FILTER (WHERE i.state <> 'confirmed')::int AS pending,
        count(top.hop) FILTER (
          WHERE i.state <> 'confirmed' AND top.state IN ('pending', 'taken_up') AND top."answerBy" < ${overdueBefore}::date
        )::int AS overdue
      FROM "AgendaItem" i
        JOIN "Meeting" m ON m.id = i."meetingId"
        JOIN "Unit" u ON u.id = i."unitId"
        LEFT JOIN LATERAL (
          SELECT e.hop, e.state, e."answerBy" FROM "Escalation" e
          WHERE e."agendaItemId" = i.id ORDER BY e.hop DESC LIMIT 1
        ) top ON true
        LEFT JOIN LATERAL (
          SELECT f.outcome FROM "Feedback" f
          WHERE f."agendaItemId" = i.id ORDER BY f."answeredAt" DESC, f.round DESC LIMIT 1
        ) answer ON true
      WHERE m."heldOn" BETWEEN ${from}::date AND ${to}::date ${where}
      GROUP BY u.level`,
  ]);
  const counts = new Map<string, Partial<FigureCounts>>();
  for (const r of items) counts.set(r.level, { ...r });
  for (const r of meetings) counts.set(r.level, { ...counts.get(r.level), meetingsHeld: r.meetingsHeld });
  return figureRows(counts as Map<UnitLevel, Partial<FigureCounts>>, scope.level ? [scope.level] : UNIT_LEVELS);
}

/** The period's items with what the register shows of them (the XLSX ledger), oldest first. */
export function loadPeriodItems(prisma: PrismaClient, period: Period, scope: FiguresScope) {
  const heldOn = { gte: new Date(`${period.firstDay}T00:00:00Z`), lte: new Date(`${period.lastDay}T00:00:00Z`) };
  const unit = {
    ...(scope.units === 'all' ? {} : { id: { in: [...scope.units] } }),
    ...(scope.level ? { level: scope.level } : {}),
    ...(scope.streetId ? { streetId: scope.streetId } : {}),
  };
  return prisma.agendaItem.findMany({
    where: { meeting: { heldOn }, unit },
    include: {
      unit: true,
      meeting: { select: { heldOn: true } },
      escalations: { orderBy: { hop: 'asc' } },
      feedback: { orderBy: { answeredAt: 'asc' } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}
