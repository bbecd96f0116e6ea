/**
 * The acts on the organisation tree: registering units — one from the API or thousands from an
 * import, all or nothing in one transaction, a problem naming the unit's index in the batch and the
 * field — changing a unit's details, and removing a unit. Registration then starts the units'
 * meeting obligations; a removal ends one.
 */
import { actorOf, canWrite, type Caller, isRecordId } from '../records/scope';
import { randomUUID } from 'node:crypto';
import type { Unit } from '@prisma/client';
import { parentProblem, streetIdFor, UNIT_LEVELS, type UnitLevel } from '../domain/org';
import { DEFAULT_WEBHOOK_POLICY, webhookUrlProblem } from '../domain/webhook-policy';
import { startMeetingObligations, tellUnitRemoved } from '../obligations/meeting-cadence';
import {
  insertUnits,
  liveChildCount,
  liveUnitById,
  markUnitRemoved,
  unitsWithCodes,
  updateUnitFields,
} from '../records/units';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { ensureCommunityCampaigns } from './evaluation';
import { unitInScope } from './unit-access';

/** The audit trail's "who" for a caller. */

export interface NewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** The parent's code: an existing unit, or one earlier in the same batch. */
  parentCode?: string;
  convenerName: string;
  convenerEmail: string;
  convenerPhone?: string;
  locale: 'zh-CN' | 'en';
  webhookUrl?: string;
}

export interface RegistryProblem {
  /** Index of the unit in the batch. */
  index: number;
  field: string;
  code: 'invalid_parent' | 'unit_code_taken' | 'duplicate_in_batch' | 'invalid_input';
  message: string;
}

export class RegistryError extends Error {
  constructor(readonly problems: RegistryProblem[]) {
    super(problems.map((p) => `#${p.index} ${p.field}: ${p.message}`).join('; '));
    this.name = 'RegistryError';
  }
}

export interface RegisterResult {
  units: Unit[];
  created: number;
}

const depth = (level: UnitLevel) => UNIT_LEVELS.indexOf(level);

function sameDetails(u: Unit, n: NewUnit, parentId: string | null): boolean {
  return (
    u.name === n.name &&
    u.level === n.level &&
    u.parentId === parentId &&
    u.convenerName === n.convenerName &&
    u.convenerEmail === n.convenerEmail &&
    (u.convenerPhone ?? undefined) === n.convenerPhone &&
    u.locale === n.locale &&
    (u.webhookUrl ?? undefined) === n.webhookUrl &&
    !u.removedAt
  );
}

/** What can be checked of a batch before the record is read: webhook URLs and codes repeated in it. */
function batchProblems(batch: readonly NewUnit[], deps: Pick<ServiceDeps, 'webhookPolicy'>): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  const seen = new Map<string, number>();
  batch.forEach((n, index) => {
    const webhookProblem =
      n.webhookUrl && webhookUrlProblem(n.webhookUrl, deps.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY);
    if (webhookProblem) problems.push({ index, field: 'webhookUrl', code: 'invalid_input', message: webhookProblem });
    const first = seen.get(n.code);
    if (first !== undefined) {
      problems.push({
        index,
        field: 'code',
        code: 'duplicate_in_batch',
        message: `Code ${n.code} appears again (first at #${first})`,
      });
    } else seen.set(n.code, index);
  });
  return problems;
}

/** The new unit's row, or the problem with its place in the tree (parent missing, wrong level, code taken). */
function placeInTree(
  n: NewUnit,
  index: number,
  known: Map<string, Unit>,
  now: Date,
): { unit: Unit; created: boolean } | RegistryProblem {
  const parent = n.parentCode ? known.get(n.parentCode) : undefined;
  if (n.parentCode && (!parent || parent.removedAt)) {
    return {
      index,
      field: 'parentCode',
      code: 'invalid_parent',
      message: `Parent unit ${n.parentCode} does not exist`,
    };
  }
  const problem = parentProblem(n.level, parent?.level ?? null);
  if (problem) return { index, field: 'parentCode', code: 'invalid_parent', message: problem };
  const existing = known.get(n.code);
  if (existing) {
    return sameDetails(existing, n, parent?.id ?? null)
      ? { unit: existing, created: false }
      : {
          index,
          field: 'code',
          code: 'unit_code_taken',
          message: `Unit code ${n.code} is already used by another unit`,
        };
  }
  const id = randomUUID();
  const unit: Unit = {
    id,
    code: n.code,
    name: n.name,
    level: n.level,
    parentId: parent?.id ?? null,
    streetId: streetIdFor(n.level, id, parent ?? null),
    convenerName: n.convenerName,
    convenerEmail: n.convenerEmail,
    convenerPhone: n.convenerPhone ?? null,
    locale: n.locale,
    webhookUrl: n.webhookUrl ?? null,
    createdAt: now,
    updatedAt: now,
    removedAt: null,
  };
  return { unit, created: true };
}

/**
 * Register a batch in one transaction (the units only: their obligations are started by the caller,
 * see `registerUnit` and services/org-import.ts). A unit whose code exists with the same details is
 * left as it is (a repeated import is harmless); with other details it is a problem. With `dryRun`
 * the checks run and nothing is written: it always throws RegistryError (maybe empty).
 */
export async function registerUnits(
  deps: Pick<ServiceDeps, 'prisma' | 'clock' | 'webhookPolicy'>,
  by: { actor: string },
  batch: NewUnit[],
  options: { dryRun?: boolean } = {},
): Promise<RegisterResult> {
  const early = batchProblems(batch, deps);
  if (early.length) throw new RegistryError(early);

  const codes = [...new Set(batch.flatMap((n) => [n.code, ...(n.parentCode ? [n.parentCode] : [])]))];
  // Parents before children: a parent is always exactly one level up.
  const order = batch.map((n, index) => ({ n, index })).sort((a, b) => depth(a.n.level) - depth(b.n.level));
  const now = deps.clock();

  return deps.prisma.$transaction(
    async (tx) => {
      const known = new Map((await unitsWithCodes(tx, codes)).map((u) => [u.code, u]));
      const problems: RegistryProblem[] = [];
      const results = new Map<number, Unit>();
      const creates: Unit[] = [];
      for (const { n, index } of order) {
        const placed = placeInTree(n, index, known, now);
        if (!('unit' in placed)) {
          problems.push(placed);
          continue;
        }
        results.set(index, placed.unit);
        if (!placed.created) continue;
        known.set(n.code, placed.unit);
        creates.push(placed.unit);
      }
      // A dry run checks and never writes: its answer is the problems, none or some.
      if (problems.length || options.dryRun) throw new RegistryError(problems.sort((a, b) => a.index - b.index));
      await insertUnits(tx, creates);
      if (creates.length) {
        await tx.auditEvent.createMany({
          data: creates.map((u) => ({
            at: now,
            actor: by.actor,
            action: 'unit.create',
            entity: 'unit',
            entityId: u.id,
            after: { ...u, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() },
          })),
        });
      }
      return { units: batch.map((_, i) => results.get(i)!), created: creates.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** One unit as the API registers it: its parent by id or by code. */
export type UnitRegistration = NewUnit & { parentId?: string };

/**
 * Register one unit and start its meeting obligation. Answers the unit and whether it was created
 * (the same details again: not created, nothing changed). The problems answer as 400 or 409, naming
 * `parentId` when the parent was given by id.
 */
export async function registerUnit(
  deps: Pick<ServiceDeps, 'prisma' | 'clock' | 'webhookPolicy' | 'temporal' | 'taskQueue' | 'log'>,
  caller: Caller,
  { parentId, ...input }: UnitRegistration,
): Promise<{ unit: Unit; created: boolean }> {
  let parentCode = input.parentCode;
  if (parentId) {
    const parent = isRecordId(parentId) ? await liveUnitById(deps.prisma, parentId) : null;
    if (!parent) throw ServiceError.badRequest('parentId', `Parent unit ${parentId} does not exist`);
    parentCode = parent.code;
  }
  let result;
  try {
    result = await registerUnits(deps, { actor: actorOf(caller) }, [{ ...input, parentCode }]);
  } catch (err) {
    if (!(err instanceof RegistryError)) throw err;
    const p = err.problems[0]!;
    const field = p.field === 'parentCode' && !input.parentCode ? 'parentId' : p.field;
    throw p.code === 'unit_code_taken'
      ? ServiceError.conflict(p.code, p.message, field)
      : ServiceError.badRequest(field, p.message);
  }
  const unit = result.units[0]!;
  await startMeetingObligations(deps, [unit.id]);
  if (unit.level === 'community') await ensureCommunityCampaigns(deps, [unit.id], actorOf(caller));
  if (result.created) deps.log.info('Unit registered', { unitId: unit.id, code: unit.code, level: unit.level });
  return { unit, created: result.created > 0 };
}

/** What may change of a unit: its name and convener details (level and place in the tree are fixed). */
export interface UnitChanges {
  name?: string;
  convenerName?: string;
  convenerEmail?: string;
  convenerPhone?: string | null;
  locale?: 'zh-CN' | 'en';
  webhookUrl?: string | null;
}

/**
 * Change a unit's details (audited; only what differs). The unit is one `unitInScope` found for
 * writing; what the caller may change (an admin: all; the convener: contact settings) is the
 * contract's to say.
 */
export async function updateUnit(
  deps: Pick<ServiceDeps, 'prisma' | 'clock' | 'webhookPolicy'>,
  caller: Caller,
  { unit, changes: input }: { unit: Unit; changes: UnitChanges },
): Promise<Unit> {
  if (!canWrite(caller, unit)) {
    throw new ServiceError(403, 'forbidden', `Only the unit's convener (or an admin) may change ${unit.code}'s record`);
  }
  const webhookProblem =
    input.webhookUrl && webhookUrlProblem(input.webhookUrl, deps.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY);
  if (webhookProblem) throw ServiceError.badRequest('webhookUrl', webhookProblem);
  const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => unit[k as keyof Unit] !== v));
  if (Object.keys(changes).length === 0) return unit;
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, unit[k as keyof Unit]]));
  const now = deps.clock();
  return deps.prisma.$transaction(async (tx) => {
    const updated = await updateUnitFields(tx, unit.id, changes, now);
    await tx.auditEvent.create({
      data: {
        at: now,
        actor: actorOf(caller),
        action: 'unit.update',
        entity: 'unit',
        entityId: unit.id,
        before,
        after: changes,
      },
    });
    return updated;
  });
}

/** Remove a unit (kept in the record, marked removed) that has no units under it; its meeting obligation ends. */
export async function removeUnit(deps: ServiceDeps, caller: Caller, unitRef: string): Promise<void> {
  const unit = await unitInScope(deps.prisma, caller, unitRef);
  const children = await liveChildCount(deps.prisma, unit.id);
  if (children) {
    throw ServiceError.conflict('unit_has_children', `Unit ${unit.code} still has ${children} unit(s) under it`);
  }
  const removedAt = deps.clock();
  await deps.prisma.$transaction(async (tx) => {
    await markUnitRemoved(tx, unit.id, removedAt);
    await tx.auditEvent.create({
      data: {
        at: removedAt,
        actor: actorOf(caller),
        action: 'unit.remove',
        entity: 'unit',
        entityId: unit.id,
        before: { removedAt: null },
        after: { removedAt: removedAt.toISOString() },
      },
    });
  });
  await tellUnitRemoved(deps, unit.id);
}
