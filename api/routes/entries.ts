/**
 * The three entries (三进): city leaders paired with communities and their visits, city
 * departments paired with communities and their attendance at the community joint meetings, and
 * the rule that governs them (rules are data). The supervisors' views: visits per period (who is
 * overdue), visits per leader per year, department attendance. The acts are in services/visits.ts,
 * services/pairings.ts, services/entries-rule.ts; the routes by sub-area in api/routes/entries/.
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { departmentsRouter } from './entries/departments';
import { leadersRouter } from './entries/leaders';
import { entriesRuleRouter } from './entries/rule';
import { entriesSupervisionRouter } from './entries/supervision';

export function entriesRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(entriesRuleRouter(deps));
  router.use(leadersRouter(deps));
  router.use(departmentsRouter(deps));
  router.use(entriesSupervisionRouter(deps));
  return router;
}
