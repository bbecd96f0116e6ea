/** The entries rule (rules are data): read by anyone logged in, changed by the liaison office. */
import { Router } from 'express';
import { loadEntriesRule } from '../../../records/entries-rule';
import { changeEntriesRule } from '../../../services/entries-rule';
import { allow, caller } from '../../auth';
import { entriesRuleInput } from '../../contract/entries';
import { parseInput } from '../../errors';
import type { ApiDeps } from '../../deps';

export function entriesRuleRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/entries-rule', async (_req, res) => {
    res.json(await loadEntriesRule(deps.prisma));
  });

  router.put('/entries-rule', allow('admin', 'supervisor'), async (req, res) => {
    const input = parseInput(entriesRuleInput, req.body);
    res.json(await changeEntriesRule(deps, caller(res), input));
  });

  return router;
}
