/**
 * The year-end evaluation (考核评分) of the departments paired with each community: one campaign
 * per community per year (workflow `evaluation:<communityId>:<year>`), ballots by Party members
 * and residents (each paired department scored once; one ballot per rater), progress against the
 * quorum, and the annual table per department across communities that feeds the departments'
 * performance evaluation (JSON and XLSX). Thin routes over services/evaluation.ts.
 */
import { type Request, type Response, Router } from 'express';
import { allow, caller } from '../auth';
import { ApiError, parseInput } from '../errors';
import {
  ballotInput,
  campaignsInput,
  evaluationListQuery,
  evaluationResultsQuery,
  normaliseRaterRef,
} from '../contract/evaluations';
import { ballotView, campaignDetailView, campaignView } from '../views/evaluations';
import { evaluationResultsWorkbook } from '../views/evaluation-results';
import { XLSX_TYPE } from '../contract/types';
import {
  ballotCampaign,
  type BallotInput,
  campaignDetail,
  castBallot,
  evaluationResults,
  listEvaluationCampaigns,
  startCampaigns,
} from '../../services/evaluation';
import { type ApiDeps } from '../deps';

/** Moved to services/evaluation.ts; re-exported here until every importer imports them from there. */

/** Campaigns: start a year's, list them, one with its progress. */
function campaignsRouter(deps: ApiDeps): Router {
  const router = Router();

  /** Start (or find running) the campaigns of a year: one per community with active pairings. */
  router.post('/evaluations/campaigns', allow('admin', 'supervisor'), async (req, res) => {
    const { year } = parseInput(campaignsInput, req.body);
    const started = await startCampaigns(deps, caller(res), { year });
    res.status(started.created > 0 ? 201 : 200).json({
      year,
      created: started.created,
      started: started.started,
      items: started.items.map(campaignView),
    });
  });

  /** Campaigns with their progress (raters so far versus quorum), in the caller's scope. */
  router.get('/evaluations', async (req, res) => {
    const q = parseInput(evaluationListQuery, req.query, 'query');
    const { items, total } = await listEvaluationCampaigns(deps, caller(res), q);
    res.json({ items: items.map(campaignView), total, limit: q.limit, offset: q.offset });
  });

  return router;
}

/** The annual table per department across communities (closed campaigns of the year), JSON and XLSX. */
function resultsRouter(deps: ApiDeps): Router {
  const router = Router();
  const table = (req: Request, res: Response) =>
    evaluationResults(deps, caller(res), { year: parseInput(evaluationResultsQuery, req.query, 'query').year });

  router.get('/evaluations/results', allow('admin', 'supervisor', 'department'), async (req, res) => {
    res.json(await table(req, res));
  });

  /** The same table as an Excel workbook: a summary per department, then each community. */
  router.get('/evaluations/results.xlsx', allow('admin', 'supervisor', 'department'), async (req, res) => {
    const results = await table(req, res);
    const bytes = await evaluationResultsWorkbook(results, deps.clock());
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="evaluation-results-${results.year}.xlsx"`);
    res.send(bytes);
  });

  return router;
}

/**
 * A ballot as entered. Its rater reference: none for a rater's own ballot (their login identifies
 * them); for a paper ballot, the rater's ID or phone number, normalised.
 */
function ballotOf(res: Response, body: unknown): Omit<BallotInput, 'campaignId' | 'campaign'> {
  const who = caller(res);
  if (who.role === 'rater' && body && typeof body === 'object' && 'raterRef' in body) {
    throw ApiError.badRequest('raterRef', '本人评分无需 raterRef / A rater’s own ballot takes no raterRef');
  }
  const { raterRef, ...input } = parseInput(ballotInput, body);
  if (who.role === 'rater' || !raterRef) return input;
  const ref = normaliseRaterRef(raterRef);
  if (!ref) {
    throw ApiError.badRequest(
      'raterRef',
      '应为身份证号或手机号（4–32 位字母数字） / An ID or phone number (4 to 32 letters and digits)',
    );
  }
  return { ...input, raterRef: ref };
}

/** One campaign and its ballots. */
function campaignRouter(deps: ApiDeps): Router {
  const router = Router();

  /** One campaign: progress, and per department the results once closed (live counts while open). */
  router.get('/evaluations/:campaignId', async (req, res) => {
    res.json(campaignDetailView(await campaignDetail(deps, caller(res), String(req.params.campaignId))));
  });

  /**
   * One ballot: each department paired with the community scored exactly once. By a rater user
   * (their login identifies them), or entered from paper by the community's convener or an admin
   * (raterRef: the rater's ID or phone number, of which only a digest is kept).
   */
  router.post('/evaluations/:campaignId/ballots', allow('admin', 'convener', 'rater'), async (req, res) => {
    const campaignId = String(req.params.campaignId);
    const campaign = await ballotCampaign(deps, caller(res), campaignId);
    const ballot = await castBallot(deps, caller(res), { campaignId, campaign, ...ballotOf(res, req.body) });
    res.status(201).json(ballotView(ballot));
  });

  return router;
}

export function evaluationsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(campaignsRouter(deps));
  router.use(resultsRouter(deps));
  router.use(campaignRouter(deps));
  return router;
}
