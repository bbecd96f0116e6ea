/**
 * The record of agenda items and their escalations (议题台账): reading an item with its hops,
 * answers and extensions, and sending it up a level. Used by the API (a convener escalates) and
 * by the activities (the rules send an unanswered item further up).
 */
import type { AgendaItem, DeadlineExtension, Escalation, Feedback, PrismaClient, Unit } from '@prisma/client';
import { escalationDeadlines, escalationRuleFor, type EscalationRule, type HopSnapshot } from '../domain/escalation';
import { shanghaiDateOf } from '../domain/period';
import { loadWorkingCalendar } from './calendar';
import type { UnitLevel } from '../domain/org';

export type ItemRecord = AgendaItem & {
  unit: Unit;
  escalations: (Escalation & { extensions: DeadlineExtension[] })[];
  feedback: Feedback[];
};

/**
 * A transition the item's state does not allow (the API answers 409 with the code), or a request
 * at fault (`status` 400: the API answers 400 naming the field).
 */
export class ItemStateError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly status: 400 | 409 = 409,
  ) {
    super(message);
  }
}

type Db = Pick<
  PrismaClient,
  'agendaItem' | 'escalation' | 'unit' | 'escalationRule' | 'meeting' | 'auditEvent' | 'feedback' | 'calendarYear'
>;

export async function loadItem(prisma: Db, id: string): Promise<ItemRecord | null> {
  return prisma.agendaItem.findUnique({
    where: { id },
    include: {
      unit: true,
      escalations: { orderBy: { hop: 'asc' }, include: { extensions: { orderBy: { createdAt: 'asc' } } } },
      feedback: { orderBy: [{ answeredAt: 'asc' }] },
    },
  });
}

/** The hop now in force: the last one. */
export function topHop(item: ItemRecord) {
  return item.escalations.at(-1) ?? null;
}

/** The answer of the top hop's current round, if given. */
export function currentAnswer(item: ItemRecord): Feedback | null {
  const hop = topHop(item);
  if (!hop) return null;
  return item.feedback.find((f) => f.escalationId === hop.id && f.round === hop.round) ?? null;
}

export async function escalationRule(prisma: Db, level: UnitLevel): Promise<EscalationRule> {
  return escalationRuleFor(level, await prisma.escalationRule.findUnique({ where: { level } }));
}

export const localDate = (d: Date) => d.toISOString().slice(0, 10);
export const dbDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** What the planner needs of the item's top hop. */
export async function hopSnapshotOf(prisma: Db, item: ItemRecord): Promise<HopSnapshot | null> {
  const hop = topHop(item);
  if (!hop) return null;
  const toUnit = await prisma.unit.findUnique({ where: { id: hop.toUnitId } });
  const extension = hop.extensions.filter((e) => e.round === hop.round).at(-1);
  const answer = currentAnswer(item);
  return {
    hop: hop.hop,
    state: hop.state,
    escalatedAt: hop.escalatedAt.getTime(),
    scheduleBy: localDate(hop.scheduleBy),
    answerBy: localDate(hop.answerBy),
    round: hop.round,
    roundStartedAt: hop.roundStartedAt.getTime(),
    extendedAt: extension ? extension.createdAt.getTime() : null,
    answeredAt: answer ? answer.answeredAt.getTime() : null,
    responded: !!answer?.response,
    canClimb: !!toUnit?.parentId,
  };
}

/**
 * Whether the item's answer deadline has passed unanswered: `overdueBefore` is today's cut-off
 * (domain/calendar.ts `overdueCutoff`: overdue from the first working day after the deadline).
 */
export function isOverdue(hop: Pick<Escalation, 'state' | 'answerBy'>, overdueBefore: string): boolean {
  return (hop.state === 'pending' || hop.state === 'taken_up') && localDate(hop.answerBy) < overdueBefore;
}

export interface ClimbInput {
  what: string;
  whyNotSolvable: string;
  ask: string;
  /** The meeting whose minutes travel with the entry. */
  minutes: string;
  sourceMeetingId: string | null;
  escalatedBy: string;
  escalatedByRule: boolean;
  now: Date;
}

/**
 * Send the item up one level: from the unit that holds it now to that unit's parent. The first
 * hop leaves the raising unit; a further hop leaves the unit of the hop before (which is marked
 * escalated further). Runs in the caller's transaction.
 */
export async function climb(tx: Db, item: ItemRecord, input: ClimbInput): Promise<Escalation> {
  const from = topHop(item);
  const fromUnitId = from ? from.toUnitId : item.unitId;
  const fromUnit = await tx.unit.findUniqueOrThrow({ where: { id: fromUnitId } });
  const toUnit = fromUnit.parentId
    ? await tx.unit.findFirst({ where: { id: fromUnit.parentId, removedAt: null } })
    : null;
  if (!toUnit) {
    throw new ItemStateError(
      'no_upper_level',
      `${fromUnit.name} has no level above it to escalate to / ${fromUnit.name}没有可上报的上一级`,
    );
  }
  const rule = await escalationRule(tx, toUnit.level);
  const { scheduleBy, answerBy } = escalationDeadlines(input.now, rule, await loadWorkingCalendar(tx));
  if (from) await tx.escalation.update({ where: { id: from.id }, data: { state: 'escalated_further' } });
  const hop = await tx.escalation.create({
    data: {
      agendaItemId: item.id,
      hop: (from?.hop ?? 0) + 1,
      fromUnitId,
      toUnitId: toUnit.id,
      what: input.what,
      whyNotSolvable: input.whyNotSolvable,
      ask: input.ask,
      minutes: input.minutes,
      sourceMeetingId: input.sourceMeetingId,
      escalatedAt: input.now,
      escalatedBy: input.escalatedBy,
      escalatedByRule: input.escalatedByRule,
      scheduleBy: dbDate(scheduleBy),
      answerBy: dbDate(answerBy),
      roundStartedAt: input.now,
    },
  });
  await tx.agendaItem.update({
    where: { id: item.id },
    data: { state: 'escalated', currentUnitId: toUnit.id },
  });
  await tx.auditEvent.create({
    data: {
      actor: input.escalatedBy,
      action: input.escalatedByRule ? 'agendaItem.escalate-by-rule' : 'agendaItem.escalate',
      entity: 'agendaItem',
      entityId: item.id,
      before: { state: item.state, currentUnitId: item.currentUnitId },
      after: { state: 'escalated', currentUnitId: toUnit.id, hop: hop.hop, scheduleBy, answerBy },
    },
  });
  return hop;
}

/**
 * A meeting held before the item reached its unit cannot have put it on its agenda (nor decided
 * to send it further up): refused as invalid input naming `meetingId`.
 */
export function assertHeldSinceArrival(hop: Pick<Escalation, 'escalatedAt'>, meeting: { heldOn: Date }): void {
  const arrived = shanghaiDateOf(hop.escalatedAt);
  if (localDate(meeting.heldOn) < arrived) {
    throw new ItemStateError(
      'invalid_input',
      `The meeting of ${localDate(meeting.heldOn)} was held before the item arrived on ${arrived} / 该会议早于议题上报日期`,
      'meetingId',
      400,
    );
  }
}

/** The minutes that travel with a further escalation decided without a new meeting. */
export function carriedMinutes(item: ItemRecord): string {
  return topHop(item)?.minutes ?? '';
}

/**
 * The upper level puts an escalated item on one of its meetings. Returns false when that meeting
 * took it up already (a repeat), throws when the item is not waiting in that unit's queue.
 */
export async function takeUp(
  tx: Db,
  item: ItemRecord,
  meeting: { id: string; unitId: string; heldOn: Date },
  actor: string,
  now: Date,
): Promise<boolean> {
  const hop = topHop(item);
  if (hop && hop.takenUpMeetingId === meeting.id) return false;
  if (!hop || item.currentUnitId !== meeting.unitId) {
    throw new ItemStateError(
      'not_in_queue',
      `Item ${item.id} is not waiting in this unit's queue / 该议题不在本单位的待议清单中`,
      'meetingId',
    );
  }
  if (hop.state !== 'pending') {
    throw new ItemStateError('item_state', `Item ${item.id} is ${item.state}: it was put on a meeting already`);
  }
  assertHeldSinceArrival(hop, meeting);
  await tx.escalation.update({
    where: { id: hop.id },
    data: { state: 'taken_up', takenUpMeetingId: meeting.id, takenUpAt: now },
  });
  await tx.agendaItem.update({ where: { id: item.id }, data: { state: 'taken_up' } });
  await tx.auditEvent.create({
    data: {
      at: now,
      actor,
      action: 'agendaItem.take-up',
      entity: 'agendaItem',
      entityId: item.id,
      before: { state: item.state },
      after: { state: 'taken_up', meetingId: meeting.id, hop: hop.hop },
    },
  });
  return true;
}
