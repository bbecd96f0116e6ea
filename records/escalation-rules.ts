/**
 * The escalation deadline rules (rules are data): one stored row per receiving level, the domain's
 * default where none is stored (domain/escalation.ts `escalationRuleFor`). The one loader of this
 * rule kind.
 */
import type { PrismaClient } from '@prisma/client';
import { escalationRuleFor, type EscalationRule } from '../domain/escalation';
import { UNIT_LEVELS, type UnitLevel } from '../domain/org';

type Db = Pick<PrismaClient, 'escalationRule'>;

/** What is stored of a level's rule (the level is the row's key). */
export interface EscalationRuleValues {
  scheduleWithinDays: number;
  answerWithinDays: number;
  reminderLadder: number[];
  supervisorAfterDays: number;
  autoEscalateAfterDays: number | null;
  confirmWithinDays: number;
  eventNotices?: 'wait' | 'at-once';
}

/** The rule in force for escalations to a level. */
export async function loadEscalationRule(prisma: Db, level: UnitLevel): Promise<EscalationRule> {
  return escalationRuleFor(level, await prisma.escalationRule.findUnique({ where: { level } }));
}

/** The rules in force for every level, in tree order. */
export async function loadEscalationRules(prisma: Db): Promise<EscalationRule[]> {
  const stored = await prisma.escalationRule.findMany();
  return UNIT_LEVELS.map((level) =>
    escalationRuleFor(
      level,
      stored.find((r) => r.level === level),
    ),
  );
}

/** Store a level's rule (in the caller's transaction); returns it as in force now. */
export async function saveEscalationRule(
  tx: Db,
  level: UnitLevel,
  values: EscalationRuleValues,
): Promise<EscalationRule> {
  const saved = await tx.escalationRule.upsert({ where: { level }, create: { level, ...values }, update: values });
  return escalationRuleFor(level, saved);
}
