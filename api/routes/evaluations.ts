/**
 * The year-end evaluation (考核评分) of the departments paired with each community: one campaign
 * per community per year (workflow `evaluation:<communityId>:<year>`), ballots by Party members
 * and residents (each paired department scored once; one ballot per rater), progress against the
 * quorum, and the annual table per department across communities that feeds the departments'
 * performance evaluation (JSON and XLSX).
 */
import { createHash } from 'node:crypto';
import { type Response, Router } from 'express';
import { type EvaluationCampaign, Prisma, type PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { Workbook } from 'exceljs';
import { fitColumns } from '../xlsx';
import {
  campaignDepartments,
  closesOnOf,
  type DepartmentRef,
  ensureCampaignRow,
  loadEvaluationRule,
  opensOnOf,
  pairedDepartments,
} from '../../activities/evaluation';
import { loadWorkingCalendar } from '../../records/calendar';
import { shanghaiDateOf } from '../../domain/period';
import { actorOf, allow, caller } from '../auth';
import { ApiError, parseInput } from '../errors';
import {
  ballotInput,
  campaignsInput,
  evaluationListQuery,
  evaluationResultsQuery,
  normaliseRaterRef,
  RATER_KINDS,
} from '../contract/evaluations';
import { type CampaignRecord, campaignView } from '../views/evaluations';
import { XLSX_TYPE } from '../contract/types';
import { forEachConcurrently } from '../../obligations/gateway';
import { startCampaign, tellBallotRecorded } from '../../obligations/evaluation';
import { unitIndexes } from '../../records/unit-index';
import { evaluationSchedule, scoreSummary } from '../../domain/evaluation';
import { canRead, canWrite, readableUnitIds, type Caller } from '../../records/scope';
import { type ApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const withCommunity = { community: true, _count: { select: { ballots: true } } } as const;

export interface EnsuredCampaigns {
  /** The campaigns of the year for the communities with active pairings. */
  campaigns: EvaluationCampaign[];
  created: number;
  /** Workflows started or found running. */
  started: number;
  /** Communities whose workflow could not be started (the record is safe: ask again later). */
  failed: string[];
}

/**
 * Make sure every community with active department pairings has its campaign of `year` and the
 * campaign's workflow runs (WorkflowIdConflictPolicy.USE_EXISTING: a repeat is harmless). Closed
 * campaigns are left as they are; a campaign cancelled for want of paired departments opens again
 * if the community has them now and the campaign has not passed its deadline. No campaign is
 * created for a year whose evaluation has closed. Called by POST /api/evaluations/campaigns, at
 * the service's start (for the current year), and for the communities concerned when a community is
 * registered or its pairings change (`communityIds`, see `ensureCommunityCampaigns`).
 */
export async function ensureCampaigns(
  temporal: Client,
  taskQueue: string,
  prisma: PrismaClient,
  year: number,
  now: number = Date.now(),
  actor = 'system:runtime',
  communityIds?: readonly string[],
): Promise<EnsuredCampaigns> {
  const rule = await loadEvaluationRule(prisma);
  const calendar = await loadWorkingCalendar(prisma);
  const schedule = evaluationSchedule(year, rule, calendar);
  const communities = await prisma.unit.findMany({
    where: {
      level: 'community',
      removedAt: null,
      departmentPairings: { some: { endedAt: null, department: { removedAt: null } } },
      ...(communityIds ? { id: { in: [...communityIds] } } : {}),
    },
    select: { id: true },
    orderBy: { code: 'asc' },
  });
  const indexes = await unitIndexes(
    prisma,
    communities.map((c) => c.id),
  );
  const result: EnsuredCampaigns = { campaigns: [], created: 0, started: 0, failed: [] };
  await forEachConcurrently(communities, 8, async ({ id: communityId }) => {
    const existing = await prisma.evaluationCampaign.findUnique({ where: { communityId_year: { communityId, year } } });
    if (!existing && schedule.closesAt <= now) return;
    // New, or (not open yet) kept in step with the rule in force.
    let campaign = await ensureCampaignRow(prisma, communityId, year, rule, calendar);
    if (!existing) {
      result.created++;
      await prisma.auditEvent.create({
        data: {
          actor,
          action: 'evaluation.campaign.create',
          entity: 'evaluationCampaign',
          entityId: campaign.id,
          after: {
            communityId,
            year,
            quorum: campaign.quorum,
            opensAt: campaign.opensAt.toISOString(),
            closesAt: campaign.closesAt.toISOString(),
          },
        },
      });
    }
    if (campaign.status === 'closed' || (campaign.status === 'cancelled' && campaign.closesAt.getTime() <= now)) {
      result.campaigns.push(campaign);
      return;
    }
    if (campaign.status === 'cancelled') {
      campaign = await prisma.evaluationCampaign.update({
        where: { id: campaign.id },
        data: { status: 'scheduled', closedAt: null },
      });
      await prisma.auditEvent.create({
        data: {
          actor,
          action: 'evaluation.campaign.reopen',
          entity: 'evaluationCampaign',
          entityId: campaign.id,
          before: { status: 'cancelled' },
          after: { status: 'scheduled' },
        },
      });
    }
    result.campaigns.push(campaign);
    if (await startCampaign({ temporal, taskQueue }, communityId, year, indexes.get(communityId) ?? null))
      result.started++;
    else result.failed.push(communityId);
  });
  return result;
}

/**
 * This year's campaigns of these communities, right away (a community registered, or made
 * evaluable by its pairings, after the service started): the same path as at start. Never throws:
 * the record of the registration or pairing stands, and a campaign or workflow that could not be
 * made now is logged and made good at the next start (or POST /api/evaluations/campaigns).
 */
export async function ensureCommunityCampaigns(
  deps: Pick<ApiDeps, 'temporal' | 'taskQueue' | 'prisma' | 'clock' | 'log'>,
  communityIds: readonly string[],
  actor: string,
): Promise<EnsuredCampaigns | undefined> {
  if (!communityIds.length) return undefined;
  const now = deps.clock().getTime();
  const year = Number(shanghaiDateOf(now).slice(0, 4));
  try {
    const ensured = await ensureCampaigns(deps.temporal, deps.taskQueue, deps.prisma, year, now, actor, communityIds);
    if (ensured.failed.length) {
      deps.log.warn('Evaluation campaigns recorded but not started (made good at the next start)', {
        year,
        failed: ensured.failed,
      });
    }
    return ensured;
  } catch (err) {
    deps.log.warn('Evaluation campaigns not checked (made good at the next start)', {
      year,
      communities: communityIds.length,
      err: String(err),
    });
    return undefined;
  }
}

/** The community a rater belongs to: their unit, or the community above it. */
async function raterCommunityId(prisma: PrismaClient, c: Caller): Promise<string | null> {
  let id = c.role === 'rater' ? c.unitId : null;
  for (let depth = 0; id && depth < 8; depth++) {
    const unit = await prisma.unit.findUnique({ where: { id }, select: { id: true, level: true, parentId: true } });
    if (!unit) return null;
    if (unit.level === 'community') return unit.id;
    id = unit.parentId;
  }
  return null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface CommunityResult {
  communityId: string;
  communityName: string;
  campaignId: string;
  quorum: number;
  count: number;
  mean: number | null;
  median: number | null;
  quorumMet: boolean;
}

interface DepartmentRow {
  departmentId: string;
  code: string;
  name: string;
  communities: CommunityResult[];
  overall: {
    communities: number;
    communitiesQuorumMet: number;
    raters: number;
    /** The mean of the communities' means, over the communities where the quorum was met. */
    mean: number | null;
  };
}

export function evaluationsRouter(deps: ApiDeps): Router {
  const { prisma, temporal, taskQueue, clock, log } = deps;
  const router = Router();
  const thisYear = () => Number(shanghaiDateOf(clock()).slice(0, 4));

  /** The communities whose campaigns a caller may see: their scope; a rater's own community. */
  async function visibleCommunities(c: Caller): Promise<'all' | Set<string>> {
    if (c.role === 'rater') {
      const id = await raterCommunityId(prisma, c);
      return new Set(id ? [id] : []);
    }
    return readableUnitIds(prisma, c);
  }

  async function findCampaign(id: string, res: Response): Promise<CampaignRecord> {
    const campaign = UUID.test(id)
      ? await prisma.evaluationCampaign.findUnique({ where: { id }, include: withCommunity })
      : null;
    const who = caller(res);
    const visible =
      campaign &&
      (who.role === 'rater'
        ? (await raterCommunityId(prisma, who)) === campaign.communityId
        : await canRead(prisma, who, campaign.community));
    if (!campaign || !visible) throw ApiError.notFound(`Evaluation campaign ${id}`);
    return campaign;
  }

  /** Start (or find running) the campaigns of a year: one per community with active pairings. */
  router.post('/evaluations/campaigns', allow('admin', 'supervisor'), async (req, res) => {
    const { year } = parseInput(campaignsInput, req.body);
    const now = clock().getTime();
    const schedule = evaluationSchedule(year, await loadEvaluationRule(prisma), await loadWorkingCalendar(prisma));
    const existing = await prisma.evaluationCampaign.count({ where: { year } });
    if (schedule.closesAt <= now && existing === 0) {
      throw ApiError.badRequest(
        'year',
        `${year}年度考核评分已于${schedule.closesOn}截止，不能再发起 / The ${year} evaluation closed on ${schedule.closesOn}: its campaigns can no longer start`,
      );
    }
    const ensured = await ensureCampaigns(temporal, taskQueue, prisma, year, now, actorOf(res));
    if (ensured.failed.length) {
      log.error('Evaluation campaigns recorded but not all workflows started', { year, failed: ensured.failed });
      throw new ApiError(
        503,
        'obligations_not_started',
        `考核评分已登记，但 ${ensured.failed.length} 个社区的流程未能启动，请稍后重试 / The campaigns are recorded but ${ensured.failed.length} workflow(s) did not start: try again later`,
      );
    }
    const campaigns = await prisma.evaluationCampaign.findMany({
      where: { id: { in: ensured.campaigns.map((c) => c.id) } },
      include: withCommunity,
      orderBy: [{ community: { code: 'asc' } }],
    });
    res.status(ensured.created > 0 ? 201 : 200).json({
      year,
      created: ensured.created,
      started: ensured.started,
      items: campaigns.map(campaignView),
    });
  });

  /** Campaigns with their progress (raters so far versus quorum), in the caller's scope. */
  router.get('/evaluations', async (req, res) => {
    const q = parseInput(evaluationListQuery, req.query, 'query');
    const visible = await visibleCommunities(caller(res));
    const where = {
      AND: [
        visible === 'all' ? {} : { communityId: { in: [...visible] } },
        q.year ? { year: q.year } : {},
        q.communityId ? { communityId: q.communityId } : {},
        q.streetId ? { community: { streetId: q.streetId } } : {},
        q.status ? { status: q.status } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      prisma.evaluationCampaign.findMany({
        where,
        include: withCommunity,
        orderBy: [{ year: 'desc' }, { community: { code: 'asc' } }, { id: 'asc' }],
        take: q.limit,
        skip: q.offset,
      }),
      prisma.evaluationCampaign.count({ where }),
    ]);
    res.json({ items: rows.map(campaignView), total, limit: q.limit, offset: q.offset });
  });

  /** The annual table per department across communities (closed campaigns of the year). */
  async function results(who: Caller, year: number) {
    const campaigns = await prisma.evaluationCampaign.findMany({
      where: { year, status: 'closed' },
      include: { community: true },
      orderBy: [{ community: { code: 'asc' } }, { id: 'asc' }],
    });
    const pending = await prisma.evaluationCampaign.count({
      where: { year, status: { in: ['scheduled', 'open'] } },
    });
    const scores = await prisma.evaluationScore.findMany({
      where: { ballot: { campaignId: { in: campaigns.map((c) => c.id) } } },
      select: { departmentId: true, score: true, ballot: { select: { campaignId: true } } },
    });
    const byKey = new Map<string, number[]>();
    for (const s of scores) {
      const key = `${s.ballot.campaignId}/${s.departmentId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), s.score]);
    }
    const rows = new Map<string, DepartmentRow>();
    for (const c of campaigns) {
      for (const d of await campaignDepartments(prisma, c)) {
        if (who.role === 'department' && d.id !== who.departmentId) continue;
        const row = rows.get(d.id) ?? {
          departmentId: d.id,
          code: d.code,
          name: d.name,
          communities: [],
          overall: { communities: 0, communitiesQuorumMet: 0, raters: 0, mean: null },
        };
        rows.set(d.id, row);
        row.communities.push({
          communityId: c.communityId,
          communityName: c.community.name,
          campaignId: c.id,
          quorum: c.quorum,
          ...scoreSummary(byKey.get(`${c.id}/${d.id}`) ?? [], c.quorum),
        });
      }
    }
    for (const row of rows.values()) {
      const met = row.communities.filter((r) => r.quorumMet && r.mean !== null);
      row.overall = {
        communities: row.communities.length,
        communitiesQuorumMet: met.length,
        raters: row.communities.reduce((n, r) => n + r.count, 0),
        mean: met.length ? round2(met.reduce((s, r) => s + r.mean!, 0) / met.length) : null,
      };
    }
    return {
      year,
      asOf: shanghaiDateOf(clock()),
      campaigns: { closed: campaigns.length, pending },
      rows: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  router.get('/evaluations/results', allow('admin', 'supervisor', 'department'), async (req, res) => {
    const q = parseInput(evaluationResultsQuery, req.query, 'query');
    res.json(await results(caller(res), q.year ?? thisYear()));
  });

  /** The same table as an Excel workbook: a summary per department, then each community. */
  router.get('/evaluations/results.xlsx', allow('admin', 'supervisor', 'department'), async (req, res) => {
    const q = parseInput(evaluationResultsQuery, req.query, 'query');
    const table = await results(caller(res), q.year ?? thisYear());
    const book = new Workbook();
    book.creator = 'donggang-governance';
    book.created = clock();
    /** An empty cell for a missing mean or median. */
    const blank = (v: number | null) => v ?? null;

    const summary = book.addWorksheet('汇总 Summary');
    summary.addRow([
      `${table.year}年度结对部门考核评分 / Evaluation of paired departments ${table.year}（截至 as of ${table.asOf}）`,
    ]);
    summary.addRow([
      '部门编码 Code',
      '部门 Department',
      '社区数 Communities',
      '达到规定人数的社区 Communities with quorum',
      '评分人次 Raters',
      '平均分 Mean',
    ]);
    for (const r of table.rows) {
      summary.addRow([
        r.code,
        r.name,
        r.overall.communities,
        r.overall.communitiesQuorumMet,
        r.overall.raters,
        blank(r.overall.mean),
      ]);
    }
    summary.getRow(2).font = { bold: true };
    fitColumns(summary, { fromRow: 2, max: 40, freezeBelow: 2 });

    const detail = book.addWorksheet('各社区 By community');
    detail.addRow([
      '部门编码 Code',
      '部门 Department',
      '社区 Community',
      '评分人数 Raters',
      '平均分 Mean',
      '中位数 Median',
      '规定人数 Quorum',
      '达到规定人数 Quorum met',
    ]);
    for (const r of table.rows) {
      for (const c of r.communities) {
        detail.addRow([
          r.code,
          r.name,
          c.communityName,
          c.count,
          blank(c.mean),
          blank(c.median),
          c.quorum,
          c.quorumMet ? '是 yes' : '否 no',
        ]);
      }
    }
    detail.getRow(1).font = { bold: true };
    fitColumns(detail, { max: 40, freezeBelow: 1 });

    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="evaluation-results-${table.year}.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  /** One campaign: progress, and per department the results once closed (live counts while open). */
  router.get('/evaluations/:campaignId', async (req, res) => {
    const campaign = await findCampaign(String(req.params.campaignId), res);
    const [departments, scores, kinds] = await Promise.all([
      campaignDepartments(prisma, campaign),
      prisma.evaluationScore.findMany({
        where: { ballot: { campaignId: campaign.id } },
        select: { departmentId: true, score: true },
      }),
      prisma.evaluationBallot.groupBy({ by: ['raterKind'], where: { campaignId: campaign.id }, _count: true }),
    ]);
    const final = campaign.status === 'closed';
    res.json({
      ...campaignView(campaign),
      final,
      raterKinds: Object.fromEntries(
        RATER_KINDS.map((k) => [k, kinds.find((g) => g.raterKind === k)?._count ?? 0]),
      ) as Record<(typeof RATER_KINDS)[number], number>,
      departments: departments.map((d: DepartmentRef) => {
        const s = scoreSummary(
          scores.filter((x) => x.departmentId === d.id).map((x) => x.score),
          campaign.quorum,
        );
        return {
          departmentId: d.id,
          code: d.code,
          name: d.name,
          count: s.count,
          mean: final ? s.mean : null,
          median: final ? s.median : null,
          quorumMet: s.quorumMet,
        };
      }),
    });
  });

  /**
   * One ballot: each department paired with the community scored exactly once. By a rater user
   * (their login identifies them), or entered from paper by the community's convener or an admin
   * (raterRef: the rater's ID or phone number, of which only a digest is kept).
   */
  router.post('/evaluations/:campaignId/ballots', allow('admin', 'convener', 'rater'), async (req, res) => {
    const who = caller(res);
    const campaign = await findCampaign(String(req.params.campaignId), res);
    if (who.role === 'convener' && !canWrite(who, campaign.community)) {
      throw new ApiError(
        403,
        'forbidden',
        `只有${campaign.community.name}的召集人（或管理员）可录入纸质评分 / Only the convener of ${campaign.community.name} (or an admin) may enter paper ballots`,
      );
    }
    const body: unknown = req.body;
    if (who.role === 'rater' && body && typeof body === 'object' && 'raterRef' in body) {
      throw ApiError.badRequest('raterRef', '本人评分无需 raterRef / A rater’s own ballot takes no raterRef');
    }
    const input = parseInput(ballotInput, body);
    let raterKey: string;
    if (who.role === 'rater') {
      raterKey = sha256(who.id);
    } else {
      if (!input.raterRef) {
        throw ApiError.badRequest(
          'raterRef',
          '录入纸质评分须填写评分人身份证号或手机号 / A paper ballot needs the rater’s ID or phone number',
        );
      }
      const ref = normaliseRaterRef(input.raterRef);
      if (!ref) {
        throw ApiError.badRequest(
          'raterRef',
          '应为身份证号或手机号（4–32 位字母数字） / An ID or phone number (4 to 32 letters and digits)',
        );
      }
      raterKey = sha256(`${campaign.id}:${ref}`);
    }

    const now = clock().getTime();
    if (campaign.status !== 'open' || now < campaign.opensAt.getTime() || now >= campaign.closesAt.getTime()) {
      throw ApiError.conflict(
        'campaign_not_open',
        `考核评分未在进行中（${campaign.status}，${opensOnOf(campaign)} 至 ${closesOnOf(campaign)}） / The campaign is not open (${campaign.status}; ${opensOnOf(campaign)} to ${closesOnOf(campaign)})`,
      );
    }

    const departments = await pairedDepartments(prisma, campaign.communityId);
    const paired = new Map(departments.map((d) => [d.id, d]));
    const seen = new Set<string>();
    input.scores.forEach(({ departmentId }, i) => {
      if (!paired.has(departmentId)) {
        throw ApiError.badRequest(
          `scores.${i}.departmentId`,
          `部门 ${departmentId} 未与${campaign.community.name}结对 / Department ${departmentId} is not paired with ${campaign.community.name}`,
        );
      }
      if (seen.has(departmentId)) {
        throw ApiError.badRequest(
          `scores.${i}.departmentId`,
          `每个部门只能评分一次 / Department ${paired.get(departmentId)!.name} is scored twice`,
        );
      }
      seen.add(departmentId);
    });
    const missing = departments.filter((d) => !seen.has(d.id));
    if (missing.length) {
      throw ApiError.badRequest(
        'scores',
        `须对每个结对部门评分，缺少：${missing.map((d) => d.name).join('、')} / Every paired department must be scored; missing: ${missing.map((d) => d.name).join(', ')}`,
      );
    }

    const duplicate = () =>
      ApiError.conflict(
        'duplicate_rater',
        '该评分人已在本次考核中评分 / This rater has already scored in this campaign',
        who.role === 'rater' ? undefined : 'raterRef',
      );
    if (
      await prisma.evaluationBallot.findUnique({
        where: { campaignId_raterKey: { campaignId: campaign.id, raterKey } },
      })
    )
      throw duplicate();
    const actor = actorOf(res);
    const ballot = await prisma
      .$transaction(async (tx) => {
        const created = await tx.evaluationBallot.create({
          data: {
            campaignId: campaign.id,
            raterKey,
            raterKind: input.raterKind,
            raterName: input.raterName ?? null,
            recordedBy: actor,
            scores: { create: input.scores.map((s) => ({ departmentId: s.departmentId, score: s.score })) },
          },
          include: { scores: true },
        });
        await tx.auditEvent.create({
          data: {
            actor,
            action: 'evaluation.ballot',
            entity: 'evaluationBallot',
            entityId: created.id,
            after: {
              campaignId: campaign.id,
              raterKind: input.raterKind,
              raterName: input.raterName ?? null,
              entered: who.role === 'rater' ? 'rater' : 'paper',
              scores: input.scores,
            },
          },
        });
        return created;
      })
      .catch((err: unknown) => {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw duplicate();
        throw err;
      });

    // The record first; then the workflow hears of it (it re-reads the record before any reminder).
    const raters = await prisma.evaluationBallot.count({ where: { campaignId: campaign.id } });
    await tellBallotRecorded(deps, campaign, raters);

    const order = new Map(departments.map((d, i) => [d.id, i]));
    res.status(201).json({
      id: ballot.id,
      campaignId: campaign.id,
      raterKind: ballot.raterKind,
      raterName: ballot.raterName,
      recordedBy: ballot.recordedBy,
      createdAt: ballot.createdAt.toISOString(),
      scores: ballot.scores
        .map((s) => ({ departmentId: s.departmentId, score: s.score }))
        .sort((a, b) => order.get(a.departmentId)! - order.get(b.departmentId)!),
      raters,
      quorum: campaign.quorum,
    });
  });

  return router;
}
