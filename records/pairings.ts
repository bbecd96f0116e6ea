/**
 * The record of the entries' pairings: city leaders (each paired with one community) and city
 * departments (3 to 5 per community), registered one by one through the API or in a batch from a
 * spreadsheet. All or nothing: every problem of a batch is reported at once, by item and field.
 */
import type { Department, DepartmentPairing, Leader, Prisma, PrismaClient } from '@prisma/client';
import type { EntriesRule } from '../domain/entries';
import {
  type NewDepartment,
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

/**
 * Register leaders, departments and department pairings in one transaction. A code already
 * registered with the same content is left as it is (a repeated import creates nothing); with
 * other content it is a problem (change it through its own route). Communities whose pairings
 * change must end with `min`–`max` paired departments.
 */
export async function registerPairings(
  prisma: PrismaClient,
  batch: PairingBatch,
  actor: string,
  today: string,
  rule: EntriesRule,
  options: { dryRun?: boolean } = {},
): Promise<PairingResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const result = await writePairings(tx, batch, actor, today, rule);
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

/**
 * registerPairings inside a transaction the caller runs (so that, say, replacing a community's
 * list ends the old pairings and adds the new ones all or nothing). Throws PairingError.
 */
export async function writePairings(
  tx: Tx,
  batch: PairingBatch,
  actor: string,
  today: string,
  rule: EntriesRule,
): Promise<PairingResult> {
  const problems: PairingProblem[] = [];
  const leaders = batch.leaders ?? [];
  const departments = batch.departments ?? [];
  const pairings = batch.pairings ?? [];
  const communityCodes = [
    ...new Set([...leaders.map((l) => l.communityCode), ...pairings.map((p) => p.communityCode)]),
  ];
  const communities = new Map(
    (await tx.unit.findMany({ where: { code: { in: communityCodes }, level: 'community', removedAt: null } })).map(
      (u) => [u.code, u],
    ),
  );
  const noCommunity = (code: string) =>
    `社区 ${code} 不存在（或不是社区） / Community ${code} does not exist (or is not a community)`;

  // Leaders
  const seenLeaders = new Map<string, number>();
  const existingLeaders = new Map(
    (await tx.leader.findMany({ where: { code: { in: leaders.map((l) => l.code) } } })).map((l) => [l.code, l]),
  );
  const leaderWrites: { data: ReturnType<typeof leaderData>; existing?: Leader }[] = [];
  leaders.forEach((l, index) => {
    if (seenLeaders.has(l.code)) {
      problems.push({
        kind: 'leader',
        index,
        field: 'code',
        code: 'duplicate_in_batch',
        message: `Code ${l.code} appears twice`,
      });
      return;
    }
    seenLeaders.set(l.code, index);
    const community = communities.get(l.communityCode);
    if (!community) {
      problems.push({
        kind: 'leader',
        index,
        field: 'communityCode',
        code: 'not_found',
        message: noCommunity(l.communityCode),
      });
      return;
    }
    const data = leaderData(l, community.id);
    const existing = existingLeaders.get(l.code);
    if (existing && !(same(existing, data) && !existing.removedAt)) {
      problems.push({
        kind: 'leader',
        index,
        field: 'code',
        code: 'code_taken',
        message: `领导编码 ${l.code} 已登记且内容不同 / Leader code ${l.code} is registered with other details`,
      });
      return;
    }
    leaderWrites.push({ data, existing });
  });

  // Departments
  const seenDepartments = new Set<string>();
  const existingDepartments = new Map(
    (
      await tx.department.findMany({
        where: { code: { in: [...departments.map((d) => d.code), ...pairings.map((p) => p.departmentCode)] } },
      })
    ).map((d) => [d.code, d]),
  );
  const departmentWrites: { data: ReturnType<typeof departmentData>; existing?: Department }[] = [];
  departments.forEach((d, index) => {
    if (seenDepartments.has(d.code)) {
      problems.push({
        kind: 'department',
        index,
        field: 'code',
        code: 'duplicate_in_batch',
        message: `Code ${d.code} appears twice`,
      });
      return;
    }
    seenDepartments.add(d.code);
    const data = departmentData(d);
    const existing = existingDepartments.get(d.code);
    if (existing && !(same(existing, data) && !existing.removedAt)) {
      problems.push({
        kind: 'department',
        index,
        field: 'code',
        code: 'code_taken',
        message: `部门编码 ${d.code} 已登记且内容不同 / Department code ${d.code} is registered with other details`,
      });
      return;
    }
    departmentWrites.push({ data, existing });
  });

  // Pairings: known department (in the batch or registered) and community.
  const seenPairs = new Set<string>();
  const pairWrites: { departmentCode: string; communityId: string; index: number }[] = [];
  pairings.forEach((p, index) => {
    const key = `${p.departmentCode}|${p.communityCode}`;
    if (seenPairs.has(key)) {
      problems.push({
        kind: 'pairing',
        index,
        field: 'departmentCode',
        code: 'duplicate_in_batch',
        message: `Pairing ${key} appears twice`,
      });
      return;
    }
    seenPairs.add(key);
    const known =
      seenDepartments.has(p.departmentCode) ||
      (existingDepartments.get(p.departmentCode) && !existingDepartments.get(p.departmentCode)!.removedAt);
    if (!known) {
      problems.push({
        kind: 'pairing',
        index,
        field: 'departmentCode',
        code: 'not_found',
        message: `部门 ${p.departmentCode} 不存在 / Department ${p.departmentCode} does not exist`,
      });
    }
    const community = communities.get(p.communityCode);
    if (!community) {
      problems.push({
        kind: 'pairing',
        index,
        field: 'communityCode',
        code: 'not_found',
        message: noCommunity(p.communityCode),
      });
    }
    if (known && community) pairWrites.push({ departmentCode: p.departmentCode, communityId: community.id, index });
  });

  // Each community touched must end within the range.
  const byCommunity = new Map<string, typeof pairWrites>();
  for (const w of pairWrites) byCommunity.set(w.communityId, [...(byCommunity.get(w.communityId) ?? []), w]);
  for (const [communityId, writes] of byCommunity) {
    const current = await tx.departmentPairing.findMany({
      where: { communityId, endedAt: null, department: { removedAt: null } },
      include: { department: true },
    });
    const codes = new Set([...current.map((c) => c.department.code), ...writes.map((w) => w.departmentCode)]);
    const problem = pairingCountProblem(codes.size, rule);
    if (problem) {
      for (const w of writes)
        problems.push({
          kind: 'pairing',
          index: w.index,
          field: 'communityCode',
          code: 'pairing_count',
          message: problem,
        });
    }
  }
  if (problems.length) throw new PairingError(problems);

  // Write.
  const created = { leaders: 0, departments: 0, pairings: 0 };
  const savedLeaders: Leader[] = [];
  for (const w of leaderWrites) {
    if (w.existing) {
      savedLeaders.push(w.existing);
      continue;
    }
    const leader = await tx.leader.create({ data: w.data });
    await tx.auditEvent.create({
      data: { actor, action: 'leader.create', entity: 'leader', entityId: leader.id, after: w.data },
    });
    savedLeaders.push(leader);
    created.leaders += 1;
  }
  const savedDepartments: Department[] = [];
  for (const w of departmentWrites) {
    if (w.existing) {
      savedDepartments.push(w.existing);
      continue;
    }
    const department = await tx.department.create({ data: w.data });
    await tx.auditEvent.create({
      data: { actor, action: 'department.create', entity: 'department', entityId: department.id, after: w.data },
    });
    savedDepartments.push(department);
    created.departments += 1;
  }
  const departmentIds = new Map(
    (await tx.department.findMany({ where: { code: { in: pairWrites.map((w) => w.departmentCode) } } })).map((d) => [
      d.code,
      d.id,
    ]),
  );
  const savedPairings: DepartmentPairing[] = [];
  for (const w of pairWrites) {
    const departmentId = departmentIds.get(w.departmentCode)!;
    const existing = await tx.departmentPairing.findUnique({
      where: { departmentId_communityId: { departmentId, communityId: w.communityId } },
    });
    if (existing && !existing.endedAt) {
      savedPairings.push(existing);
      continue;
    }
    const pairing = existing
      ? await tx.departmentPairing.update({
          where: { id: existing.id },
          data: { endedAt: null, pairedOn: new Date(`${today}T00:00:00Z`) },
        })
      : await tx.departmentPairing.create({
          data: { departmentId, communityId: w.communityId, pairedOn: new Date(`${today}T00:00:00Z`) },
        });
    await tx.auditEvent.create({
      data: {
        actor,
        action: 'pairing.create',
        entity: 'departmentPairing',
        entityId: pairing.id,
        after: { departmentCode: w.departmentCode, communityId: w.communityId },
      },
    });
    savedPairings.push(pairing);
    created.pairings += 1;
  }
  return { leaders: savedLeaders, departments: savedDepartments, pairings: savedPairings, created };
}

/** Rolls a dry run's transaction back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly result: PairingResult) {
    super('dry run');
  }
}
