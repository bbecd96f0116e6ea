/**
 * The record of the third entry's registration: the employers whose Party organisations registered
 * with a community (单位报到) and the in-service Party members registered with their home community
 * (个人报到). A member's ID number is never stored: only the SHA-256 of its normalised form (to
 * refuse a second registration) and its last 4 characters. Every write carries its audit rows, in
 * which a phone shows only its last 4 digits.
 */
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient, ServingEmployer, ServingMember, Unit } from '@prisma/client';
import { maskTail } from '../domain/serving';
import { writeAudit } from './audit-trail';
import { isRecordId } from './scope';

type By = { actor: string; now: Date };
type Tx = Prisma.TransactionClient;

const dbDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** The SHA-256 (hex) of a normalised resident ID number: what the record keeps instead of it. */
export function idNumberHashOf(normalisedId: string): string {
  return createHash('sha256').update(normalisedId, 'utf8').digest('hex');
}

export type MemberRecord = ServingMember & { employer: ServingEmployer; community: Pick<Unit, 'id' | 'code' | 'name'> };
export type EmployerRecord = ServingEmployer & { community: Pick<Unit, 'id' | 'code' | 'name'> | null };

const unitPick = { id: true, code: true, name: true } as const;

// --- Employers -----------------------------------------------------------------------------

/** An employer's details as registered (registeredOn: YYYY-MM-DD). */
export interface EmployerDetails {
  code: string;
  name: string;
  partyOrgName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  locale: string;
  communityId: string | null;
  registeredOn: string;
}

async function withCommunity(prisma: PrismaClient | Tx, e: ServingEmployer): Promise<EmployerRecord> {
  const community = e.communityId
    ? await prisma.unit.findUnique({ where: { id: e.communityId }, select: unitPick })
    : null;
  return { ...e, community };
}

/** An employer (not removed) by id or code, with its community, or null. */
export async function employerByRef(prisma: PrismaClient, ref: string): Promise<EmployerRecord | null> {
  const e = await prisma.servingEmployer.findFirst({
    where: isRecordId(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
  });
  return e ? withCommunity(prisma, e) : null;
}

/** An employer by code, removed or not (codes are never reused), or null. */
export function employerByCode(prisma: PrismaClient | Tx, code: string): Promise<ServingEmployer | null> {
  return prisma.servingEmployer.findUnique({ where: { code } });
}

/** The employers with these codes (removed or not: codes are never reused). */
export function employersWithCodes(prisma: PrismaClient, codes: readonly string[]): Promise<ServingEmployer[]> {
  return prisma.servingEmployer.findMany({ where: { code: { in: [...codes] } } });
}

/** Whether active members of the employer live in one of these communities. */
export async function employerHasMembersIn(
  prisma: PrismaClient,
  employerId: string,
  communityIds: 'all' | Set<string>,
): Promise<boolean> {
  const n = await prisma.servingMember.count({
    where: {
      employerId,
      removedAt: null,
      ...(communityIds === 'all' ? {} : { communityId: { in: [...communityIds] } }),
    },
  });
  return n > 0;
}

/** The employer's active members. */
export function activeMemberCount(prisma: PrismaClient, employerId: string): Promise<number> {
  return prisma.servingMember.count({ where: { employerId, removedAt: null } });
}

function employerAudit(d: Partial<EmployerDetails>) {
  const { contactPhone, ...rest } = d;
  return { ...rest, ...(contactPhone !== undefined ? { contactPhone: maskTail(contactPhone) } : {}) };
}

function employerData(d: EmployerDetails, by: By) {
  return { ...d, registeredOn: dbDate(d.registeredOn), createdAt: by.now, updatedAt: by.now };
}

/** Register an employer (audited). */
export async function createEmployer(prisma: PrismaClient, d: EmployerDetails, by: By): Promise<EmployerRecord> {
  const created = await prisma.$transaction(async (tx) => {
    const e = await tx.servingEmployer.create({ data: employerData(d, by) });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'servingEmployer.register',
      entity: 'servingEmployer',
      entityId: e.id,
      after: employerAudit(d),
    });
    return e;
  });
  return withCommunity(prisma, created);
}

/** Change an employer's details (audited with the fields before and after). */
export async function updateEmployer(
  prisma: PrismaClient,
  employerId: string,
  change: { before: Partial<EmployerDetails>; after: Partial<EmployerDetails> },
  by: By,
): Promise<EmployerRecord> {
  const { registeredOn, ...rest } = change.after;
  const updated = await prisma.$transaction(async (tx) => {
    const e = await tx.servingEmployer.update({
      where: { id: employerId },
      data: { ...rest, ...(registeredOn ? { registeredOn: dbDate(registeredOn) } : {}), updatedAt: by.now },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'servingEmployer.update',
      entity: 'servingEmployer',
      entityId: employerId,
      before: employerAudit(change.before),
      after: employerAudit(change.after),
    });
    return e;
  });
  return withCommunity(prisma, updated);
}

/** Remove an employer (kept in the record, audited). */
export async function removeEmployer(prisma: PrismaClient, employerId: string, by: By): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.servingEmployer.update({ where: { id: employerId }, data: { removedAt: by.now, updatedAt: by.now } });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'servingEmployer.remove',
      entity: 'servingEmployer',
      entityId: employerId,
    });
  });
}

/** Which employers a caller's list shows: every one, or those sitting in or with members in these communities. */
export interface EmployerScope {
  communities: 'all' | Set<string>;
  /** Only this employer (a member's own). */
  employerId?: string;
  /** Only those sitting in this community, or with members living there. */
  communityId?: string;
}

function employerWhere(scope: EmployerScope): Prisma.ServingEmployerWhereInput {
  const within = (ids: 'all' | string[]): Prisma.ServingEmployerWhereInput =>
    ids === 'all'
      ? {}
      : {
          OR: [{ communityId: { in: ids } }, { members: { some: { removedAt: null, communityId: { in: ids } } } }],
        };
  const parts: Prisma.ServingEmployerWhereInput[] = [
    { removedAt: null },
    within(scope.communities === 'all' ? 'all' : [...scope.communities]),
  ];
  if (scope.communityId) parts.push(within([scope.communityId]));
  if (scope.employerId) parts.push({ id: scope.employerId });
  return { AND: parts };
}

/** A page of employers, by code, each with its active members' count. */
export async function employerPage(prisma: PrismaClient, scope: EmployerScope, q: { limit: number; offset: number }) {
  const where = employerWhere(scope);
  const [rows, total] = await Promise.all([
    prisma.servingEmployer.findMany({
      where,
      orderBy: [{ code: 'asc' }],
      take: q.limit,
      skip: q.offset,
      include: { _count: { select: { members: { where: { removedAt: null } } } } },
    }),
    prisma.servingEmployer.count({ where }),
  ]);
  const units = await prisma.unit.findMany({
    where: { id: { in: rows.flatMap((e) => (e.communityId ? [e.communityId] : [])) } },
    select: unitPick,
  });
  const unitOf = new Map(units.map((u) => [u.id, u]));
  const items = rows.map(({ _count, ...e }) => ({
    ...e,
    community: e.communityId ? (unitOf.get(e.communityId) ?? null) : null,
    memberCount: _count.members,
  }));
  return { items, total };
}

// --- Members -------------------------------------------------------------------------------

/** A member's details as registered (registeredOn: YYYY-MM-DD; phone and ID number normalised). */
export interface MemberDetails {
  name: string;
  communityId: string;
  employerId: string;
  phone: string;
  idNumberHash: string | null;
  idNumberLast4: string | null;
  email: string | null;
  locale: string;
  skills: string[];
  posts: string[];
  registeredOn: string;
}

const memberInclude = { employer: true } as const;

async function memberWithAll(prisma: PrismaClient | Tx, m: ServingMember & { employer: ServingEmployer }) {
  const community = await prisma.unit.findUniqueOrThrow({ where: { id: m.communityId }, select: unitPick });
  return { ...m, community };
}

/** An active member (not removed) by id, or null — for a user who is that member, and for every act on one. */
export async function activeServingMember(prisma: PrismaClient, id: string): Promise<MemberRecord | null> {
  if (!isRecordId(id)) return null;
  const m = await prisma.servingMember.findFirst({ where: { id, removedAt: null }, include: memberInclude });
  return m ? memberWithAll(prisma, m) : null;
}

/** A member already holding this phone or ID hash (removed or not): the first found, and which key. */
export async function memberHolding(
  prisma: PrismaClient | Tx,
  keys: { phone?: string; idNumberHash?: string | null },
  exceptId?: string,
): Promise<{ member: ServingMember; by: 'phone' | 'idNumber' } | null> {
  const not = exceptId ? { id: { not: exceptId } } : {};
  if (keys.idNumberHash) {
    const m = await prisma.servingMember.findFirst({ where: { idNumberHash: keys.idNumberHash, ...not } });
    if (m) return { member: m, by: 'idNumber' };
  }
  if (keys.phone) {
    const m = await prisma.servingMember.findFirst({ where: { phone: keys.phone, ...not } });
    if (m) return { member: m, by: 'phone' };
  }
  return null;
}

/** The members (removed or not) holding any of these phones or ID hashes. */
export function membersHoldingAny(
  prisma: PrismaClient,
  phones: readonly string[],
  idNumberHashes: readonly string[],
): Promise<ServingMember[]> {
  return prisma.servingMember.findMany({
    where: { OR: [{ phone: { in: [...phones] } }, { idNumberHash: { in: [...idNumberHashes] } }] },
  });
}

function memberAudit(d: Partial<MemberDetails>) {
  const { phone, idNumberHash, ...rest } = d;
  void idNumberHash; // the hash identifies the person: kept out of the trail (idNumberLast4 is there)
  return { ...rest, ...(phone !== undefined ? { phone: maskTail(phone) } : {}) };
}

function memberData(d: MemberDetails, by: By) {
  return { ...d, registeredOn: dbDate(d.registeredOn), createdAt: by.now, updatedAt: by.now };
}

async function createMemberIn(tx: Tx, d: MemberDetails, by: By, via: string) {
  const m = await tx.servingMember.create({ data: memberData(d, by) });
  await writeAudit(tx, {
    at: by.now,
    actor: by.actor,
    action: 'servingMember.register',
    entity: 'servingMember',
    entityId: m.id,
    after: { ...memberAudit(d), via },
  });
  return m;
}

/** Register a member (audited). A phone or ID hash already taken throws Prisma's unique violation. */
export async function createMember(prisma: PrismaClient, d: MemberDetails, by: By): Promise<MemberRecord> {
  const id = await prisma.$transaction(async (tx) => (await createMemberIn(tx, d, by, 'api')).id);
  return (await activeServingMember(prisma, id))!;
}

/** Change a member's details (audited with the fields before and after). */
export async function updateMember(
  prisma: PrismaClient,
  memberId: string,
  change: { before: Partial<MemberDetails>; after: Partial<MemberDetails> },
  by: By,
): Promise<MemberRecord> {
  const { registeredOn, ...rest } = change.after;
  await prisma.$transaction(async (tx) => {
    await tx.servingMember.update({
      where: { id: memberId },
      data: { ...rest, ...(registeredOn ? { registeredOn: dbDate(registeredOn) } : {}), updatedAt: by.now },
    });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'servingMember.update',
      entity: 'servingMember',
      entityId: memberId,
      before: memberAudit(change.before),
      after: memberAudit(change.after),
    });
  });
  return (await activeServingMember(prisma, memberId))!;
}

/** Remove a member (kept in the record, audited). */
export async function removeMember(prisma: PrismaClient, memberId: string, by: By): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.servingMember.update({ where: { id: memberId }, data: { removedAt: by.now, updatedAt: by.now } });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'servingMember.remove',
      entity: 'servingMember',
      entityId: memberId,
    });
  });
}

/** Which members a caller's list shows. */
export interface MemberScope {
  communities: 'all' | Set<string>;
  /** A member user: only themselves. */
  memberId?: string;
  communityId?: string;
  employerId?: string;
}

/** A page of active members, by community, name and id. */
export async function memberPage(
  prisma: PrismaClient,
  scope: MemberScope,
  q: { limit: number; offset: number },
): Promise<{ items: MemberRecord[]; total: number }> {
  const parts: Prisma.ServingMemberWhereInput[] = [{ removedAt: null }];
  if (scope.communities !== 'all') parts.push({ communityId: { in: [...scope.communities] } });
  if (scope.memberId) parts.push({ id: scope.memberId });
  if (scope.communityId) parts.push({ communityId: scope.communityId });
  if (scope.employerId) parts.push({ employerId: scope.employerId });
  const where = { AND: parts };
  const [rows, total] = await Promise.all([
    prisma.servingMember.findMany({
      where,
      include: memberInclude,
      orderBy: [{ communityId: 'asc' }, { name: 'asc' }, { id: 'asc' }],
      take: q.limit,
      skip: q.offset,
    }),
    prisma.servingMember.count({ where }),
  ]);
  const units = await prisma.unit.findMany({
    where: { id: { in: [...new Set(rows.map((m) => m.communityId))] } },
    select: unitPick,
  });
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return { items: rows.map((m) => ({ ...m, community: unitOf.get(m.communityId)! })), total };
}

// --- Import --------------------------------------------------------------------------------

/** Register a batch of employers and members in one transaction (audited each); the ids created. */
export async function registerBatch(
  prisma: PrismaClient,
  batch: { employers: readonly EmployerDetails[]; members: readonly MemberDetails[] },
  by: By,
): Promise<{ employerIds: string[]; memberIds: string[] }> {
  return prisma.$transaction(
    async (tx) => {
      const employerIds: string[] = [];
      for (const d of batch.employers) {
        const e = await tx.servingEmployer.create({ data: employerData(d, by) });
        await writeAudit(tx, {
          at: by.now,
          actor: by.actor,
          action: 'servingEmployer.register',
          entity: 'servingEmployer',
          entityId: e.id,
          after: { ...employerAudit(d), via: 'import' },
        });
        employerIds.push(e.id);
      }
      const memberIds: string[] = [];
      for (const d of batch.members) memberIds.push((await createMemberIn(tx, d, by, 'import')).id);
      return { employerIds, memberIds };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Units by code (not removed): what an import's community codes name. */
export function unitsByCodes(prisma: PrismaClient, codes: readonly string[]): Promise<Unit[]> {
  return prisma.unit.findMany({ where: { code: { in: [...codes] }, removedAt: null } });
}

/** A live unit by id or code, or null. */
export function liveUnitByRef(prisma: PrismaClient, ref: string): Promise<Unit | null> {
  return prisma.unit.findFirst({
    where: isRecordId(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
  });
}
