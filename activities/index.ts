/**
 * Activities: the only code that touches the record and sends mail. Built from a factory so
 * the worker supplies the dependencies (and tests supply their own).
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  type CadenceRule,
  type CadenceStep,
  meetingCadenceWorkflowId,
  notificationKey,
  ruleFor,
} from '../domain/cadence';
import { composeCadenceNotice } from '../domain/notices';
import type { Mailer } from '../infra/mailer';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  clock: () => Date;
  links: { publicUrl: string; mailDomain: string };
}

export interface CadenceContext {
  /** false when the unit no longer exists or was removed: the obligation ends. */
  active: boolean;
  rule: CadenceRule;
}

export interface PeriodRef {
  unitId: string;
  periodKey: string;
}

export interface CadenceNoticeRequest extends PeriodRef {
  step: CadenceStep;
  dueDate: string;
  minMeetings: number;
  /** Workflow time at which the step fell due. */
  scheduledFor: number;
}

export type CadenceNoticeOutcome =
  | { outcome: 'sent' | 'already-sent'; meetingIds: string[] }
  | { outcome: 'meeting-recorded'; meetingIds: string[] }
  | { outcome: 'unit-removed'; meetingIds: [] };

export interface PeriodOutcomeRecord extends PeriodRef {
  dueAt: number;
  meetingsHeld: number;
  status: 'met' | 'overdue';
}

export function createActivities({ prisma, mailer, clock, links }: ActivityDeps) {
  async function meetingIdsIn({ unitId, periodKey }: PeriodRef): Promise<string[]> {
    const rows = await prisma.meeting.findMany({ where: { unitId, periodKey }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  return {
    /** The unit's cadence rule as it stands now (a rule change applies from the next period). */
    async loadCadenceContext({ unitId }: { unitId: string }): Promise<CadenceContext> {
      const unit = await prisma.unit.findUnique({ where: { id: unitId } });
      const level = unit?.level ?? 'community';
      const stored = await prisma.cadenceRule.findUnique({ where: { level } });
      return { active: !!unit && !unit.removedAt, rule: ruleFor(level, stored) };
    },

    /** Meetings already recorded for a period (covers meetings recorded before the workflow ran). */
    listMeetingsInPeriod: meetingIdsIn,

    /**
     * Send one cadence notice at most once, ever: the ledger row keyed by
     * (obligation, period, step) is written before sending and marked sent after. A retry
     * finds the row and does not send again; the deterministic Message-ID lets a mail system
     * drop the one duplicate a crash between "accepted" and "marked sent" could cause.
     * The record is checked first, so a meeting whose signal was lost still stops the notice.
     */
    async sendCadenceNotice(req: CadenceNoticeRequest): Promise<CadenceNoticeOutcome> {
      const unit = await prisma.unit.findUnique({ where: { id: req.unitId } });
      if (!unit || unit.removedAt) return { outcome: 'unit-removed', meetingIds: [] };
      const meetingIds = await meetingIdsIn(req);
      if (meetingIds.length >= req.minMeetings) return { outcome: 'meeting-recorded', meetingIds };

      const obligation = meetingCadenceWorkflowId(unit.id);
      const key = notificationKey(obligation, req.periodKey, req.step);
      const existing = await prisma.notification.findUnique({ where: { key } });
      if (existing?.status === 'sent') return { outcome: 'already-sent', meetingIds };

      const notice = composeCadenceNotice({
        step: req.step,
        unitName: unit.name,
        level: unit.level,
        convenerName: unit.convenerName,
        periodKey: req.periodKey,
        dueDate: req.dueDate,
        meetingsHeld: meetingIds.length,
        minMeetings: req.minMeetings,
        unitUrl: `${links.publicUrl}/api/units/${unit.id}`,
        locale: unit.locale,
      });
      const messageId = `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${links.mailDomain}>`;
      const row =
        existing ??
        (await prisma.notification
          .create({
            data: {
              key,
              unitId: unit.id,
              obligation,
              periodKey: req.periodKey,
              step: req.step,
              recipient: unit.convenerEmail,
              subject: notice.subject,
              messageId,
              status: 'pending',
              scheduledFor: new Date(req.scheduledFor),
            },
          })
          .catch(async (err: unknown) => {
            // Another attempt wrote the row first: carry on with that one.
            if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
              return prisma.notification.findUniqueOrThrow({ where: { key } });
            }
            throw err;
          }));
      if (row.status === 'sent') return { outcome: 'already-sent', meetingIds };

      await mailer.send({
        to: row.recipient,
        subject: row.subject,
        text: notice.text,
        messageId: row.messageId,
        headers: { 'X-Notification-Key': key },
      });
      await prisma.notification.update({ where: { key }, data: { status: 'sent', sentAt: clock() } });
      return { outcome: 'sent', meetingIds };
    },

    /** Close a period in the record as met or overdue (idempotent). */
    async recordPeriodOutcome(rec: PeriodOutcomeRecord): Promise<void> {
      const obligation = meetingCadenceWorkflowId(rec.unitId);
      const data = {
        dueAt: new Date(rec.dueAt),
        meetingsHeld: rec.meetingsHeld,
        status: rec.status,
        closedAt: clock(),
      };
      await prisma.periodOutcome.upsert({
        where: { unitId_obligation_periodKey: { unitId: rec.unitId, obligation, periodKey: rec.periodKey } },
        create: { unitId: rec.unitId, obligation, periodKey: rec.periodKey, ...data },
        update: data,
      });
    },
  };
}

export type GovernanceActivities = ReturnType<typeof createActivities>;
