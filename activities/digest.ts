/**
 * The weekly digest's activities (workflow `weekly-digest`): plan the next digest (the rule and
 * the calendar are read here, never in the workflow) and send one mail per active supervisor who
 * has not opted out, with the units not yet met this period and what falls due this week, through
 * the ledger (obligation `weekly-digest`, period = the ISO week, step `digest`): never twice.
 */
import { log } from '@temporalio/activity';
import type { PrismaClient } from '@prisma/client';
import { DIGEST_OBLIGATION, DIGEST_STEP, type DigestPlan, nextDigest } from '../domain/digest';
import { shanghaiDateOf } from '../domain/period';
import { loadWorkingCalendar } from '../records/calendar';
import { dueThisWeek, notYetMet } from '../records/due';
import { loadDigestRule } from '../records/digest-rule';
import type { SendOnce } from './ledger';
import { LEVEL_NAMES } from '../domain/org';
import type { DigestNotice } from '../domain/notices';

/** How many not-yet-met units a digest lists by name (the rest are counted). */
export const DIGEST_LIST_LIMIT = 50;

export interface DigestActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  /** The dashboard (the desk). */
  deskUrl: string;
  clock: () => Date;
}

export function createDigestActivities({ prisma, sendOnce, deskUrl, clock }: DigestActivityDeps) {
  /** The digest's content on `today` for one recipient. */
  async function digestFor(recipientName: string, week: string): Promise<DigestNotice> {
    const today = shanghaiDateOf(clock());
    const calendar = await loadWorkingCalendar(prisma);
    const [due, weekList] = await Promise.all([
      notYetMet(prisma, calendar, today, 'all', { limit: DIGEST_LIST_LIMIT, offset: 0 }),
      dueThisWeek(prisma, calendar, today, 'all'),
    ]);
    return {
      kind: 'digest',
      recipientName,
      week,
      today,
      notYetMet: due.items.map((d) => ({
        name: d.unit.name,
        level: LEVEL_NAMES[d.unit.level].zh,
        levelEn: LEVEL_NAMES[d.unit.level].en,
        dueOn: d.dueOn,
        workingDaysLeft: d.workingDaysLeft,
        lastReminder: d.lastReminder ? shanghaiDateOf(Date.parse(d.lastReminder.sentAt)) : null,
      })),
      notYetMetMore: due.total - due.items.length,
      dueThisWeek: weekList.items.map((i) => ({
        kind: i.kind,
        subject: i.subject,
        unit: i.unit.name,
        dueOn: i.dueOn,
        workingDaysLeft: i.workingDaysLeft,
      })),
      url: deskUrl,
    };
  }

  return {
    /** The next digest (null while the rule is off: look again in a day). */
    async planWeeklyDigest({
      now,
      after,
    }: {
      now: number;
      after?: number;
    }): Promise<DigestPlan & { enabled: boolean }> {
      const rule = await loadDigestRule(prisma);
      if (!rule.enabled) return { enabled: false, week: '', at: now + 86_400_000 };
      return { enabled: true, ...nextDigest(await loadWorkingCalendar(prisma), rule, now, after) };
    },

    /** One digest mail per active supervisor who has not opted out; the ledger sends each once. */
    async sendWeeklyDigest(req: { week: string; scheduledFor: number }): Promise<{ sent: number; skipped: number }> {
      const rule = await loadDigestRule(prisma);
      if (!rule.enabled) return { sent: 0, skipped: 0 };
      const members = await prisma.supervisor.findMany({
        where: { active: true, digestOptOut: false },
        orderBy: { email: 'asc' },
      });
      if (members.length === 0) log.warn('No supervisor to send the weekly digest to', req);
      let sent = 0;
      let skipped = 0;
      for (const m of members) {
        const outcome = await sendOnce({
          unitId: DIGEST_OBLIGATION,
          obligation: DIGEST_OBLIGATION,
          periodKey: req.week,
          step: DIGEST_STEP,
          audience: 'supervisor',
          recipient: { name: m.name, email: m.email, locale: m.locale, webhookUrl: m.webhookUrl },
          scheduledFor: req.scheduledFor,
          notice: await digestFor(m.name, req.week),
        });
        if (outcome === 'sent') sent += 1;
        else skipped += 1;
      }
      return { sent, skipped };
    },
  };
}
