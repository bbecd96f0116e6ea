/** The organisation tree: register, list, read, change and remove units; a unit's obligation and history. */
import { Router } from 'express';
import { listQuery } from '../../contract/common';
import { convenerUnitUpdate, unitInput, unitUpdate } from '../../contract/units';
import { allow, caller } from '../../auth';
import { parseInput } from '../../errors';
import type { ApiDeps } from '../../deps';
import { unitHistoryView, unitView } from '../../views/units';
import { readableUnitIds } from '../../../records/scope';
import { listUnits, unitHistory } from '../../../records/units';
import { meetingObligation } from '../../../services/meetings';
import { unitInScope } from '../../../services/unit-access';
import { registerUnit, removeUnit, updateUnit } from '../../../services/units';

export function unitRegistryRouter(deps: ApiDeps): Router {
  const { prisma } = deps;
  const router = Router();

  router.post('/', allow('admin'), async (req, res) => {
    const input = parseInput(unitInput, req.body);
    const { unit, created } = await registerUnit(deps, caller(res), input);
    res.status(created ? 201 : 200).json(unitView(unit, caller(res)));
  });

  router.get('/', async (req, res) => {
    const q = parseInput(listQuery, req.query, 'query');
    const { items, total } = await listUnits(prisma, await readableUnitIds(prisma, caller(res)), q);
    res.json({ items: items.map((u) => unitView(u, caller(res))), total, limit: q.limit, offset: q.offset });
  });

  router.get('/:unitRef', async (req, res) => {
    res.json(unitView(await unitInScope(prisma, caller(res), req.params.unitRef), caller(res)));
  });

  /** Change a unit's name or convener details. Level and place in the tree are fixed. */
  router.patch('/:unitRef', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef, { mode: 'write' });
    // Property level: an admin may change the convener; the convener only their own contact settings.
    const changes = parseInput(caller(res).role === 'admin' ? unitUpdate : convenerUnitUpdate, req.body);
    res.json(unitView(await updateUnit(deps, caller(res), { unit, changes }), caller(res)));
  });

  /** Remove a unit (kept in the record, marked removed); its meeting obligation ends. */
  router.delete('/:unitRef', allow('admin'), async (req, res) => {
    await removeUnit(deps, caller(res), String(req.params.unitRef));
    res.status(204).end();
  });

  /** The current period of the unit's meeting obligation, from its workflow. */
  router.get('/:unitRef/obligation', async (req, res) => {
    res.json(await meetingObligation(deps, caller(res), req.params.unitRef));
  });

  /** The unit's history: how each period closed, and every notice sent (the receipts). */
  router.get('/:unitRef/history', async (req, res) => {
    const unit = await unitInScope(prisma, caller(res), req.params.unitRef);
    const q = parseInput(listQuery.pick({ limit: true, offset: true }), req.query, 'query');
    res.json(unitHistoryView(unit, caller(res), await unitHistory(prisma, unit.id, q), q));
  });

  return router;
}
