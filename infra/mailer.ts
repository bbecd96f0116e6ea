/**
 * Outgoing mail through nodemailer to a real SMTP server (the embedded mail sink by
 * default, SMTP_URL in production).
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic Message-ID, e.g. "<meeting-cadence.x.2026-Q4.reminder@donggang.example>". */
  messageId: string;
  headers?: Record<string, string>;
  /** An iCalendar (METHOD:REQUEST) invitation to attach. */
  ics?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ accepted: string[]; messageId: string }>;
  close(): void;
}

export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
        ...(mail.ics ? { icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: mail.ics } } : {}),
      });
      return { accepted: info.accepted.map(String), messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
