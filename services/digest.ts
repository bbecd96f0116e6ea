/**
 * The weekly digest to the liaison office: its rule (weekday, hour, on or off). Changing it is
 * recorded (with its audit row), then the digest's workflow is told and plans again.
 */
import type { DigestRule } from '../domain/digest';
import { tellDigestRuleChanged } from '../obligations/digest';
import { loadDigestRule, saveDigestRule } from '../records/digest-rule';
import type { Caller } from '../records/scope';
import type { ServiceDeps } from './deps';

/** The digest's rule in force. */
export function digestRule(deps: Pick<ServiceDeps, 'prisma'>): Promise<DigestRule> {
  return loadDigestRule(deps.prisma);
}

/**
 * Change the digest's rule; its workflow plans again at once (not started yet: it reads the rule
 * when it starts). Answers the rule as stored.
 */
export async function changeDigestRule(deps: ServiceDeps, caller: Caller, rule: DigestRule): Promise<DigestRule> {
  const before = await loadDigestRule(deps.prisma);
  await saveDigestRule(deps.prisma, rule, before, `${caller.role}:${caller.username}`, deps.clock());
  await tellDigestRuleChanged(deps);
  return rule;
}
