/**
 * `npm run cluster`, end to end: the Temporal server (go.temporal.io/server) with PostgreSQL
 * persistence and visibility on a PostgreSQL of its own in a temporary DATA_DIR, then the
 * service (`run('all')`) against it, its database on that PostgreSQL. A unit registered through
 * the API starts its `meeting-cadence:<id>` workflow on the cluster: it runs, sends its reminder
 * (an activity on the worker), and the cluster's SQL visibility lists it by its search attributes.
 * Then everything stops and no process is left. A second start on the same folder (schemas
 * present, namespace registered) works too.
 *
 * Needs the server built (`npm run setup -- --cluster`; built here when missing, which takes many
 * minutes); skips with a message only when it cannot be built on this machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { OBLIGATION, PERIOD_KEY, UNIT_CODE, UNIT_LEVEL } from '../domain/search-attributes';
import { type AppConfig, loadConfig } from '../infra/config';
import { type Cluster, freeClusterFrontendPort, serviceConfigOn, startCluster } from '../infra/embedded/cluster';
import { locateTemporalServer } from '../infra/embedded/temporal-server';
import { ToolSetupError } from '../infra/embedded/tools';
import { createLogger } from '../infra/log';
import { freePort, isListening } from '../infra/net';
import { run, type Running } from '../main/runtime';

const ADMIN_PASSWORD = 'cluster-admin-password-0123';
const log = createLogger('warn', 'cluster-test');

let dataDir: string;
let cluster: Cluster | undefined;
let running: Running | undefined;
let client: Client | undefined;
let unavailable: string | undefined;
let token = '';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function configFor(): Promise<AppConfig> {
  const ports = { frontend: await freeClusterFrontendPort(), postgres: await freePort() };
  return loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    MAIL_SINK_PORT: '0',
    BOOTSTRAP_ADMIN_USERNAME: 'admin',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CLUSTER_FRONTEND_PORT: String(ports.frontend),
    CLUSTER_POSTGRES_PORT: String(ports.postgres),
    // where go is, should the server need building
    PATH: process.env.PATH,
    TOOLS_CACHE_DIR: process.env.TOOLS_CACHE_DIR,
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-cluster-'));
  try {
    const started = Date.now();
    const tools = await locateTemporalServer(await configFor(), {
      install: true,
      log: (m) => process.stderr.write(`${m}\n`),
    });
    process.stderr.write(
      `[cluster.test] Temporal server v${tools!.version} (${tools!.detail}) [${Date.now() - started} ms]\n`,
    );
  } catch (err) {
    if (!(err instanceof ToolSetupError)) throw err;
    unavailable = err.message;
  }
}, 60 * 60_000);

afterAll(async () => {
  await client?.connection.close();
  await running?.stop();
  await cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(base: string, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function list(query: string): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const wf of client!.workflow.list({ query })) found.push(wf);
  return found;
}

async function stopAll(): Promise<number[]> {
  const pids = [cluster!.processes.server, cluster!.processes.postgres].filter((p): p is number => !!p);
  await client?.connection.close();
  client = undefined;
  await running?.stop();
  running = undefined;
  await cluster?.stop();
  cluster = undefined;
  return pids;
}

test(
  'the service on the cluster: a unit workflow runs, mails, and is listed by its search attributes; stop leaves no process',
  async () => {
    if (unavailable) {
      process.stderr.write(
        `[cluster.test] SKIPPED: the Temporal server cannot be built on this machine:\n${unavailable}\n`,
      );
      return;
    }
    const config = await configFor();
    const t0 = Date.now();
    cluster = await startCluster(config, log);
    const clusterStart = Date.now() - t0;
    expect(cluster.address).toBe(`127.0.0.1:${config.temporal.cluster.frontendPort}`);
    expect(cluster.namespace).toBe('default');
    expect(cluster.postgres.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/governance$/);

    const serviceConfig = serviceConfigOn(config, cluster);
    expect(serviceConfig.database).toEqual({ kind: 'postgres', url: cluster.postgres.url });
    running = await run('all', serviceConfig, log);
    expect(running.urls.temporal).toBe(cluster.address);
    const api = running.urls.api!;
    const login = await call(api, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    token = login.body.token;

    // A reminder window longer than any quarter: the new community is inside it at once.
    const rule = await call(api, 'PUT', '/api/cadence-rules/community', {
      period: 'quarter',
      minMeetings: 1,
      reminderLadder: [120],
      supervisorAfterDays: 3,
      countAdhoc: true,
    });
    expect(rule.status).toBe(200);
    const unit = await call(api, 'POST', '/api/units', {
      code: 'bihai',
      name: '碧海社区',
      level: 'community',
      convenerName: '李书记',
      convenerEmail: 'li.shuji@example.org',
    });
    expect(unit.status).toBe(201);
    const workflowId = `meeting-cadence:${unit.body.id}`;

    client = new Client({ connection: await Connection.connect({ address: cluster.address }), namespace: 'default' });
    const described = await client.workflow.getHandle(workflowId).describe();
    expect(described.status.name).toBe('RUNNING');

    // The worker ran its activities: the reminder reached the mail sink.
    const mails = await eventually(
      () => call(api, 'GET', '/api/mail-sink/messages'),
      (r) => r.body.items.length >= 1,
    );
    expect(mails.body.items).toHaveLength(1);
    expect(mails.body.items[0].to).toEqual(['li.shuji@example.org']);

    // The cluster's SQL visibility lists it by its search attributes.
    const { periodKey } = (await call(api, 'GET', '/api/units/bihai/obligation')).body;
    const found = await eventually(
      () => list('UnitCode = "bihai"'),
      (r) => r.length === 1 && r[0]!.typedSearchAttributes.get(PERIOD_KEY) !== undefined,
    );
    expect(found.map((w) => w.workflowId)).toEqual([workflowId]);
    expect(found[0]!.status.name).toBe('RUNNING');
    expect(found[0]!.typedSearchAttributes.get(UNIT_CODE)).toBe('bihai');
    expect(found[0]!.typedSearchAttributes.get(UNIT_LEVEL)).toBe('community');
    expect(found[0]!.typedSearchAttributes.get(OBLIGATION)).toBe('meeting-cadence');
    expect(found[0]!.typedSearchAttributes.get(PERIOD_KEY)).toBe(periodKey);
    const flowTime = Date.now() - t0 - clusterStart;

    // Stop: no process of the cluster is left, its ports are free.
    const pids = await stopAll();
    expect(pids.length).toBe(2);
    expect(pids.filter(pidAlive)).toEqual([]);
    expect(await isListening(config.temporal.cluster.frontendPort)).toBe(false);
    expect(await isListening(config.temporal.cluster.postgresPort)).toBe(false);

    // Again on the same folder: schemas there, namespace registered; the workflow survived.
    const t1 = Date.now();
    cluster = await startCluster(config, log);
    const restart = Date.now() - t1;
    client = new Client({ connection: await Connection.connect({ address: cluster.address }), namespace: 'default' });
    expect((await client.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
    const again = await stopAll();
    expect(again.filter(pidAlive)).toEqual([]);

    process.stderr.write(
      `[cluster.test] cluster start ${clusterStart} ms, service + workflow + listing ${flowTime} ms, restart ${restart} ms\n`,
    );
  },
  10 * 60_000,
);
