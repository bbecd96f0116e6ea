/**
 * The record of a community's needs list (服务需求 / 微心愿), the members' claims (认领) and their
 * service cards (服务记录): every query of the needs part of the third entry. Each write is one
 * transaction with its audit rows.
 */
import type { NeedClaim, Prisma, PrismaClient, ServiceNeed, ServiceRecord, ServingMember } from '@prisma/client';
import { writeAudit } from './audit-trail';

type By = { actor: string; now: Date };
type Tx = Prisma.TransactionClient;

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** The claims that hold a place on a need: claimed and not cancelled (done counts too). */
export const ACTIVE_CLAIM = { status: { in: ['claimed', 'done'] } };

/** A registered member (not removed), for the acts on needs and cards. */
export function liveMemberById(prisma: PrismaClient, id: string) {
  return prisma.servingMember.findFirst({ where: { id, removedAt: null }, include: { employer: true } });
}

/** A member, removed or not (a card stays readable). */
export function memberById(prisma: PrismaClient, id: string) {
  return prisma.servingMember.findUnique({ where: { id }, include: { employer: true } });
}

export type NeedWithClaims = ServiceNeed & {
  claims: (NeedClaim & { member: Pick<ServingMember, 'id' | 'name' | 'phone'> })[];
};

const needInclude = {
  claims: {
    include: { member: { select: { id: true, name: true, phone: true } } },
    orderBy: { claimedAt: 'asc' as const },
  },
};

export function needById(prisma: PrismaClient, id: string): Promise<NeedWithClaims | null> {
  return prisma.serviceNeed.findUnique({ where: { id }, include: needInclude });
}

/** The needs of some communities (or all), latest day first. */
export function needsOf(
  prisma: PrismaClient,
  communityIds: 'all' | readonly string[],
  q: { from?: string; limit: number; offset: number },
): Promise<[NeedWithClaims[], number]> {
  const where: Prisma.ServiceNeedWhereInput = {
    ...(communityIds === 'all' ? {} : { communityId: { in: [...communityIds] } }),
    ...(q.from ? { neededOn: { gte: day(q.from) } } : {}),
  };
  return Promise.all([
    prisma.serviceNeed.findMany({
      where,
      include: needInclude,
      orderBy: [{ neededOn: 'desc' }, { createdAt: 'desc' }],
      take: q.limit,
      skip: q.offset,
    }),
    prisma.serviceNeed.count({ where }),
  ]);
}

export interface NewNeed {
  communityId: string;
  title: string;
  category: string;
  description?: string;
  neededOn: string;
  slots: number;
  claimBy: string;
}

export async function createNeed(prisma: PrismaClient, n: NewNeed, by: By): Promise<ServiceNeed> {
  return prisma.$transaction(async (tx) => {
    const need = await tx.serviceNeed.create({
      data: { ...n, neededOn: day(n.neededOn), claimBy: day(n.claimBy), publishedBy: by.actor, createdAt: by.now },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'serving.need.publish',
      entity: 'service-need',
      entityId: need.id,
      after: { ...n },
    });
    return need;
  });
}

/** Cancel a need and the claims on it still open; the claims cancelled, for their workflows. */
export async function cancelNeed(
  prisma: PrismaClient,
  needId: string,
  reason: string | undefined,
  by: By,
): Promise<{ need: ServiceNeed; cancelledClaims: string[] } | 'already'> {
  return prisma.$transaction(async (tx) => {
    const fresh = await tx.serviceNeed.findUniqueOrThrow({ where: { id: needId } });
    if (fresh.status === 'cancelled') return 'already';
    const need = await tx.serviceNeed.update({
      where: { id: needId },
      data: { status: 'cancelled', cancelReason: reason ?? null, cancelledAt: by.now },
    });
    const open = await tx.needClaim.findMany({ where: { needId, status: 'claimed' }, select: { id: true } });
    await tx.needClaim.updateMany({
      where: { id: { in: open.map((c) => c.id) } },
      data: { status: 'cancelled', cancelledAt: by.now },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'serving.need.cancel',
      entity: 'service-need',
      entityId: needId,
      before: { status: fresh.status },
      after: { status: 'cancelled', reason: reason ?? null, claimsCancelled: open.map((c) => c.id) },
    });
    for (const c of open)
      await writeAudit(tx, {
        at: by.now,
        actor: by.actor,
        action: 'serving.claim.cancel',
        entity: 'need-claim',
        entityId: c.id,
        before: { status: 'claimed' },
        after: { status: 'cancelled', because: 'need cancelled' },
      });
    return { need, cancelledClaims: open.map((c) => c.id) };
  });
}

/** Why a claim could not be taken, read under the need's row lock. */
export type ClaimRefusal =
  | { refused: 'cancelled' }
  | { refused: 'past'; claimBy: string }
  | { refused: 'full'; slots: number }
  | { refused: 'duplicate'; claim: NeedClaim };

/**
 * Claim a need for a member: under the need's row lock (two claims of the last place cannot both
 * win), the need must be open, not past its claim day, not full, and not claimed by the member
 * already. A member who cancelled claims again on the same row.
 */
export async function claimNeed(
  prisma: PrismaClient,
  c: { needId: string; memberId: string; today: string },
  by: By,
): Promise<NeedClaim | ClaimRefusal> {
  return prisma.$transaction(async (tx: Tx) => {
    // The need's row lock, held to the end of the transaction: claims of one need queue up.
    await tx.$queryRaw`SELECT id FROM "ServiceNeed" WHERE id = ${c.needId} FOR UPDATE`;
    const need = await tx.serviceNeed.findUniqueOrThrow({ where: { id: c.needId } });
    if (need.status === 'cancelled') return { refused: 'cancelled' } as const;
    const claimBy = need.claimBy.toISOString().slice(0, 10);
    if (c.today > claimBy) return { refused: 'past', claimBy } as const;
    const existing = await tx.needClaim.findUnique({
      where: { needId_memberId: { needId: c.needId, memberId: c.memberId } },
    });
    if (existing && existing.status !== 'cancelled') return { refused: 'duplicate', claim: existing } as const;
    const taken = await tx.needClaim.count({ where: { needId: c.needId, ...ACTIVE_CLAIM } });
    if (taken >= need.slots) return { refused: 'full', slots: need.slots } as const;
    const data = { status: 'claimed', claimedAt: by.now, cancelledAt: null, doneAt: null };
    const claim = existing
      ? await tx.needClaim.update({ where: { id: existing.id }, data })
      : await tx.needClaim.create({ data: { needId: c.needId, memberId: c.memberId, ...data } });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'serving.claim',
      entity: 'need-claim',
      entityId: claim.id,
      ...(existing ? { before: { status: existing.status } } : {}),
      after: { needId: c.needId, memberId: c.memberId, status: 'claimed' },
    });
    return claim;
  });
}

export type ClaimWithNeed = NeedClaim & {
  need: ServiceNeed;
  member: ServingMember;
  service: ServiceRecord | null;
};

export function claimById(prisma: PrismaClient, id: string): Promise<ClaimWithNeed | null> {
  return prisma.needClaim.findUnique({ where: { id }, include: { need: true, member: true, service: true } });
}

/** Cancel a claim still open; false when it is no longer claimed (done or cancelled a moment ago). */
export async function cancelClaim(prisma: PrismaClient, claimId: string, by: By): Promise<NeedClaim | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.needClaim.updateMany({
      where: { id: claimId, status: 'claimed' },
      data: { status: 'cancelled', cancelledAt: by.now },
    });
    if (count === 0) return null;
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'serving.claim.cancel',
      entity: 'need-claim',
      entityId: claimId,
      before: { status: 'claimed' },
      after: { status: 'cancelled' },
    });
    return tx.needClaim.findUniqueOrThrow({ where: { id: claimId } });
  });
}

export interface NewServiceRecord {
  memberId: string;
  communityId: string;
  claimId?: string;
  servedOn: string;
  minutes: number;
  what: string;
  confirmedBy: string;
}

/**
 * Write a service on a member's card; with a claim, the claim becomes done in the same
 * transaction (null when the claim is no longer open: done or cancelled a moment ago).
 */
export async function saveServiceRecord(
  prisma: PrismaClient,
  r: NewServiceRecord,
  by: By,
): Promise<ServiceRecord | null> {
  return prisma.$transaction(async (tx) => {
    if (r.claimId) {
      const { count } = await tx.needClaim.updateMany({
        where: { id: r.claimId, memberId: r.memberId, status: 'claimed' },
        data: { status: 'done', doneAt: by.now },
      });
      if (count === 0) return null;
    }
    const record = await tx.serviceRecord.create({
      data: {
        memberId: r.memberId,
        communityId: r.communityId,
        claimId: r.claimId ?? null,
        servedOn: day(r.servedOn),
        minutes: r.minutes,
        what: r.what,
        confirmedBy: r.confirmedBy,
        recordedBy: by.actor,
        createdAt: by.now,
      },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'serving.service.record',
      entity: 'service-record',
      entityId: record.id,
      after: { ...r },
    });
    if (r.claimId)
      await writeAudit(tx, {
        at: by.now,
        actor: by.actor,
        action: 'serving.claim.done',
        entity: 'need-claim',
        entityId: r.claimId,
        before: { status: 'claimed' },
        after: { status: 'done', serviceRecordId: record.id },
      });
    return record;
  });
}

/** A member's service card: every service (latest first) and the claims still open with their needs. */
export async function cardOf(prisma: PrismaClient, memberId: string) {
  const [services, openClaims] = await Promise.all([
    prisma.serviceRecord.findMany({
      where: { memberId },
      include: { claim: { include: { need: { select: { id: true, title: true } } } } },
      orderBy: [{ servedOn: 'desc' }, { createdAt: 'desc' }],
    }),
    prisma.needClaim.findMany({
      where: { memberId, status: 'claimed' },
      include: { need: true },
      orderBy: { claimedAt: 'asc' },
    }),
  ]);
  return { services, openClaims };
}

/** Claims still open (claimed, not done or cancelled) on needs not cancelled: their workflows should run. */
export async function openClaimIds(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.needClaim.findMany({
    where: { status: 'claimed', need: { status: { not: 'cancelled' } } },
    select: { id: true },
    orderBy: { claimedAt: 'asc' },
  });
  return rows.map((r) => r.id);
}
