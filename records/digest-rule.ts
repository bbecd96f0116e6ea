/** The weekly digest's rule in the record (one row, `default`): read it, change it with its audit row. */
import type { PrismaClient } from '@prisma/client';
import { DEFAULT_DIGEST_RULE, type DigestRule } from '../domain/digest';

/** The stored rule, or the defaults. */
export async function loadDigestRule(prisma: Pick<PrismaClient, 'digestRule'>): Promise<DigestRule> {
  const row = await prisma.digestRule.findUnique({ where: { id: 'default' } });
  return row ? { enabled: row.enabled, weekday: row.weekday, hour: row.hour } : DEFAULT_DIGEST_RULE;
}

/** Store the rule and its audit row (`digestRule.update`, before and after), in one transaction, at `at`. */
export async function saveDigestRule(
  prisma: PrismaClient,
  rule: DigestRule,
  before: DigestRule,
  actor: string,
  at: Date,
): Promise<void> {
  const row = { enabled: rule.enabled, weekday: rule.weekday, hour: rule.hour, updatedAt: at };
  await prisma.$transaction([
    prisma.digestRule.upsert({ where: { id: 'default' }, create: row, update: row }),
    prisma.auditEvent.create({
      data: {
        at,
        actor,
        action: 'digestRule.update',
        entity: 'digestRule',
        entityId: 'default',
        before: { ...before },
        after: { ...rule },
      },
    }),
  ]);
}
