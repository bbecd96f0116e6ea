/**
 * Outgoing mail through nodemailer to a real SMTP server (the embedded mail sink by
 * default, SMTP_URL in production).
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text` (same words). */
  html?: string;
  /** Deterministic Message-ID, e.g. "<meeting-cadence.x.2026-Q4.reminder@donggang.example>". */
  messageId: string;
  headers?: Record<string, string>;
  /** An iCalendar (METHOD:REQUEST) invitation to attach. */
  ics?: string;
  /** Files to attach (e.g. the quarter's service records as XLSX). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  /** As the recipient sees it, e.g. "2027年第一季度在职党员服务记录.xlsx". */
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ accepted: string[]; messageId: string }>;
  close(): void;
}

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  // Bounded waits: an attempt that hangs on a silent server fails within 20 s and is retried,
  // well inside the notice activities' heartbeat timeout (workflows/notice-profile.ts).
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        headers: mail.headers,
        ...(mail.ics ? { icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: mail.ics } } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
      });
      return { accepted: info.accepted.map(String), messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
