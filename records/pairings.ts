/**
 * The record of the entries' pairings: city leaders (each paired with one community) and city
 * departments (3 to 5 per community), registered one by one through the API or in a batch from a
 * spreadsheet. All or nothing: every problem of a batch is reported at once, by item and field.
 */
import type { Department, DepartmentPairing, Leader, Prisma, PrismaClient, Unit } from '@prisma/client';
import type { EntriesRule } from '../domain/entries';
import { shanghaiDateOf } from '../domain/period';
import {
  type NewDepartment,
  type NewDepartmentPairing,
  type NewLeader,
  type PairingBatch,
  pairingCountProblem,
  type PairingProblem,
} from '../domain/pairings';

export class PairingError extends Error {
  constructor(readonly problems: PairingProblem[]) {
    super(problems.map((p) => `${p.kind} ${p.index} ${p.field}: ${p.message}`).join('; '));
  }
}

export interface PairingResult {
  leaders: Leader[];
  departments: Department[];
  pairings: DepartmentPairing[];
  created: { leaders: number; departments: number; pairings: number };
}

type Tx = Prisma.TransactionClient;

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(b).every((k) => (a[k] ?? null) === (b[k] ?? null));

function leaderData(l: NewLeader, communityId: string) {
  return {
    code: l.code,
    name: l.name,
    title: l.title ?? null,
    email: l.email,
    phone: l.phone ?? null,
    locale: l.locale ?? 'zh-CN',
    secretaryName: l.secretaryName ?? null,
    secretaryEmail: l.secretaryEmail ?? null,
    communityId,
  };
}

function departmentData(d: NewDepartment) {
  return {
    code: d.code,
    name: d.name,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    locale: d.locale ?? 'zh-CN',
  };
}

/** Who registers a batch, and when (the one clock: the day it pairs from and every row's time). */
export interface PairingStamp {
  actor: string;
  now: Date;
}

/**
 * Register leaders, departments and department pairings in one transaction. A code already
 * registered with the same content is left as it is (a repeated import creates nothing); with
 * other content it is a problem (change it through its own route). Communities whose pairings
 * change must end with `min`–`max` paired departments.
 */
export async function registerPairings(
  prisma: PrismaClient,
  batch: PairingBatch,
  stamp: PairingStamp,
  rule: EntriesRule,
  options: { dryRun?: boolean } = {},
): Promise<PairingResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const result = await writePairings(tx, batch, stamp, rule);
        if (options.dryRun) throw new DryRun(result);
        return result;
      },
      { timeout: 120_000 },
    );
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}

type LeaderWrite = { data: ReturnType<typeof leaderData>; existing?: Leader };
type DepartmentWrite = { data: ReturnType<typeof departmentData>; existing?: Department };
type PairWrite = { departmentCode: string; communityId: string; index: number };
type Communities = Map<string, Unit>;

const noCommunity = (code: string) =>
  `社区 ${code} 不存在（或不是社区） / Community ${code} does not exist (or is not a community)`;

/** The communities a batch names, by code (removed ones and other levels are not there). */
async function communitiesOf(tx: Tx, leaders: NewLeader[], pairings: NewDepartmentPairing[]): Promise<Communities> {
  const codes = [...new Set([...leaders.map((l) => l.communityCode), ...pairings.map((p) => p.communityCode)])];
  const units = await tx.unit.findMany({ where: { code: { in: codes }, level: 'community', removedAt: null } });
  return new Map(units.map((u) => [u.code, u]));
}

/** The batch's leaders to write: each code once, its community known, a registered code unchanged. */
async function checkLeaders(
  tx: Tx,
  leaders: NewLeader[],
  communities: Communities,
  problems: PairingProblem[],
): Promise<LeaderWrite[]> {
  const seen = new Set<string>();
  const existingLeaders = new Map(
    (await tx.leader.findMany({ where: { code: { in: leaders.map((l) => l.code) } } })).map((l) => [l.code, l]),
  );
  const writes: LeaderWrite[] = [];
  leaders.forEach((l, index) => {
    const problem = (field: string, code: PairingProblem['code'], message: string) =>
      problems.push({ kind: 'leader', index, field, code, message });
    if (seen.has(l.code)) return problem('code', 'duplicate_in_batch', `Code ${l.code} appears twice`);
    seen.add(l.code);
    const community = communities.get(l.communityCode);
    if (!community) return problem('communityCode', 'not_found', noCommunity(l.communityCode));
    const data = leaderData(l, community.id);
    const existing = existingLeaders.get(l.code);
    if (existing && !(same(existing, data) && !existing.removedAt)) {
      return problem(
        'code',
        'code_taken',
        `领导编码 ${l.code} 已登记且内容不同 / Leader code ${l.code} is registered with other details`,
      );
    }
    writes.push({ data, existing });
  });
  return writes;
}

/** The batch's departments to write, and which department codes a pairing may name. */
async function checkDepartments(
  tx: Tx,
  departments: NewDepartment[],
  pairings: NewDepartmentPairing[],
  problems: PairingProblem[],
): Promise<{ writes: DepartmentWrite[]; known: (code: string) => boolean }> {
  const seen = new Set<string>();
  const existingDepartments = new Map(
    (
      await tx.department.findMany({
        where: { code: { in: [...departments.map((d) => d.code), ...pairings.map((p) => p.departmentCode)] } },
      })
    ).map((d) => [d.code, d]),
  );
  const writes: DepartmentWrite[] = [];
  departments.forEach((d, index) => {
    const problem = (code: PairingProblem['code'], message: string) =>
      problems.push({ kind: 'department', index, field: 'code', code, message });
    if (seen.has(d.code)) return problem('duplicate_in_batch', `Code ${d.code} appears twice`);
    seen.add(d.code);
    const data = departmentData(d);
    const existing = existingDepartments.get(d.code);
    if (existing && !(same(existing, data) && !existing.removedAt)) {
      return problem(
        'code_taken',
        `部门编码 ${d.code} 已登记且内容不同 / Department code ${d.code} is registered with other details`,
      );
    }
    writes.push({ data, existing });
  });
  const known = (code: string) =>
    seen.has(code) || (!!existingDepartments.get(code) && !existingDepartments.get(code)!.removedAt);
  return { writes, known };
}

/** Pairings to write: each pair once, a known department (in the batch or registered) and community. */
function checkPairs(
  pairings: NewDepartmentPairing[],
  known: (code: string) => boolean,
  communities: Communities,
  problems: PairingProblem[],
): PairWrite[] {
  const seen = new Set<string>();
  const writes: PairWrite[] = [];
  pairings.forEach((p, index) => {
    const problem = (field: string, code: PairingProblem['code'], message: string) =>
      problems.push({ kind: 'pairing', index, field, code, message });
    const key = `${p.departmentCode}|${p.communityCode}`;
    if (seen.has(key)) return problem('departmentCode', 'duplicate_in_batch', `Pairing ${key} appears twice`);
    seen.add(key);
    const isKnown = known(p.departmentCode);
    if (!isKnown) {
      problem(
        'departmentCode',
        'not_found',
        `部门 ${p.departmentCode} 不存在 / Department ${p.departmentCode} does not exist`,
      );
    }
    const community = communities.get(p.communityCode);
    if (!community) problem('communityCode', 'not_found', noCommunity(p.communityCode));
    if (isKnown && community) writes.push({ departmentCode: p.departmentCode, communityId: community.id, index });
  });
  return writes;
}

/** Each community touched must end within the rule's range of paired departments. */
async function checkPairingCounts(
  tx: Tx,
  pairWrites: PairWrite[],
  rule: EntriesRule,
  problems: PairingProblem[],
): Promise<void> {
  const byCommunity = new Map<string, PairWrite[]>();
  for (const w of pairWrites) byCommunity.set(w.communityId, [...(byCommunity.get(w.communityId) ?? []), w]);
  for (const [communityId, writes] of byCommunity) {
    const current = await tx.departmentPairing.findMany({
      where: { communityId, endedAt: null, department: { removedAt: null } },
      include: { department: true },
    });
    const codes = new Set([...current.map((c) => c.department.code), ...writes.map((w) => w.departmentCode)]);
    const problem = pairingCountProblem(codes.size, rule);
    if (!problem) continue;
    for (const w of writes) {
      problems.push({
        kind: 'pairing',
        index: w.index,
        field: 'communityCode',
        code: 'pairing_count',
        message: problem,
      });
    }
  }
}

async function saveLeaders(tx: Tx, writes: LeaderWrite[], { actor, now }: PairingStamp) {
  const saved: Leader[] = [];
  let created = 0;
  for (const w of writes) {
    if (w.existing) {
      saved.push(w.existing);
      continue;
    }
    const leader = await tx.leader.create({ data: { ...w.data, createdAt: now, updatedAt: now } });
    await tx.auditEvent.create({
      data: { at: now, actor, action: 'leader.create', entity: 'leader', entityId: leader.id, after: w.data },
    });
    saved.push(leader);
    created += 1;
  }
  return { saved, created };
}

async function saveDepartments(tx: Tx, writes: DepartmentWrite[], { actor, now }: PairingStamp) {
  const saved: Department[] = [];
  let created = 0;
  for (const w of writes) {
    if (w.existing) {
      saved.push(w.existing);
      continue;
    }
    const department = await tx.department.create({ data: { ...w.data, createdAt: now } });
    await tx.auditEvent.create({
      data: {
        at: now,
        actor,
        action: 'department.create',
        entity: 'department',
        entityId: department.id,
        after: w.data,
      },
    });
    saved.push(department);
    created += 1;
  }
  return { saved, created };
}

async function savePairs(tx: Tx, writes: PairWrite[], { actor, now }: PairingStamp) {
  const pairedOn = new Date(`${shanghaiDateOf(now)}T00:00:00Z`);
  const departmentIds = new Map(
    (await tx.department.findMany({ where: { code: { in: writes.map((w) => w.departmentCode) } } })).map((d) => [
      d.code,
      d.id,
    ]),
  );
  const saved: DepartmentPairing[] = [];
  let created = 0;
  for (const w of writes) {
    const departmentId = departmentIds.get(w.departmentCode)!;
    const existing = await tx.departmentPairing.findUnique({
      where: { departmentId_communityId: { departmentId, communityId: w.communityId } },
    });
    if (existing && !existing.endedAt) {
      saved.push(existing);
      continue;
    }
    const pairing = existing
      ? await tx.departmentPairing.update({ where: { id: existing.id }, data: { endedAt: null, pairedOn } })
      : await tx.departmentPairing.create({
          data: { departmentId, communityId: w.communityId, pairedOn, createdAt: now },
        });
    await tx.auditEvent.create({
      data: {
        at: now,
        actor,
        action: 'pairing.create',
        entity: 'departmentPairing',
        entityId: pairing.id,
        after: { departmentCode: w.departmentCode, communityId: w.communityId },
      },
    });
    saved.push(pairing);
    created += 1;
  }
  return { saved, created };
}

/**
 * registerPairings inside a transaction the caller runs (so that, say, replacing a community's
 * list ends the old pairings and adds the new ones all or nothing). Throws PairingError.
 */
export async function writePairings(
  tx: Tx,
  batch: PairingBatch,
  stamp: PairingStamp,
  rule: EntriesRule,
): Promise<PairingResult> {
  const problems: PairingProblem[] = [];
  const leaders = batch.leaders ?? [];
  const pairings = batch.pairings ?? [];
  const communities = await communitiesOf(tx, leaders, pairings);
  const leaderWrites = await checkLeaders(tx, leaders, communities, problems);
  const departments = await checkDepartments(tx, batch.departments ?? [], pairings, problems);
  const pairWrites = checkPairs(pairings, departments.known, communities, problems);
  await checkPairingCounts(tx, pairWrites, rule, problems);
  if (problems.length) throw new PairingError(problems);

  const savedLeaders = await saveLeaders(tx, leaderWrites, stamp);
  const savedDepartments = await saveDepartments(tx, departments.writes, stamp);
  const savedPairings = await savePairs(tx, pairWrites, stamp);
  return {
    leaders: savedLeaders.saved,
    departments: savedDepartments.saved,
    pairings: savedPairings.saved,
    created: {
      leaders: savedLeaders.created,
      departments: savedDepartments.created,
      pairings: savedPairings.created,
    },
  };
}

/** Rolls a dry run's transaction back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly result: PairingResult) {
    super('dry run');
  }
}

/** Every department (not removed), by code, with the communities it is paired with now. */
export function departmentsWithPairings(prisma: PrismaClient) {
  return prisma.department.findMany({
    where: { removedAt: null },
    orderBy: { code: 'asc' },
    include: { pairings: { where: { endedAt: null }, select: { communityId: true } } },
  });
}

/** A community's departments paired now (not removed), by department code. */
export function pairedDepartmentsOf(prisma: PrismaClient, communityId: string) {
  return prisma.departmentPairing.findMany({
    where: { communityId, endedAt: null, department: { removedAt: null } },
    include: { department: true },
    orderBy: { department: { code: 'asc' } },
  });
}

/**
 * Replace a community's list of paired departments, all or nothing: the ones not listed end first
 * (so the count check sees the new list only), then the list is registered. A list refused as a
 * whole (PairingError) leaves every pairing, and the audit trail, as it was.
 */
export async function replaceCommunityPairings(
  prisma: PrismaClient,
  community: { id: string; code: string },
  departmentCodes: string[],
  stamp: PairingStamp,
  rule: EntriesRule,
): Promise<PairingResult> {
  const current = await prisma.departmentPairing.findMany({
    where: { communityId: community.id, endedAt: null },
    include: { department: true },
  });
  const ending = current.filter((p) => !departmentCodes.includes(p.department.code));
  const batch: PairingBatch = {
    pairings: departmentCodes.map((departmentCode) => ({ departmentCode, communityCode: community.code })),
  };
  return prisma.$transaction(
    async (tx) => {
      for (const p of ending) {
        await tx.departmentPairing.update({ where: { id: p.id }, data: { endedAt: stamp.now } });
        await tx.auditEvent.create({
          data: {
            at: stamp.now,
            actor: stamp.actor,
            action: 'pairing.end',
            entity: 'departmentPairing',
            entityId: p.id,
            before: { departmentCode: p.department.code, communityId: community.id },
          },
        });
      }
      return writePairings(tx, batch, stamp, rule);
    },
    { timeout: 120_000 },
  );
}
