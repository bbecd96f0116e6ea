/**
 * Recording a meeting is an act of its own: `recordMeeting` called directly (no HTTP) against a real
 * database (in-memory PGlite) and the real Temporal dev server with the worker running. The meeting
 * is written with its audit row, stamped by the one clock, and the unit's meeting obligation is told.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { shanghaiDateOf } from '../domain/period';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';
import type { Database } from '../infra/db';
import { createLogger } from '../infra/log';
import type { Caller } from '../records/scope';
import type { ServiceDeps } from '../services/deps';
import { ServiceError } from '../services/errors';
import { meetingObligation, recordMeeting } from '../services/meetings';
import { registerUnit } from '../services/units';
import { createGovernanceWorker } from '../worker';
import { openTestDatabase, startTemporal } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';

let env: TestWorkflowEnvironment;
let db: Database;
let dispose: () => Promise<void>;
let mail: MailFixture;
let worker: Worker;
let running: Promise<void>;
let deps: ServiceDeps;
/** Every instant the clock gave: a second behind the machine's, so a stamp from the database's now() differs. */
const stamps: Date[] = [];

const admin: Caller = {
  id: randomUUID(),
  username: 'admin',
  role: 'admin',
  unitId: null,
  leaderId: null,
  departmentId: null,
};

beforeAll(async () => {
  env = await startTemporal();
  ({ db, dispose } = await openTestDatabase('pglite'));
  mail = await startMail();
  const taskQueue = `tq-${randomUUID()}`;
  worker = await createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(db.prisma, mail.mailer),
  });
  running = worker.run();
  deps = {
    prisma: db.prisma,
    temporal: env.client,
    taskQueue,
    log: createLogger('warn', 'test'),
    clock: () => {
      const now = new Date(Date.now() - 1000);
      stamps.push(now);
      return now;
    },
  };
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await mail?.close();
  await dispose?.();
  await env?.teardown();
});

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A city (it stands alone) with its meeting obligation running and its period planned. */
async function cityWatching() {
  const { unit } = await registerUnit(deps, admin, {
    code: `svc-city-${randomUUID().slice(0, 8)}`,
    name: '服务测试市',
    level: 'city',
    convenerName: '李书记',
    convenerEmail: 'li@example.org',
    locale: 'zh-CN',
  });
  const before = await eventually(
    () => meetingObligation(deps, admin, unit.id),
    (s) => s.state === 'watching',
  );
  expect(before).toMatchObject({ state: 'watching', meetingsHeld: 0 });
  return { unit, periodKey: before.periodKey };
}

test('recordMeeting writes the meeting and its audit row, then tells the unit’s meeting obligation', async () => {
  const { unit, periodKey } = await cityWatching();
  const heldOn = shanghaiDateOf(deps.clock());

  const { meeting, obligationNotified } = await recordMeeting(deps, admin, {
    unit: unit.code,
    heldOn,
    kind: 'regular',
    attendees: ['李书记'],
    minutes: '会议纪要',
    agendaItems: [{ title: '停车难', raisedBy: '居民', resolution: '划定临时车位' }],
    takesUp: [],
  });
  expect(meeting).toMatchObject({ unitId: unit.id, periodKey, kind: 'regular' });
  expect(obligationNotified).toBe(true);

  // The record, stamped by the one clock.
  const audit = await db.prisma.auditEvent.findFirstOrThrow({
    where: { action: 'meeting.record', entityId: meeting.id },
  });
  expect(audit.actor).toBe('admin:admin');
  expect(stamps.map((s) => s.getTime())).toContain(audit.at.getTime());
  expect(stamps.map((s) => s.getTime())).toContain(meeting.createdAt.getTime());
  const item = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id } });
  expect(item).toMatchObject({ state: 'resolved', resolution: '划定临时车位' });

  // The workflow was told: the signal is in its history, and its period counts the meeting as met.
  const handle = env.client.workflow.getHandle(meetingCadenceWorkflowId(unit.id));
  const history = await handle.fetchHistory();
  const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
  expect(signals.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName)).toContain('meetingRecorded');
  const after = await eventually(
    () => meetingObligation(deps, admin, unit.id),
    (s) => s.meetingsHeld === 1,
    5_000,
  );
  expect(after).toMatchObject({ state: 'watching', periodKey, meetingsHeld: 1, nextNotice: null });
});

test('recordMeeting refuses a meeting dated after today, and a convener of another unit', async () => {
  const { unit } = await cityWatching();
  const tomorrow = shanghaiDateOf(deps.clock().getTime() + 86_400_000);
  const meeting = { kind: 'regular' as const, attendees: [], agendaItems: [], takesUp: [] };

  await expect(recordMeeting(deps, admin, { unit: unit.id, heldOn: tomorrow, ...meeting })).rejects.toMatchObject({
    status: 400,
    field: 'heldOn',
  });
  const stranger: Caller = { ...admin, username: 'other', role: 'convener', unitId: randomUUID() };
  const refused = recordMeeting(deps, stranger, { unit: unit.id, heldOn: shanghaiDateOf(deps.clock()), ...meeting });
  await expect(refused).rejects.toBeInstanceOf(ServiceError);
  await expect(refused).rejects.toMatchObject({ status: 404 });
  expect(await db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(0);
});
