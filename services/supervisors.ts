/** The liaison office's members: added (or updated) and removed by an admin, audited, from the one clock. */
import { actorOf, type Caller } from '../records/scope';
import type { Supervisor } from '@prisma/client';
import { DEFAULT_WEBHOOK_POLICY, webhookUrlProblem } from '../domain/webhook-policy';
import { deactivateSupervisor, supervisorById, type SupervisorValues, upsertSupervisor } from '../records/supervisors';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock' | 'webhookPolicy'>;

/** Add a member of the liaison office; repeating it with the same email updates the member. */
export async function saveSupervisor(
  { prisma, clock, webhookPolicy = DEFAULT_WEBHOOK_POLICY }: Deps,
  caller: Caller,
  input: SupervisorValues,
): Promise<{ saved: Supervisor; created: boolean }> {
  const webhookProblem = input.webhookUrl && webhookUrlProblem(input.webhookUrl, webhookPolicy);
  if (webhookProblem) throw ServiceError.badRequest('webhookUrl', webhookProblem);
  const now = clock();
  return prisma.$transaction((tx) => upsertSupervisor(tx, input, actorOf(caller), now));
}

/** A member leaves the office. */
export async function removeSupervisor({ prisma, clock }: Deps, caller: Caller, input: { id: string }): Promise<void> {
  const found = await supervisorById(prisma, input.id);
  if (!found) throw ServiceError.notFound(`Supervisor ${input.id}`);
  const now = clock();
  await prisma.$transaction((tx) => deactivateSupervisor(tx, found.id, actorOf(caller), now));
}
