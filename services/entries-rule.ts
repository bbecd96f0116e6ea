/** The liaison office changes the entries rule (rules are data): stored and audited with what it was. */
import type { EntriesRule } from '../domain/entries';
import { type EntriesRuleSettings, loadEntriesRule, saveEntriesRule } from '../records/entries-rule';
import type { Caller } from '../records/scope';
import type { ServiceDeps } from './deps';

/** When a changed rule applies. */
export const ENTRIES_RULE_APPLIES_FROM = 'next period (visits); next check (attendance); campaigns not yet open';

export async function changeEntriesRule(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  settings: EntriesRuleSettings,
): Promise<EntriesRule & { appliesFrom: string }> {
  const before = await loadEntriesRule(deps.prisma);
  const saved = await saveEntriesRule(deps.prisma, settings, before, {
    actor: `${caller.role}:${caller.username}`,
    now: deps.clock(),
  });
  return { ...saved, appliesFrom: ENTRIES_RULE_APPLIES_FROM };
}
