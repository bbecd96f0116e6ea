/** Cadence rules per level (rules are data). A change applies from each unit's next period, nothing restarted. */
import { Router } from 'express';
import { z } from 'zod';
import { actorOf, allow } from '../auth';
import { parseInput } from '../errors';
import { ruleInput } from '../contract/rules';
import { UNIT_LEVELS } from '../../domain/org';
import { type ApiDeps } from '../deps';
import { cadenceRules, changeCadenceRule } from '../../services/cadence-rules';

export function rulesRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ items: await cadenceRules(deps) });
  });

  router.put('/:level', allow('admin', 'supervisor'), async (req, res) => {
    const { level } = parseInput(z.object({ level: z.enum(UNIT_LEVELS) }), req.params, 'path');
    const rule = parseInput(ruleInput, req.body);
    res.json(await changeCadenceRule(deps, { actor: actorOf(res) }, { level, rule }));
  });

  return router;
}
