/** The escalation deadline rules per receiving level (rules are data). */
import { Router } from 'express';
import { z } from 'zod';
import { UNIT_LEVELS } from '../../domain/org';
import { loadEscalationRules } from '../../records/escalation-rules';
import { changeEscalationRule } from '../../services/escalation-rules';
import { allow, caller } from '../auth';
import { parseInput } from '../errors';
import { escalationRuleInput } from '../contract/rules';
import { type ApiDeps } from '../deps';

export function escalationRulesRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/escalation-rules', async (_req, res) => {
    res.json({ items: await loadEscalationRules(deps.prisma) });
  });

  /** Deadlines for the level receiving escalations; applies to escalations made from now on. */
  router.put('/escalation-rules/:level', allow('admin', 'supervisor'), async (req, res) => {
    const { level } = parseInput(z.object({ level: z.enum(UNIT_LEVELS) }), req.params, 'path');
    const rule = parseInput(escalationRuleInput, req.body);
    const saved = await changeEscalationRule(deps, caller(res), { level, rule });
    res.json({ ...saved, appliesFrom: 'escalations made from now on' });
  });

  return router;
}
