/** The third entry's rule (rules are data): the stored row, or the defaults. */
import type { PrismaClient, ServingRule as ServingRuleRow } from '@prisma/client';
import { DEFAULT_SERVING_RULE, type ServingRule } from '../domain/serving';

/** The rule row, or the defaults. */
export function servingRuleFor(stored: ServingRuleRow | null): ServingRule {
  if (!stored) return DEFAULT_SERVING_RULE;
  const ladder = Array.isArray(stored.participationReminderLadder)
    ? stored.participationReminderLadder.filter((n): n is number => Number.isInteger(n) && (n as number) > 0)
    : DEFAULT_SERVING_RULE.participationReminderLadder;
  return {
    participationPeriod: stored.participationPeriod === 'half' ? 'half' : 'year',
    minServices: stored.minServices,
    participationReminderLadder: ladder,
    claimConfirmWithinDays: stored.claimConfirmWithinDays,
    claimCommunityAfterDays: stored.claimCommunityAfterDays,
    receiptWithinDays: stored.receiptWithinDays,
    receiptOfficeAfterDays: stored.receiptOfficeAfterDays,
    receiptValidDays: stored.receiptValidDays,
  };
}

export async function loadServingRule(prisma: Pick<PrismaClient, 'servingRule'>): Promise<ServingRule> {
  return servingRuleFor(await prisma.servingRule.findUnique({ where: { id: 'default' } }));
}
