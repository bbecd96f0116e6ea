/** The register (台账) of agenda items: the list, one item, an item put on a meeting, an item resolved at its own level. */
import { Router } from 'express';
import { caller } from '../../auth';
import { parseInput } from '../../errors';
import { agendaItemInput, agendaListQuery, resolutionInput } from '../../contract/agenda';
import { findItem, listItems, overdueBefore, raiseItem, resolveItem } from '../../../services/agenda-items';
import { itemActView, itemView } from '../../views/agenda';
import type { ApiDeps } from '../../deps';

export function agendaRegisterRouter(deps: ApiDeps): Router {
  const router = Router();

  /** The register (台账): items a unit raised, or its queue (items it must act on now). */
  router.get('/agenda-items', async (req, res) => {
    const q = parseInput(agendaListQuery, req.query, 'query');
    const { items, total, overdueBefore: cutoff } = await listItems(deps, caller(res), q);
    res.json({ items: items.map((i) => itemView(i, cutoff)), total, limit: q.limit, offset: q.offset });
  });

  router.get('/agenda-items/:id', async (req, res) => {
    const item = await findItem(deps, caller(res), req.params.id);
    res.json(itemView(item, await overdueBefore(deps)));
  });

  /** Add an item to a meeting's agenda (the meeting's convener). */
  router.post('/meetings/:meetingId/agenda-items', async (req, res) => {
    const item = parseInput(agendaItemInput, req.body);
    const result = await raiseItem(deps, caller(res), { meetingId: req.params.meetingId, item });
    res.status(201).json(itemActView(result));
  });

  /** Resolved at its own level (an open item only: an escalated one closes with an answer). */
  router.post('/agenda-items/:id/resolution', async (req, res) => {
    const { resolution } = parseInput(resolutionInput, req.body);
    res.json(itemActView(await resolveItem(deps, caller(res), { itemId: req.params.id, resolution })));
  });

  return router;
}
