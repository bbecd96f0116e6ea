/**
 * The meeting obligation on the time-skipping test server: a quarter passes in seconds.
 * Real activities, a real (in-memory PGlite) database, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { meetingCadenceWorkflowId, noticeSchedule } from '../domain/cadence';
import { nextPeriod, periodContaining, periodOfDate, shanghaiDateOf } from '../domain/period';
import { loadConfig } from '../infra/config';
import { type Database, openDatabase } from '../infra/db';
import type { MailSink } from '../infra/mail-sink';
import { applyMigrations } from '../infra/migrate';
import { testServerExecutable } from '../infra/tools';
import { createGovernanceWorker } from '../worker';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';
import { cadenceStatusQuery, meetingCadenceWorkflow, meetingRecordedSignal } from '../workflows/meeting-cadence';

let env: TestWorkflowEnvironment;
let db: Database;
let sink: MailSink;
let mail: MailFixture;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testServerExecutable(loadConfig({})) },
  });
  db = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
  await applyMigrations(db);
  mail = await startMail();
  sink = mail.sink;
});

afterAll(async () => {
  await mail?.close();
  await db?.close();
  await env?.teardown();
});

async function newCommunity(name: string) {
  return db.prisma.unit.create({
    data: {
      code: `c-${randomUUID().slice(0, 8)}`,
      name,
      level: 'community',
      convenerName: `${name}书记`,
      convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
    },
  });
}

/** The obligation's status once its run has loaded its rule and period. */
async function started(handle: WorkflowHandle<typeof meetingCadenceWorkflow>) {
  for (;;) {
    const status = await handle.query(cadenceStatusQuery);
    if (status.periodKey) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const startedHere: WorkflowHandle[] = [];
afterEach(async () => {
  // Leave nothing running: an orphaned workflow would hold the time-skipping server's clock.
  await Promise.all(startedHere.splice(0).map((h) => h.terminate('test over').catch(() => undefined)));
});

function makeWorker(taskQueue: string) {
  return createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(db.prisma, mail.mailer),
  });
}

test('over two quarters: a silent community is reminded and then told it is overdue; a community that met hears nothing', async () => {
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await makeWorker(taskQueue);
  const silent = await newCommunity('港北社区');
  const compliant = await newCommunity('碧海社区');

  const startMs = await env.currentTimeMs();
  const q1 = periodContaining(startMs, 'quarter');
  const q2 = nextPeriod(q1);
  const s1 = noticeSchedule(q1, { reminderOffsetDays: 10 });
  const s2 = noticeSchedule(q2, { reminderOffsetDays: 10 });

  await worker.runUntil(async () => {
    const start = (unitId: string) =>
      env.client.workflow.start(meetingCadenceWorkflow, {
        workflowId: meetingCadenceWorkflowId(unitId),
        taskQueue,
        args: [{ unitId }],
      });
    const silentWf = await start(silent.id);
    const compliantWf = await start(compliant.id);
    startedHere.push(silentWf, compliantWf);

    // The compliant community records a meeting today (record first, then signal, as the API does).
    const today = shanghaiDateOf(startMs);
    const meeting = await db.prisma.meeting.create({
      data: { unitId: compliant.id, heldOn: new Date(`${today}T00:00:00Z`), periodKey: q1.key },
    });
    await compliantWf.signal(meetingRecordedSignal, { meetingId: meeting.id, periodKey: q1.key });
    const status = await started(compliantWf);
    expect(status).toMatchObject({ periodKey: q1.key, meetingsHeld: 1, minMeetings: 1, dueDate: s1.dueDate });

    // Skip to just after the second quarter's reminder.
    const until = s2.reminderAt.getTime() + 60_000;
    await env.sleep(until - (await env.currentTimeMs()));

    const silentStatus = await silentWf.query(cadenceStatusQuery);
    expect(silentStatus.periodKey).toBe(q2.key);
    expect(silentStatus.nextNotice).toMatchObject({ step: 'overdue', at: s2.overdueAt.toISOString() });
  });

  const ledger = await db.prisma.notification.findMany({
    where: { unitId: { in: [silent.id, compliant.id] } },
    orderBy: [{ scheduledFor: 'asc' }, { recipient: 'asc' }],
  });
  const row = (n: (typeof ledger)[number]) => [n.recipient, n.periodKey, n.step, n.status];
  // The silent community: reminder and overdue notice for the first quarter, reminder for the next.
  const silentLedger = ledger.filter((n) => n.unitId === silent.id);
  expect(silentLedger.map(row)).toEqual([
    [silent.convenerEmail, q1.key, 'reminder', 'sent'],
    [silent.convenerEmail, q1.key, 'overdue', 'sent'],
    [silent.convenerEmail, q2.key, 'reminder', 'sent'],
  ]);
  // The compliant community met in the first quarter: nothing then; reminded for the next one.
  expect(ledger.filter((n) => n.unitId === compliant.id).map(row)).toEqual([
    [compliant.convenerEmail, q2.key, 'reminder', 'sent'],
  ]);
  const expectedTimes = [Math.max(s1.reminderAt.getTime(), startMs), s1.overdueAt.getTime(), s2.reminderAt.getTime()];
  silentLedger.forEach((n, i) => expect(Math.abs(n.scheduledFor.getTime() - expectedTimes[i]!)).toBeLessThan(5_000));

  // Every ledger row is one email received by SMTP, with the ledger's Message-ID; nothing else.
  const mails = sink
    .messages()
    .filter((m) => m.to.includes(silent.convenerEmail) || m.to.includes(compliant.convenerEmail));
  expect(mails.map((m) => [m.to, m.messageId]).sort()).toEqual(ledger.map((n) => [[n.recipient], n.messageId]).sort());
  const silentMails = mails.filter((m) => m.to.includes(silent.convenerEmail));
  expect(silentMails[0]!.subject).toBe(`【提醒】港北社区联席会议（${q1.key}）须于${s1.dueDate}前召开`);
  expect(silentMails[0]!.text).toContain('The joint meeting of 港北社区 (community)');
  expect(silentMails[0]!.text.indexOf('同志')).toBeLessThan(silentMails[0]!.text.indexOf('Dear')); // zh-CN first
  expect(silentMails[1]!.subject).toBe(`【逾期】港北社区联席会议（${q1.key}）未按期召开`);

  const outcomes = await db.prisma.periodOutcome.findMany({ where: { unitId: { in: [silent.id, compliant.id] } } });
  expect(outcomes.map((o) => [o.unitId, o.periodKey, o.status, o.meetingsHeld]).sort()).toEqual(
    [
      [silent.id, q1.key, 'overdue', 0],
      [compliant.id, q1.key, 'met', 1],
    ].sort(),
  );
});

test('a meeting in the record stops the reminder even if its signal never arrived', async () => {
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await makeWorker(taskQueue);
  const unit = await newCommunity('新兴社区');
  const startMs = await env.currentTimeMs();
  const q = periodContaining(startMs, 'quarter');
  const s = noticeSchedule(q, { reminderOffsetDays: 10 });

  await worker.runUntil(async () => {
    const wf = await env.client.workflow.start(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(unit.id),
      taskQueue,
      args: [{ unitId: unit.id, periodKey: q.key }],
    });
    startedHere.push(wf);
    await started(wf); // the run has read the (empty) record
    // Recorded, but the signal is lost (e.g. Temporal was unreachable from the API).
    const heldOn = shanghaiDateOf(startMs);
    expect(periodOfDate(heldOn, 'quarter').key).toBe(q.key);
    await db.prisma.meeting.create({
      data: { unitId: unit.id, heldOn: new Date(`${heldOn}T00:00:00Z`), periodKey: q.key },
    });
    await env.sleep(s.overdueAt.getTime() + 60_000 - (await env.currentTimeMs()));
  });

  expect(await db.prisma.notification.count({ where: { unitId: unit.id } })).toBe(0);
  const outcome = await db.prisma.periodOutcome.findFirstOrThrow({ where: { unitId: unit.id, periodKey: q.key } });
  expect([outcome.status, outcome.meetingsHeld]).toEqual(['met', 1]);
});

test('a removed unit ends its obligation without notices', async () => {
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await makeWorker(taskQueue);
  const unit = await newCommunity('金山社区');
  await db.prisma.unit.update({ where: { id: unit.id }, data: { removedAt: new Date() } });
  const result = await worker.runUntil(
    env.client.workflow.execute(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(unit.id),
      taskQueue,
      args: [{ unitId: unit.id }],
    }),
  );
  expect(result).toBe('unit-removed');
  expect(await db.prisma.notification.count({ where: { unitId: unit.id } })).toBe(0);
});
