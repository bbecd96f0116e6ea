/**
 * Activities of a unit's meeting obligation (the cadence of joint meetings): plan a period from
 * the rule in force, send one step's notice, record how the period closed.
 */
import { log } from '@temporalio/activity';
import type { PrismaClient, Unit } from '@prisma/client';
import { cadenceSchedule, ruleFor } from '../domain/cadence';
import type { UnitRef } from '../domain/notices';
import {
  nextPeriod,
  periodContaining,
  periodFromKey,
  periodOfDate,
  shanghaiDateOf,
  shanghaiInstant,
} from '../domain/period';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';
import type { UnitIndex } from '../domain/search-attributes';
import { type CalendarReader, yearsAround } from './calendar';
import { type Recipient, type SendOnce, supervisorRecipients } from './ledger';
import type {
  CadenceNoticeRequest,
  CadenceNoticeResult,
  PeriodOutcomeRecord,
  PeriodPlan,
  RecordedMeeting,
} from './types';

export interface CadenceActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  clock: () => Date;
  unitRef: (u: Unit) => UnitRef;
  convener: (u: Unit) => Recipient;
  calendarFor: CalendarReader;
  /** The unit's search attributes for a period plan (undefined when the namespace has none). */
  indexOf: (unit: Unit) => Promise<UnitIndex | undefined>;
  /** The namespace has the custom search attributes: period plans carry the unit's index. */
  searchAttributes: boolean;
}

export function createCadenceActivities({
  prisma,
  sendOnce,
  clock,
  unitRef,
  convener,
  calendarFor,
  indexOf,
  searchAttributes,
}: CadenceActivityDeps) {
  async function meetingsIn(unitId: string, periodKey: string): Promise<RecordedMeeting[]> {
    const rows = await prisma.meeting.findMany({ where: { unitId, periodKey }, select: { id: true, kind: true } });
    return rows.map((r) => ({ meetingId: r.id, periodKey, kind: r.kind }));
  }

  return {
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
  };
}
