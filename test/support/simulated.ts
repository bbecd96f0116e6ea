/**
 * Tests on the time-skipping test server: a fresh server per test (one test's workflows never hold
 * another's clock), one in-memory PGlite database and one real SMTP mail sink per file, and the
 * real API and worker on simulated time (the API's clock is the test server's).
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { Role } from '@prisma/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { signToken } from '../../infra/auth';
import { loadConfig } from '../../infra/config';
import type { Database } from '../../infra/db';
import { createLogger } from '../../infra/log';
import type { Mailer } from '../../infra/mailer';
import { type SimulatedStart, timeSkippingServer } from '../../infra/embedded/tools';
import { createGovernanceWorker } from '../../worker';
import { openTestDatabase } from './api-harness';
import { type Agent, agentFor, TEST_AUTH } from './auth';
import { activityDeps, type MailFixture, startMail } from './fixtures';

export interface TimeSkipping {
  readonly env: TestWorkflowEnvironment;
  readonly db: Database;
  readonly mail: MailFixture;
}

export interface TimeSkippingOptions {
  /**
   * Where each test's simulated clock starts (the Java server's initial time, see
   * infra/embedded/tools.ts timeSkippingServer): one instant for every test of the file, or one per test
   * keyed by the test's full name (a test missing from the table fails rather than running at
   * the machine's time). Without it the clock starts at the real time.
   */
  startAt?: SimulatedStart | Readonly<Record<string, SimulatedStart>>;
}

/** The start instant of the running test, from the file's option. */
export function startFor(option: TimeSkippingOptions['startAt'], testName: string): SimulatedStart | undefined {
  if (option === undefined || typeof option !== 'object' || option instanceof Date) return option;
  const start = option[testName];
  if (start === undefined) throw new Error(`No simulated start for the test "${testName}" in its file's table`);
  return start;
}

/** A fresh time-skipping server, its clock at `startAt` when given. */
export function createTimeSkipping(startAt?: SimulatedStart): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({ server: timeSkippingServer(loadConfig({}), { startAt }) });
}

/** Register the hooks of a time-skipping test file; the returned object's fields are set by them. */
export function useTimeSkipping(options: TimeSkippingOptions = {}): TimeSkipping {
  const s = {} as { env: TestWorkflowEnvironment; db: Database; mail: MailFixture };
  beforeAll(async () => {
    ({ db: s.db } = await openTestDatabase('pglite'));
    s.mail = await startMail();
  });
  afterAll(async () => {
    await s.mail?.close();
    await s.db?.close();
  });
  beforeEach(async () => {
    s.env = await createTimeSkipping(startFor(options.startAt, expect.getState().currentTestName ?? ''));
  });
  afterEach(async () => {
    await s.env?.teardown();
    delete (s as Partial<typeof s>).env; // a later test whose server fails to start must not see this one
  });
  return s;
}

export interface SimulatedApi {
  app: Express;
  taskQueue: string;
  /** An admin whose token lives through a simulated year. */
  admin: Agent;
  /** A new user of this role (and unit) with such a token. */
  agent(role: Role, unitId?: string): Promise<Agent>;
  /** The same, with the user's id. */
  user(role: Role, unitId?: string): Promise<{ id: string; agent: Agent }>;
  /** The token lifetime of those users (for agentFor). */
  ttl: { nowMs: number; ttlSeconds: number };
  /** Simulated now (epoch ms). */
  now(): number;
  /** Let simulated time run to `instant`. */
  until(instant: number): Promise<void>;
  /** Run `fn` with the worker polling. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** The real API and worker on the test server's clock, on a task queue of their own. */
export async function simulatedApi(s: TimeSkipping, options: { mailer?: Mailer } = {}): Promise<SimulatedApi> {
  let now = await s.env.currentTimeMs();
  const taskQueue = `tq-${randomUUID()}`;
  const app = createApp({
    prisma: s.db.prisma,
    temporal: s.env.client,
    taskQueue,
    clock: () => new Date(now),
    log: createLogger('warn', 'test'),
    mailSink: s.mail.sink,
    auth: TEST_AUTH,
  });
  const ttl = { nowMs: now, ttlSeconds: 2 * 365 * 86_400 };
  const worker = await createGovernanceWorker({
    connection: s.env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(s.db.prisma, options.mailer ?? s.mail.mailer),
  });
  return {
    app,
    taskQueue,
    admin: await agentFor(app, s.db.prisma, 'admin', undefined, ttl),
    agent: (role, unitId) => agentFor(app, s.db.prisma, role, unitId, ttl),
    async user(role, unitId) {
      const user = await s.db.prisma.user.create({
        data: { username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role, role, unitId },
      });
      const { token } = signToken(user.id, TEST_AUTH.tokenSecret, ttl.ttlSeconds, ttl.nowMs);
      return { id: user.id, agent: request.agent(app).set({ Authorization: `Bearer ${token}` }) };
    },
    ttl,
    now: () => now,
    async until(instant) {
      if (instant > now) await s.env.sleep(instant - now);
      now = await s.env.currentTimeMs();
    },
    run: (fn) => worker.runUntil(fn),
  };
}

/** Every ledger row is exactly one SMTP message with its Message-ID. */
export function expectOneMailEach(mail: MailFixture, rows: { messageId: string }[]): void {
  for (const r of rows) expect(mail.sink.messages().filter((m) => m.messageId === r.messageId)).toHaveLength(1);
}
