/**
 * Before the deadline (issue 14): the units not yet met this period (JSON and XLSX), what falls
 * due this week, the unit directory, and a unit's units below with their status. Thin routes
 * over records/due.ts; the contract is api/contract/due.ts.
 */
import { Router } from 'express';
import { Workbook } from 'exceljs';
import { shanghaiDateOf } from '../../domain/period';
import { loadWorkingCalendar } from '../../records/calendar';
import { childrenStatus, dueThisWeek, notYetMet, searchDirectory } from '../../records/due';
import { actorOf, allow, caller } from '../auth';
import { digestRuleInput, directoryQuery, dueQuery } from '../contract/due';
import { loadDigestRule } from '../../activities/digest';
import { ApiError, parseInput } from '../errors';
import { XLSX_TYPE } from '../contract/types';
import { unitView } from '../views/units';
import { tellDigestRuleChanged } from '../../obligations/digest';
import { LEVEL_NAMES } from '../../domain/org';
import { canRead, readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of the ledger's steps, for the export. */
function stepName(step: string): string {
  if (step.startsWith('reminder-')) return `提醒（到期前${step.slice(9)}个工作日） reminder ${step.slice(9)}`;
  if (step === 'overdue') return '逾期通知 overdue';
  return step;
}

export function dueRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();

  router.get('/digest-rule', allow('admin', 'supervisor'), async (_req, res) => {
    res.json(await loadDigestRule(prisma));
  });

  /** Change the weekly digest's rule; its workflow plans again at once. */
  router.put('/digest-rule', allow('admin', 'supervisor'), async (req, res) => {
    const input = parseInput(digestRuleInput, req.body);
    const before = await loadDigestRule(prisma);
    await prisma.digestRule.upsert({ where: { id: 'default' }, create: input, update: input });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: 'digestRule.update',
        entity: 'digestRule',
        entityId: 'default',
        before: { ...before },
        after: input,
      },
    });
    // Not started (yet): it reads the rule when it starts.
    await tellDigestRuleChanged(deps);
    res.json(input);
  });

  router.get('/supervision/due', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(dueQuery, req.query, 'query');
    const today = shanghaiDateOf(clock());
    const calendar = await loadWorkingCalendar(prisma);
    const { items, total } = await notYetMet(prisma, calendar, today, 'all', q);
    res.json({ today, items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/supervision/due.xlsx', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(dueQuery, req.query, 'query');
    const today = shanghaiDateOf(clock());
    const calendar = await loadWorkingCalendar(prisma);
    const { items } = await notYetMet(prisma, calendar, today, 'all', { ...q, limit: 100_000, offset: 0 });
    const book = new Workbook();
    book.creator = 'donggang-governance';
    book.created = clock();
    const sheet = book.addWorksheet('本期未达标 Not yet met');
    sheet.columns = [
      { header: '单位 Unit', key: 'name', width: 24 },
      { header: '代码 Code', key: 'code', width: 22 },
      { header: '层级 Level', key: 'level', width: 18 },
      { header: '街道 Street', key: 'street', width: 18 },
      { header: '召集人 Convener', key: 'convener', width: 16 },
      { header: '周期 Period', key: 'period', width: 12 },
      { header: '到期日 Due on', key: 'dueOn', width: 14, style: { numFmt: 'yyyy-mm-dd' } },
      { header: '剩余工作日 Working days left', key: 'workingDaysLeft', width: 16 },
      { header: '剩余自然日 Days left', key: 'daysLeft', width: 14 },
      { header: '已开/应开 Held / required', key: 'held', width: 16 },
      { header: '最近提醒 Last reminder', key: 'reminderStep', width: 30 },
      { header: '提醒时间 Sent at', key: 'reminderAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    ];
    for (const d of items) {
      sheet.addRow({
        name: d.unit.name,
        code: d.unit.code,
        level: `${LEVEL_NAMES[d.unit.level].zh} ${LEVEL_NAMES[d.unit.level].en}`,
        street: d.streetName ?? '',
        convener: d.convenerName,
        period: d.periodKey,
        dueOn: new Date(`${d.dueOn}T00:00:00Z`),
        workingDaysLeft: d.workingDaysLeft,
        daysLeft: d.daysLeft,
        held: `${d.meetingsHeld} / ${d.minMeetings}`,
        reminderStep: d.lastReminder ? stepName(d.lastReminder.step) : '—',
        // Shown as Shanghai wall time: Excel dates carry no zone.
        reminderAt: d.lastReminder ? new Date(Date.parse(d.lastReminder.sentAt) + 8 * 3_600_000) : null,
      });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="not-yet-met-${today}.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  router.get('/supervision/due-this-week', allow('admin', 'supervisor'), async (_req, res) => {
    const today = shanghaiDateOf(clock());
    const calendar = await loadWorkingCalendar(prisma);
    res.json(await dueThisWeek(prisma, calendar, today, 'all'));
  });

  router.get('/units/directory', async (req, res) => {
    const q = parseInput(directoryQuery, req.query, 'query');
    const scope = await readableUnitIds(prisma, caller(res));
    const { items, total } = await searchDirectory(prisma, scope, q);
    const viewer = caller(res);
    res.json({ items: items.map((u) => unitView(u, viewer)), total, limit: q.limit, offset: q.offset });
  });

  router.get('/units/:unitRef/children-status', async (req, res) => {
    const ref = String(req.params.unitRef);
    const unit = await prisma.unit.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    });
    if (!unit || !(await canRead(prisma, caller(res), unit))) throw ApiError.notFound(`Unit ${ref}`);
    const today = shanghaiDateOf(clock());
    const calendar = await loadWorkingCalendar(prisma);
    res.json({
      today,
      unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
      items: await childrenStatus(prisma, calendar, today, unit.id),
    });
  });

  return router;
}
