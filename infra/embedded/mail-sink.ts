/**
 * The local mail sink: a real SMTP server that captures every message (embedded default,
 * and the SMTP server of the tests). Captured mail is listable through the API and, when a
 * file is given, kept across restarts as JSON lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  id: number;
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, if the message has one. */
  html: string | null;
  headers: Record<string, string>;
  attachments: { filename: string | null; contentType: string; size: number }[];
  receivedAt: string;
}

export class MailSink {
  private readonly captured: CapturedMail[] = [];
  /** The attachments' bytes by mail id, in memory only (not in the list nor the store file). */
  private readonly contents = new Map<number, Buffer[]>();
  private waiters: { predicate: (m: CapturedMail) => boolean; resolve: (m: CapturedMail) => void }[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly storeFile: string | undefined,
  ) {}

  /** Start listening on 127.0.0.1:port (0 = any free port). */
  static async start(options: {
    port: number;
    storeFile?: string;
    /** Connection errors after start (a client resetting mid-transaction): logged, never fatal. */
    onError?: (err: Error) => void;
  }): Promise<MailSink> {
    let sink: MailSink | undefined = undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of parsed.headers) if (typeof v === 'string') headers[k] = v;
            sink?.capture(
              {
                messageId: parsed.messageId ?? '',
                from: parsed.from?.text ?? '',
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : null,
                headers,
                attachments: parsed.attachments.map((a) => ({
                  filename: a.filename ?? null,
                  contentType: a.contentType,
                  size: a.size,
                })),
              },
              parsed.attachments.map((a) => a.content),
            );
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // A client that resets its connection mid-transaction is an 'error' of the server: without a
    // listener the second one would end the process (and, embedded, the API and worker with it).
    server.on('error', (err: Error) => options.onError?.(err));
    const port = (server.server.address() as AddressInfo).port;
    sink = new MailSink(server, port, options.storeFile);
    sink.load();
    return sink;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  messages(): CapturedMail[] {
    return [...this.captured];
  }

  /** Resolves with the first captured message (already here or arriving) that matches. */
  waitFor(predicate: (m: CapturedMail) => boolean, timeoutMs = 30_000): Promise<CapturedMail> {
    const found = this.captured.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`No matching mail within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The bytes of a captured mail's attachment (by its index), while this sink runs. */
  attachmentContent(mailId: number, index = 0): Buffer | undefined {
    return this.contents.get(mailId)?.[index];
  }

  private capture(mail: Omit<CapturedMail, 'id' | 'receivedAt'>, contents: Buffer[] = []): void {
    const entry: CapturedMail = { id: this.captured.length + 1, receivedAt: new Date().toISOString(), ...mail };
    this.captured.push(entry);
    if (contents.length) this.contents.set(entry.id, contents);
    if (this.storeFile) fs.appendFileSync(this.storeFile, JSON.stringify(entry) + '\n');
    const ready = this.waiters.filter((w) => w.predicate(entry));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(entry);
  }

  private load(): void {
    if (!this.storeFile) return;
    fs.mkdirSync(path.dirname(this.storeFile), { recursive: true });
    if (!fs.existsSync(this.storeFile)) return;
    for (const line of fs.readFileSync(this.storeFile, 'utf8').split('\n')) {
      // Mail captured before the HTML part was kept has none.
      if (line.trim()) this.captured.push({ html: null, ...(JSON.parse(line) as Omit<CapturedMail, 'html'>) });
    }
  }
}
