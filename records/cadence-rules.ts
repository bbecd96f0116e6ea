/** The cadence rules (one per level; rules are data): the rule in force for a level, every level's, and a change. */
import type { Prisma, PrismaClient } from '@prisma/client';
import { type CadenceRule, ruleFor } from '../domain/cadence';
import { UNIT_LEVELS, type UnitLevel } from '../domain/org';

type Db = PrismaClient | Prisma.TransactionClient;

/** The rule in force for a level: the stored one, else the default. */
export async function loadCadenceRule(db: Db, level: UnitLevel): Promise<CadenceRule> {
  return ruleFor(level, await db.cadenceRule.findUnique({ where: { level } }));
}

/** The rule in force for every level, in the order of the levels. */
export async function loadCadenceRules(db: Db): Promise<CadenceRule[]> {
  const stored = await db.cadenceRule.findMany();
  return UNIT_LEVELS.map((level) =>
    ruleFor(
      level,
      stored.find((r) => r.level === level),
    ),
  );
}

/** Store a level's rule (created or replaced); answers the rule now in force. */
export async function saveCadenceRule(
  tx: Db,
  level: UnitLevel,
  rule: Omit<CadenceRule, 'level'>,
  now: Date,
): Promise<CadenceRule> {
  const saved = await tx.cadenceRule.upsert({
    where: { level },
    create: { level, ...rule, updatedAt: now },
    update: { ...rule, updatedAt: now },
  });
  return ruleFor(level, saved);
}
