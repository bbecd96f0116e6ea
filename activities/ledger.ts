/**
 * The notification ledger: every notice goes through `sendOnce`. The row keyed by
 * (obligation, period, step, recipient) is written before sending and marked sent after,
 * so a retried, replayed or crashed activity never sends twice; the deterministic
 * Message-ID lets a mail system drop the one duplicate a crash between "accepted" and
 * "marked sent" could cause. A recipient's webhook is tried first; if it fails the notice
 * goes by email and the row says why.
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import { Context, log } from '@temporalio/activity';
import { notificationKey } from '../domain/cadence';
import { composeNotice, type NoticeInput } from '../domain/notices';
import type { MailAttachment, Mailer } from '../infra/mailer';
import { type WebhookPoster, WebhookError } from '../infra/webhook';

export interface Recipient {
  name: string;
  email: string;
  locale: string;
  webhookUrl?: string | null;
}

export interface LedgerEntry {
  unitId: string;
  obligation: string;
  periodKey: string;
  step: string;
  audience: 'convener' | 'supervisor' | 'invitee' | 'leader' | 'department' | 'member' | 'employer';
  recipient: Recipient;
  /** Workflow time at which the step fell due. */
  scheduledFor: number;
  notice: NoticeInput;
  ics?: string;
  /** Files to attach; a notice with attachments goes by email (a group robot cannot carry them). */
  attachments?: MailAttachment[];
}

export interface LedgerDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  webhook: WebhookPoster;
  clock: () => Date;
  mailDomain: string;
}

/**
 * Tell the server this attempt is alive (workflows/notice-profile.ts: a crashed worker's attempt
 * is retried after the heartbeat timeout); a no-op when not running as an activity.
 */
function heartbeat(): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return;
  }
  context.heartbeat();
}

/** A warning in the operator's log (the activity's logger; nothing outside an activity). */
function operatorLog(message: string, meta: Record<string, unknown>): void {
  try {
    Context.current();
  } catch {
    return;
  }
  log.warn(message, meta);
}

export function createLedger({ prisma, mailer, webhook, clock, mailDomain }: LedgerDeps) {
  return async function sendOnce(entry: LedgerEntry): Promise<'sent' | 'already-sent'> {
    heartbeat();
    const key = notificationKey(entry.obligation, entry.periodKey, entry.step, entry.recipient.email);
    const existing = await prisma.notification.findUnique({ where: { key } });
    if (existing?.status === 'sent') return 'already-sent';

    const { subject, text, html } = composeNotice(entry.notice, entry.recipient.locale);
    const messageId = `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${mailDomain}>`;
    const row =
      existing ??
      (await prisma.notification
        .create({
          data: {
            key,
            unitId: entry.unitId,
            obligation: entry.obligation,
            periodKey: entry.periodKey,
            step: entry.step,
            audience: entry.audience,
            recipient: entry.recipient.email,
            subject,
            messageId,
            status: 'pending',
            scheduledFor: new Date(entry.scheduledFor),
            createdAt: clock(),
          },
        })
        .catch(async (err: unknown) => {
          // Another attempt wrote the row first: carry on with that one.
          if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
            return prisma.notification.findUniqueOrThrow({ where: { key } });
          }
          throw err;
        }));
    if (row.status === 'sent') return 'already-sent';

    let channel = 'email';
    let channelNote: string | null = null;
    if (entry.recipient.webhookUrl && !entry.ics && !entry.attachments?.length) {
      try {
        await webhook(entry.recipient.webhookUrl, `${subject}\n\n${text}`);
        channel = 'webhook';
      } catch (err) {
        // The ledger (shown to the unit's convener) keeps a generic reason; the full answer goes
        // to the operator's log only: the ledger must not be an oracle into the worker's network.
        const reason = err instanceof WebhookError ? err.message : 'webhook refused';
        channelNote = `webhook failed, sent by email: ${reason}`;
        operatorLog('Webhook failed: the notice goes by email', {
          key,
          detail: err instanceof WebhookError ? err.detail : String(err),
        });
      }
    }
    if (channel === 'email') {
      heartbeat();
      await mailer.send({
        to: entry.recipient.email,
        subject,
        text,
        html,
        messageId: row.messageId,
        headers: { 'X-Notification-Key': key },
        ics: entry.ics,
        ...(entry.attachments?.length ? { attachments: entry.attachments } : {}),
      });
    }
    // The notice is out: failing now would send it again on the retry. Ride out a short database
    // outage (connection lost, server restarting) before giving up, heartbeating meanwhile (within
    // the 2-minute start-to-close timeout).
    const sentAt = clock();
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      heartbeat();
      try {
        await prisma.notification.update({ where: { key }, data: { status: 'sent', channel, channelNote, sentAt } });
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)));
      }
    }
    return 'sent';
  };
}

export type SendOnce = ReturnType<typeof createLedger>;

/** The liaison office's active members, as recipients (by email, for a stable order). */
export async function supervisorRecipients(prisma: Pick<PrismaClient, 'supervisor'>): Promise<Recipient[]> {
  const rows = await prisma.supervisor.findMany({ where: { active: true }, orderBy: { email: 'asc' } });
  return rows.map((s) => ({ name: s.name, email: s.email, locale: s.locale, webhookUrl: s.webhookUrl }));
}
