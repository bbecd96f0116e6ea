/**
 * A meeting or a visit dated in a period that was already closed corrects that period's record:
 * the outcome is recounted, marked corrected (so the closing activity never overwrites it) and
 * the change is audited. One function for the meeting obligation and the leaders' visits.
 */
import type { Prisma } from '@prisma/client';

export async function correctClosedPeriod(
  tx: Prisma.TransactionClient,
  c: {
    /** The unit whose record holds the outcome (for visits: the leader's community). */
    unitId: string;
    /** The obligation's business key: meeting-cadence:<unit> or leader-visit:<leader>. */
    obligation: string;
    periodKey: string;
    /** How many meetings (visits) count in the period now. */
    count: () => Promise<number>;
    minimum: number;
    /** What caused the correction, for the audit row, e.g. { byMeeting: id }. */
    by: Record<string, string>;
    actor: string;
    now: Date;
  },
): Promise<void> {
  const closed = await tx.periodOutcome.findUnique({
    where: { unitId_obligation_periodKey: { unitId: c.unitId, obligation: c.obligation, periodKey: c.periodKey } },
  });
  if (!closed) return;
  const counted = await c.count();
  const status = counted >= c.minimum ? 'met' : 'overdue';
  const corrected = await tx.periodOutcome.update({
    where: { id: closed.id },
    data: { meetingsHeld: counted, status, correctedAt: c.now },
  });
  await tx.auditEvent.create({
    data: {
      at: c.now,
      actor: c.actor,
      action: 'period.correct',
      entity: 'periodOutcome',
      entityId: closed.id,
      before: { status: closed.status, meetingsHeld: closed.meetingsHeld },
      after: { status: corrected.status, meetingsHeld: corrected.meetingsHeld, ...c.by },
    },
  });
}
