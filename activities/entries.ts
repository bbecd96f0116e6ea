/**
 * Activities of the three entries: a leader's visit obligation (plan a period, send its notices,
 * record how it closed) and the attendance of paired departments at community joint meetings.
 */
import type { Department, PrismaClient, Unit } from '@prisma/client';
import { cadenceSchedule, type CadenceStep, type Audience, eventNoticeInstant } from '../domain/cadence';
import type { UnitRef } from '../domain/notices';
import {
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodOfDate,
  shanghaiDateOf,
  shanghaiInstant,
} from '../domain/period';
import { loadEntriesRule } from '../records/entries-rule';
import { type CalendarReader, yearsAround } from './calendar';
import { type Recipient, type SendOnce, supervisorRecipients } from './ledger';
import type { UnitIndex } from '../domain/search-attributes';
import { leaderVisitWorkflowId } from '../domain/workflow-ids';
import { absenceMilestone, attendeeMatches } from '../domain/attendance';
import type { CadenceNoticeResult, PeriodPlan, RecordedMeeting } from './types';

/** The plan's `index` field, only when there is one (a plan without it replays as before). */
const withIndex = (index: UnitIndex | undefined) => (index ? { index } : {});

export interface VisitNoticeRequest {
  leaderId: string;
  periodKey: string;
  step: CadenceStep;
  audience: Audience;
  dueDate: string;
  minVisits: number;
  scheduledFor: number;
}

export interface EntriesActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  /** The one clock: when a period is closed. */
  clock: () => Date;
  unitRef: (u: Unit) => UnitRef;
  calendarFor: CalendarReader;
  /** The community's search attributes for a period plan (undefined when the namespace has none). */
  indexOf: (unit: Unit) => Promise<UnitIndex | undefined>;
}

async function visitsIn(prisma: PrismaClient, leaderId: string, periodKey: string): Promise<RecordedMeeting[]> {
  const rows = await prisma.visit.findMany({ where: { leaderId, periodKey }, select: { id: true } });
  return rows.map((r) => ({ meetingId: r.id, periodKey, kind: 'regular' as const }));
}

/** A leader's visit obligation: plan a period, send its notices, record how it closed. */
function createVisitActivities({ prisma, sendOnce, clock, unitRef, calendarFor, indexOf }: EntriesActivityDeps) {
  return {
    /** One period of a leader's visit obligation, from the rule in force now. */
    async planVisitPeriod({
      leaderId,
      periodKey,
      now,
    }: {
      leaderId: string;
      periodKey?: string;
      now: number;
    }): Promise<PeriodPlan> {
      const leader = await prisma.leader.findUnique({ where: { id: leaderId }, include: { community: true } });
      if (!leader || leader.removedAt || leader.community.removedAt) return { active: false };
      const rule = await loadEntriesRule(prisma);
      let period = periodKey ? periodFromKey(periodKey) : periodContaining(now, rule.visitPeriod);
      if (period.unit !== rule.visitPeriod) period = periodOfDate(period.firstDay, rule.visitPeriod);
      const calendar = await calendarFor(yearsAround(period.lastDay));
      const schedule = cadenceSchedule(
        period,
        {
          level: 'community',
          period: rule.visitPeriod,
          minMeetings: rule.minVisits,
          reminderLadder: rule.visitReminderLadder,
          supervisorAfterDays: rule.visitSupervisorAfterDays,
          countAdhoc: true,
        },
        calendar,
        leaderId,
      );
      return {
        active: true,
        periodKey: period.key,
        nextPeriodKey: nextPeriod(period).key,
        dueDate: schedule.dueDate,
        closeAt: schedule.closeAt,
        minMeetings: rule.minVisits,
        countAdhoc: true,
        steps: schedule.steps,
        meetings: await visitsIn(prisma, leaderId, period.key),
        ...withIndex(await indexOf(leader.community)),
      };
    },

    /** A visit notice to the leader (and their secretary) or the supervisors, once each; the record is checked first. */
    async sendVisitNotice(req: VisitNoticeRequest): Promise<CadenceNoticeResult> {
      const leader = await prisma.leader.findUnique({ where: { id: req.leaderId }, include: { community: true } });
      if (!leader || leader.removedAt) return { outcome: 'unit-removed', meetings: [] };
      const visits = await visitsIn(prisma, leader.id, req.periodKey);
      if (visits.length >= req.minVisits) return { outcome: 'meeting-recorded', meetings: visits };
      const recipients = await visitNoticeRecipients(prisma, leader, req.audience);
      if (recipients.length === 0) return { outcome: 'no-recipients', meetings: visits };
      const calendar = await calendarFor(yearsAround(req.dueDate));
      for (const recipient of recipients) {
        await sendOnce({
          unitId: leader.communityId,
          obligation: leaderVisitWorkflowId(leader.id),
          periodKey: req.periodKey,
          step: req.step,
          audience: recipient.audience,
          recipient,
          scheduledFor: req.scheduledFor,
          notice: {
            kind: 'visit',
            step: req.step,
            unit: unitRef(leader.community),
            recipientName: recipient.name,
            leaderName: leader.name,
            periodKey: req.periodKey,
            dueDate: req.dueDate,
            visits: visits.length,
            minVisits: req.minVisits,
            workingDaysLeft: Math.max(0, calendar.workingDaysBetween(shanghaiDateOf(req.scheduledFor), req.dueDate)),
          },
        });
      }
      return { outcome: 'sent', meetings: visits };
    },

    /** Close a period of a leader's visits as met or overdue (idempotent; a later correction wins). */
    async recordVisitOutcome(rec: {
      leaderId: string;
      periodKey: string;
      dueDate: string;
      meetingsHeld: number;
      status: 'met' | 'overdue';
    }): Promise<void> {
      const leader = await prisma.leader.findUnique({ where: { id: rec.leaderId } });
      if (!leader) return;
      const obligation = leaderVisitWorkflowId(rec.leaderId);
      const where = {
        unitId_obligation_periodKey: { unitId: leader.communityId, obligation, periodKey: rec.periodKey },
      };
      const existing = await prisma.periodOutcome.findUnique({ where });
      if (existing?.correctedAt) return;
      const data = {
        dueAt: shanghaiInstant(rec.dueDate),
        meetingsHeld: rec.meetingsHeld,
        status: rec.status,
        closedAt: clock(),
      };
      await prisma.periodOutcome.upsert({
        where,
        create: { unitId: leader.communityId, obligation, periodKey: rec.periodKey, ...data },
        update: data,
      });
    },
  };
}

/** Who a visit notice goes to: the leader (and their secretary), or the supervisors. */
async function visitNoticeRecipients(
  prisma: PrismaClient,
  leader: { name: string; email: string; locale: string; secretaryName: string | null; secretaryEmail: string | null },
  audience: Audience,
): Promise<(Recipient & { audience: 'leader' | 'supervisor' })[]> {
  if (audience !== 'convener') {
    return (await supervisorRecipients(prisma)).map((s) => ({ ...s, audience: 'supervisor' as const }));
  }
  return [
    { name: leader.name, email: leader.email, locale: leader.locale, audience: 'leader' },
    ...(leader.secretaryEmail
      ? [
          {
            name: leader.secretaryName ?? leader.secretaryEmail,
            email: leader.secretaryEmail,
            locale: leader.locale,
            audience: 'leader' as const,
          },
        ]
      : []),
  ];
}

type PairingWithDepartment = { department: Department; pairedOn: Date };
type CommunityMeeting = { id: string; heldOn: Date; attendees: unknown };

/**
 * Tell one paired department (and the liaison office) of its run of absences containing the
 * meeting, once per milestone of the run. Whether this check told it (a milestone told before, by
 * another meeting's check, is not told again).
 */
async function noticeOneDepartment(
  { prisma, sendOnce, unitRef }: Pick<EntriesActivityDeps, 'prisma' | 'sendOnce' | 'unitRef'>,
  c: {
    meeting: { id: string; unitId: string; unit: Unit };
    pairing: PairingWithDepartment;
    meetings: CommunityMeeting[];
    threshold: number;
    office: Recipient[];
    scheduledFor: number;
  },
): Promise<boolean> {
  const { department, pairedOn } = c.pairing;
  const since = c.meetings
    .filter((m) => m.heldOn >= pairedOn)
    .map((m) => ({
      ...m,
      attended: (Array.isArray(m.attendees) ? (m.attendees as string[]) : []).some((a) =>
        attendeeMatches(a, [department.name, department.code]),
      ),
    }));
  const found = absenceMilestone(since, c.meeting.id, c.threshold);
  if (!found) return false;
  const obligation = `attendance:${department.id}:${c.meeting.unitId}`;
  const step = `absent-${found.milestone}`;
  // Told already under any meeting of the run: that series (its missing recipients, if a
  // delivery was cut short, are completed under it; the ledger sends nobody twice).
  const seriesOf = (id: string) => `${department.id}:${id}`;
  const told = await prisma.notification.findFirst({
    where: { obligation, step, periodKey: { in: found.meetingIds.map(seriesOf) } },
    orderBy: { createdAt: 'asc' },
    select: { periodKey: true },
  });
  const series = told?.periodKey ?? seriesOf(found.meetingIds[0]!);
  const missed = since.slice(found.run.start, found.run.end + 1);
  const recipients: (Recipient & { audience: 'department' | 'supervisor' })[] = [
    { name: department.contactName, email: department.contactEmail, locale: department.locale, audience: 'department' },
    ...c.office.map((s) => ({ ...s, audience: 'supervisor' as const })),
  ];
  let sent = false;
  for (const recipient of recipients) {
    const outcome = await sendOnce({
      unitId: c.meeting.unitId,
      obligation,
      periodKey: series,
      step,
      audience: recipient.audience,
      recipient,
      scheduledFor: c.scheduledFor,
      notice: {
        kind: 'absence',
        unit: unitRef(c.meeting.unit),
        recipientName: recipient.name,
        departmentName: department.name,
        absences: found.run.length,
        meetingDates: missed.map((m) => m.heldOn.toISOString().slice(0, 10)),
      },
    });
    sent ||= outcome === 'sent';
  }
  // Told by this check (a milestone told before, by another meeting's check, is not again).
  return !told || sent;
}

/** The paired departments' attendance at community joint meetings. */
function createAttendanceActivities(deps: EntriesActivityDeps) {
  const { prisma, calendarFor } = deps;
  return {
    /**
     * When the absence notices of a recorded meeting may go (the workflow sleeps until then): now
     * on a working day (Asia/Shanghai) or when the rule says `attendanceNotices: 'at-once'`;
     * otherwise the next working day's notice hour plus the community's offset.
     */
    async planAttendanceNotice({ meetingId, now }: { meetingId: string; now: number }): Promise<{ at: number }> {
      const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { unitId: true } });
      if (!meeting) return { at: now };
      const rule = await loadEntriesRule(prisma);
      const calendar = await calendarFor(yearsAround(shanghaiDateOf(now)));
      return { at: eventNoticeInstant(now, calendar, meeting.unitId, rule.attendanceNotices) };
    },

    /**
     * After a community joint meeting is recorded: each paired department absent from N meetings in
     * a row (N, 2N, … — the rule's threshold) is told, with the liaison office, once per milestone
     * of a run. Runs are counted over the community's meetings since the pairing by date, whatever
     * order they were recorded in: the check considers the run containing this meeting (one
     * recorded late may complete or extend a run). A milestone already told under any meeting of
     * the run (one inserted later at its start changes its first) is not told again.
     */
    async noticeDepartmentAbsences({
      meetingId,
      scheduledFor,
    }: {
      meetingId: string;
      scheduledFor: number;
    }): Promise<{ noticed: string[] }> {
      // noticed: the departments this check told (a milestone told already is not told again).
      const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, include: { unit: true } });
      if (!meeting || meeting.unit.level !== 'community') return { noticed: [] };
      const rule = await loadEntriesRule(prisma);
      const pairings = await prisma.departmentPairing.findMany({
        where: { communityId: meeting.unitId, endedAt: null, department: { removedAt: null } },
        include: { department: true },
      });
      const meetings = await prisma.meeting.findMany({
        where: { unitId: meeting.unitId },
        orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, heldOn: true, attendees: true },
      });
      const noticed: string[] = [];
      const office = await supervisorRecipients(prisma);
      for (const pairing of pairings) {
        const c = { meeting, pairing, meetings, threshold: rule.absenceThreshold, office, scheduledFor };
        if (await noticeOneDepartment(deps, c)) noticed.push(pairing.department.id);
      }
      return { noticed };
    },
  };
}

export function createEntriesActivities(deps: EntriesActivityDeps) {
  return { ...createVisitActivities(deps), ...createAttendanceActivities(deps) };
}

export type EntriesActivities = ReturnType<typeof createEntriesActivities>;
