/**
 * The meetings and agenda items of one period, read from the record and counted into the figures
 * per level (domain/figures.ts). Used by the supervision route and by the benchmark's bare route,
 * so both run the same query.
 */
import type { PrismaClient } from '@prisma/client';
import { UNIT_LEVELS, type UnitLevel } from '../domain/cadence';
import { computeFigures, type FigureItem } from '../domain/figures';
import type { Period } from '../domain/period';
import { localDate } from './agenda-items';

export interface FiguresScope {
  /** Units the caller may read, or all. */
  units: 'all' | Set<string>;
  level?: UnitLevel;
  streetId?: string;
}

export async function loadFigures(prisma: PrismaClient, period: Period, scope: FiguresScope, today: string) {
  const heldOn = { gte: new Date(`${period.firstDay}T00:00:00Z`), lte: new Date(`${period.lastDay}T00:00:00Z`) };
  const unitWhere = {
    ...(scope.units === 'all' ? {} : { id: { in: [...scope.units] } }),
    ...(scope.level ? { level: scope.level } : {}),
    ...(scope.streetId ? { streetId: scope.streetId } : {}),
  };
  const [meetings, items] = await Promise.all([
    prisma.meeting.findMany({ where: { heldOn, unit: unitWhere }, select: { unit: { select: { level: true } } } }),
    prisma.agendaItem.findMany({
      where: { meeting: { heldOn }, unit: unitWhere },
      include: {
        unit: true,
        meeting: { select: { heldOn: true } },
        escalations: { orderBy: { hop: 'asc' } },
        feedback: { orderBy: { answeredAt: 'asc' } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const figureItems: FigureItem[] = items.map((i) => {
    const top = i.escalations.at(-1);
    return {
      level: i.unit.level,
      heldOn: localDate(i.meeting.heldOn),
      state: i.state,
      escalated: i.escalations.length > 0,
      answered: i.feedback.length > 0,
      lastOutcome: i.feedback.at(-1)?.outcome ?? null,
      topHop: top ? { state: top.state, answerBy: localDate(top.answerBy) } : null,
    };
  });
  const rows = computeFigures(
    meetings.map((m) => ({ level: m.unit.level })),
    figureItems,
    today,
    scope.level ? [scope.level] : UNIT_LEVELS,
  );
  return { rows, items };
}
