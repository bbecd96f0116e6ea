/**
 * The mechanism's figures per level and per period, in the shape of the city's report ("85
 * meetings held, 206 items resolved at their own level, 33 escalated, 27 of those resolved").
 * Pure: the API reads the rows, this counts them.
 *
 * Definitions (an item counts for the level and period of the meeting that raised it):
 * - meetingsHeld: meetings of the level's units held in the period;
 * - itemsRaised: agenda items put before those meetings;
 * - resolvedAtOwnLevel: of those, resolved by the level itself;
 * - open: not resolved and not escalated (yet);
 * - escalated: sent up at least one level;
 * - escalatedAnswered: escalated and answered at least once;
 * - escalatedResolved: escalated, answered "resolved" or "will be handled by …", and the answer
 *   confirmed by the raising unit;
 * - pending: escalated and not closed yet (awaiting the upper level, or the raising unit's confirmation);
 * - overdue: pending with the upper level past its answer deadline (from the first working day
 *   after it: `today` below is the cut-off `overdueCutoff` of domain/calendar.ts).
 */
import type { LocalDate } from './period';
import { UNIT_LEVELS, type UnitLevel } from './org';

export interface FigureItem {
  level: UnitLevel;
  /** The raising meeting's date. */
  heldOn: LocalDate;
  state: string;
  escalated: boolean;
  answered: boolean;
  /** Outcome of the answer in force (the last one), if any. */
  lastOutcome: string | null;
  /** The top hop, if escalated. */
  topHop: { state: string; answerBy: LocalDate } | null;
}

export interface FigureRow {
  level: UnitLevel | 'total';
  meetingsHeld: number;
  itemsRaised: number;
  resolvedAtOwnLevel: number;
  open: number;
  escalated: number;
  escalatedAnswered: number;
  escalatedResolved: number;
  pending: number;
  overdue: number;
}

export const FIGURE_COLUMNS = [
  'meetingsHeld',
  'itemsRaised',
  'resolvedAtOwnLevel',
  'open',
  'escalated',
  'escalatedAnswered',
  'escalatedResolved',
  'pending',
  'overdue',
] as const satisfies readonly Exclude<keyof FigureRow, 'level'>[];

export const FIGURE_NAMES: Record<(typeof FIGURE_COLUMNS)[number], { zh: string; en: string }> = {
  meetingsHeld: { zh: '召开会议', en: 'Meetings held' },
  itemsRaised: { zh: '议题总数', en: 'Items raised' },
  resolvedAtOwnLevel: { zh: '本级解决', en: 'Resolved at own level' },
  open: { zh: '待研究', en: 'Open' },
  escalated: { zh: '上移议题', en: 'Escalated' },
  escalatedAnswered: { zh: '已答复', en: 'Escalated, answered' },
  escalatedResolved: { zh: '上移已解决', en: 'Escalated, resolved' },
  pending: { zh: '上移待办结', en: 'Escalated, pending' },
  overdue: { zh: '逾期未答复', en: 'Overdue' },
};

export type FigureCounts = Omit<FigureRow, 'level'>;

const empty = (level: FigureRow['level']): FigureRow => ({
  level,
  meetingsHeld: 0,
  itemsRaised: 0,
  resolvedAtOwnLevel: 0,
  open: 0,
  escalated: 0,
  escalatedAnswered: 0,
  escalatedResolved: 0,
  pending: 0,
  overdue: 0,
});

/**
 * The report's rows from counts per level (a level without counts is all zeros): one row per
 * level asked for, in tree order, and a total row over them.
 */
export function figureRows(
  counts: ReadonlyMap<UnitLevel, Partial<FigureCounts>>,
  levels: readonly UnitLevel[] = UNIT_LEVELS,
): FigureRow[] {
  const rows = levels.map((l) => {
    const row = empty(l);
    const c = counts.get(l);
    if (c) for (const k of FIGURE_COLUMNS) row[k] = c[k] ?? 0;
    return row;
  });
  const total = empty('total');
  for (const row of rows) for (const c of FIGURE_COLUMNS) total[c] += row[c];
  return [...rows, total];
}

/**
 * The definitions above, over loaded items: one row per level (in tree order, only levels asked
 * for) and a total row. The service counts in SQL (records/figures.ts); this is the reference a
 * test holds the SQL to.
 */
export function computeFigures(
  meetings: readonly { level: UnitLevel }[],
  items: readonly FigureItem[],
  today: LocalDate,
  levels: readonly UnitLevel[] = UNIT_LEVELS,
): FigureRow[] {
  const rows = new Map(levels.map((l) => [l, empty(l)]));
  for (const m of meetings) {
    const row = rows.get(m.level);
    if (row) row.meetingsHeld += 1;
  }
  for (const i of items) {
    const row = rows.get(i.level);
    if (!row) continue;
    row.itemsRaised += 1;
    if (i.state === 'resolved') row.resolvedAtOwnLevel += 1;
    if (i.state === 'open') row.open += 1;
    if (!i.escalated) continue;
    row.escalated += 1;
    if (i.answered) row.escalatedAnswered += 1;
    if (i.state === 'confirmed' && (i.lastOutcome === 'resolved' || i.lastOutcome === 'scheduled')) {
      row.escalatedResolved += 1;
    }
    if (i.state !== 'confirmed') {
      row.pending += 1;
      const hop = i.topHop;
      if (hop && (hop.state === 'pending' || hop.state === 'taken_up') && hop.answerBy < today) row.overdue += 1;
    }
  }
  return figureRows(rows, levels);
}
