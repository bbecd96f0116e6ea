/** The escalation deadline rules (rules are data): change a level's rule, audited, from now on. */
import type { EscalationRule } from '../domain/escalation';
import type { UnitLevel } from '../domain/org';
import { writeAudit } from '../records/audit-trail';
import { type EscalationRuleValues, loadEscalationRule, saveEscalationRule } from '../records/escalation-rules';
import type { Caller } from '../records/scope';
import type { ServiceDeps } from './deps';

/** Deadlines for the level receiving escalations; applies to escalations made from now on. */
export async function changeEscalationRule(
  { prisma, clock }: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  input: { level: UnitLevel; rule: EscalationRuleValues },
): Promise<EscalationRule> {
  const { level, rule } = input;
  const before = await loadEscalationRule(prisma, level);
  const now = clock();
  return prisma.$transaction(async (tx) => {
    const saved = await saveEscalationRule(tx, level, rule);
    await writeAudit(tx, {
      at: now,
      actor: `${caller.role}:${caller.username}`,
      action: 'rule.change',
      entity: 'escalationRule',
      entityId: level,
      before: { ...before },
      after: { level, ...rule },
    });
    return saved;
  });
}
