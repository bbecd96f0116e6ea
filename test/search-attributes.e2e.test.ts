/**
 * Operators find a unit's workflows, as `npm start` runs it: the embedded dev server is started with
 * the custom search attributes, a unit registered through the API starts its workflow with them and
 * its name in the memo, the workflow upserts its period, and the Temporal list query
 * `UnitCode="<code>"` finds it (as the Web UI's filtered list and `temporal workflow list` do).
 * With TEMPORAL_TEST_ADDRESS set, the same against a Temporal cluster (PostgreSQL visibility), whose
 * search attributes `npm run cluster` registered; the queries are narrowed to this run's task queue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { loadConfig } from '../infra/config';
import { createLogger } from '../infra/log';
import { run, type Running } from '../main/runtime';
import { temporalEnvFor, testCluster, testTaskQueue } from './support/temporal-target';
import { OBLIGATION, PERIOD_KEY, STREET_CODE, UNIT_CODE, UNIT_LEVEL } from '../domain/search-attributes';

let dataDir: string;
let running: Running | undefined;
/** This file's workflows' task queue: its own on a shared cluster (TEMPORAL_TEST_ADDRESS), kept across the restart. */
const taskQueue = testTaskQueue();
let client: Client | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-sa-e2e-'));
});

afterAll(async () => {
  await client?.connection.close();
  await running?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ADMIN_PASSWORD = 'e2e-admin-password-0123';
let token = '';

async function startStack(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      MAIL_SINK_PORT: '0',
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ...(await temporalEnvFor(taskQueue)),
    });
    try {
      running = await run('all', config, createLogger('warn', 'e2e'));
      const api = running.urls.api!;
      const login = await call(api, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      token = login.body.token;
      return api;
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE|already in use/.test(String(err))) throw err;
    }
  }
}

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

/** The workflows of this file's run that match `query` (a shared cluster holds other runs' too). */
async function list(query: string): Promise<WorkflowExecutionInfo[]> {
  const found: WorkflowExecutionInfo[] = [];
  for await (const wf of client!.workflow.list({ query: `(${query}) AND TaskQueue="${taskQueue}"` })) found.push(wf);
  return found;
}

/** Visibility is eventually consistent: ask until `ok`. */
async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a unit registered through the API: its workflow is listed by UnitCode, with its level, street, period and name', async () => {
  const api = await startStack();
  client = new Client({
    connection: await Connection.connect({ address: running!.urls.temporal }),
    namespace: testCluster()?.namespace ?? 'default',
  });

  const config = await call(api, 'GET', '/api/ui-config');
  // The dev server's UI; on a cluster none (no TEMPORAL_UI_URL): null.
  expect(config.body).toMatchObject({ temporalUiUrl: running!.urls.temporalUi ?? null, searchAttributes: true });

  const units = [
    { code: 'donggang', name: '东港市', level: 'city' },
    { code: 'xinxing', name: '新兴街道', level: 'street', parentCode: 'donggang' },
    { code: 'bihai', name: '碧海社区', level: 'community', parentCode: 'xinxing' },
  ];
  const ids: Record<string, string> = {};
  for (const u of units) {
    const { parentCode, ...rest } = u;
    const res = await call(api, 'POST', '/api/units', {
      ...rest,
      ...(parentCode ? { parentId: ids[parentCode] } : {}),
      convenerName: `${u.name}书记`,
      convenerEmail: `${u.code}@example.org`,
    });
    expect(res.status).toBe(201);
    ids[u.code] = res.body.id;
  }
  const { periodKey } = (await call(api, 'GET', '/api/units/bihai/obligation')).body;

  const found = await eventually(
    () => list('UnitCode="bihai"'),
    (r) => r.length === 1 && r[0]!.typedSearchAttributes.get(PERIOD_KEY) !== undefined,
  );
  expect(found.map((w) => w.workflowId)).toEqual([`meeting-cadence:${ids.bihai}`]);
  const [wf] = found;
  expect(wf!.memo).toEqual({ unitName: '碧海社区' });
  expect(wf!.typedSearchAttributes.get(UNIT_CODE)).toBe('bihai');
  expect(wf!.typedSearchAttributes.get(UNIT_LEVEL)).toBe('community');
  expect(wf!.typedSearchAttributes.get(STREET_CODE)).toBe('xinxing');
  expect(wf!.typedSearchAttributes.get(OBLIGATION)).toBe('meeting-cadence');
  expect(wf!.typedSearchAttributes.get(PERIOD_KEY)).toBe(periodKey);

  // The other attributes filter as well: the street's units, the city's obligation.
  const inStreet = await eventually(
    () => list(`StreetCode="xinxing" AND Obligation="meeting-cadence"`),
    (r) => r.length === 2,
  );
  expect(inStreet.map((w) => w.memo?.unitName).sort()).toEqual(['新兴街道', '碧海社区'].sort());
  const city = await eventually(
    () => list(`UnitLevel="city"`),
    (r) => r.length === 1,
  );
  expect(city[0]!.typedSearchAttributes.get(STREET_CODE)).toBeUndefined();
  expect(city[0]!.memo).toEqual({ unitName: '东港市' });
}, 180_000);

test("a serving member's workflows (the third entry) are listed by their community too", async () => {
  // The stack and the units of the test above.
  const api = running!.urls.api!;
  const bihai = (await call(api, 'GET', '/api/units/bihai')).body;
  const employer = await call(api, 'POST', '/api/serving/employers', {
    code: 'sa-tax',
    name: '东港市税务局',
    partyOrgName: '东港市税务局机关党支部',
    contactName: '赵主任',
    contactEmail: 'tax@example.org',
    contactPhone: '0415-7100001',
    communityId: bihai.id,
  });
  expect(employer.status).toBe(201);
  const member = await call(api, 'POST', '/api/serving/members', {
    name: '张伟',
    phone: '13800001234',
    communityId: 'bihai',
    employerId: 'sa-tax',
  });
  expect(member.status).toBe(201);
  const inAWeek = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  const need = await call(api, 'POST', '/api/serving/needs', {
    communityId: bihai.id,
    title: '楼道杂物清理',
    category: 'environment',
    neededOn: inAWeek,
    slots: 2,
  });
  expect(need.status).toBe(201);
  const claim = await call(api, 'POST', `/api/serving/needs/${need.body.id}/claims`, { memberId: member.body.id });
  expect(claim.status).toBe(201);

  const serving = await eventually(
    () => list('UnitCode="bihai" AND Obligation IN ("serving-participation", "serving-feedback", "need-claim")'),
    (r) => r.length === 3,
  );
  const byObligation = Object.fromEntries(serving.map((w) => [w.typedSearchAttributes.get(OBLIGATION), w]));
  expect(Object.keys(byObligation).sort()).toEqual(['need-claim', 'serving-feedback', 'serving-participation']);
  expect(byObligation['serving-participation']!.workflowId).toBe(`serving-participation:${member.body.id}`);
  expect(byObligation['serving-participation']!.memo).toEqual({ unitName: '碧海社区', memberName: '张伟' });
  expect(byObligation['need-claim']!.workflowId).toBe(`need-claim:${claim.body.id}`);
  expect(byObligation['need-claim']!.memo).toEqual({ unitName: '碧海社区', needTitle: '楼道杂物清理' });
  expect(byObligation['serving-feedback']!.workflowId).toBe(`serving-feedback:${bihai.id}`);
  expect(byObligation['serving-feedback']!.memo).toEqual({ unitName: '碧海社区' });
  for (const w of serving) {
    expect(w.typedSearchAttributes.get(STREET_CODE)).toBe('xinxing');
    expect(w.typedSearchAttributes.get(UNIT_LEVEL)).toBe('community');
  }
}, 120_000);
