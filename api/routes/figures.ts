/**
 * What the liaison office asks of escalations: the deadline rules (rules are data), the
 * unanswered escalations (overdue first), and the figures per level and period as JSON and as an
 * XLSX ledger (台账) export.
 */
import { Router } from 'express';
import { Workbook } from 'exceljs';
import { DATE_FORMAT, DATETIME_FORMAT, excelDate, excelDateTime, fitColumns, formatColumns } from '../xlsx';
import { z } from 'zod';
import { escalationRuleFor } from '../../domain/escalation';
import { FIGURE_COLUMNS, FIGURE_NAMES } from '../../domain/figures';
import { periodFromKey, shanghaiDateOf } from '../../domain/period';
import { overdueCutoff } from '../../domain/calendar';
import { isOverdue, localDate } from '../../records/agenda-items';
import { loadWorkingCalendar } from '../../records/calendar';
import { loadFigureRows, loadPeriodItems } from '../../records/figures';
import { actorOf, allow, caller } from '../auth';
import { parseInput } from '../errors';
import { XLSX_TYPE } from '../contract/types';
import { figuresQuery } from '../contract/figures';
import { escalationRuleInput } from '../contract/rules';
import { escalationsQuery } from '../contract/supervision';
import { LEVEL_NAMES, UNIT_LEVELS, type UnitLevel } from '../../domain/org';
import { readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const STATE_NAMES: Record<string, string> = {
  open: '待研究 open',
  resolved: '本级解决 resolved',
  escalated: '已上移 escalated',
  taken_up: '上级已列入会议 taken up',
  answered: '已答复待确认 answered',
  disputed: '有异议 disputed',
  confirmed: '已办结 confirmed',
};

export function figuresRouter({ prisma, clock }: ApiDeps): Router {
  const router = Router();

  router.get('/escalation-rules', async (_req, res) => {
    const stored = await prisma.escalationRule.findMany();
    res.json({
      items: UNIT_LEVELS.map((level) =>
        escalationRuleFor(
          level,
          stored.find((r) => r.level === level),
        ),
      ),
    });
  });

  /** Deadlines for the level receiving escalations; applies to escalations made from now on. */
  router.put('/escalation-rules/:level', allow('admin', 'supervisor'), async (req, res) => {
    const { level } = parseInput(z.object({ level: z.enum(UNIT_LEVELS) }), req.params, 'path');
    const input = parseInput(escalationRuleInput, req.body);
    const before = escalationRuleFor(level, await prisma.escalationRule.findUnique({ where: { level } }));
    const [saved] = await prisma.$transaction([
      prisma.escalationRule.upsert({ where: { level }, create: { level, ...input }, update: input }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'rule.change',
          entity: 'escalationRule',
          entityId: level,
          before: { ...before },
          after: { level, ...input },
        },
      }),
    ]);
    res.json({ ...escalationRuleFor(level, saved), appliesFrom: 'escalations made from now on' });
  });

  /** Escalated items awaiting an answer from the level above (overdue first). */
  router.get('/supervision/escalations', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(escalationsQuery, req.query, 'query');
    // Overdue from the first working day after the deadline (domain/calendar.ts overdueCutoff).
    const today = overdueCutoff(await loadWorkingCalendar(prisma), shanghaiDateOf(clock()));
    const where = {
      state: { in: ['pending', 'taken_up'] },
      ...(q.overdue === 'true' ? { answerBy: { lt: new Date(`${today}T00:00:00Z`) } } : {}),
      ...(q.overdue === 'false' ? { answerBy: { gte: new Date(`${today}T00:00:00Z`) } } : {}),
      ...(q.level || q.streetId ? { toUnitId: { in: await unitIds(q.level, q.streetId) } } : {}),
    };
    const [hops, total] = await Promise.all([
      prisma.escalation.findMany({
        where,
        orderBy: [{ answerBy: 'asc' }, { id: 'asc' }],
        take: q.limit,
        skip: q.offset,
        include: { agendaItem: { include: { unit: true } } },
      }),
      prisma.escalation.count({ where }),
    ]);
    const units = new Map(
      (await prisma.unit.findMany({ where: { id: { in: hops.map((h) => h.toUnitId) } } })).map((u) => [u.id, u]),
    );
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

  async function unitIds(level?: UnitLevel, streetId?: string): Promise<string[]> {
    const rows = await prisma.unit.findMany({
      where: { ...(level ? { level } : {}), ...(streetId ? { streetId } : {}) },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

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
    const units = new Map(
      (await prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    const book = new Workbook();
    book.creator = 'donggang-governance';
    book.created = clock();

    const figures = book.addWorksheet('统计 Figures');
    figures.addRow([
      `一轴三联三进 议题统计 / Figures ${period.key}（${period.firstDay} – ${period.lastDay}，截至 as of ${today}）`,
    ]);
    figures.addRow(['层级 Level', ...FIGURE_COLUMNS.map((c) => `${FIGURE_NAMES[c].zh} ${FIGURE_NAMES[c].en}`)]);
    for (const r of rows) {
      const name = r.level === 'total' ? '合计 Total' : `${LEVEL_NAMES[r.level].zh} ${LEVEL_NAMES[r.level].en}`;
      figures.addRow([name, ...FIGURE_COLUMNS.map((c) => r[c])]);
    }
    figures.getRow(2).font = { bold: true };
    fitColumns(figures, { fromRow: 2, max: 24, freezeBelow: 2 });

    const ledger = book.addWorksheet('议题台账 Ledger');
    ledger.addRow([
      '单位 Unit',
      '层级 Level',
      '会议日期 Meeting',
      '议题 Title',
      '提出人 Raised by',
      '类别 Category',
      '状态 State',
      '本级解决 Resolution',
      '上移经过 Escalations',
      '答复期限 Answer by',
      '逾期 Overdue',
      '答复 Answer',
      '确认 Response',
      '最近上移时间 Last escalated at',
    ]);
    for (const i of items) {
      const top = i.escalations.at(-1);
      const answer = i.feedback.at(-1);
      ledger.addRow([
        i.unit.name,
        `${LEVEL_NAMES[i.unit.level].zh} ${i.unit.level}`,
        excelDate(localDate(i.meeting.heldOn)),
        i.title,
        i.raisedBy,
        i.category ?? '',
        STATE_NAMES[i.state] ?? i.state,
        i.resolution ?? '',
        i.escalations
          .map(
            (e) =>
              `${e.hop}. ${units.get(e.fromUnitId) ?? ''} → ${units.get(e.toUnitId) ?? ''} ${shanghaiDateOf(e.escalatedAt)}`,
          )
          .join('\n'),
        top ? excelDate(localDate(top.answerBy)) : '',
        top && isOverdue(top, overdueBefore) ? '是 yes' : '',
        answer ? `${answer.outcome}: ${answer.text}` : '',
        answer?.response ? `${answer.response}${answer.responseReason ? `: ${answer.responseReason}` : ''}` : '',
        top ? excelDateTime(top.escalatedAt) : '',
      ]);
    }
    ledger.getRow(1).font = { bold: true };
    formatColumns(ledger, { 3: DATE_FORMAT, 10: DATE_FORMAT, 14: DATETIME_FORMAT }, 2);
    fitColumns(ledger, { max: 40, freezeBelow: 1 });

    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="agenda-ledger-${period.key}.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  return router;
}
