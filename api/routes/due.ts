/**
 * Before the deadline (issue 14): the units not yet met this period (JSON and XLSX), what falls
 * due this week, the unit directory, and a unit's units below with their status; and the weekly
 * digest's rule. Thin routes over records/due.ts and services/digest.ts; the contract is
 * api/contract/due.ts.
 */
import { Router } from 'express';
import { shanghaiDateOf } from '../../domain/period';
import { loadWorkingCalendar } from '../../records/calendar';
import { childrenStatus, dueThisWeek, notYetMet, searchDirectory } from '../../records/due';
import { readableUnitIds } from '../../records/scope';
import { changeDigestRule, digestRule } from '../../services/digest';
import { unitInScope } from '../../services/unit-access';
import { allow, caller } from '../auth';
import { digestRuleInput, directoryQuery, dueQuery } from '../contract/due';
import { parseInput } from '../errors';
import { XLSX_TYPE } from '../contract/types';
import { notYetMetWorkbook } from '../views/due';
import { unitView } from '../views/units';
import { type ApiDeps } from '../deps';

/** The weekly digest's rule: read it, change it (its workflow plans again at once). */
function digestRuleRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/digest-rule', allow('admin', 'supervisor'), async (_req, res) => {
    res.json(await digestRule(deps));
  });

  /** Change the weekly digest's rule; its workflow plans again at once. */
  router.put('/digest-rule', allow('admin', 'supervisor'), async (req, res) => {
    const input = parseInput(digestRuleInput, req.body);
    res.json(await changeDigestRule(deps, caller(res), input));
  });

  return router;
}

/** What the liaison office sees is due: not yet met this period (JSON, XLSX), and this week. */
function supervisionDueRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();
  const today = () => shanghaiDateOf(clock());

  router.get('/supervision/due', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(dueQuery, req.query, 'query');
    const day = today();
    const { items, total } = await notYetMet(prisma, await loadWorkingCalendar(prisma), day, 'all', q);
    res.json({ today: day, items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/supervision/due.xlsx', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(dueQuery, req.query, 'query');
    const day = today();
    const calendar = await loadWorkingCalendar(prisma);
    const { items } = await notYetMet(prisma, calendar, day, 'all', { ...q, limit: 100_000, offset: 0 });
    const bytes = await notYetMetWorkbook(items, clock());
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="not-yet-met-${day}.xlsx"`);
    res.send(bytes);
  });

  router.get('/supervision/due-this-week', allow('admin', 'supervisor'), async (_req, res) => {
    res.json(await dueThisWeek(prisma, await loadWorkingCalendar(prisma), today(), 'all'));
  });

  return router;
}

/** The unit directory and a unit's units below with their status, in the caller's scope. */
function directoryRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();

  router.get('/units/directory', async (req, res) => {
    const q = parseInput(directoryQuery, req.query, 'query');
    const viewer = caller(res);
    const { items, total } = await searchDirectory(prisma, await readableUnitIds(prisma, viewer), q);
    res.json({ items: items.map((u) => unitView(u, viewer)), total, limit: q.limit, offset: q.offset });
  });

  router.get('/units/:unitRef/children-status', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), String(req.params.unitRef));
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

export function dueRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(digestRuleRouter(deps));
  router.use(supervisionDueRouter(deps));
  router.use(directoryRouter(deps));
  return router;
}
