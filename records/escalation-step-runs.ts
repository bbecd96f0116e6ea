/**
 * The steps of an escalation carried out (`EscalationStepRun`: a notice sent to all its recipients,
 * or the item sent further up by the rules), keyed `<agendaItemId>/<series>/<step>`: the planner
 * skips what is here.
 */
import type { PrismaClient } from '@prisma/client';

type Db = Pick<PrismaClient, 'escalationStepRun'>;

export type StepOutcome = 'sent' | 'no-recipients' | 'climbed';

/** The keys of the item's steps carried out. */
export async function stepsDone(prisma: Db, agendaItemId: string): Promise<Set<string>> {
  const rows = await prisma.escalationStepRun.findMany({ where: { agendaItemId }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/** Whether the step was carried out. */
export async function stepDone(prisma: Db, key: string): Promise<boolean> {
  return !!(await prisma.escalationStepRun.findUnique({ where: { key } }));
}

/** Mark the step carried out (a repeat keeps the first outcome). */
export async function markStepDone(prisma: Db, key: string, agendaItemId: string, outcome: StepOutcome) {
  await prisma.escalationStepRun.upsert({ where: { key }, create: { key, agendaItemId, outcome }, update: {} });
}
