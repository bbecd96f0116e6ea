/**
 * A visit dated in a visit period that was already closed corrects that period's record, as a
 * meeting does for the meeting obligation: the outcome is recounted from the visits, marked
 * corrected (so the closing activity never overwrites it) and the change is audited.
 */
import type { Prisma } from '@prisma/client';
import { leaderVisitWorkflowId } from '../domain/entries';

export async function correctClosedVisitPeriod(
  tx: Prisma.TransactionClient,
  c: {
    leaderId: string;
    communityId: string;
    periodKey: string;
    minVisits: number;
    byVisitId: string;
    actor: string;
    now: Date;
  },
): Promise<void> {
  const closed = await tx.periodOutcome.findUnique({
    where: {
      unitId_obligation_periodKey: {
        unitId: c.communityId,
        obligation: leaderVisitWorkflowId(c.leaderId),
        periodKey: c.periodKey,
      },
    },
  });
  if (!closed) return;
  const visits = await tx.visit.count({ where: { leaderId: c.leaderId, periodKey: c.periodKey } });
  const status = visits >= c.minVisits ? 'met' : 'overdue';
  const corrected = await tx.periodOutcome.update({
    where: { id: closed.id },
    data: { meetingsHeld: visits, status, correctedAt: c.now },
  });
  await tx.auditEvent.create({
    data: {
      actor: c.actor,
      action: 'period.correct',
      entity: 'periodOutcome',
      entityId: closed.id,
      before: { status: closed.status, meetingsHeld: closed.meetingsHeld },
      after: { status: corrected.status, meetingsHeld: corrected.meetingsHeld, byVisit: c.byVisitId },
    },
  });
}
