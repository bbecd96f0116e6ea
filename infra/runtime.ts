/**
 * Composition root. Builds every dependency from the config and runs the API, the worker,
 * or both. With no env, the embedded parts are started too: the Temporal dev server (file
 * database), PGlite and the local mail sink.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app';
import { ensureCampaigns } from '../api/routes/evaluations';
import { reconcileObligations } from '../obligations/reconcile';
import { shanghaiDateOf } from '../domain/period';
import { loadWorkingCalendar, seedPackageYears } from '../records/calendar';
import { createGovernanceWorker } from '../worker';
import type { AppConfig } from './config';
import { openDatabase } from './db';
import { type DevServer, startDevServer } from './dev-server';
import { createLogger, type Logger } from './log';
import { MailSink } from './mail-sink';
import { createSmtpMailer } from './mailer';
import { applyMigrations } from './migrate';
import { ensureBootstrapAdmin, resolveTokenSecret } from './bootstrap';
import { connectClient, connectWorker, type TemporalTarget } from './temporal';
import { resolveTemporalCli } from './tools';
import { secureDataDir } from './data-dir';
import { createWebhookPoster } from './webhook';
import { ensureSearchAttributes, markIndexed } from '../obligations/search-attributes';

export type Role = 'all' | 'api' | 'worker';

export interface Running {
  urls: { api?: string; temporalUi?: string; temporal: string; mailSink?: string };
  stop(): Promise<void>;
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
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) {
      try {
        await s();
      } catch (err) {
        log.warn('Error while stopping', err);
      }
    }
  };

  try {
    // The embedded state (PGlite, Temporal's SQLite, captured mail, the token secret) is owner-only.
    const embedded =
      !config.temporal.address || config.database.kind === 'pglite' || !config.mail.smtpUrl || !config.auth.tokenSecret;
    if (embedded) secureDataDir(config.dataDir, log);

    // Temporal
    let devServer: DevServer | undefined;
    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      const cliPath = await resolveTemporalCli(config, { install: true, log: (m) => log.info(m) });
      devServer = await startDevServer({
        cliPath,
        dbFile: path.join(config.dataDir, 'temporal.sqlite'),
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
        log,
      });
      stops.push(() => devServer!.stop());
      temporalAddress = devServer.address;
    }
    const target = {
      address: temporalAddress,
      namespace: config.temporal.namespace,
      tls: config.temporal.tls,
      apiKey: config.temporal.apiKey,
    };

    // The workflows' search attributes (UnitCode, …): registered where missing; without them
    // (they cannot be listed or registered) workflows run unindexed.
    const indexed = await withClient(target, (c) =>
      ensureSearchAttributes(c.connection.operatorService, config.temporal.namespace, log),
    );

    // Database
    const db = await openDatabase(config.database);
    stops.push(() => db.close());
    const { applied } = await applyMigrations(db);
    if (applied.length) log.info('Migrations applied', { applied });
    // PGlite writes its files 0666 whatever the umask: owner-only again once it has opened (the
    // folder itself is 0700 already, so this is belt and braces).
    if (config.database.kind === 'pglite') secureDataDir(config.database.dataDir);
    await seedPackageYears(db.prisma, new Date());
    const thisYear = Number(shanghaiDateOf(Date.now()).slice(0, 4));
    for (const year of (await loadWorkingCalendar(db.prisma)).missing([thisYear, thisYear + 1])) {
      log.warn(
        `${year}年节假日安排尚未录入：暂按周一至周五计算工作日。 No working-day calendar for ${year} yet: Monday to Friday ` +
          `is assumed. Enter the State Council's holiday notice: POST /api/calendar/years/${year}/notice (or the dashboard's 工作日历 page).`,
      );
    }

    // Mail
    let mailSink: MailSink | undefined;
    let smtpUrl = config.mail.smtpUrl;
    if (!smtpUrl && role !== 'api') {
      mailSink = await MailSink.start({
        port: config.mail.sinkPort,
        storeFile: path.join(config.dataDir, 'mail-sink.jsonl'),
        onError: (err) => log.warn('Mail sink: a client connection failed', { err: err.message }),
      });
      stops.push(() => mailSink!.close());
      smtpUrl = mailSink.smtpUrl;
    }

    const clock = () => new Date();
    let worker: Worker | undefined;
    let workerRun: Promise<void> | undefined;
    if (role !== 'api') {
      const mailer = createSmtpMailer({ smtpUrl: smtpUrl!, from: config.mail.from });
      stops.push(() => mailer.close());
      const connection = await connectWorker(target);
      stops.push(() => connection.close());
      worker = await createGovernanceWorker({
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
        },
      });
      workerRun = worker.run();
      workerRun.catch((err: unknown) => log.error('Worker stopped with an error', err));
      stops.push(async () => {
        if (worker!.getState() === 'RUNNING') worker!.shutdown();
        await workerRun!.catch(() => undefined);
      });
      log.info('Worker polling', { taskQueue: config.temporal.taskQueue });
    }

    let server: Server | undefined;
    if (role !== 'worker') {
      const temporal = await connectClient(target);
      stops.push(() => temporal.connection.close());
      if (indexed) markIndexed(temporal);
      // Every active unit has its obligation: start any that is missing (repeats are harmless).
      const gw = { prisma: db.prisma, temporal, taskQueue: config.temporal.taskQueue, log };
      void (async () => {
        await reconcileObligations(gw);
        // This year's evaluation campaigns exist and wait for their opening day.
        const year = Number(shanghaiDateOf(Date.now()).slice(0, 4));
        const campaigns = await ensureCampaigns(temporal, config.temporal.taskQueue, db.prisma, year);
        if (campaigns.failed.length) log.warn('Evaluation campaigns not started', { year, failed: campaigns.failed });
      })().catch((err: unknown) => log.warn('Could not check the evaluation campaigns at start', { err: String(err) }));
      await ensureBootstrapAdmin(db.prisma, config, log);
      const app = createApp({
        prisma: db.prisma,
        temporal,
        taskQueue: config.temporal.taskQueue,
        clock,
        log,
        mailSink,
        auth: { tokenSecret: resolveTokenSecret(config), tokenTtlSeconds: config.auth.tokenTtlSeconds },
        temporalUiUrl: config.temporal.uiUrl ?? devServer?.uiUrl,
        webhookPolicy: config.webhook,
      });
      server = await new Promise<Server>((resolve, reject) => {
        const s = app.listen(config.http.port, config.http.host, () => resolve(s));
        s.once('error', reject);
      });
      stops.push(
        () =>
          new Promise<void>((resolve) => {
            server!.close(() => resolve());
            server!.closeAllConnections();
          }),
      );
    }

    return {
      urls: {
        api: server ? `http://localhost:${(server.address() as AddressInfo).port}` : undefined,
        temporal: temporalAddress,
        temporalUi: devServer?.uiUrl,
        mailSink: mailSink ? `${mailSink.smtpUrl} (captured mail: GET /api/mail-sink/messages)` : undefined,
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function withClient<T>(target: TemporalTarget, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectClient(target);
  try {
    return await fn(client);
  } finally {
    await client.connection.close();
  }
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
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // npm and a terminal may both pass on the same Ctrl-C: the first one counts.
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: stopping (at most ${config.shutdownTimeoutMs / 1000} s)`);
    const backstop = setTimeout(() => {
      log.error(`Not stopped within SHUTDOWN_TIMEOUT_SECONDS (${config.shutdownTimeoutMs / 1000} s): exiting anyway`);
      process.exit(1); // the dev server is killed by its exit hook (infra/dev-server.ts)
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
