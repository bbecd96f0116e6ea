/** The third entry's rule and each member's participation obligation; members below the minimum. */
import { Router } from 'express';
import { loadServingRule } from '../../../records/serving-rule';
import { belowMinimum, changeServingRule, memberParticipation } from '../../../services/serving-participation';
import { allow, caller } from '../../auth';
import { belowMinimumQuery, servingRuleInput } from '../../contract/serving-participation';
import type { ApiDeps } from '../../deps';
import { parseInput } from '../../errors';
import { belowMinimumView, memberParticipationView } from '../../views/serving-participation';

export function participationRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/serving/rule', async (_req, res) => {
    res.json(await loadServingRule(deps.prisma));
  });

  router.put('/serving/rule', allow('admin', 'supervisor'), async (req, res) => {
    const rule = parseInput(servingRuleInput, req.body);
    res.json(await changeServingRule(deps, caller(res), rule));
  });

  router.get('/serving/members/:id/participation', async (req, res) => {
    const { member, status } = await memberParticipation(deps, caller(res), String(req.params.id));
    res.json(memberParticipationView(member, status));
  });

  router.get('/serving/below-minimum', allow('admin', 'supervisor', 'convener'), async (req, res) => {
    const q = parseInput(belowMinimumQuery, req.query, 'query');
    res.json(belowMinimumView(await belowMinimum(deps, caller(res), q)));
  });

  return router;
}
