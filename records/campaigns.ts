/**
 * The evaluation campaigns (考核评分) in the record: a community's campaign of a year (created from
 * the rule in force), the departments it scores, its ballots and scores, and the writes of the acts
 * on them (services/evaluation.ts) and of the workflow's activities (activities/evaluation.ts).
 */
import type { EvaluationBallot, EvaluationCampaign, EvaluationScore, Prisma, PrismaClient, Unit } from '@prisma/client';
import type { WorkingCalendar } from '../domain/calendar';
import type { EntriesRule } from '../domain/entries';
import { evaluationSchedule } from '../domain/evaluation';
import { shanghaiDateOf } from '../domain/period';
import { loadWorkingCalendar } from './calendar';
import { loadEntriesRule } from './entries-rule';
import { isUniqueViolation } from './errors';

type Db = Pick<
  PrismaClient,
  'entriesRule' | 'evaluationCampaign' | 'departmentPairing' | 'evaluationScore' | 'calendarYear'
>;

/** The entries rule in force (quorum, dates, reminder interval). */
export const loadEvaluationRule = loadEntriesRule;

/** The campaign's closing day (its `closesAt` is the end of that day, Asia/Shanghai). */
export const closesOnOf = (c: Pick<EvaluationCampaign, 'closesAt'>) => shanghaiDateOf(c.closesAt.getTime() - 1);
export const opensOnOf = (c: Pick<EvaluationCampaign, 'opensAt'>) => shanghaiDateOf(c.opensAt);

/** A campaign with its community and its ballot count, as the API lists it. */
export type CampaignRecord = EvaluationCampaign & { community: Unit; _count: { ballots: number } };

const withCommunity = { community: true, _count: { select: { ballots: true } } } as const;

/**
 * The campaign of a community and year: the stored row, or a new one from the rule in force
 * (quorum, opening and closing instants). Until it opens, a stored row follows the rule in force
 * (a change of the rule before the opening applies to this year's campaigns); once open, it is fixed.
 * `now` stamps a new row's creation (default: the database's time).
 */
export async function ensureCampaignRow(
  prisma: Db,
  communityId: string,
  year: number,
  rule?: EntriesRule,
  calendar?: WorkingCalendar,
  now?: number,
): Promise<EvaluationCampaign> {
  const where = { communityId_year: { communityId, year } };
  const found = await prisma.evaluationCampaign.findUnique({ where });
  if (found && found.status !== 'scheduled') return found;
  const r = rule ?? (await loadEvaluationRule(prisma));
  const schedule = evaluationSchedule(year, r, calendar ?? (await loadWorkingCalendar(prisma)), communityId);
  const fields = {
    quorum: r.evaluationQuorum,
    opensAt: new Date(schedule.opensAt),
    closesAt: new Date(schedule.closesAt),
  };
  if (found) {
    const same =
      found.quorum === fields.quorum &&
      found.opensAt.getTime() === schedule.opensAt &&
      found.closesAt.getTime() === schedule.closesAt;
    if (same) return found;
    await prisma.evaluationCampaign.updateMany({ where: { id: found.id, status: 'scheduled' }, data: fields });
    return prisma.evaluationCampaign.findUniqueOrThrow({ where });
  }
  const createdAt = now === undefined ? {} : { createdAt: new Date(now) };
  return prisma.evaluationCampaign
    .create({ data: { communityId, year, ...fields, ...createdAt } })
    .catch(async (err: unknown) => {
      // Created a moment ago by another caller (the API and the workflow both ensure it).
      if (isUniqueViolation(err)) return prisma.evaluationCampaign.findUniqueOrThrow({ where });
      throw err;
    });
}

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
}

/** The departments paired with a community now (a ballot scores each of them exactly once). */
export async function pairedDepartments(prisma: Db, communityId: string): Promise<DepartmentRef[]> {
  const pairings = await prisma.departmentPairing.findMany({
    where: { communityId, endedAt: null, department: { removedAt: null } },
    include: { department: true },
  });
  return pairings
    .map((p) => ({ id: p.department.id, code: p.department.code, name: p.department.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The departments a campaign's results cover: those paired with the community at some time while
 * it ran (from its opening to its close), and any department that was scored in it.
 */
export async function campaignDepartments(prisma: Db, campaign: EvaluationCampaign): Promise<DepartmentRef[]> {
  const closesOn = new Date(`${closesOnOf(campaign)}T00:00:00Z`);
  const [pairings, scored] = await Promise.all([
    prisma.departmentPairing.findMany({
      where: {
        communityId: campaign.communityId,
        pairedOn: { lte: closesOn },
        OR: [{ endedAt: null }, { endedAt: { gt: campaign.opensAt } }],
        department: { removedAt: null },
      },
      include: { department: true },
    }),
    prisma.evaluationScore.findMany({
      where: { ballot: { campaignId: campaign.id } },
      distinct: ['departmentId'],
      select: { department: true },
    }),
  ]);
  const all = new Map<string, DepartmentRef>();
  for (const d of [...pairings.map((p) => p.department), ...scored.map((s) => s.department)]) {
    all.set(d.id, { id: d.id, code: d.code, name: d.name });
  }
  return [...all.values()].sort((a, b) => a.code.localeCompare(b.code));
}

// --- Ensuring the campaigns of a year ---------------------------------------------------------

/** The communities with active department pairings (of these, when given), by code. */
export async function evaluableCommunityIds(prisma: PrismaClient, communityIds?: readonly string[]): Promise<string[]> {
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
  return communities.map((c) => c.id);
}

export function findCampaignOf(prisma: PrismaClient, communityId: string, year: number) {
  return prisma.evaluationCampaign.findUnique({ where: { communityId_year: { communityId, year } } });
}

/** How many campaigns a year has. */
export function countCampaignsOfYear(prisma: PrismaClient, year: number): Promise<number> {
  return prisma.evaluationCampaign.count({ where: { year } });
}

/** The audit row of a campaign just created. */
export async function auditCampaignCreated(
  prisma: PrismaClient,
  campaign: EvaluationCampaign,
  actor: string,
  at: Date,
): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      at,
      actor,
      action: 'evaluation.campaign.create',
      entity: 'evaluationCampaign',
      entityId: campaign.id,
      after: {
        communityId: campaign.communityId,
        year: campaign.year,
        quorum: campaign.quorum,
        opensAt: campaign.opensAt.toISOString(),
        closesAt: campaign.closesAt.toISOString(),
      },
    },
  });
}

/** A cancelled campaign opens again (scheduled), audited. */
export async function reopenCampaign(
  prisma: PrismaClient,
  campaignId: string,
  actor: string,
  at: Date,
): Promise<EvaluationCampaign> {
  const campaign = await prisma.evaluationCampaign.update({
    where: { id: campaignId },
    data: { status: 'scheduled', closedAt: null },
  });
  await prisma.auditEvent.create({
    data: {
      at,
      actor,
      action: 'evaluation.campaign.reopen',
      entity: 'evaluationCampaign',
      entityId: campaign.id,
      before: { status: 'cancelled' },
      after: { status: 'scheduled' },
    },
  });
  return campaign;
}

// --- Reading campaigns -----------------------------------------------------------------------

/** Campaigns by id, with their community and ballot count, by community code. */
export function campaignsWithCommunity(prisma: PrismaClient, ids: readonly string[]): Promise<CampaignRecord[]> {
  return prisma.evaluationCampaign.findMany({
    where: { id: { in: [...ids] } },
    include: withCommunity,
    orderBy: [{ community: { code: 'asc' } }],
  });
}

/** One campaign with its community and ballot count. */
export function campaignById(prisma: PrismaClient, id: string): Promise<CampaignRecord | null> {
  return prisma.evaluationCampaign.findUnique({ where: { id }, include: withCommunity });
}

export interface CampaignFilter {
  year?: number;
  communityId?: string;
  streetId?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** A page of campaigns in these communities (or all), newest year first, then by community code. */
export async function listCampaigns(
  prisma: PrismaClient,
  visible: 'all' | Set<string>,
  q: CampaignFilter,
): Promise<{ items: CampaignRecord[]; total: number }> {
  const where: Prisma.EvaluationCampaignWhereInput = {
    AND: [
      visible === 'all' ? {} : { communityId: { in: [...visible] } },
      q.year ? { year: q.year } : {},
      q.communityId ? { communityId: q.communityId } : {},
      q.streetId ? { community: { streetId: q.streetId } } : {},
      q.status ? { status: q.status } : {},
    ],
  };
  const [items, total] = await Promise.all([
    prisma.evaluationCampaign.findMany({
      where,
      include: withCommunity,
      orderBy: [{ year: 'desc' }, { community: { code: 'asc' } }, { id: 'asc' }],
      take: q.limit,
      skip: q.offset,
    }),
    prisma.evaluationCampaign.count({ where }),
  ]);
  return { items, total };
}

/** The community a rater belongs to: their unit, or the community above it. */
export async function communityAbove(prisma: PrismaClient, unitId: string | null): Promise<string | null> {
  let id = unitId;
  for (let depth = 0; id && depth < 8; depth++) {
    const unit = await prisma.unit.findUnique({ where: { id }, select: { id: true, level: true, parentId: true } });
    if (!unit) return null;
    if (unit.level === 'community') return unit.id;
    id = unit.parentId;
  }
  return null;
}

/** The closed campaigns of a year (by community code) and how many are still scheduled or open. */
export async function closedCampaignsOfYear(prisma: PrismaClient, year: number) {
  const campaigns = await prisma.evaluationCampaign.findMany({
    where: { year, status: 'closed' },
    include: { community: true },
    orderBy: [{ community: { code: 'asc' } }, { id: 'asc' }],
  });
  const pending = await prisma.evaluationCampaign.count({
    where: { year, status: { in: ['scheduled', 'open'] } },
  });
  return { campaigns, pending };
}

/** Every score given in these campaigns: department, score, campaign. */
export async function scoresOfCampaigns(
  prisma: PrismaClient,
  campaignIds: readonly string[],
): Promise<{ campaignId: string; departmentId: string; score: number }[]> {
  const scores = await prisma.evaluationScore.findMany({
    where: { ballot: { campaignId: { in: [...campaignIds] } } },
    select: { departmentId: true, score: true, ballot: { select: { campaignId: true } } },
  });
  return scores.map((s) => ({ campaignId: s.ballot.campaignId, departmentId: s.departmentId, score: s.score }));
}

/** One campaign's scores and its ballots counted by rater kind. */
export async function campaignTallies(prisma: PrismaClient, campaignId: string) {
  const [scores, kinds] = await Promise.all([
    prisma.evaluationScore.findMany({ where: { ballot: { campaignId } }, select: { departmentId: true, score: true } }),
    prisma.evaluationBallot.groupBy({ by: ['raterKind'], where: { campaignId }, _count: true }),
  ]);
  return { scores, kinds: kinds.map((k) => ({ raterKind: k.raterKind, count: k._count })) };
}

// --- Ballots -------------------------------------------------------------------------------

/** The ballots of a campaign so far. */
export function countBallots(prisma: Pick<PrismaClient, 'evaluationBallot'>, campaignId: string): Promise<number> {
  return prisma.evaluationBallot.count({ where: { campaignId } });
}

/** Whether this rater has scored in the campaign. */
export async function hasBallot(prisma: PrismaClient, campaignId: string, raterKey: string): Promise<boolean> {
  return !!(await prisma.evaluationBallot.findUnique({ where: { campaignId_raterKey: { campaignId, raterKey } } }));
}

export interface BallotRow {
  campaignId: string;
  raterKey: string;
  raterKind: EvaluationBallot['raterKind'];
  raterName: string | null;
  recordedBy: string;
  scores: { departmentId: string; score: number }[];
  /** How it came in, for the audit row. */
  entered: 'rater' | 'paper';
}

/**
 * A ballot and its audit row, in one transaction. Null when the rater has scored already (the
 * unique key refused it).
 */
export async function insertBallot(
  prisma: PrismaClient,
  b: BallotRow,
  at: Date,
): Promise<(EvaluationBallot & { scores: EvaluationScore[] }) | null> {
  return prisma
    .$transaction(async (tx) => {
      const created = await tx.evaluationBallot.create({
        data: {
          campaignId: b.campaignId,
          raterKey: b.raterKey,
          raterKind: b.raterKind,
          raterName: b.raterName,
          recordedBy: b.recordedBy,
          createdAt: at,
          scores: { create: b.scores.map((s) => ({ departmentId: s.departmentId, score: s.score })) },
        },
        include: { scores: true },
      });
      await tx.auditEvent.create({
        data: {
          at,
          actor: b.recordedBy,
          action: 'evaluation.ballot',
          entity: 'evaluationBallot',
          entityId: created.id,
          after: {
            campaignId: b.campaignId,
            raterKind: b.raterKind,
            raterName: b.raterName,
            entered: b.entered,
            scores: b.scores,
          },
        },
      });
      return created;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) return null;
      throw err;
    });
}

// --- The workflow's writes -----------------------------------------------------------------

/** The campaign with its community. */
export function campaignWithCommunity(prisma: Pick<PrismaClient, 'evaluationCampaign'>, campaignId: string) {
  return prisma.evaluationCampaign.findUniqueOrThrow({ where: { id: campaignId }, include: { community: true } });
}

/** Cancel a campaign not closed yet (its community is gone, or it has no department to score). */
export async function cancelCampaign(
  prisma: Pick<PrismaClient, 'evaluationCampaign'>,
  campaignId: string,
  at: number,
): Promise<void> {
  await prisma.evaluationCampaign.updateMany({
    where: { id: campaignId, status: { in: ['scheduled', 'open'] } },
    data: { status: 'cancelled', closedAt: new Date(at) },
  });
}

/** Open a scheduled campaign. */
export async function openCampaign(prisma: Pick<PrismaClient, 'evaluationCampaign'>, campaignId: string) {
  await prisma.evaluationCampaign.updateMany({
    where: { id: campaignId, status: 'scheduled' },
    data: { status: 'open' },
  });
}

/** Close a campaign not closed yet, at its deadline (ballots stop there). */
export async function closeCampaign(prisma: Pick<PrismaClient, 'evaluationCampaign'>, campaignId: string, at: number) {
  await prisma.evaluationCampaign.updateMany({
    where: { id: campaignId, status: { in: ['scheduled', 'open'] } },
    data: { status: 'closed', closedAt: new Date(at) },
  });
}
