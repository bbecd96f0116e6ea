/**
 * Activities: the only code that touches the record and sends notices. Built from a factory
 * so the worker supplies the dependencies (and tests supply their own).
 */
import { log } from '@temporalio/activity';
import type { PrismaClient, Unit } from '@prisma/client';
import {
  type Audience,
  cadenceSchedule,
  type CadenceStep,
  minutesDueAt,
  ruleFor,
  type ScheduledStep,
} from '../domain/cadence';
import { icsInvitation } from '../domain/ics';
import { dashboardLinks } from '../domain/links';
import {
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodOfDate,
  shanghaiDateOf,
  shanghaiDateTimeOf,
  shanghaiInstant,
} from '../domain/period';
import type { Mailer } from '../infra/mailer';
import { createWebhookPoster, type WebhookPoster } from '../infra/webhook';
import { createCalendarActivities, createCalendarReader, yearsAround } from './calendar';
import { createDigestActivities } from './digest';
import { createEntriesActivities } from './entries';
import { createEscalationActivities } from './escalation';
import { createEvaluationActivities } from './evaluation';
import { createLedger, type Recipient, supervisorRecipients } from './ledger';
import type { UnitIndex } from '../domain/search-attributes';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  clock: () => Date;
  links: { publicUrl: string; mailDomain: string };
  /** Group-robot webhook channel; defaults to a real HTTP poster. */
  webhook?: WebhookPoster;
  /**
   * The namespace has the custom search attributes (infra/search-attributes.ts): period plans
   * carry the unit's index, which the periodic workflows upsert. Off (no upsert) by default.
   */
  searchAttributes?: boolean;
}

export interface RecordedMeeting {
  meetingId: string;
  periodKey: string;
  kind: 'regular' | 'adhoc';
}

export type PeriodPlan =
  | { active: false }
  | {
      active: true;
      periodKey: string;
      nextPeriodKey: string;
      dueDate: string;
      closeAt: number;
      minMeetings: number;
      countAdhoc: boolean;
      steps: ScheduledStep[];
      meetings: RecordedMeeting[];
      /** What the workflow upserts as its search attributes; only when the namespace has them. */
      index?: UnitIndex;
    };

export interface CadenceNoticeRequest {
  unitId: string;
  periodKey: string;
  step: CadenceStep;
  audience: Audience;
  dueDate: string;
  minMeetings: number;
  countAdhoc: boolean;
  /** Workflow time at which the step fell due. */
  scheduledFor: number;
}

export interface CadenceNoticeResult {
  outcome: 'sent' | 'meeting-recorded' | 'unit-removed' | 'no-recipients';
  meetings: RecordedMeeting[];
}

export interface PeriodOutcomeRecord {
  unitId: string;
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  status: 'met' | 'overdue';
}

export function createActivities({
  prisma,
  mailer,
  clock,
  links,
  webhook = createWebhookPoster(),
  searchAttributes = false,
}: ActivityDeps) {
  const sendOnce = createLedger({ prisma, mailer, webhook, clock, mailDomain: links.mailDomain });
  const pages = dashboardLinks(links.publicUrl);
  const unitRef = (u: Unit) => ({ name: u.name, level: u.level, url: pages.unit(u.id) });
  const convener = (u: Unit): Recipient => ({
    name: u.convenerName,
    email: u.convenerEmail,
    locale: u.locale,
    webhookUrl: u.webhookUrl,
  });

  const calendarFor = createCalendarReader(prisma);

  /** The unit's search attributes for a period plan, when the namespace has them. */
  async function indexOf(unit: Pick<Unit, 'code' | 'level' | 'streetId'>): Promise<UnitIndex | undefined> {
    if (!searchAttributes) return undefined;
    const street = unit.streetId
      ? await prisma.unit.findUnique({ where: { id: unit.streetId }, select: { code: true } })
      : null;
    return { unitCode: unit.code, unitLevel: unit.level, streetCode: street?.code ?? null };
  }

  async function meetingsIn(unitId: string, periodKey: string): Promise<RecordedMeeting[]> {
    const rows = await prisma.meeting.findMany({ where: { unitId, periodKey }, select: { id: true, kind: true } });
    return rows.map((r) => ({ meetingId: r.id, periodKey, kind: r.kind }));
  }

  return {
    ...createCalendarActivities({ prisma, sendOnce, calendarUrl: pages.calendar() }),
    ...createDigestActivities({ prisma, sendOnce, deskUrl: pages.desk(), clock }),
    ...createEscalationActivities({
      prisma,
      calendarFor,
      sendOnce,
      unitRef,
      convener,
      itemUrl: pages.item,
    }),
    ...createEvaluationActivities({
      prisma,
      sendOnce,
      unitRef,
      convener,
      campaignUrl: pages.evaluation,
      calendarFor,
    }),
    ...createEntriesActivities({ prisma, sendOnce, unitRef, calendarFor, indexOf }),

    /**
     * The plan of one period of a unit's meeting obligation, from the rule in force now (a rule
     * change applies from the next period): due date, notice times, meetings already recorded.
     */
    async planCadencePeriod({
      unitId,
      periodKey,
      now,
    }: {
      unitId: string;
      periodKey?: string;
      now: number;
    }): Promise<PeriodPlan> {
      const unit = await prisma.unit.findUnique({ where: { id: unitId } });
      if (!unit || unit.removedAt) return { active: false };
      const rule = ruleFor(unit.level, await prisma.cadenceRule.findUnique({ where: { level: unit.level } }));
      let period = periodKey ? periodFromKey(periodKey) : periodContaining(now, rule.period);
      // The rule's period length changed: continue with the new length from the same day.
      if (period.unit !== rule.period) period = periodOfDate(period.firstDay, rule.period);
      const calendar = await calendarFor(yearsAround(period.lastDay));
      const schedule = cadenceSchedule(period, rule, calendar, unitId);
      return {
        active: true,
        periodKey: period.key,
        nextPeriodKey: nextPeriod(period).key,
        dueDate: schedule.dueDate,
        closeAt: schedule.closeAt,
        minMeetings: rule.minMeetings,
        countAdhoc: rule.countAdhoc,
        steps: schedule.steps,
        meetings: await meetingsIn(unitId, period.key),
        ...(searchAttributes ? { index: (await indexOf(unit))! } : {}),
      };
    },

    /**
     * Send one step's notice to its audience, once per recipient ever. The record is checked
     * first, so a meeting whose signal was lost still stops the notice.
     */
    async sendCadenceNotice(req: CadenceNoticeRequest): Promise<CadenceNoticeResult> {
      const unit = await prisma.unit.findUnique({ where: { id: req.unitId } });
      if (!unit || unit.removedAt) return { outcome: 'unit-removed', meetings: [] };
      const meetings = await meetingsIn(unit.id, req.periodKey);
      const counted = meetings.filter((m) => req.countAdhoc || m.kind === 'regular').length;
      if (counted >= req.minMeetings) return { outcome: 'meeting-recorded', meetings };

      const recipients: Recipient[] =
        req.audience === 'convener' ? [convener(unit)] : await supervisorRecipients(prisma);
      const calendar = await calendarFor(yearsAround(req.dueDate));
      if (recipients.length === 0) {
        log.warn('No supervisors registered: supervisors notice not sent', { unitId: unit.id, step: req.step });
        return { outcome: 'no-recipients', meetings };
      }
      for (const recipient of recipients) {
        await sendOnce({
          unitId: unit.id,
          obligation: meetingCadenceWorkflowId(unit.id),
          periodKey: req.periodKey,
          step: req.step,
          audience: req.audience === 'convener' ? 'convener' : 'supervisor',
          recipient,
          scheduledFor: req.scheduledFor,
          notice: {
            kind: 'cadence',
            step: req.step,
            unit: unitRef(unit),
            recipientName: recipient.name,
            periodKey: req.periodKey,
            dueDate: req.dueDate,
            meetingsHeld: counted,
            minMeetings: req.minMeetings,
            workingDaysLeft: Math.max(0, calendar.workingDaysBetween(shanghaiDateOf(req.scheduledFor), req.dueDate)),
          },
        });
      }
      return { outcome: 'sent', meetings };
    },

    /** Close a period in the record as met or overdue (idempotent; a later correction wins). */
    async recordPeriodOutcome(rec: PeriodOutcomeRecord): Promise<void> {
      const obligation = meetingCadenceWorkflowId(rec.unitId);
      const where = { unitId_obligation_periodKey: { unitId: rec.unitId, obligation, periodKey: rec.periodKey } };
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
        create: { unitId: rec.unitId, obligation, periodKey: rec.periodKey, ...data },
        update: data,
      });
    },

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
        uid: `planned-meeting-${planned.id}@${links.mailDomain}`,
        start: planned.plannedFor,
        durationMinutes: 120,
        summary: `${planned.unit.name}联席会议 / ${planned.unit.name} joint meeting`,
        location: planned.place,
        description: pages.unit(planned.unit.id),
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

export type GovernanceActivities = ReturnType<typeof createActivities>;
