/**
 * Each serving member's participation obligation (`serving-participation:<memberId>`): plan a
 * period from the rule (a year or a half-year, due on its last working day, the reminder ladder
 * before it), remind the member (through the ledger, the record read first), and record how the
 * period closed. Nobody else is told per member: the members below the minimum are a list.
 */
import { cadenceSchedule, type CadenceStep } from '../domain/cadence';
import {
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodOfDate,
  shanghaiDateOf,
  shanghaiInstant,
} from '../domain/period';
import { servingParticipationWorkflowId } from '../domain/workflow-ids';
import { loadServingRule } from '../records/serving-rule';
import { participationMember, servicesOfMemberIn } from '../records/serving-participation';
import { yearsAround } from './calendar';
import type { ServingActivityDeps } from './serving-deps';
import type { CadenceNoticeResult, PeriodPlan, RecordedMeeting } from './types';

export interface ParticipationNoticeRequest {
  memberId: string;
  periodKey: string;
  step: CadenceStep;
  dueDate: string;
  minServices: number;
  /** Workflow time at which the step fell due. */
  scheduledFor: number;
}

export interface ParticipationOutcomeRecord {
  memberId: string;
  periodKey: string;
  dueDate: string;
  /** The services the workflow counted (the record's own count is taken when it is higher). */
  meetingsHeld: number;
  /** The period's minimum as planned. */
  minServices: number;
  status: 'met' | 'overdue';
}

/** The services of a period as the period loop counts them (each one "regular"). */
const asRecorded = (periodKey: string, rows: { id: string }[]): RecordedMeeting[] =>
  rows.map((r) => ({ meetingId: r.id, periodKey, kind: 'regular' as const }));

export function createServingParticipationActivities({
  prisma,
  sendOnce,
  clock,
  calendarFor,
  pages,
  unitRef,
}: ServingActivityDeps) {
  return {
    /**
     * One period of a member's participation, from the rule in force now: due on the period's last
     * working day, reminders `participationReminderLadder` working days before it (to the member),
     * closed on the first working day after it. A removed member: not active.
     */
    async planParticipationPeriod({
      memberId,
      periodKey,
      now,
    }: {
      memberId: string;
      periodKey?: string;
      now: number;
    }): Promise<PeriodPlan> {
      const found = await participationMember(prisma, memberId);
      if (!found || found.member.removedAt || !found.community || found.community.removedAt) return { active: false };
      const rule = await loadServingRule(prisma);
      const unit = rule.participationPeriod;
      let period = periodKey ? periodFromKey(periodKey) : periodContaining(now, unit);
      if (period.unit !== unit) period = periodOfDate(period.firstDay, unit);
      const calendar = await calendarFor(yearsAround(period.lastDay));
      const schedule = cadenceSchedule(
        period,
        {
          level: 'community',
          period: unit,
          minMeetings: rule.minServices,
          reminderLadder: rule.participationReminderLadder,
          supervisorAfterDays: 0,
          countAdhoc: true,
        },
        calendar,
        memberId,
      );
      return {
        active: true,
        periodKey: period.key,
        nextPeriodKey: nextPeriod(period).key,
        dueDate: schedule.dueDate,
        closeAt: schedule.closeAt,
        minMeetings: rule.minServices,
        countAdhoc: true,
        // The reminders, and the close (no notice goes with it: the list shows who is below).
        steps: schedule.steps.filter((s) => s.step !== 'overdue-supervisors'),
        meetings: asRecorded(period.key, await servicesOfMemberIn(prisma, memberId, period)),
      };
    },

    /** A reminder to the member, once; the record is read first (met, removed, or no email: nothing sent). */
    async sendParticipationNotice(req: ParticipationNoticeRequest): Promise<CadenceNoticeResult> {
      const found = await participationMember(prisma, req.memberId);
      if (!found || found.member.removedAt || !found.community) return { outcome: 'unit-removed', meetings: [] };
      const { member, community } = found;
      const services = asRecorded(
        req.periodKey,
        await servicesOfMemberIn(prisma, member.id, periodFromKey(req.periodKey)),
      );
      if (services.length >= req.minServices) return { outcome: 'meeting-recorded', meetings: services };
      if (!req.step.startsWith('reminder-') || !member.email) return { outcome: 'no-recipients', meetings: services };
      const calendar = await calendarFor(yearsAround(req.dueDate));
      await sendOnce({
        unitId: community.id,
        obligation: servingParticipationWorkflowId(member.id),
        periodKey: req.periodKey,
        step: req.step,
        audience: 'member',
        recipient: { name: member.name, email: member.email, locale: member.locale },
        scheduledFor: req.scheduledFor,
        notice: {
          kind: 'serving-participation',
          step: req.step,
          unit: { ...unitRef(community), url: pages.servingCard(member.id) },
          recipientName: member.name,
          periodKey: req.periodKey,
          dueDate: req.dueDate,
          services: services.length,
          minServices: req.minServices,
          workingDaysLeft: Math.max(0, calendar.workingDaysBetween(shanghaiDateOf(req.scheduledFor), req.dueDate)),
        },
      });
      return { outcome: 'sent', meetings: services };
    },

    /**
     * Close a member's period as met or overdue (PeriodOutcome: unitId = the home community,
     * obligation = the workflow ID). The record's count wins over the workflow's when higher (a
     * signal lost); idempotent, a later correction wins.
     */
    async recordParticipationOutcome(rec: ParticipationOutcomeRecord): Promise<void> {
      const found = await participationMember(prisma, rec.memberId);
      if (!found) return;
      const recorded = (await servicesOfMemberIn(prisma, rec.memberId, periodFromKey(rec.periodKey))).length;
      const held = Math.max(recorded, rec.meetingsHeld);
      const status = rec.status === 'met' || held >= rec.minServices ? 'met' : 'overdue';
      const unitId = found.member.communityId;
      const obligation = servingParticipationWorkflowId(rec.memberId);
      const where = { unitId_obligation_periodKey: { unitId, obligation, periodKey: rec.periodKey } };
      const existing = await prisma.periodOutcome.findUnique({ where });
      if (existing?.correctedAt) return;
      const data = { dueAt: shanghaiInstant(rec.dueDate), meetingsHeld: held, status, closedAt: clock() };
      await prisma.periodOutcome.upsert({
        where,
        create: { unitId, obligation, periodKey: rec.periodKey, ...data },
        update: data,
      });
    },
  };
}
