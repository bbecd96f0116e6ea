/**
 * Registering units — one from the API or thousands from an import — and starting their
 * meeting obligations. All or nothing: one transaction; a problem names the unit's index
 * in the batch and the field.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient, Unit } from '@prisma/client';
import { UNIT_LEVELS, parentProblem, streetIdFor, type UnitLevel } from '../domain/org';
import { DEFAULT_WEBHOOK_POLICY, type WebhookPolicy, webhookUrlProblem } from '../domain/webhook-policy';

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

/**
 * Register a batch in one transaction. A unit whose code exists with the same details is
 * left as it is (a repeated import is harmless); with other details it is a problem. With
 * `dryRun` the checks run and nothing is written: it always throws RegistryError (maybe empty).
 */
export async function registerUnits(
  prisma: PrismaClient,
  batch: NewUnit[],
  actor: string,
  options: { dryRun?: boolean; webhookPolicy?: WebhookPolicy } = {},
): Promise<RegisterResult> {
  const problems: RegistryProblem[] = [];
  const seen = new Map<string, number>();
  batch.forEach((n, index) => {
    const webhookProblem =
      n.webhookUrl && webhookUrlProblem(n.webhookUrl, options.webhookPolicy ?? DEFAULT_WEBHOOK_POLICY);
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
  if (problems.length) throw new RegistryError(problems);

  const codes = [...new Set(batch.flatMap((n) => [n.code, ...(n.parentCode ? [n.parentCode] : [])]))];
  // Parents before children: a parent is always exactly one level up.
  const order = batch.map((n, index) => ({ n, index })).sort((a, b) => depth(a.n.level) - depth(b.n.level));

  return prisma.$transaction(
    async (tx) => {
      const known = new Map((await tx.unit.findMany({ where: { code: { in: codes } } })).map((u) => [u.code, u]));
      const results = new Map<number, Unit>();
      const creates: Unit[] = [];
      for (const { n, index } of order) {
        const parent = n.parentCode ? known.get(n.parentCode) : undefined;
        if (n.parentCode && (!parent || parent.removedAt)) {
          problems.push({
            index,
            field: 'parentCode',
            code: 'invalid_parent',
            message: `Parent unit ${n.parentCode} does not exist`,
          });
          continue;
        }
        const problem = parentProblem(n.level, parent?.level ?? null);
        if (problem) {
          problems.push({ index, field: 'parentCode', code: 'invalid_parent', message: problem });
          continue;
        }
        const existing = known.get(n.code);
        if (existing) {
          if (!sameDetails(existing, n, parent?.id ?? null)) {
            problems.push({
              index,
              field: 'code',
              code: 'unit_code_taken',
              message: `Unit code ${n.code} is already used by another unit`,
            });
          }
          results.set(index, existing);
          continue;
        }
        const id = randomUUID();
        const now = new Date();
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
        known.set(n.code, unit);
        results.set(index, unit);
        creates.push(unit);
      }
      // A dry run checks and never writes: its answer is the problems, none or some.
      if (problems.length || options.dryRun) throw new RegistryError(problems.sort((a, b) => a.index - b.index));
      // Parents first, so the self-reference holds at every insert.
      for (let i = 0; i < creates.length; i += 500) {
        await tx.unit.createMany({ data: creates.slice(i, i + 500) });
      }
      if (creates.length) {
        await tx.auditEvent.createMany({
          data: creates.map((u) => ({
            actor,
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
