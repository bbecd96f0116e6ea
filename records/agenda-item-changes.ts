/**
 * The writes of the acts on an agenda item (services/escalation.ts): an item raised or resolved at
 * its own level, an answer, the raising unit's response to it, a new round after a dispute, an
 * approved extension. Each runs in the act's transaction with the time of the one clock and writes
 * its audit row; sending an item up and taking it up are `climb` and `takeUp` (agenda-items.ts).
 */
import type { AgendaItem, Escalation, Feedback, PrismaClient } from '@prisma/client';
import { writeAudit } from './audit-trail';
import { dbDate, type ItemRecord, localDate } from './agenda-items';

type Db = Pick<PrismaClient, 'agendaItem' | 'escalation' | 'feedback' | 'deadlineExtension' | 'auditEvent'>;

export interface NewItem {
  title: string;
  description?: string;
  raisedBy: string;
  category?: string;
}

/** Put an item on a meeting's agenda. */
export async function insertItem(
  tx: Db,
  meeting: { id: string; unitId: string },
  input: NewItem,
  actor: string,
  now: Date,
): Promise<AgendaItem> {
  const item = await tx.agendaItem.create({
    data: { ...input, meetingId: meeting.id, unitId: meeting.unitId, currentUnitId: meeting.unitId, createdAt: now },
  });
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'agendaItem.raise',
    entity: 'agendaItem',
    entityId: item.id,
    after: { ...input },
  });
  return item;
}

/** Resolved at its own level: the item closes. */
export async function markResolved(tx: Db, item: AgendaItem, resolution: string, actor: string, now: Date) {
  await tx.agendaItem.update({
    where: { id: item.id },
    data: { state: 'resolved', resolution, resolvedAt: now, closedAt: now },
  });
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'agendaItem.resolve',
    entity: 'agendaItem',
    entityId: item.id,
    before: { state: item.state },
    after: { state: 'resolved', resolution },
  });
}

export interface AnswerInput {
  outcome: 'resolved' | 'scheduled' | 'declined';
  text: string;
  handleBy?: string;
  reason?: string;
}

/** The upper level's answer to the hop's current round: the item goes back to the raising unit. */
export async function insertAnswer(
  tx: Db,
  item: AgendaItem,
  hop: Escalation,
  input: AnswerInput,
  actor: string,
  now: Date,
) {
  await tx.feedback.create({
    data: {
      agendaItemId: item.id,
      escalationId: hop.id,
      round: hop.round,
      outcome: input.outcome,
      text: input.text,
      handleBy: input.handleBy ? dbDate(input.handleBy) : null,
      reason: input.reason ?? null,
      answeredBy: actor,
      answeredAt: now,
    },
  });
  await tx.escalation.update({ where: { id: hop.id }, data: { state: 'answered' } });
  await tx.agendaItem.update({ where: { id: item.id }, data: { state: 'answered', currentUnitId: item.unitId } });
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'agendaItem.answer',
    entity: 'agendaItem',
    entityId: item.id,
    before: { state: item.state },
    after: { state: 'answered', hop: hop.hop, round: hop.round, ...input },
  });
}

export interface ResponseInput {
  response: 'confirmed' | 'disputed';
  reason?: string;
  escalateFurther: boolean;
}

/** The raising unit's response on the answer, and its audit row (the item's new state is written apart). */
export async function recordResponse(tx: Db, answer: Feedback, input: ResponseInput, actor: string, now: Date) {
  await tx.feedback.update({
    where: { id: answer.id },
    data: { response: input.response, responseReason: input.reason ?? null, respondedBy: actor, respondedAt: now },
  });
}

/** The audit row of a response (written after what the response changed). */
export async function auditResponse(tx: Db, item: ItemRecord, input: ResponseInput, actor: string, now: Date) {
  await writeAudit(tx, {
    at: now,
    actor,
    action: `agendaItem.${input.response === 'confirmed' ? 'confirm' : 'dispute'}`,
    entity: 'agendaItem',
    entityId: item.id,
    before: { state: item.state },
    after: { ...input },
  });
}

/** The answer confirmed: the item closes. */
export async function closeConfirmed(tx: Db, itemId: string, now: Date) {
  await tx.agendaItem.update({ where: { id: itemId }, data: { state: 'confirmed', closedAt: now } });
}

/** The item disputed (and, when `currentUnitId` is given, back with that unit). */
export async function markDisputed(tx: Db, itemId: string, currentUnitId?: string) {
  await tx.agendaItem.update({
    where: { id: itemId },
    data: { state: 'disputed', ...(currentUnitId ? { currentUnitId } : {}) },
  });
}

/** Back up to the same level for a new answer: a new round of the hop with its own deadline. */
export async function startNewRound(tx: Db, hop: Escalation, answerBy: string, now: Date) {
  await tx.escalation.update({
    where: { id: hop.id },
    data: { state: 'taken_up', round: hop.round + 1, roundStartedAt: now, answerBy: dbDate(answerBy) },
  });
}

/** The liaison office moves the hop's answer deadline. */
export async function insertExtension(
  tx: Db,
  itemId: string,
  hop: Escalation,
  input: { answerBy: string; reason: string },
  actor: string,
  now: Date,
) {
  await tx.deadlineExtension.create({
    data: {
      escalationId: hop.id,
      round: hop.round,
      fromDate: hop.answerBy,
      toDate: dbDate(input.answerBy),
      reason: input.reason,
      approvedBy: actor,
      createdAt: now,
    },
  });
  await tx.escalation.update({ where: { id: hop.id }, data: { answerBy: dbDate(input.answerBy) } });
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'agendaItem.extend',
    entity: 'agendaItem',
    entityId: itemId,
    before: { answerBy: localDate(hop.answerBy) },
    after: { ...input },
  });
}
