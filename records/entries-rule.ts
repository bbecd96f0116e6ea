/** The entries rule (rules are data): the stored row, or the defaults from the mechanism. */
import type { PrismaClient } from '@prisma/client';
import { DEFAULT_ENTRIES_RULE, type EntriesRule } from '../domain/entries';
import type { PeriodUnit } from '../domain/period';

/** The rule row, or the defaults. */
export function entriesRuleFor(
  stored:
    | (Omit<EntriesRule, 'visitReminderLadder' | 'visitPeriod' | 'attendanceNotices'> & {
        visitReminderLadder: unknown;
        visitPeriod: string;
        attendanceNotices?: string;
      })
    | null,
): EntriesRule {
  if (!stored) return DEFAULT_ENTRIES_RULE;
  const ladder = Array.isArray(stored.visitReminderLadder)
    ? stored.visitReminderLadder.filter((n): n is number => Number.isInteger(n) && n > 0)
    : DEFAULT_ENTRIES_RULE.visitReminderLadder;
  return {
    minDepartmentsPerCommunity: stored.minDepartmentsPerCommunity,
    maxDepartmentsPerCommunity: stored.maxDepartmentsPerCommunity,
    visitPeriod: stored.visitPeriod as PeriodUnit,
    minVisits: stored.minVisits,
    visitReminderLadder: ladder,
    visitSupervisorAfterDays: stored.visitSupervisorAfterDays,
    absenceThreshold: stored.absenceThreshold,
    evaluationQuorum: stored.evaluationQuorum,
    evaluationOpensOn: stored.evaluationOpensOn,
    evaluationClosesOn: stored.evaluationClosesOn,
    evaluationReminderEveryDays: stored.evaluationReminderEveryDays,
    attendanceNotices: stored.attendanceNotices === 'at-once' ? 'at-once' : 'wait',
  };
}

export async function loadEntriesRule(prisma: Pick<PrismaClient, 'entriesRule'>): Promise<EntriesRule> {
  return entriesRuleFor(await prisma.entriesRule.findUnique({ where: { id: 'default' } }));
}

/** The rule's stored settings (what the liaison office enters). */
export type EntriesRuleSettings = Omit<EntriesRule, 'attendanceNotices'> &
  Partial<Pick<EntriesRule, 'attendanceNotices'>>;

/** Store the rule, audited with what it was before; answers the rule as stored. */
export async function saveEntriesRule(
  prisma: PrismaClient,
  settings: EntriesRuleSettings,
  before: EntriesRule,
  by: { actor: string; now: Date },
): Promise<EntriesRule> {
  const [saved] = await prisma.$transaction([
    prisma.entriesRule.upsert({
      where: { id: 'default' },
      create: { id: 'default', ...settings, updatedAt: by.now },
      update: { ...settings, updatedAt: by.now },
    }),
    prisma.auditEvent.create({
      data: {
        at: by.now,
        actor: by.actor,
        action: 'rule.change',
        entity: 'entriesRule',
        entityId: 'default',
        before: { ...before },
        after: settings,
      },
    }),
  ]);
  return entriesRuleFor(saved);
}
