/** City leaders paired with communities, and their visits. */
import { Router } from 'express';
import { leaderPage } from '../../../records/leaders';
import { readableUnitIds } from '../../../records/scope';
import {
  changeLeader,
  leaderInScope,
  leaderObligation,
  recordVisit,
  registerLeader,
  removeLeaderAct,
  visitsOf,
} from '../../../services/visits';
import { allow, caller } from '../../auth';
import { leaderInput, leaderListQuery, leaderUpdate, visitInput, yearQuery } from '../../contract/entries';
import { parseInput } from '../../errors';
import { leaderObligationView, leaderView, visitView } from '../../views/entries';
import type { ApiDeps } from '../../deps';

export function leadersRouter(deps: ApiDeps): Router {
  const { prisma } = deps;
  const router = Router();

  /** Register a city leader paired with a community: starts `leader-visit:<leaderId>`. */
  router.post('/leaders', allow('admin'), async (req, res) => {
    const input = parseInput(leaderInput, req.body);
    const { leader, created } = await registerLeader(deps, caller(res), input);
    res.status(created ? 201 : 200).json(leaderView(leader));
  });

  router.get('/leaders', async (req, res) => {
    const q = parseInput(leaderListQuery, req.query, 'query');
    const who = caller(res);
    const scope = {
      leaderId: who.role === 'leader' ? (who.leaderId ?? '') : undefined,
      communityIds: await readableUnitIds(prisma, who),
      communityId: q.communityId,
    };
    const { items, total } = await leaderPage(prisma, scope, q);
    res.json({ items: items.map(leaderView), total, limit: q.limit, offset: q.offset });
  });

  router.get('/leaders/:ref', async (req, res) => {
    res.json(leaderView(await leaderInScope(deps, caller(res), req.params.ref)));
  });

  /** Change a leader's details, or pair them with another community (from the next period). */
  router.patch('/leaders/:ref', allow('admin'), async (req, res) => {
    const change = parseInput(leaderUpdate, req.body);
    res.json(leaderView(await changeLeader(deps, caller(res), { leaderRef: String(req.params.ref), change })));
  });

  /** Remove a leader (kept in the record): the visit obligation ends. */
  router.delete('/leaders/:ref', allow('admin'), async (req, res) => {
    await removeLeaderAct(deps, caller(res), String(req.params.ref));
    res.status(204).end();
  });

  /** The leader's current period: due date, visits so far, next notice (the workflow's query). */
  router.get('/leaders/:ref/obligation', async (req, res) => {
    const { leader, status } = await leaderObligation(deps, caller(res), req.params.ref);
    res.json(leaderObligationView(leader, status));
  });

  /** Record a visit: the leader themselves, their community's convener, or an admin. */
  router.post('/leaders/:ref/visits', async (req, res) => {
    const visit = parseInput(visitInput, req.body);
    const recorded = await recordVisit(deps, caller(res), { leaderRef: String(req.params.ref), visit });
    res.status(201).json({ ...visitView(recorded.visit), obligationNotified: recorded.obligationNotified });
  });

  router.get('/leaders/:ref/visits', async (req, res) => {
    const q = parseInput(yearQuery, req.query, 'query');
    const visits = await visitsOf(deps, caller(res), { leaderRef: req.params.ref, year: q.year });
    res.json({ items: visits.map(visitView) });
  });

  return router;
}
