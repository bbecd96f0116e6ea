/** The quarterly feedback (反馈) to employers and the year-end evaluation (评议), for logged-in users. */
import { Router } from 'express';
import { servingFeedbackWorkflowId } from '../../../domain/workflow-ids';
import { enterEvaluation, evaluationGrid, feedbackOverview } from '../../../services/serving-feedback';
import { allow, caller } from '../../auth';
import { feedbackQuery, servingEvaluationInput, servingEvaluationsQuery } from '../../contract/serving-feedback';
import { parseInput } from '../../errors';
import { evaluationGridView, evaluationView, feedbackStatusView } from '../../views/serving-feedback';
import type { ApiDeps } from '../../deps';

export function feedbackRouter(deps: ApiDeps): Router {
  const router = Router();
  const readers = allow('admin', 'supervisor', 'convener', 'leader');

  /** A community's feedback of a quarter per employer: sent, confirmed, reminded, office told. */
  router.get('/serving/feedback', readers, async (req, res) => {
    const q = parseInput(feedbackQuery, req.query, 'query');
    const overview = await feedbackOverview(deps, caller(res), q);
    res.json(feedbackStatusView({ ...overview, workflowId: servingFeedbackWorkflowId(overview.community.id) }));
  });

  /** The year-end evaluation grid: employers and their members, proposed and entered grades. */
  router.get('/serving/evaluations', readers, async (req, res) => {
    const q = parseInput(servingEvaluationsQuery, req.query, 'query');
    res.json(evaluationGridView(await evaluationGrid(deps, caller(res), q)));
  });

  /** Enter a grade (the community's convener or an admin). */
  router.put('/serving/evaluations', allow('admin', 'convener'), async (req, res) => {
    const input = parseInput(servingEvaluationInput, req.body);
    res.json(evaluationView(await enterEvaluation(deps, caller(res), input)));
  });

  return router;
}
