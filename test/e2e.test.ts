/**
 * End to end, as `npm start` runs it: the Temporal dev server (file database), PGlite in a
 * data folder, the SMTP mail sink, the worker and the API in one process. API → workflow →
 * email received; then a stop and a restart keep the workflow alive and send nothing twice.
 * With TEMPORAL_TEST_ADDRESS set, the same against a Temporal cluster (`npm run cluster --
 * --server-only`) instead of the dev server, on a task queue of this file's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '../domain/period';
import { loadConfig } from '../infra/config';
import { createLogger } from '../infra/log';
import { run, type Running } from '../main/runtime';
import { temporalEnvFor, testTaskQueue } from './support/temporal-target';

let dataDir: string;
let running: Running | undefined;
/** This file's workflows' task queue: its own on a shared cluster (TEMPORAL_TEST_ADDRESS), kept across the restart. */
const taskQueue = testTaskQueue();

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-e2e-'));
});

afterAll(async () => {
  await running?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startStack(): Promise<string> {
  // Port 0 where the stack allows it; the dev server needs named ports, which another test
  // may take between choosing and binding: try again with others.
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

const ADMIN_PASSWORD = 'e2e-admin-password-0123';
let token = '';

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

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('API → workflow → reminder email in the sink; restart keeps the workflow and sends nothing twice', async () => {
  let api = await startStack();

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

  const mails = await eventually(
    () => call(api, 'GET', '/api/mail-sink/messages'),
    (r) => r.body.items.length >= 1,
  );
  expect(mails.body.items).toHaveLength(1);
  const [mail] = mails.body.items;
  expect(mail.to).toEqual(['li.shuji@example.org']);
  expect(mail.subject).toMatch(/^【提醒】碧海社区联席会议/);
  const { periodKey } = (await call(api, 'GET', '/api/units/bihai/obligation')).body;
  expect(mail.messageId).toBe(
    `<meeting-cadence.${unit.body.id}.${periodKey}.reminder-120.li.shuji.example.org@donggang.example>`,
  );

  const ledger = await call(api, 'GET', `/api/notifications?unitId=${unit.body.id}`);
  expect(ledger.body.items).toEqual([
    expect.objectContaining({ step: 'reminder-120', status: 'sent', recipient: 'li.shuji@example.org' }),
  ]);

  // Stop everything and start again on the same data folder.
  await running!.stop();
  running = undefined;
  api = await startStack();

  const obligation = await call(api, 'GET', '/api/units/bihai/obligation');
  expect(obligation.status).toBe(200);
  expect(obligation.body).toMatchObject({
    workflowId: `meeting-cadence:${unit.body.id}`,
    meetingsHeld: 0,
    nextNotice: { step: 'overdue' },
  });

  // A meeting recorded after the restart reaches the same workflow.
  const meeting = await call(api, 'POST', '/api/units/bihai/meetings', {
    heldOn: shanghaiDateOf(Date.now()),
    attendees: ['李书记'],
  });
  expect(meeting.status).toBe(201);
  expect(meeting.body.obligationNotified).toBe(true);
  const met = await eventually(
    () => call(api, 'GET', '/api/units/bihai/obligation'),
    (r) => r.body.meetingsHeld === 1,
  );
  expect(met.body).toMatchObject({ meetingsHeld: 1, nextNotice: null });

  await new Promise((r) => setTimeout(r, 2_000));
  const after = await call(api, 'GET', '/api/mail-sink/messages');
  expect(after.body.items).toHaveLength(1); // captured mail survived the restart, no duplicate reminder

  // An item a compound cannot solve climbs to the community: the written entry, with the minutes,
  // reaches the community's convener by mail from the escalation's workflow.
  const compound = await call(api, 'POST', '/api/units', {
    code: 'binjiang',
    name: '滨江小区',
    level: 'compound',
    parentCode: 'bihai',
    convenerName: '赵书记',
    convenerEmail: 'zhao@example.org',
  });
  expect(compound.status).toBe(201);
  const compoundMeeting = await call(api, 'POST', '/api/units/binjiang/meetings', {
    heldOn: shanghaiDateOf(Date.now()),
    attendees: ['赵书记'],
    minutes: '居民反映停车难，小区无力解决',
    agendaItems: [{ title: '停车难', raisedBy: '居民代表' }],
  });
  expect(compoundMeeting.status).toBe(201);
  const raised = await call(api, 'GET', `/api/agenda-items?unitId=${compound.body.id}`);
  const itemId = raised.body.items[0].id;
  // An escalation received on a day off waits for the next working day's notice hour; this run may
  // fall on a weekend: the community's rule sends its event notices at once.
  const escalationRule = await call(api, 'PUT', '/api/escalation-rules/community', {
    scheduleWithinDays: 10,
    answerWithinDays: 15,
    reminderLadder: [3, 1],
    supervisorAfterDays: 2,
    autoEscalateAfterDays: null,
    confirmWithinDays: 5,
    eventNotices: 'at-once',
  });
  expect(escalationRule.body).toMatchObject({ level: 'community', eventNotices: 'at-once' });
  const escalated = await call(api, 'POST', `/api/agenda-items/${itemId}/escalations`, {
    what: '小区停车位不足',
    whyNotSolvable: '涉及周边道路规划',
    ask: '请社区协调城管、交警',
  });
  expect(escalated.status).toBe(201);
  expect(escalated.body).toMatchObject({ state: 'escalated', currentUnitId: unit.body.id, workflowNotified: true });
  const withEscalation = await eventually(
    () => call(api, 'GET', '/api/mail-sink/messages'),
    (r) => r.body.items.some((m: { subject: string }) => m.subject.startsWith('【议题上移】')),
  );
  const received = withEscalation.body.items.find((m: { subject: string }) => m.subject.startsWith('【议题上移】'));
  expect(received).toMatchObject({ to: ['li.shuji@example.org'], subject: '【议题上移】滨江小区上报议题“停车难”' });
}, 180_000);
