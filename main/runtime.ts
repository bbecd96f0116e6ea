/**
 * Composition root. Builds every dependency from the config and runs the API, the worker,
 * or both. With no env, the embedded parts are started too: the Temporal dev server (file
 * database), PGlite and the local mail sink.
 *
 * `run` is a list of steps, each its own function below: the data folder, Temporal, the
 * database, mail, the worker, the API, the start-up reconciliation; each step registers how it
 * is stopped, and `stop` undoes them in reverse order.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
// ensureCampaigns is about to move to services/evaluation.ts (same signature).
import { ensureCampaigns } from '../services/evaluation';
import { shanghaiDateOf } from '../domain/period';
import type { AppConfig } from '../infra/config';
import { openDatabase, type Database } from '../infra/db';
import { type DevServer, startDevServer } from '../infra/embedded/dev-server';
import { MailSink } from '../infra/embedded/mail-sink';
import { resolveTemporalCli } from '../infra/embedded/tools';
import { createLogger, type Logger } from '../infra/log';
import { createSmtpMailer } from '../infra/mailer';
import { applyMigrations } from '../infra/migrate';
import { resolveTokenSecret } from '../infra/bootstrap';
import { connectClient, connectWorker, type TemporalTarget } from '../infra/temporal';
import { secureDataDir } from '../infra/data-dir';
import { createWebhookPoster } from '../infra/webhook';
import { ensureSearchAttributes, markIndexed } from '../obligations/search-attributes';
import { reconcileObligations } from '../obligations/reconcile';
import { loadWorkingCalendar, seedPackageYears } from '../records/calendar';
import { createGovernanceWorker } from '../worker';
import { ensureBootstrapAdmin } from './bootstrap';

export type Role = 'all' | 'api' | 'worker';

export interface Running {
  urls: { api?: string; temporalUi?: string; temporal: string; mailSink?: string };
  stop(): Promise<void>;
}

/** What a step leaves to be undone on stop, undone last-in first-out. */
class Stops {
  private readonly list: (() => Promise<void> | void)[] = [];
  constructor(private readonly log: Logger) {}

  push(stop: () => Promise<void> | void): void {
    this.list.push(stop);
  }

  async stopAll(): Promise<void> {
    for (const s of this.list.splice(0).reverse()) {
      try {
        await s();
      } catch (err) {
        this.log.warn('Error while stopping', err);
      }
    }
  }
}

/** What the steps share. */
interface Context {
  role: Role;
  config: AppConfig;
  log: Logger;
  stops: Stops;
  /** The one clock of the process: the worker's activities and the API's acts. */
  clock: () => Date;
}

/** What a separately run role needs: embedded parts live in one process only. */
function checkRole(role: Role, config: AppConfig): void {
  if (role === 'all') return;
  const missing = [
    !config.temporal.address && 'TEMPORAL_ADDRESS',
    config.database.kind !== 'postgres' && 'DATABASE_URL',
    role === 'worker' && !config.mail.smtpUrl && 'SMTP_URL',
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `Running the ${role} on its own needs ${missing.join(', ')}: the embedded Temporal, PGlite and mail sink live in one process (npm start).`,
    );
  }
}

export async function run(
  role: Role,
  config: AppConfig,
  log: Logger = createLogger(config.logLevel),
): Promise<Running> {
  checkRole(role, config);
  const ctx: Context = { role, config, log, stops: new Stops(log), clock: () => new Date() };
  try {
    secureEmbeddedState(ctx);
    const temporal = await startTemporal(ctx);
    const db = await startDatabase(ctx);
    const mail = await startMail(ctx);
    if (role !== 'api') await startWorker(ctx, { target: temporal.target, indexed: temporal.indexed, db, mail });
    const server =
      role !== 'worker'
        ? await startApi(ctx, {
            target: temporal.target,
            indexed: temporal.indexed,
            db,
            mail,
            devServer: temporal.devServer,
          })
        : undefined;
    return {
      urls: {
        api: server ? `http://localhost:${(server.address() as AddressInfo).port}` : undefined,
        temporal: temporal.target.address,
        temporalUi: temporal.devServer?.uiUrl,
        mailSink: mail.sink ? `${mail.sink.smtpUrl} (captured mail: GET /api/mail-sink/messages)` : undefined,
      },
      stop: () => ctx.stops.stopAll(),
    };
  } catch (err) {
    await ctx.stops.stopAll();
    throw err;
  }
}

/** The embedded state (PGlite, Temporal's SQLite, captured mail, the token secret) is owner-only. */
function secureEmbeddedState({ config, log }: Context): void {
  const embedded =
    !config.temporal.address || config.database.kind === 'pglite' || !config.mail.smtpUrl || !config.auth.tokenSecret;
  if (embedded) secureDataDir(config.dataDir, log);
}

interface TemporalStarted {
  target: TemporalTarget;
  devServer?: DevServer;
  /** The namespace has the workflows' search attributes. */
  indexed: boolean;
}

/** TEMPORAL_ADDRESS, or the embedded dev server; then the search attributes. */
async function startTemporal({ config, log, stops }: Context): Promise<TemporalStarted> {
  let devServer: DevServer | undefined;
  let address = config.temporal.address;
  if (!address) {
    const cliPath = await resolveTemporalCli(config, { install: true, log: (m) => log.info(m) });
    const started = await startDevServer({
      cliPath,
      dbFile: path.join(config.dataDir, 'temporal.sqlite'),
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      namespace: config.temporal.namespace,
      log,
    });
    stops.push(() => started.stop());
    devServer = started;
    address = started.address;
  }
  const target: TemporalTarget = {
    address,
    namespace: config.temporal.namespace,
    tls: config.temporal.tls,
    apiKey: config.temporal.apiKey,
  };
  // The workflows' search attributes (UnitCode, …): registered where missing; without them
  // (they cannot be listed or registered) workflows run unindexed.
  const indexed = await withClient(target, (c) =>
    ensureSearchAttributes(c.connection.operatorService, config.temporal.namespace, log),
  );
  return { target, devServer, indexed };
}

async function withClient<T>(target: TemporalTarget, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectClient(target);
  try {
    return await fn(client);
  } finally {
    await client.connection.close();
  }
}

/** DATABASE_URL or PGlite, migrated, with the packaged calendar years; warns of missing years. */
async function startDatabase({ config, log, stops, clock }: Context): Promise<Database> {
  const db = await openDatabase(config.database);
  stops.push(() => db.close());
  const { applied } = await applyMigrations(db);
  if (applied.length) log.info('Migrations applied', { applied });
  // PGlite writes its files 0666 whatever the umask: owner-only again once it has opened (the
  // folder itself is 0700 already, so this is belt and braces).
  if (config.database.kind === 'pglite') secureDataDir(config.database.dataDir);
  await seedPackageYears(db.prisma, clock());
  const thisYear = Number(shanghaiDateOf(clock().getTime()).slice(0, 4));
  for (const year of (await loadWorkingCalendar(db.prisma)).missing([thisYear, thisYear + 1])) {
    log.warn(
      `${year}年节假日安排尚未录入：暂按周一至周五计算工作日。 No working-day calendar for ${year} yet: Monday to Friday ` +
        `is assumed. Enter the State Council's holiday notice: POST /api/calendar/years/${year}/notice (or the dashboard's 工作日历 page).`,
    );
  }
  return db;
}

interface MailStarted {
  /** The embedded mail sink (no SMTP_URL, a worker in this process). */
  sink?: MailSink;
  smtpUrl?: string;
}

/** SMTP_URL, or (with a worker here) the embedded mail sink. */
async function startMail({ role, config, log, stops }: Context): Promise<MailStarted> {
  if (config.mail.smtpUrl || role === 'api') return { smtpUrl: config.mail.smtpUrl };
  const sink = await MailSink.start({
    port: config.mail.sinkPort,
    storeFile: path.join(config.dataDir, 'mail-sink.jsonl'),
    onError: (err) => log.warn('Mail sink: a client connection failed', { err: err.message }),
  });
  stops.push(() => sink.close());
  return { sink, smtpUrl: sink.smtpUrl };
}

interface Parts {
  target: TemporalTarget;
  indexed: boolean;
  db: Database;
  mail: MailStarted;
}

/** The worker: polls until stopped; on stop, running activities get half the shutdown time. */
async function startWorker({ config, log, stops, clock }: Context, { target, indexed, db, mail }: Parts) {
  const mailer = createSmtpMailer({ smtpUrl: mail.smtpUrl!, from: config.mail.from });
  stops.push(() => mailer.close());
  const connection = await connectWorker(target);
  stops.push(() => connection.close());
  const worker = await createGovernanceWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: config.temporal.maxCachedWorkflows,
    // Running activities (a notice being sent) get half the shutdown time to finish.
    shutdownGraceTimeMs: Math.floor(config.shutdownTimeoutMs / 2),
    deps: {
      prisma: db.prisma,
      mailer,
      clock,
      links: { publicUrl: config.http.publicUrl, mailDomain: config.mail.domain },
      searchAttributes: indexed,
      webhook: createWebhookPoster(config.webhook),
      receiptSecret: resolveTokenSecret(config),
    },
  });
  const workerRun = worker.run();
  workerRun.catch((err: unknown) => log.error('Worker stopped with an error', err));
  stops.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun.catch(() => undefined);
  });
  log.info('Worker polling', { taskQueue: config.temporal.taskQueue });
}

/** The API: a Temporal client, the start-up reconciliation, the first admin, then listening. */
async function startApi(ctx: Context, { target, indexed, db, mail, devServer }: Parts & { devServer?: DevServer }) {
  const { config, log, stops, clock } = ctx;
  const temporal = await connectClient(target);
  stops.push(() => temporal.connection.close());
  if (indexed) markIndexed(temporal);
  reconcileInBackground(ctx, db, temporal);
  await ensureBootstrapAdmin(db.prisma, config, log, clock);
  const app = createApp({
    prisma: db.prisma,
    temporal,
    taskQueue: config.temporal.taskQueue,
    clock,
    log,
    mailSink: mail.sink,
    auth: { tokenSecret: resolveTokenSecret(config), tokenTtlSeconds: config.auth.tokenTtlSeconds },
    temporalUiUrl: config.temporal.uiUrl ?? devServer?.uiUrl,
    webhookPolicy: config.webhook,
    trustProxy: config.http.trustProxy,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.http.port, config.http.host, () => resolve(s));
    s.once('error', reject);
  });
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return server;
}

/**
 * Every active unit has its obligation: start any that is missing (repeats are harmless); and
 * this year's evaluation campaigns exist and wait for their opening day. In the background: the
 * API answers meanwhile.
 */
function reconcileInBackground({ config, log, clock }: Context, db: Database, temporal: Client): void {
  const gw = { prisma: db.prisma, temporal, taskQueue: config.temporal.taskQueue, log };
  void (async () => {
    await reconcileObligations(gw);
    const now = clock().getTime();
    const year = Number(shanghaiDateOf(now).slice(0, 4));
    const campaigns = await ensureCampaigns(temporal, config.temporal.taskQueue, db.prisma, year, now);
    if (campaigns.failed.length) log.warn('Evaluation campaigns not started', { year, failed: campaigns.failed });
  })().catch((err: unknown) => log.warn('Could not check the evaluation campaigns at start', { err: String(err) }));
}

/** The lines printed once everything runs. */
export function announce(role: Role, running: Running): void {
  const lines = [
    running.urls.api && `  Dashboard        ${running.urls.api}/`,
    running.urls.api && `  API              ${running.urls.api}   (health: ${running.urls.api}/healthz)`,
    `  Temporal         ${running.urls.temporal}`,
    running.urls.temporalUi && `  Temporal Web UI  ${running.urls.temporalUi}`,
    running.urls.mailSink && `  Mail sink        ${running.urls.mailSink}`,
  ].filter(Boolean);
  process.stdout.write(
    `\n东港 一轴三联三进 governance service is running (${role}):\n${lines.join('\n')}\n  Ctrl-C to stop.\n\n`,
  );
}

/** On the first SIGINT, SIGTERM or SIGHUP: stop, then exit (1 when not stopped in time). */
export function stopOnSignal(running: Running, config: AppConfig, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // npm and a terminal may both pass on the same Ctrl-C: the first one counts.
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: stopping (at most ${config.shutdownTimeoutMs / 1000} s)`);
    const backstop = setTimeout(() => {
      log.error(`Not stopped within SHUTDOWN_TIMEOUT_SECONDS (${config.shutdownTimeoutMs / 1000} s): exiting anyway`);
      process.exit(1); // the dev server is killed by its exit hook (infra/embedded/dev-server.ts)
    }, config.shutdownTimeoutMs);
    backstop.unref();
    running
      .stop()
      .then(() => {
        log.info('Stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error('Stop failed', err);
        process.exit(1);
      });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

/**
 * Run until SIGINT, SIGTERM or SIGHUP (Ctrl-C, systemd, a container runtime, a closed terminal),
 * then stop everything cleanly — the API stops listening, the worker drains, the embedded parts
 * stop — within SHUTDOWN_TIMEOUT_SECONDS, else exit anyway. npm scripts `exec` node (package.json),
 * so a signal sent to npm's PID reaches this process and no child is left behind.
 */
export async function runUntilSignalled(role: Role, config: AppConfig): Promise<void> {
  const log = createLogger(config.logLevel);
  const running = await run(role, config, log);
  announce(role, running);
  stopOnSignal(running, config, log);
}
