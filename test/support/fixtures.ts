/** Shared test fixtures: a real SMTP mail sink with a mailer pointed at it, and activity deps. */
import type { PrismaClient } from '@prisma/client';
import type { ActivityDeps } from '../../activities';
import { MailSink } from '../../infra/embedded/mail-sink';
import { createSmtpMailer, type Mailer } from '../../infra/mailer';

export interface MailFixture {
  sink: MailSink;
  mailer: Mailer;
  close(): Promise<void>;
}

export async function startMail(): Promise<MailFixture> {
  const sink = await MailSink.start({ port: 0 });
  const mailer = createSmtpMailer({ smtpUrl: sink.smtpUrl, from: 'liaison@donggang.example' });
  return {
    sink,
    mailer,
    close: async () => {
      mailer.close();
      await sink.close();
    },
  };
}

export function activityDeps(prisma: PrismaClient, mailer: Mailer): ActivityDeps {
  return {
    prisma,
    mailer,
    clock: () => new Date(),
    links: { publicUrl: 'http://localhost:3000', mailDomain: 'donggang.example' },
  };
}
