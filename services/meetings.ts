/**
 * Meetings: record one held (the meeting, its audit rows, the items raised at it and the escalated
 * items it took up, the visits of paired leaders among its attendees, corrections of periods already
 * closed — one transaction — then the workflows are told), plan one ahead, and ask a unit's meeting
 * obligation where it stands.
 */
import type { Meeting, PlannedMeeting, Prisma, Unit } from '@prisma/client';
import { attendeeMatches } from '../domain/attendance';
import type { CadenceRule } from '../domain/cadence';
import type { EntriesRule } from '../domain/entries';
import { periodOfDate, shanghaiDateOf } from '../domain/period';
import { leaderVisitWorkflowId, meetingCadenceWorkflowId } from '../domain/workflow-ids';
import { tellEscalation } from '../obligations/escalation';
import { tellVisitRecorded } from '../obligations/leader-visit';
import {
  meetingObligationStatus,
  startAttendanceCheck,
  startPlannedMeeting,
  tellMeetingRecorded,
} from '../obligations/meeting-cadence';
import { ItemStateError, loadItem, takeUp } from '../records/agenda-items';
import { loadCadenceRule } from '../records/cadence-rules';
import { loadEntriesRule } from '../records/entries-rule';
import {
  agendaItemWithUnit,
  insertMeeting,
  insertPlannedMeeting,
  insertRaisedItem,
  insertVisitFromMeeting,
  meetingCount,
  pairedLeadersOf,
  plannedMeetingOf,
  type RaisedItem,
  visitCount,
} from '../records/meetings';
import { correctClosedPeriod } from '../records/period-outcomes';
import { canRead, canWrite, type Caller, actorOf } from '../records/scope';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { unitInScope } from './unit-access';

/** A unit by reference (id or code, found as the caller may see it) or as `unitInScope` found it. */
export type UnitArg = Unit | string;

/** The unit an act writes to: found for writing, or (found already) checked again for writing. */
async function unitToWrite(deps: Pick<ServiceDeps, 'prisma'>, caller: Caller, unit: UnitArg): Promise<Unit> {
  if (typeof unit === 'string') return unitInScope(deps.prisma, caller, unit, { mode: 'write' });
  if (!canWrite(caller, unit)) {
    throw new ServiceError(403, 'forbidden', `Only the unit's convener (or an admin) may change ${unit.code}'s record`);
  }
  return unit;
}

export interface MeetingInput {
  /** The calendar date (Asia/Shanghai) it was held, YYYY-MM-DD: not after today. */
  heldOn: string;
  kind: 'regular' | 'adhoc';
  attendees: string[];
  minutes?: string;
  /** The planned meeting whose minutes these are. */
  plannedMeetingId?: string;
  /** Agenda items put before the meeting (each may be resolved here, or escalated afterwards). */
  agendaItems: RaisedItem[];
  /** Escalated items from below that this meeting put on its agenda. */
  takesUp: string[];
}

export interface RecordedMeeting {
  meeting: Meeting;
  /** false: recorded, but the obligation was not told (Temporal unreachable); it re-reads the record before any notice. */
  obligationNotified: boolean;
}

/** What the meeting is recorded under: checked beyond the contract, with the rules it counts by. */
interface MeetingContext {
  unit: Unit;
  input: MeetingInput;
  actor: string;
  now: Date;
  rule: CadenceRule;
  periodKey: string;
  /** A community's meeting: the rule its paired leaders' visits count by. */
  entriesRule: EntriesRule | null;
}

async function meetingContext(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  unit: Unit,
  input: MeetingInput,
): Promise<MeetingContext> {
  const { prisma } = deps;
  const now = deps.clock();
  const today = shanghaiDateOf(now);
  if (input.heldOn > today) {
    throw ServiceError.badRequest('heldOn', `A meeting cannot be recorded before it is held (today is ${today})`);
  }
  if (input.plannedMeetingId && !(await plannedMeetingOf(prisma, unit.id, input.plannedMeetingId))) {
    throw ServiceError.badRequest('plannedMeetingId', `No planned meeting ${input.plannedMeetingId} for this unit`);
  }
  const rule = await loadCadenceRule(prisma, unit.level);
  // Escalated items this meeting takes up: they must be ones the caller can see.
  for (const [i, itemId] of input.takesUp.entries()) {
    const item = await agendaItemWithUnit(prisma, itemId);
    if (!item || !(await canRead(prisma, caller, item.unit))) {
      throw ServiceError.badRequest(`takesUp.${i}`, `No agenda item ${itemId}`);
    }
  }
  const entriesRule = unit.level === 'community' ? await loadEntriesRule(prisma) : null;
  const periodKey = periodOfDate(input.heldOn, rule.period).key;
  return { unit, input, actor: actorOf(caller), now, rule, periodKey, entriesRule };
}

/** The agenda: items raised here (some resolved on the spot), and escalated items taken up. */
async function writeAgenda(tx: Prisma.TransactionClient, c: MeetingContext, meeting: Meeting): Promise<string[]> {
  for (const a of c.input.agendaItems) {
    const item = await insertRaisedItem(tx, meeting, a, c.now);
    await tx.auditEvent.create({
      data: {
        at: c.now,
        actor: c.actor,
        action: 'agendaItem.raise',
        entity: 'agendaItem',
        entityId: item.id,
        after: { ...a },
      },
    });
  }
  const takenUp: string[] = [];
  for (const [i, itemId] of c.input.takesUp.entries()) {
    const item = await loadItem(tx, itemId);
    if (!item) throw ServiceError.badRequest(`takesUp.${i}`, `No agenda item ${itemId}`);
    try {
      if (await takeUp(tx, item, meeting, c.actor, c.now)) takenUp.push(item.id);
    } catch (err) {
      if (err instanceof ItemStateError) throw ServiceError.badRequest(`takesUp.${i}`, err.message);
      throw err;
    }
  }
  return takenUp;
}

interface VisitCounted {
  leaderId: string;
  visitId: string;
  periodKey: string;
}

/** A leader paired with this community among the attendees: that is a visit (三进). */
async function visitsOfLeaders(
  tx: Prisma.TransactionClient,
  c: MeetingContext,
  meeting: Meeting,
): Promise<VisitCounted[]> {
  const rule = c.entriesRule;
  if (!rule) return [];
  const visits: VisitCounted[] = [];
  for (const leader of await pairedLeadersOf(tx, c.unit.id)) {
    if (!c.input.attendees.some((a) => attendeeMatches(a, [leader.name, leader.code]))) continue;
    const periodKey = periodOfDate(c.input.heldOn, rule.visitPeriod).key;
    const visit = await insertVisitFromMeeting(
      tx,
      {
        leaderId: leader.id,
        communityId: c.unit.id,
        heldOn: c.input.heldOn,
        periodKey,
        meetingId: meeting.id,
        actor: c.actor,
      },
      c.now,
    );
    await tx.auditEvent.create({
      data: {
        at: c.now,
        actor: c.actor,
        action: 'visit.from-meeting',
        entity: 'visit',
        entityId: visit.id,
        after: { leaderId: leader.id, meetingId: meeting.id, periodKey },
      },
    });
    await correctClosedPeriod(tx, {
      unitId: c.unit.id,
      obligation: leaderVisitWorkflowId(leader.id),
      periodKey,
      count: () => visitCount(tx, leader.id, periodKey),
      minimum: rule.minVisits,
      by: { byVisit: visit.id },
      actor: c.actor,
      now: c.now,
    });
    visits.push({ leaderId: leader.id, visitId: visit.id, periodKey });
  }
  return visits;
}

/** The one transaction of a meeting recorded. */
async function writeMeeting(deps: Pick<ServiceDeps, 'prisma'>, c: MeetingContext) {
  const { unit, input, actor, now, periodKey, rule } = c;
  return deps.prisma.$transaction(async (tx) => {
    const meeting = await insertMeeting(
      tx,
      {
        unitId: unit.id,
        heldOn: input.heldOn,
        kind: input.kind,
        attendees: input.attendees,
        minutes: input.minutes,
        periodKey,
        plannedMeetingId: input.plannedMeetingId,
      },
      now,
    );
    await tx.auditEvent.create({
      data: {
        at: now,
        actor,
        action: 'meeting.record',
        entity: 'meeting',
        entityId: meeting.id,
        after: { ...input, unitId: unit.id, periodKey } as unknown as Prisma.InputJsonObject,
      },
    });
    const takenUp = await writeAgenda(tx, c, meeting);
    const visits = await visitsOfLeaders(tx, c, meeting);
    // A meeting dated in a period already closed corrects that period's record.
    await correctClosedPeriod(tx, {
      unitId: unit.id,
      obligation: meetingCadenceWorkflowId(unit.id),
      periodKey,
      count: () => meetingCount(tx, unit.id, periodKey, rule.countAdhoc),
      minimum: rule.minMeetings,
      by: { byMeeting: meeting.id },
      actor,
      now,
    });
    return { meeting, takenUp, visits };
  });
}

/**
 * Record a meeting held by a unit the caller writes for. After the record is written the workflows
 * are told: the unit's meeting obligation (and the planned meeting's reminder), the escalations of
 * the items taken up, the visit obligations of the leaders who attended, and — for a community — the
 * paired departments' attendance check. If Temporal is unreachable the meeting is still safe: the
 * obligation re-reads the record before it sends any notice (`obligationNotified: false`).
 */
export async function recordMeeting(
  deps: ServiceDeps,
  caller: Caller,
  { unit: unitArg, ...input }: MeetingInput & { unit: UnitArg },
): Promise<RecordedMeeting> {
  const unit = await unitToWrite(deps, caller, unitArg);
  const context = await meetingContext(deps, caller, unit, input);
  const { meeting, takenUp, visits } = await writeMeeting(deps, context);

  const obligationNotified = await tellMeetingRecorded(deps, {
    unitId: unit.id,
    meetingId: meeting.id,
    periodKey: context.periodKey,
    kind: meeting.kind,
    plannedMeetingId: input.plannedMeetingId,
  });
  for (const itemId of takenUp) await tellEscalation(deps, itemId, 'taken-up');
  for (const v of visits) await tellVisitRecorded(deps, v, 'Visit counted but its obligation was not signalled');
  if (unit.level === 'community') await startAttendanceCheck(deps, meeting.id, unit.id);
  return { meeting, obligationNotified };
}

export interface PlanInput {
  /** An instant with its offset (ISO 8601). */
  plannedFor: string;
  place: string;
  invitees: { name: string; email: string; locale?: 'zh-CN' | 'en' }[];
}

/** Plan a meeting ahead (within two years): its workflow sends invitations with an .ics and chases missing minutes. */
export async function planMeeting(
  deps: ServiceDeps,
  caller: Caller,
  { unit: unitArg, ...input }: PlanInput & { unit: UnitArg },
): Promise<PlannedMeeting> {
  const unit = await unitToWrite(deps, caller, unitArg);
  const now = deps.clock();
  const plannedFor = new Date(input.plannedFor);
  if (plannedFor.getTime() <= now.getTime()) {
    throw ServiceError.badRequest('plannedFor', 'A planned meeting lies in the future');
  }
  if (plannedFor.getTime() > now.getTime() + 2 * 366 * 86_400_000) {
    throw ServiceError.badRequest('plannedFor', 'A meeting is planned at most two years ahead');
  }
  const planned = await deps.prisma.$transaction(async (tx) => {
    const planned = await insertPlannedMeeting(
      tx,
      { unitId: unit.id, plannedFor, place: input.place, invitees: input.invitees },
      now,
    );
    await tx.auditEvent.create({
      data: {
        at: now,
        actor: actorOf(caller),
        action: 'meeting.plan',
        entity: 'plannedMeeting',
        entityId: planned.id,
        after: { ...input, unitId: unit.id },
      },
    });
    return planned;
  });
  await startPlannedMeeting(deps, planned.id, unit.id);
  return planned;
}

/** The current period of a unit's meeting obligation, from its workflow (started from the record if it is not running). */
export async function meetingObligation(deps: ServiceDeps, caller: Caller, unitRef: string) {
  const unit = await unitInScope(deps.prisma, caller, unitRef);
  return meetingObligationStatus(deps, unit.id);
}
