/**
 * What the liaison office asks of escalations: the unanswered escalations (overdue first), and the
 * figures per level and period as JSON and as an XLSX ledger (台账) export. The deadline rules are
 * in api/routes/escalation-rules.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { periodFromKey, shanghaiDateOf } from '../../domain/period';
import { overdueCutoff } from '../../domain/calendar';
import { isOverdue, localDate } from '../../records/agenda-items';
import { loadWorkingCalendar } from '../../records/calendar';
import { loadFigureRows, loadPeriodItems } from '../../records/figures';
import { listOpenEscalations, unitNames } from '../../records/open-escalations';
import { allow, caller } from '../auth';
import { parseInput } from '../errors';
import { XLSX_TYPE } from '../contract/types';
import { figuresQuery } from '../contract/figures';
import { escalationsQuery } from '../contract/supervision';
import { readableUnitIds } from '../../records/scope';
import { figuresWorkbook } from '../views/figures-xlsx';
import { type ApiDeps } from '../deps';

export function figuresRouter({ prisma, clock }: ApiDeps): Router {
  const router = Router();

  /** Escalated items awaiting an answer from the level above (overdue first). */
  router.get('/supervision/escalations', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(escalationsQuery, req.query, 'query');
    // Overdue from the first working day after the deadline (domain/calendar.ts overdueCutoff).
    const today = overdueCutoff(await loadWorkingCalendar(prisma), shanghaiDateOf(clock()));
    const { hops, units, total } = await listOpenEscalations(prisma, { ...q, overdueBefore: today });
    res.json({
      items: hops.map((h) => ({
        agendaItemId: h.agendaItemId,
        title: h.agendaItem.title,
        raisedByUnit: { id: h.agendaItem.unitId, name: h.agendaItem.unit.name },
        hop: h.hop,
        toUnit: {
          id: h.toUnitId,
          name: units.get(h.toUnitId)?.name ?? '',
          level: units.get(h.toUnitId)?.level ?? null,
        },
        state: h.state,
        escalatedAt: h.escalatedAt.toISOString(),
        scheduleBy: localDate(h.scheduleBy),
        answerBy: localDate(h.answerBy),
        overdue: isOverdue(h, today),
      })),
      total,
      limit: q.limit,
      offset: q.offset,
    });
  });

  /**
   * The period asked for (this year by default), today in Asia/Shanghai, and the overdue cut-off
   * (deadlines before it are overdue: from the first working day after them).
   */
  async function periodOf(q: z.infer<typeof figuresQuery>) {
    const today = shanghaiDateOf(clock());
    const overdueBefore = overdueCutoff(await loadWorkingCalendar(prisma), today);
    return { today, overdueBefore, period: periodFromKey(q.period ?? today.slice(0, 4)) };
  }

  router.get('/supervision/figures', async (req, res) => {
    const q = parseInput(figuresQuery, req.query, 'query');
    const { today, overdueBefore, period } = await periodOf(q);
    const scope = { units: await readableUnitIds(prisma, caller(res)), level: q.level, streetId: q.streetId };
    const rows = await loadFigureRows(prisma, period, scope, overdueBefore);
    res.json({
      period: period.key,
      from: period.firstDay,
      to: period.lastDay,
      asOf: today,
      ...(q.level ? { level: q.level } : {}),
      ...(q.streetId ? { streetId: q.streetId } : {}),
      rows,
    });
  });

  /** The figures and the register of every item of the period, as an Excel workbook. */
  router.get('/supervision/figures.xlsx', async (req, res) => {
    const q = parseInput(figuresQuery, req.query, 'query');
    const { today, overdueBefore, period } = await periodOf(q);
    const scope = { units: await readableUnitIds(prisma, caller(res)), level: q.level, streetId: q.streetId };
    const [rows, items] = await Promise.all([
      loadFigureRows(prisma, period, scope, overdueBefore),
      loadPeriodItems(prisma, period, scope),
    ]);
    const units = await unitNames(prisma);
    const book = figuresWorkbook({ period, today, overdueBefore, rows, items, units, created: clock() });
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="agenda-ledger-${period.key}.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  return router;
}
