/**
 * The acts of the year-end evaluation (考核评分) of the departments paired with each community: one
 * campaign per community per year (workflow `evaluation:<communityId>:<year>`), ballots by Party
 * members and residents (each paired department scored once; one ballot per rater), and the reads
 * a caller may make of them (a campaign's progress, the annual table per department). Each act
 * records first (records/campaigns.ts), then tells the workflow (obligations/evaluation.ts).
 */
import { actorOf, isRecordId, canRead, canWrite, type Caller, readableUnitIds } from '../records/scope';
import { createHash } from 'node:crypto';
import type { EvaluationCampaign, PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { evaluationSchedule, scoreSummary } from '../domain/evaluation';
import { shanghaiDateOf } from '../domain/period';
import { forEachConcurrently } from '../obligations/gateway';
import { startCampaign, tellBallotRecorded } from '../obligations/evaluation';
import { loadWorkingCalendar } from '../records/calendar';
import {
  auditCampaignCreated,
  type BallotRow,
  campaignById,
  campaignDepartments,
  type CampaignFilter,
  type CampaignRecord,
  campaignsWithCommunity,
  campaignTallies,
  closedCampaignsOfYear,
  closesOnOf,
  communityAbove,
  countBallots,
  countCampaignsOfYear,
  type DepartmentRef,
  ensureCampaignRow,
  evaluableCommunityIds,
  findCampaignOf,
  hasBallot,
  insertBallot,
  listCampaigns,
  loadEvaluationRule,
  opensOnOf,
  pairedDepartments,
  reopenCampaign,
  scoresOfCampaigns,
} from '../records/campaigns';
import { unitIndexes, type IndexedUnit } from '../records/unit-index';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

export type { CampaignRecord } from '../records/campaigns';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The audit trail's "who". */
const yearOf = (now: number | Date) => Number(shanghaiDateOf(now).slice(0, 4));

// --- Ensuring the campaigns of a year ---------------------------------------------------------

export interface EnsuredCampaigns {
  /** The campaigns of the year for the communities with active pairings. */
  campaigns: EvaluationCampaign[];
  created: number;
  /** Workflows started or found running. */
  started: number;
  /** Communities whose workflow could not be started (the record is safe: ask again later). */
  failed: string[];
}

interface EnsureContext {
  temporal: Client;
  taskQueue: string;
  prisma: PrismaClient;
  year: number;
  now: number;
  actor: string;
  rule: Awaited<ReturnType<typeof loadEvaluationRule>>;
  calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>;
  closesAt: number;
  indexes: Map<string, IndexedUnit>;
}

/** One community's campaign of the year: its row (audited when new), reopened if need be, its workflow started. */
async function ensureCommunityCampaign(x: EnsureContext, communityId: string, result: EnsuredCampaigns): Promise<void> {
  const existing = await findCampaignOf(x.prisma, communityId, x.year);
  if (!existing && x.closesAt <= x.now) return;
  // New, or (not open yet) kept in step with the rule in force.
  let campaign = await ensureCampaignRow(x.prisma, communityId, x.year, x.rule, x.calendar, x.now);
  if (!existing) {
    result.created++;
    await auditCampaignCreated(x.prisma, campaign, x.actor, new Date(x.now));
  }
  if (campaign.status === 'closed' || (campaign.status === 'cancelled' && campaign.closesAt.getTime() <= x.now)) {
    result.campaigns.push(campaign);
    return;
  }
  if (campaign.status === 'cancelled') campaign = await reopenCampaign(x.prisma, campaign.id, x.actor, new Date(x.now));
  result.campaigns.push(campaign);
  const index = x.indexes.get(communityId) ?? null;
  if (await startCampaign({ temporal: x.temporal, taskQueue: x.taskQueue }, communityId, x.year, index))
    result.started++;
  else result.failed.push(communityId);
}

/**
 * Make sure every community with active department pairings has its campaign of `year` and the
 * campaign's workflow runs (WorkflowIdConflictPolicy.USE_EXISTING: a repeat is harmless). Closed
 * campaigns are left as they are; a campaign cancelled for want of paired departments opens again
 * if the community has them now and the campaign has not passed its deadline. No campaign is
 * created for a year whose evaluation has closed. Called by POST /api/evaluations/campaigns, at
 * the service's start (for the current year), and for the communities concerned when a community is
 * registered or its pairings change (`communityIds`, see `ensureCommunityCampaigns`). `now` stamps
 * what it writes.
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
  const { closesAt } = evaluationSchedule(year, rule, calendar);
  const communities = await evaluableCommunityIds(prisma, communityIds);
  const indexes = await unitIndexes(prisma, communities);
  const x: EnsureContext = { temporal, taskQueue, prisma, year, now, actor, rule, calendar, closesAt, indexes };
  const result: EnsuredCampaigns = { campaigns: [], created: 0, started: 0, failed: [] };
  await forEachConcurrently(communities, 8, (communityId) => ensureCommunityCampaign(x, communityId, result));
  return result;
}

/**
 * This year's campaigns of these communities, right away (a community registered, or made
 * evaluable by its pairings, after the service started): the same path as at start. Never throws:
 * the record of the registration or pairing stands, and a campaign or workflow that could not be
 * made now is logged and made good at the next start (or POST /api/evaluations/campaigns).
 */
export async function ensureCommunityCampaigns(
  deps: Pick<ServiceDeps, 'temporal' | 'taskQueue' | 'prisma' | 'clock' | 'log'>,
  communityIds: readonly string[],
  actor: string,
): Promise<EnsuredCampaigns | undefined> {
  if (!communityIds.length) return undefined;
  const now = deps.clock().getTime();
  const year = yearOf(now);
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

export interface StartedCampaigns {
  year: number;
  created: number;
  started: number;
  items: CampaignRecord[];
}

/**
 * Start (or find running) the campaigns of a year: one per community with active pairings. A year
 * whose evaluation has closed cannot start (unless it has campaigns already); when a workflow did
 * not start, the campaigns stay recorded and the act answers 503 (try again later).
 */
export async function startCampaigns(
  deps: ServiceDeps,
  caller: Caller,
  { year }: { year: number },
): Promise<StartedCampaigns> {
  const { prisma, clock, log } = deps;
  const now = clock().getTime();
  const schedule = evaluationSchedule(year, await loadEvaluationRule(prisma), await loadWorkingCalendar(prisma));
  if (schedule.closesAt <= now && (await countCampaignsOfYear(prisma, year)) === 0) {
    throw ServiceError.badRequest(
      'year',
      `${year}年度考核评分已于${schedule.closesOn}截止，不能再发起 / The ${year} evaluation closed on ${schedule.closesOn}: its campaigns can no longer start`,
    );
  }
  const ensured = await ensureCampaigns(deps.temporal, deps.taskQueue, prisma, year, now, actorOf(caller));
  if (ensured.failed.length) {
    log.error('Evaluation campaigns recorded but not all workflows started', { year, failed: ensured.failed });
    throw new ServiceError(
      503,
      'obligations_not_started',
      `考核评分已登记，但 ${ensured.failed.length} 个社区的流程未能启动，请稍后重试 / The campaigns are recorded but ${ensured.failed.length} workflow(s) did not start: try again later`,
    );
  }
  const items = await campaignsWithCommunity(
    prisma,
    ensured.campaigns.map((c) => c.id),
  );
  return { year, created: ensured.created, started: ensured.started, items };
}

// --- What a caller may see ----------------------------------------------------------------

/** The community a rater belongs to: their unit, or the community above it. */
const raterCommunityId = (prisma: PrismaClient, c: Caller) =>
  communityAbove(prisma, c.role === 'rater' ? c.unitId : null);

/** The communities whose campaigns a caller may see: their scope; a rater's own community. */
async function visibleCommunities(prisma: PrismaClient, c: Caller): Promise<'all' | Set<string>> {
  if (c.role === 'rater') {
    const id = await raterCommunityId(prisma, c);
    return new Set(id ? [id] : []);
  }
  return readableUnitIds(prisma, c);
}

/** A campaign as the caller may see it (in their scope; a rater's own community), else not found. */
export async function campaignInScope(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  campaignId: string,
): Promise<CampaignRecord> {
  const { prisma } = deps;
  const campaign = isRecordId(campaignId) ? await campaignById(prisma, campaignId) : null;
  const visible =
    campaign &&
    (caller.role === 'rater'
      ? (await raterCommunityId(prisma, caller)) === campaign.communityId
      : await canRead(prisma, caller, campaign.community));
  if (!campaign || !visible) throw ServiceError.notFound(`Evaluation campaign ${campaignId}`);
  return campaign;
}

/** Campaigns with their progress (raters so far versus quorum), in the caller's scope. */
export async function listEvaluationCampaigns(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  query: CampaignFilter,
): Promise<{ items: CampaignRecord[]; total: number }> {
  return listCampaigns(deps.prisma, await visibleCommunities(deps.prisma, caller), query);
}

export interface CampaignDetail {
  campaign: CampaignRecord;
  /** Closed: the means and medians are final (hidden while open). */
  final: boolean;
  /** Ballots by rater kind. */
  raterKinds: { raterKind: string; count: number }[];
  departments: {
    departmentId: string;
    code: string;
    name: string;
    count: number;
    mean: number | null;
    median: number | null;
    quorumMet: boolean;
  }[];
}

/** One campaign: progress, and per department the results once closed (live counts while open). */
export async function campaignDetail(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  campaignId: string,
): Promise<CampaignDetail> {
  const campaign = await campaignInScope(deps, caller, campaignId);
  const [departments, tallies] = await Promise.all([
    campaignDepartments(deps.prisma, campaign),
    campaignTallies(deps.prisma, campaign.id),
  ]);
  const final = campaign.status === 'closed';
  return {
    campaign,
    final,
    raterKinds: tallies.kinds,
    departments: departments.map((d: DepartmentRef) => {
      const s = scoreSummary(
        tallies.scores.filter((x) => x.departmentId === d.id).map((x) => x.score),
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
  };
}

// --- The annual table -----------------------------------------------------------------------

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface CommunityResult {
  communityId: string;
  communityName: string;
  campaignId: string;
  quorum: number;
  count: number;
  mean: number | null;
  median: number | null;
  quorumMet: boolean;
}

export interface DepartmentRow {
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

export interface EvaluationResults {
  year: number;
  asOf: string;
  campaigns: { closed: number; pending: number };
  rows: DepartmentRow[];
}

/** Each department's overall figures from its communities' results. */
function overallOf(row: DepartmentRow): DepartmentRow['overall'] {
  const met = row.communities.filter((r) => r.quorumMet && r.mean !== null);
  return {
    communities: row.communities.length,
    communitiesQuorumMet: met.length,
    raters: row.communities.reduce((n, r) => n + r.count, 0),
    mean: met.length ? round2(met.reduce((s, r) => s + r.mean!, 0) / met.length) : null,
  };
}

/**
 * The annual table per department across communities (closed campaigns of the year; the current
 * year by default). A department user sees their own department's row only.
 */
export async function evaluationResults(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  { year = yearOf(deps.clock()) }: { year?: number },
): Promise<EvaluationResults> {
  const { prisma } = deps;
  const { campaigns, pending } = await closedCampaignsOfYear(prisma, year);
  const byKey = new Map<string, number[]>();
  for (const s of await scoresOfCampaigns(
    prisma,
    campaigns.map((c) => c.id),
  )) {
    const key = `${s.campaignId}/${s.departmentId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s.score]);
  }
  const rows = new Map<string, DepartmentRow>();
  for (const c of campaigns) {
    for (const d of await campaignDepartments(prisma, c)) {
      if (caller.role === 'department' && d.id !== caller.departmentId) continue;
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
  for (const row of rows.values()) row.overall = overallOf(row);
  return {
    year,
    asOf: shanghaiDateOf(deps.clock()),
    campaigns: { closed: campaigns.length, pending },
    rows: [...rows.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

// --- Casting a ballot ---------------------------------------------------------------------

/**
 * The campaign a caller would cast a ballot in: visible to them, and for a convener their own
 * community's (paper ballots).
 */
export async function ballotCampaign(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  campaignId: string,
): Promise<CampaignRecord> {
  const campaign = await campaignInScope(deps, caller, campaignId);
  if (caller.role === 'convener' && !canWrite(caller, campaign.community)) {
    throw new ServiceError(
      403,
      'forbidden',
      `只有${campaign.community.name}的召集人（或管理员）可录入纸质评分 / Only the convener of ${campaign.community.name} (or an admin) may enter paper ballots`,
    );
  }
  return campaign;
}

export interface BallotInput {
  campaignId: string;
  /** The campaign as `ballotCampaign` found it for this caller (else it is found here). */
  campaign?: CampaignRecord;
  raterKind: BallotRow['raterKind'];
  raterName?: string;
  /** A paper ballot: the rater's ID or phone number, normalised (only a digest is kept). */
  raterRef?: string;
  scores: { departmentId: string; score: number }[];
}

export interface CastBallot {
  id: string;
  campaignId: string;
  raterKind: string;
  raterName: string | null;
  recordedBy: string;
  createdAt: Date;
  /** In the order of the paired departments. */
  scores: { departmentId: string; score: number }[];
  /** Ballots in the campaign, this one included. */
  raters: number;
  quorum: number;
}

/** Who the ballot is by: a rater's own login, or the digest of the paper ballot's rater reference. */
function raterKeyOf(caller: Caller, campaign: CampaignRecord, raterRef: string | undefined): string {
  if (caller.role === 'rater') return sha256(caller.id);
  if (!raterRef) {
    throw ServiceError.badRequest(
      'raterRef',
      '录入纸质评分须填写评分人身份证号或手机号 / A paper ballot needs the rater’s ID or phone number',
    );
  }
  return sha256(`${campaign.id}:${raterRef}`);
}

/** The campaign takes ballots now: open, between its opening and its close. */
function assertOpen(campaign: CampaignRecord, now: number): void {
  if (campaign.status !== 'open' || now < campaign.opensAt.getTime() || now >= campaign.closesAt.getTime()) {
    throw ServiceError.conflict(
      'campaign_not_open',
      `考核评分未在进行中（${campaign.status}，${opensOnOf(campaign)} 至 ${closesOnOf(campaign)}） / The campaign is not open (${campaign.status}; ${opensOnOf(campaign)} to ${closesOnOf(campaign)})`,
    );
  }
}

/** Every department paired with the community scored, each exactly once, and no other. */
function assertScoresCover(
  campaign: CampaignRecord,
  departments: DepartmentRef[],
  scores: BallotInput['scores'],
): void {
  const paired = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  scores.forEach(({ departmentId }, i) => {
    if (!paired.has(departmentId)) {
      throw ServiceError.badRequest(
        `scores.${i}.departmentId`,
        `部门 ${departmentId} 未与${campaign.community.name}结对 / Department ${departmentId} is not paired with ${campaign.community.name}`,
      );
    }
    if (seen.has(departmentId)) {
      throw ServiceError.badRequest(
        `scores.${i}.departmentId`,
        `每个部门只能评分一次 / Department ${paired.get(departmentId)!.name} is scored twice`,
      );
    }
    seen.add(departmentId);
  });
  const missing = departments.filter((d) => !seen.has(d.id));
  if (missing.length) {
    throw ServiceError.badRequest(
      'scores',
      `须对每个结对部门评分，缺少：${missing.map((d) => d.name).join('、')} / Every paired department must be scored; missing: ${missing.map((d) => d.name).join(', ')}`,
    );
  }
}

/**
 * One ballot: each department paired with the community scored exactly once. By a rater user
 * (their login identifies them), or entered from paper by the community's convener or an admin
 * (raterRef: the rater's ID or phone number, of which only a digest is kept). The ballot and its
 * audit row are one transaction; then the campaign's workflow hears the count.
 */
export async function castBallot(deps: ServiceDeps, caller: Caller, input: BallotInput): Promise<CastBallot> {
  const { prisma } = deps;
  const campaign = input.campaign ?? (await ballotCampaign(deps, caller, input.campaignId));
  const raterKey = raterKeyOf(caller, campaign, input.raterRef);
  const now = deps.clock();
  assertOpen(campaign, now.getTime());
  const departments = await pairedDepartments(prisma, campaign.communityId);
  assertScoresCover(campaign, departments, input.scores);
  const duplicate = () =>
    ServiceError.conflict(
      'duplicate_rater',
      '该评分人已在本次考核中评分 / This rater has already scored in this campaign',
      caller.role === 'rater' ? undefined : 'raterRef',
    );
  if (await hasBallot(prisma, campaign.id, raterKey)) throw duplicate();
  const row: BallotRow = {
    campaignId: campaign.id,
    raterKey,
    raterKind: input.raterKind,
    raterName: input.raterName ?? null,
    recordedBy: actorOf(caller),
    scores: input.scores,
    entered: caller.role === 'rater' ? 'rater' : 'paper',
  };
  const ballot = await insertBallot(prisma, row, now);
  if (!ballot) throw duplicate();

  // The record first; then the workflow hears of it (it re-reads the record before any reminder).
  const raters = await countBallots(prisma, campaign.id);
  await tellBallotRecorded(deps, campaign, raters);

  const order = new Map(departments.map((d, i) => [d.id, i]));
  return {
    id: ballot.id,
    campaignId: campaign.id,
    raterKind: ballot.raterKind,
    raterName: ballot.raterName,
    recordedBy: ballot.recordedBy,
    createdAt: ballot.createdAt,
    scores: ballot.scores
      .map((s) => ({ departmentId: s.departmentId, score: s.score }))
      .sort((a, b) => order.get(a.departmentId)! - order.get(b.departmentId)!),
    raters,
    quorum: campaign.quorum,
  };
}
