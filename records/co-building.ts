/**
 * The record of community co-building (社区联建): each community's body, its member units, their
 * commitment letters and the practical things done. Money in fen (分).
 */
import type { Prisma, PrismaClient } from '@prisma/client';

type By = { actor: string; now: Date };

const dbDate = (d: string) => new Date(`${d}T00:00:00Z`);

export const bodyInclude = {
  community: true,
  members: {
    orderBy: [{ joinedOn: 'asc' }, { name: 'asc' }],
    include: { commitments: { orderBy: [{ signedOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
  },
  things: { orderBy: [{ doneOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.CoBuildingBodyInclude;

export type BodyRecord = Prisma.CoBuildingBodyGetPayload<{ include: typeof bodyInclude }>;
export type MemberRecord = Prisma.CoBuildingMemberGetPayload<object>;
export type CommitmentRecord = Prisma.CommitmentGetPayload<object>;
export type ThingRecord = Prisma.PracticalThingGetPayload<object>;

/** A body's settings: its name and functions. */
export interface BodySettings {
  name: string;
  functions: string[];
}

/** A member unit's details (joinedOn: YYYY-MM-DD). */
export interface MemberDetails {
  name: string;
  kind: string;
  contactName: string | null;
  contactPhone: string | null;
  joinedOn: string;
}

/** The community's co-building body, or null. */
export function bodyOfCommunity(prisma: PrismaClient, communityId: string) {
  return prisma.coBuildingBody.findUnique({ where: { communityId } });
}

/** A body with its community, members, their commitments and the things done. */
export function bodyWithAll(prisma: PrismaClient, bodyId: string): Promise<BodyRecord> {
  return prisma.coBuildingBody.findUniqueOrThrow({ where: { id: bodyId }, include: bodyInclude });
}

export async function createBody(prisma: PrismaClient, communityId: string, wanted: BodySettings, by: By) {
  return prisma.$transaction(async (tx) => {
    const body = await tx.coBuildingBody.create({ data: { communityId, ...wanted, createdAt: by.now } });
    await tx.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'coBuilding.create',
        entity: 'coBuildingBody',
        entityId: body.id,
        after: { communityId, ...wanted },
      },
    });
    return body;
  });
}

export async function updateBody(
  prisma: PrismaClient,
  bodyId: string,
  change: { before: BodySettings; after: BodySettings },
  by: By,
): Promise<void> {
  await prisma.$transaction([
    prisma.coBuildingBody.update({ where: { id: bodyId }, data: change.after }),
    prisma.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'coBuilding.update',
        entity: 'coBuildingBody',
        entityId: bodyId,
        before: { ...change.before },
        after: { ...change.after },
      },
    }),
  ]);
}

/** A body's member by its name, or null. */
export function memberByName(prisma: PrismaClient, bodyId: string, name: string): Promise<MemberRecord | null> {
  return prisma.coBuildingMember.findUnique({ where: { bodyId_name: { bodyId, name } } });
}

/** A member unit joins a body (audited). */
export async function createMember(
  prisma: PrismaClient,
  body: { id: string; communityId: string },
  wanted: MemberDetails,
  by: By,
): Promise<MemberRecord> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.coBuildingMember.create({
      data: { ...wanted, bodyId: body.id, joinedOn: dbDate(wanted.joinedOn), createdAt: by.now },
    });
    await tx.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'coBuildingMember.join',
        entity: 'coBuildingMember',
        entityId: created.id,
        after: { ...wanted, bodyId: body.id, communityId: body.communityId },
      },
    });
    return created;
  });
}

/** A member unit with its body and community, or null. */
export function memberWithCommunity(prisma: PrismaClient, memberId: string) {
  return prisma.coBuildingMember.findUnique({
    where: { id: memberId },
    include: { body: { include: { community: true } } },
  });
}

/** A member unit of this body, or null. */
export function memberOfBody(prisma: PrismaClient, memberId: string, bodyId: string): Promise<MemberRecord | null> {
  return prisma.coBuildingMember.findFirst({ where: { id: memberId, bodyId } });
}

/** A member unit's commitment letter (audited with what was entered). */
export async function createCommitment(
  prisma: PrismaClient,
  member: { id: string; bodyId: string },
  c: { pledge: string; kinds: string[]; valueFen: number | null; signedOn: string },
  entered: Record<string, unknown>,
  by: By,
): Promise<CommitmentRecord> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.commitment.create({
      data: {
        memberId: member.id,
        pledge: c.pledge,
        kinds: c.kinds,
        valueFen: c.valueFen,
        signedOn: dbDate(c.signedOn),
        createdAt: by.now,
      },
    });
    await tx.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'commitment.sign',
        entity: 'commitment',
        entityId: created.id,
        after: { ...entered, kinds: c.kinds, memberId: member.id, bodyId: member.bodyId },
      },
    });
    return created;
  });
}

/** A practical thing done by a body or one of its members (audited with what was entered). */
export async function createThing(
  prisma: PrismaClient,
  body: { id: string; communityId: string },
  t: { memberId: string | null; doneOn: string; description: string; valueFen: number },
  entered: Record<string, unknown>,
  by: By,
): Promise<ThingRecord> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.practicalThing.create({
      data: {
        bodyId: body.id,
        memberId: t.memberId,
        doneOn: dbDate(t.doneOn),
        description: t.description,
        valueFen: t.valueFen,
        recordedBy: by.actor,
        // createdAt: the database's time, not the clock — the ledger's 登记时间 is when it was entered
        // (test/co-building.api.test.ts checks it against the real time under a simulated clock).
      },
    });
    await tx.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'practicalThing.record',
        entity: 'practicalThing',
        entityId: created.id,
        after: { ...entered, bodyId: body.id, communityId: body.communityId },
      },
    });
    return created;
  });
}

/** What the co-building totals are counted over: the bodies of the readable communities and their rows. */
export async function coBuildingSummaryRecords(
  prisma: PrismaClient,
  readable: 'all' | Set<string>,
  q: { year?: number; streetId?: string },
) {
  const bodies = await prisma.coBuildingBody.findMany({
    where: {
      community: {
        removedAt: null,
        ...(readable === 'all' ? {} : { id: { in: [...readable] } }),
        ...(q.streetId ? { streetId: q.streetId } : {}),
      },
    },
    include: { community: true },
    orderBy: [{ community: { code: 'asc' } }],
  });
  const bodyIds = bodies.map((b) => b.id);
  const within = q.year ? { gte: dbDate(`${q.year}-01-01`), lte: dbDate(`${q.year}-12-31`) } : undefined;
  const [members, commitments, things, streets] = await Promise.all([
    prisma.coBuildingMember.findMany({
      where: { bodyId: { in: bodyIds } },
      select: { id: true, bodyId: true, name: true },
    }),
    prisma.commitment.findMany({
      where: { member: { bodyId: { in: bodyIds } }, ...(within ? { signedOn: within } : {}) },
      select: { valueFen: true, member: { select: { bodyId: true } } },
    }),
    prisma.practicalThing.findMany({
      where: { bodyId: { in: bodyIds }, ...(within ? { doneOn: within } : {}) },
      orderBy: [{ doneOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.unit.findMany({
      where: {
        id: { in: [...new Set(bodies.flatMap((b) => (b.community.streetId ? [b.community.streetId] : [])))] },
      },
      select: { id: true, name: true },
    }),
  ]);
  return { bodies, members, commitments, things, streets };
}

export type CoBuildingSummaryRecords = Awaited<ReturnType<typeof coBuildingSummaryRecords>>;
