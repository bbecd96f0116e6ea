/**
 * The record of the quarterly feedback (反馈) to employers and the year-end evaluation (评议): which
 * employers a community feeds back to in a quarter and their members' service records, the
 * receipts (only a token's hash is kept), the ledger rows of the receipts' reminders, and the
 * evaluations entered.
 */
import { createHash } from 'node:crypto';
import type {
  Prisma,
  PrismaClient,
  ServiceEvaluation,
  ServiceFeedback,
  ServiceRecord,
  ServingEmployer,
  ServingMember,
} from '@prisma/client';
import type { LocalDate } from '../domain/period';
import { shanghaiInstant, addDays } from '../domain/period';
import { servingFeedbackWorkflowId } from '../domain/workflow-ids';

type Db = PrismaClient | Prisma.TransactionClient;

/** What the record keeps of a receipt token: its SHA-256 (hex). */
export function receiptTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const dateOnly = (d: LocalDate) => new Date(`${d}T00:00:00Z`);

/** Every community (not removed) with a registered member or employer: each has a feedback workflow. */
export async function communitiesWithServing(prisma: PrismaClient): Promise<string[]> {
  const [members, employers] = await Promise.all([
    prisma.servingMember.findMany({
      where: { removedAt: null },
      select: { communityId: true },
      distinct: ['communityId'],
    }),
    prisma.servingEmployer.findMany({
      where: { removedAt: null, communityId: { not: null } },
      select: { communityId: true },
      distinct: ['communityId'],
    }),
  ]);
  const ids = [...new Set([...members.map((m) => m.communityId), ...employers.map((e) => e.communityId!)])];
  if (ids.length === 0) return [];
  const units = await prisma.unit.findMany({
    where: { id: { in: ids }, removedAt: null, level: 'community' },
    select: { id: true },
    orderBy: { code: 'asc' },
  });
  return units.map((u) => u.id);
}

export type EmployerWithMembers = ServingEmployer & { members: ServingMember[] };

/**
 * The employers having registered members in the community during a span: members registered by
 * its last day and not removed before it ended; employers not removed. By employer code, members by name.
 */
export async function employersWithMembersIn(
  prisma: Db,
  communityId: string,
  span: { lastDay: LocalDate },
): Promise<EmployerWithMembers[]> {
  const endsAt = shanghaiInstant(addDays(span.lastDay, 1));
  const memberWhere: Prisma.ServingMemberWhereInput = {
    communityId,
    registeredOn: { lte: dateOnly(span.lastDay) },
    OR: [{ removedAt: null }, { removedAt: { gte: endsAt } }],
  };
  const employers = await prisma.servingEmployer.findMany({
    where: { removedAt: null, members: { some: memberWhere } },
    include: { members: { where: memberWhere, orderBy: [{ name: 'asc' }, { id: 'asc' }] } },
    orderBy: { code: 'asc' },
  });
  return employers;
}

/** The service records of these members in the community between two days (inclusive), by day. */
export async function servicesOf(
  prisma: Db,
  communityId: string,
  memberIds: readonly string[],
  span: { firstDay: LocalDate; lastDay: LocalDate },
): Promise<ServiceRecord[]> {
  if (memberIds.length === 0) return [];
  return prisma.serviceRecord.findMany({
    where: {
      communityId,
      memberId: { in: [...memberIds] },
      servedOn: { gte: dateOnly(span.firstDay), lte: dateOnly(span.lastDay) },
    },
    orderBy: [{ servedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
}

export interface FeedbackSent {
  communityId: string;
  employerId: string;
  periodKey: string;
  tokenHash: string;
  expiresAt: Date;
  members: number;
  services: number;
  minutes: number;
  sentAt: Date;
}

/**
 * The receipt of one employer's feedback, written before its mail goes (upsert by community,
 * employer, quarter). A confirmed receipt stays as it is; a retried send keeps the first sending.
 */
export async function upsertFeedback(prisma: Db, f: FeedbackSent): Promise<ServiceFeedback> {
  const where = {
    communityId_employerId_periodKey: { communityId: f.communityId, employerId: f.employerId, periodKey: f.periodKey },
  };
  const existing = await prisma.serviceFeedback.findUnique({ where });
  if (existing?.confirmedAt) return existing;
  if (existing) {
    return prisma.serviceFeedback.update({
      where,
      data: {
        tokenHash: f.tokenHash,
        members: f.members,
        services: f.services,
        minutes: f.minutes,
        ...(existing.sentAt ? {} : { sentAt: f.sentAt, expiresAt: f.expiresAt }),
      },
    });
  }
  return prisma.serviceFeedback.create({ data: f });
}

export async function feedbackOf(
  prisma: Db,
  communityId: string,
  employerId: string,
  periodKey: string,
): Promise<ServiceFeedback | null> {
  return prisma.serviceFeedback.findUnique({
    where: { communityId_employerId_periodKey: { communityId, employerId, periodKey } },
  });
}

export type FeedbackWithEmployer = ServiceFeedback & { employer: ServingEmployer };

/** The feedback a receipt token opens, with its employer; null for an unknown token. */
export async function feedbackByToken(prisma: Db, token: string): Promise<FeedbackWithEmployer | null> {
  const row = await prisma.serviceFeedback.findUnique({ where: { tokenHash: receiptTokenHash(token) } });
  if (!row) return null;
  const employer = await prisma.servingEmployer.findUnique({ where: { id: row.employerId } });
  return employer ? { ...row, employer } : null;
}

/**
 * Confirm a receipt once: only while it is unconfirmed and not expired at `at` (the check and the
 * write in one statement, so two confirmations at once cannot both pass). Whether it was this one.
 */
export async function confirmFeedbackOnce(prisma: Db, id: string, confirmedBy: string, at: Date): Promise<boolean> {
  const { count } = await prisma.serviceFeedback.updateMany({
    where: { id, confirmedAt: null, expiresAt: { gt: at } },
    data: { confirmedAt: at, confirmedBy },
  });
  return count === 1;
}

/** A community's feedback rows of a quarter. */
export async function feedbackRowsOf(prisma: Db, communityId: string, periodKey: string): Promise<ServiceFeedback[]> {
  return prisma.serviceFeedback.findMany({ where: { communityId, periodKey } });
}

/** The ledger rows (sent) of a community's feedback workflow in a quarter, by step: step → sent instants. */
export async function feedbackLedgerSteps(
  prisma: Db,
  communityId: string,
  periodKey: string,
): Promise<Map<string, Date | null>> {
  const rows = await prisma.notification.findMany({
    where: { obligation: servingFeedbackWorkflowId(communityId), periodKey, status: 'sent' },
    select: { step: true, sentAt: true },
    orderBy: { sentAt: 'asc' },
  });
  const steps = new Map<string, Date | null>();
  for (const r of rows) if (!steps.has(r.step)) steps.set(r.step, r.sentAt);
  return steps;
}

/** Service counts per member in the community between two days. */
export async function serviceCountsOf(
  prisma: Db,
  communityId: string,
  memberIds: readonly string[],
  span: { firstDay: LocalDate; lastDay: LocalDate },
): Promise<Map<string, { services: number; minutes: number }>> {
  const counts = new Map<string, { services: number; minutes: number }>();
  for (const r of await servicesOf(prisma, communityId, memberIds, span)) {
    const c = counts.get(r.memberId) ?? { services: 0, minutes: 0 };
    counts.set(r.memberId, { services: c.services + 1, minutes: c.minutes + r.minutes });
  }
  return counts;
}

/** The evaluations entered for a community's year. */
export async function evaluationsOf(prisma: Db, communityId: string, year: number): Promise<ServiceEvaluation[]> {
  return prisma.serviceEvaluation.findMany({ where: { communityId, year } });
}

export interface EvaluationEntry {
  communityId: string;
  year: number;
  subjectKind: 'member' | 'employer';
  subjectId: string;
  grade: string;
  comment: string | null;
  evaluatedBy: string;
  evaluatedAt: Date;
}

/** Enter (or change) one grade; the row before, if any. */
export async function upsertEvaluation(
  prisma: Db,
  e: EvaluationEntry,
): Promise<{ before: ServiceEvaluation | null; after: ServiceEvaluation }> {
  const where = {
    communityId_year_subjectKind_subjectId: {
      communityId: e.communityId,
      year: e.year,
      subjectKind: e.subjectKind,
      subjectId: e.subjectId,
    },
  };
  const before = await prisma.serviceEvaluation.findUnique({ where });
  const data = { grade: e.grade, comment: e.comment, evaluatedBy: e.evaluatedBy, evaluatedAt: e.evaluatedAt };
  const after = await prisma.serviceEvaluation.upsert({ where, create: { ...e }, update: data });
  return { before, after };
}

/** A registered member (not removed) of a community, or null. */
export async function memberOfCommunity(prisma: Db, communityId: string, memberId: string) {
  return prisma.servingMember.findFirst({ where: { id: memberId, communityId } });
}

export async function employerById(prisma: Db, employerId: string): Promise<ServingEmployer | null> {
  return prisma.servingEmployer.findUnique({ where: { id: employerId } });
}

/** The community's unit (not removed), or null. */
export async function communityUnit(prisma: Db, communityId: string) {
  return prisma.unit.findFirst({ where: { id: communityId, removedAt: null } });
}
