/**
 * An API under test: a real Temporal dev server (shared per test file) — or, with
 * TEMPORAL_TEST_ADDRESS set, the Temporal cluster at that address (test/support/temporal-target.ts) —, a real database
 * (in-memory PGlite or a throwaway PostgreSQL database), the worker running on a random task
 * queue, and a real SMTP mail sink.
 */
import type { Express } from 'express';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { loadConfig } from '../../infra/config';
import { type Database, openDatabase } from '../../infra/db';
import { createLogger } from '../../infra/log';
import { applyMigrations } from '../../infra/migrate';
import { devServerExecutable } from '../../infra/embedded/tools';
import { createGovernanceWorker } from '../../worker';
import { type Agent, agentFor, TEST_AUTH } from './auth';
import { activityDeps, type MailFixture, startMail } from './fixtures';
import { createTestPostgresDatabase } from './postgres';
import { testCluster, testTaskQueue } from './temporal-target';

export type DatabaseKind = 'pglite' | 'postgres';

/** Both databases, for `describe.each(DATABASES)`. */
export const DATABASES: [string, DatabaseKind][] = [
  ['embedded PGlite', 'pglite'],
  ['PostgreSQL', 'postgres'],
];

/**
 * The test file's Temporal: its own dev server, or the shared cluster (TEMPORAL_TEST_ADDRESS), whose
 * `teardown()` only closes the connections — the cluster keeps running for the other tests.
 */
export async function startTemporal(): Promise<TestWorkflowEnvironment> {
  const cluster = testCluster();
  if (cluster) return TestWorkflowEnvironment.createFromExistingServer(cluster);
  return startDevTemporal();
}

/** A dev server of the test's own, whatever TEMPORAL_TEST_ADDRESS says: for tests that need a fresh namespace. */
export async function startDevTemporal(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: devServerExecutable(loadConfig({})), ip: '127.0.0.1' },
  });
}

export async function openTestDatabase(kind: DatabaseKind): Promise<{ db: Database; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
    await applyMigrations(db);
    return { db, dispose: () => db.close() };
  }
  const pg = await createTestPostgresDatabase();
  const db = await openDatabase({ kind: 'postgres', url: pg.url });
  await applyMigrations(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      await pg.drop();
    },
  };
}

export interface ApiHarness {
  app: Express;
  /** An agent logged in as an admin. */
  admin: Agent;
  db: Database;
  mail: MailFixture;
  taskQueue: string;
  close(): Promise<void>;
}

export async function startApi(
  env: TestWorkflowEnvironment,
  kind: DatabaseKind,
  clock = () => new Date(),
): Promise<ApiHarness> {
  const { db, dispose } = await openTestDatabase(kind);
  const mail = await startMail();
  const taskQueue = testTaskQueue();
  const app = createApp({
    prisma: db.prisma,
    temporal: env.client,
    taskQueue,
    clock,
    log: createLogger('warn', 'test'),
    mailSink: mail.sink,
    auth: TEST_AUTH,
  });
  const admin = await agentFor(app, db.prisma, 'admin');
  const worker = await createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: activityDeps(db.prisma, mail.mailer),
  });
  const running = worker.run();
  return {
    app,
    admin,
    db,
    mail,
    taskQueue,
    close: async () => {
      worker.shutdown();
      await running;
      await mail.close();
      await dispose();
    },
  };
}
