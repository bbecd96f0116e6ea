/**
 * The record of agenda items and their escalations (议题台账): reading an item with its hops,
 * answers and extensions, and sending it up a level. Used by the API (a convener escalates) and
 * by the activities (the rules send an unanswered item further up).
 */
import type { AgendaItem, DeadlineExtension, Escalation, Feedback, PrismaClient, Unit } from '@prisma/client';
import { escalationDeadlines, type EscalationRule, type HopSnapshot } from '../domain/escalation';
import { shanghaiDateOf } from '../domain/period';
import { writeAudit } from './audit-trail';
import { loadWorkingCalendar } from './calendar';
import { loadEscalationRule } from './escalation-rules';
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

/** The escalation rule in force for a receiving level (records/escalation-rules.ts, the one loader). */
export async function escalationRule(prisma: Db, level: UnitLevel): Promise<EscalationRule> {
  return loadEscalationRule(prisma, level);
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
  await writeAudit(tx, {
    at: input.now,
    actor: input.escalatedBy,
    action: input.escalatedByRule ? 'agendaItem.escalate-by-rule' : 'agendaItem.escalate',
    entity: 'agendaItem',
    entityId: item.id,
    before: { state: item.state, currentUnitId: item.currentUnitId },
    after: { state: 'escalated', currentUnitId: toUnit.id, hop: hop.hop, scheduleBy, answerBy },
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
  await writeAudit(tx, {
    at: now,
    actor,
    action: 'agendaItem.take-up',
    entity: 'agendaItem',
    entityId: item.id,
    before: { state: item.state },
    after: { state: 'taken_up', meetingId: meeting.id, hop: hop.hop },
  });
  return true;
}

// --- Reads of the register and of the meetings and units an act on an item names -------------

export interface ItemListFilter {
  /** Units the caller may read, or all. Scope and the unit asked for both apply (AND). */
  readable: 'all' | Set<string>;
  unitId?: string;
  currentUnitId?: string;
  state?: AgendaItem['state'];
  limit: number;
  offset: number;
}

/** A page of the register, newest first: the items' ids and how many there are in all. */
export async function listItemIds(
  prisma: Pick<PrismaClient, 'agendaItem'>,
  f: ItemListFilter,
): Promise<{ ids: string[]; total: number }> {
  const where = {
    AND: [
      f.readable === 'all' ? {} : { unitId: { in: [...f.readable] } },
      f.unitId ? { unitId: f.unitId } : {},
      f.currentUnitId ? { currentUnitId: f.currentUnitId } : {},
      f.state ? { state: f.state } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.agendaItem.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: f.limit,
      skip: f.offset,
      select: { id: true },
    }),
    prisma.agendaItem.count({ where }),
  ]);
  return { ids: rows.map((r) => r.id), total };
}

/** A meeting with its unit, or null. */
export function meetingWithUnit(prisma: Pick<PrismaClient, 'meeting'>, id: string) {
  return prisma.meeting.findUnique({ where: { id }, include: { unit: true } });
}

/** A meeting by id, or null. */
export function meetingById(prisma: Pick<PrismaClient, 'meeting'>, id: string) {
  return prisma.meeting.findUnique({ where: { id } });
}

/** A meeting of that unit, or null. */
export function meetingOfUnit(prisma: Pick<PrismaClient, 'meeting'>, id: string, unitId: string) {
  return prisma.meeting.findFirst({ where: { id, unitId } });
}

/** A unit an item names (it exists: items keep their units). */
export function unitOfItem(prisma: Pick<PrismaClient, 'unit'>, id: string): Promise<Unit> {
  return prisma.unit.findUniqueOrThrow({ where: { id } });
}

/** The units of these ids that are not removed. */
export function activeUnits(prisma: Pick<PrismaClient, 'unit'>, ids: string[]): Promise<Unit[]> {
  return prisma.unit.findMany({ where: { id: { in: ids }, removedAt: null } });
}
