/**
 * Activities of a planned joint meeting: invitations (with an .ics attachment) to the convener,
 * the invitees and, for a community, its paired leaders and departments; and the reminder to
 * record the minutes when the meeting passed without them.
 */
import type { PrismaClient, Unit } from '@prisma/client';
import { minutesDueAt } from '../domain/cadence';
import { icsInvitation } from '../domain/ics';
import type { UnitRef } from '../domain/notices';
import { shanghaiDateOf, shanghaiDateTimeOf } from '../domain/period';
import { type CalendarReader, yearsAround } from './calendar';
import type { Recipient, SendOnce } from './ledger';

export interface PlannedMeetingActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  unitRef: (u: Unit) => UnitRef;
  convener: (u: Unit) => Recipient;
  calendarFor: CalendarReader;
  /** The mail domain of the invitations' .ics UID. */
  mailDomain: string;
  /** The dashboard's page of a unit (the .ics description). */
  unitUrl: (unitId: string) => string;
}

export function createPlannedMeetingActivities({
  prisma,
  sendOnce,
  unitRef,
  convener,
  calendarFor,
  mailDomain,
  unitUrl,
}: PlannedMeetingActivityDeps) {
  return {
    /** Invitations with an .ics attachment to the convener and every invitee. */
    async sendInvitations({ plannedMeetingId, scheduledFor }: { plannedMeetingId: string; scheduledFor: number }) {
      const planned = await prisma.plannedMeeting.findUniqueOrThrow({
        where: { id: plannedMeetingId },
        include: { unit: true },
      });
      const invitees = planned.invitees as { name: string; email: string; locale?: string }[];
      // A community's joint meeting also invites its paired city leaders and departments (三进).
      const [leaders, pairings] =
        planned.unit.level === 'community'
          ? await Promise.all([
              prisma.leader.findMany({ where: { communityId: planned.unitId, removedAt: null } }),
              prisma.departmentPairing.findMany({
                where: { communityId: planned.unitId, endedAt: null, department: { removedAt: null } },
                include: { department: true },
              }),
            ])
          : [[], []];
      const recipients: Recipient[] = [];
      for (const r of [
        convener(planned.unit),
        ...invitees.map((i) => ({ name: i.name, email: i.email, locale: i.locale ?? 'zh-CN' })),
        ...leaders.map((l) => ({ name: l.name, email: l.email, locale: l.locale })),
        ...pairings.map(({ department: d }) => ({
          name: `${d.name} ${d.contactName}`,
          email: d.contactEmail,
          locale: d.locale,
        })),
      ]) {
        if (!recipients.some((x) => x.email === r.email)) recipients.push(r);
      }
      const when = shanghaiDateTimeOf(planned.plannedFor);
      const ics = icsInvitation({
        uid: `planned-meeting-${planned.id}@${mailDomain}`,
        start: planned.plannedFor,
        durationMinutes: 120,
        summary: `${planned.unit.name}联席会议 / ${planned.unit.name} joint meeting`,
        location: planned.place,
        description: unitUrl(planned.unit.id),
        organizer: { name: planned.unit.convenerName, email: planned.unit.convenerEmail },
        attendees: recipients.map((r) => ({ name: r.name, email: r.email })),
        stamp: planned.createdAt,
      });
      for (const recipient of recipients) {
        await sendOnce({
          unitId: planned.unitId,
          obligation: `planned-meeting:${planned.id}`,
          periodKey: shanghaiDateOf(planned.plannedFor),
          step: 'invitation',
          audience: recipient.email === planned.unit.convenerEmail ? 'convener' : 'invitee',
          recipient,
          scheduledFor,
          notice: {
            kind: 'invitation',
            unit: unitRef(planned.unit),
            recipientName: recipient.name,
            when,
            place: planned.place,
          },
          ics,
        });
      }
      return {
        invited: recipients.length,
        minutesDueAt: minutesDueAt(
          planned.plannedFor,
          await calendarFor(yearsAround(shanghaiDateOf(planned.plannedFor))),
        ),
      };
    },

    /** The planned meeting passed without minutes: remind the convener (unless they were recorded). */
    async remindToRecordMinutes({
      plannedMeetingId,
      scheduledFor,
    }: {
      plannedMeetingId: string;
      scheduledFor: number;
    }) {
      const planned = await prisma.plannedMeeting.findUniqueOrThrow({
        where: { id: plannedMeetingId },
        include: { unit: true },
      });
      if (await prisma.meeting.findUnique({ where: { plannedMeetingId } })) {
        await prisma.plannedMeeting.update({ where: { id: plannedMeetingId }, data: { status: 'held' } });
        return 'held' as const;
      }
      if (planned.unit.removedAt) return 'unit-removed' as const;
      await sendOnce({
        unitId: planned.unitId,
        obligation: `planned-meeting:${planned.id}`,
        periodKey: shanghaiDateOf(planned.plannedFor),
        step: 'minutes-reminder',
        audience: 'convener',
        recipient: convener(planned.unit),
        scheduledFor,
        notice: {
          kind: 'minutes-reminder',
          unit: unitRef(planned.unit),
          recipientName: planned.unit.convenerName,
          when: shanghaiDateTimeOf(planned.plannedFor),
          place: planned.place,
        },
      });
      await prisma.plannedMeeting.update({ where: { id: plannedMeetingId }, data: { status: 'lapsed' } });
      return 'reminded' as const;
    },
  };
}
