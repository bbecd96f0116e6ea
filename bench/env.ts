/**
 * What the bench's parts run against, made once and on demand: a Temporal server — the dev server
 * (in memory), or the cluster of `npm run cluster` (the Temporal server on PostgreSQL of its own,
 * infra/embedded/cluster.ts) —, PGlite in memory with the migrations, the SMTP mail sink and one
 * worker on task queue `bench` (the real workflows plus the bench's own, the real activities),
 * composed as `npm start` composes them in one process; and throwaway PostgreSQL databases.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, type LogEntry, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { loadConfig } from '../infra/config';
import { type Database, IN_MEMORY, openDatabase } from '../infra/db';
import { freeClusterFrontendPort, startCluster, withDatabase } from '../infra/embedded/cluster';
import { startDevServer } from '../infra/embedded/dev-server';
import { createLogger } from '../infra/log';
import { applyMigrations } from '../infra/migrate';
import { freePort } from '../infra/net';
import { connectClient, connectWorker } from '../infra/temporal';
import { resolveTemporalCli } from '../infra/embedded/tools';
import { activityDeps, type MailFixture, startMail } from '../test/support/fixtures';
import { createTestPostgresDatabase } from '../test/support/postgres';
import { fmt, say, seconds } from './common';
import {
  childProcessStats,
  countFinishedActivities,
  processCpuSeconds,
  processRss,
  processTreeCpuSeconds,
} from './support';

export const NAMESPACE = 'default';
export const TASK_QUEUE = 'bench';

/** Which Temporal server a BenchEnv runs against. */
export type ServerKind = 'dev' | 'cluster';
export const SERVER_KINDS: readonly ServerKind[] = ['dev', 'cluster'];

export interface BenchServer {
  kind: ServerKind;
  /** host:port of the frontend. */
  address: string;
  /** "dev server (in memory)", "cluster (Temporal server v1.32.2, PostgreSQL)". */
  name: string;
  /** The cluster's PostgreSQL (admin URL of database `postgres`); undefined for the dev server. */
  postgresAdminUrl: string | undefined;
  /** CPU seconds used so far by the server's processes (the cluster's: with its PostgreSQL), or undefined. */
  cpuSeconds(): number | undefined;
  /** Resident memory of the server process, bytes, or undefined. */
  rss(): number | undefined;
}

export interface TemporalEnv {
  server: BenchServer;
  client: Client;
  /** PGlite in memory: the record of the in-process worker's activities. */
  db: Database;
  mail: MailFixture;
  worker: Worker;
  /** Activities (and local activities) the in-process worker has finished so far. */
  activitiesDone: () => number;
  /** Stops the in-process worker (for the parts that need it gone); idempotent. */
  stopWorker: () => Promise<void>;
}

export interface RuntimeLog {
  file: string;
  lines(): number;
  warnings(): [string, number][];
}

let runtimeLogInstalled: RuntimeLog | undefined;

export class BenchEnv {
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  private temporalEnv: Promise<TemporalEnv> | undefined;
  runtimeLog: RuntimeLog | undefined;

  constructor(
    readonly workDir: string,
    readonly serverKind: ServerKind = 'dev',
  ) {}

  onClose(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        process.stderr.write(`cleanup: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  }

  /** A throwaway database on the local PostgreSQL, migrated, dropped at the end. */
  async postgres(): Promise<{ url: string; db: Database }> {
    const pg = await createTestPostgresDatabase();
    this.onClose(() => pg.drop());
    const db = await openDatabase({ kind: 'postgres', url: pg.url });
    this.onClose(() => db.close());
    await applyMigrations(db);
    return { url: pg.url, db };
  }

  /** An in-memory PGlite, migrated, closed at the end. */
  async pglite(): Promise<Database> {
    const db = await openDatabase({ kind: 'pglite', dataDir: IN_MEMORY });
    this.onClose(() => db.close());
    await applyMigrations(db);
    return db;
  }

  temporal(): Promise<TemporalEnv> {
    return (this.temporalEnv ??= this.startTemporal());
  }

  private async startServer(): Promise<BenchServer> {
    const config = loadConfig();
    if (this.serverKind === 'dev') {
      const cliPath = await resolveTemporalCli(config, { install: true, log: (m) => say(m) });
      const dev = await startDevServer({
        cliPath,
        port: await freePort(),
        uiPort: await freePort(),
        namespace: NAMESPACE,
        log: createLogger('warn', 'bench'),
      });
      this.onClose(() => dev.stop());
      const stats = () => childProcessStats('temporal');
      return {
        kind: 'dev',
        address: dev.address,
        name: 'dev server (in memory)',
        postgresAdminUrl: undefined,
        cpuSeconds: () => stats()?.cpuSeconds,
        rss: () => stats()?.rss,
      };
    }
    // As `npm run cluster -- --server-only` starts it, in the bench's work folder, on free ports.
    const cluster = await startCluster(
      {
        ...config,
        dataDir: path.join(this.workDir, 'cluster-data'),
        temporal: {
          ...config.temporal,
          namespace: NAMESPACE,
          cluster: {
            ...config.temporal.cluster,
            frontendPort: await freeClusterFrontendPort(),
            postgresPort: await freePort(),
            postgresUrl: undefined,
          },
        },
      },
      createLogger('warn', 'bench'),
    );
    this.onClose(() => cluster.stop());
    const serverPid = cluster.processes.server;
    const postgresPid = cluster.processes.postgres;
    return {
      kind: 'cluster',
      address: cluster.address,
      name: `cluster (Temporal server v${cluster.version}, PostgreSQL)`,
      postgresAdminUrl: withDatabase(cluster.postgres.url, 'postgres'),
      cpuSeconds: () => {
        const server = processCpuSeconds(serverPid);
        const postgres = postgresPid === undefined ? 0 : processTreeCpuSeconds(postgresPid);
        return server === undefined || postgres === undefined ? undefined : server + postgres;
      },
      rss: () => processRss(serverPid),
    };
  }

  private async startTemporal(): Promise<TemporalEnv> {
    this.installRuntimeLogger(path.join(this.workDir, 'worker-in-process.log'));
    const server = await this.startServer();
    const db = await this.pglite();
    const mail = await startMail();
    this.onClose(() => mail.close());
    const target = { address: server.address, namespace: NAMESPACE };
    const client = await connectClient(target);
    this.onClose(() => client.connection.close());
    say(`Temporal: ${server.name} at ${server.address}; PGlite in memory, mail sink at ${mail.sink.smtpUrl}`);

    const connection = await connectWorker(target);
    this.onClose(() => connection.close());
    const bundleStart = performance.now();
    const worker = await Worker.create({
      connection,
      namespace: NAMESPACE,
      taskQueue: TASK_QUEUE,
      workflowsPath: require.resolve('./workflows'),
      activities: createActivities(activityDeps(db.prisma, mail.mailer)),
    });
    const running = worker.run();
    let stopped = false;
    const stopWorker = async () => {
      if (stopped) return;
      stopped = true;
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
    };
    this.onClose(stopWorker);
    say(`Bench worker polling '${TASK_QUEUE}' (bundle built in ${fmt(seconds(performance.now() - bundleStart))} s)`);
    return { server, client, db, mail, worker, activitiesDone: countFinishedActivities(worker), stopWorker };
  }

  /**
   * The SDK Runtime's logger at its default level (INFO), writing to a file instead of stderr
   * so that 10,000 activity warnings do not flood the terminal; messages are tallied.
   */
  private installRuntimeLogger(file: string): void {
    // One Runtime per process: the first BenchEnv's logger serves the later ones too.
    if (runtimeLogInstalled) {
      this.runtimeLog = runtimeLogInstalled;
      return;
    }
    const out = fs.createWriteStream(file);
    const tally = new Map<string, number>();
    let lines = 0;
    Runtime.install({
      logger: new DefaultLogger('INFO', (entry: LogEntry) => {
        lines++;
        if (entry.level === 'WARN' || entry.level === 'ERROR') {
          const key = `${entry.level} ${entry.message}`;
          tally.set(key, (tally.get(key) ?? 0) + 1);
        }
        const at = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
        out.write(`${at} [${entry.level}] ${entry.message} ${JSON.stringify(entry.meta ?? {})}\n`);
      }),
    });
    process.once('beforeExit', () => out.end());
    this.runtimeLog = runtimeLogInstalled = {
      file,
      lines: () => lines,
      warnings: () => [...tally.entries()].sort((a, b) => b[1] - a[1]),
    };
  }
}
