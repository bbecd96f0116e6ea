/**
 * Cadence rules per level (rules are data). A change applies from each unit's next period: every
 * obligation reads its rule when it opens a period, so nothing is restarted or told.
 */
import type { CadenceRule } from '../domain/cadence';
import type { UnitLevel } from '../domain/org';
import { loadCadenceRule, loadCadenceRules, saveCadenceRule } from '../records/cadence-rules';
import type { ServiceDeps } from './deps';

/** The rule in force for every level. */
export function cadenceRules(deps: Pick<ServiceDeps, 'prisma'>): Promise<CadenceRule[]> {
  return loadCadenceRules(deps.prisma);
}

export interface CadenceRuleChange {
  level: UnitLevel;
  rule: Omit<CadenceRule, 'level'>;
}

/** Change a level's rule (audited); answers the rule now in force, which applies from the next period. */
export async function changeCadenceRule(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: { actor: string },
  { level, rule }: CadenceRuleChange,
): Promise<CadenceRule & { appliesFrom: 'next period' }> {
  const now = deps.clock();
  const saved = await deps.prisma.$transaction(async (tx) => {
    const before = await loadCadenceRule(tx, level);
    const saved = await saveCadenceRule(tx, level, rule, now);
    await tx.auditEvent.create({
      data: {
        at: now,
        actor: caller.actor,
        action: 'rule.change',
        entity: 'cadenceRule',
        entityId: level,
        before: { ...before },
        after: { level, ...rule },
      },
    });
    return saved;
  });
  return { ...saved, appliesFrom: 'next period' };
}
