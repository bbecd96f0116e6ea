/**
 * Meetings held and planned: what recording a meeting writes (the meeting, the items raised at it,
 * the visits of paired leaders among its attendees), what it counts, and the lists of a unit.
 */
import type {
  AgendaItem,
  Leader,
  Meeting,
  MeetingKind,
  PlannedMeeting,
  Prisma,
  PrismaClient,
  Unit,
  Visit,
} from '@prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** A calendar date (YYYY-MM-DD) as the date columns hold it. */
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

/** The unit's planned meeting with this id, if there is one. */
export function plannedMeetingOf(db: Db, unitId: string, plannedMeetingId: string): Promise<PlannedMeeting | null> {
  return db.plannedMeeting.findFirst({ where: { id: plannedMeetingId, unitId } });
}

/** An agenda item and the unit that raised it. */
export function agendaItemWithUnit(db: Db, itemId: string): Promise<(AgendaItem & { unit: Unit }) | null> {
  return db.agendaItem.findUnique({ where: { id: itemId }, include: { unit: true } });
}

export interface MeetingRow {
  unitId: string;
  heldOn: string;
  kind: MeetingKind;
  attendees: string[];
  minutes?: string;
  periodKey: string;
  plannedMeetingId?: string;
}

/** Write a meeting held; the planned meeting it fulfils (if any) is marked held. */
export async function insertMeeting(tx: Db, m: MeetingRow, now: Date): Promise<Meeting> {
  const created = await tx.meeting.create({
    data: {
      unitId: m.unitId,
      heldOn: dateColumn(m.heldOn),
      kind: m.kind,
      attendees: m.attendees,
      minutes: m.minutes,
      periodKey: m.periodKey,
      plannedMeetingId: m.plannedMeetingId,
      createdAt: now,
    },
  });
  if (m.plannedMeetingId) {
    await tx.plannedMeeting.update({ where: { id: m.plannedMeetingId }, data: { status: 'held' } });
  }
  return created;
}

export interface RaisedItem {
  title: string;
  description?: string;
  raisedBy: string;
  category?: string;
  /** Resolved at the meeting: how. */
  resolution?: string;
}

/** An item raised at a meeting of its unit: open, or resolved on the spot. */
export function insertRaisedItem(
  tx: Db,
  meeting: Pick<Meeting, 'id' | 'unitId'>,
  { resolution, ...fields }: RaisedItem,
  now: Date,
): Promise<AgendaItem> {
  return tx.agendaItem.create({
    data: {
      ...fields,
      meetingId: meeting.id,
      unitId: meeting.unitId,
      currentUnitId: meeting.unitId,
      createdAt: now,
      updatedAt: now,
      ...(resolution ? { state: 'resolved', resolution, resolvedAt: now, closedAt: now } : {}),
    },
  });
}

/** The leaders (not removed) paired with a community. */
export function pairedLeadersOf(db: Db, communityId: string): Promise<Leader[]> {
  return db.leader.findMany({ where: { communityId, removedAt: null } });
}

/** A paired leader's visit counted from a community meeting they attended. */
export function insertVisitFromMeeting(
  tx: Db,
  v: { leaderId: string; communityId: string; heldOn: string; periodKey: string; meetingId: string; actor: string },
  now: Date,
): Promise<Visit> {
  return tx.visit.create({
    data: {
      leaderId: v.leaderId,
      communityId: v.communityId,
      visitedOn: dateColumn(v.heldOn),
      periodKey: v.periodKey,
      purposes: ['joint_meeting'],
      meetingId: v.meetingId,
      recordedBy: v.actor,
      createdAt: now,
    },
  });
}

/** A leader's visits in a period. */
export function visitCount(db: Db, leaderId: string, periodKey: string): Promise<number> {
  return db.visit.count({ where: { leaderId, periodKey } });
}

/** A unit's meetings in a period (regular ones only unless ad-hoc meetings count). */
export function meetingCount(db: Db, unitId: string, periodKey: string, countAdhoc: boolean): Promise<number> {
  return db.meeting.count({ where: { unitId, periodKey, ...(countAdhoc ? {} : { kind: 'regular' }) } });
}

/** A unit's meetings, latest first. */
export function meetingsOfUnit(db: Db, unitId: string): Promise<Meeting[]> {
  return db.meeting.findMany({ where: { unitId }, orderBy: { heldOn: 'desc' } });
}

/** Write a meeting planned ahead. */
export function insertPlannedMeeting(
  db: Db,
  p: { unitId: string; plannedFor: Date; place: string; invitees: Prisma.InputJsonValue },
  now: Date,
): Promise<PlannedMeeting> {
  return db.plannedMeeting.create({ data: { ...p, createdAt: now } });
}

/** A unit's planned meetings, latest first. */
export function plannedMeetingsOfUnit(db: Db, unitId: string): Promise<PlannedMeeting[]> {
  return db.plannedMeeting.findMany({ where: { unitId }, orderBy: { plannedFor: 'desc' } });
}
