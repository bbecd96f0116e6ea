/**
 * Activities in the MockActivityEnvironment against a real (in-memory PGlite) database and
 * real SMTP: the notification ledger keeps every notice to one, whatever retries happen, and
 * the webhook channel falls back to email.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities, type GovernanceActivities } from '../activities';
import { noticeInstant } from '../domain/cadence';
import type { Database } from '../infra/db';
import { climb, loadItem, takeUp } from '../records/agenda-items';
import type { Mailer } from '../infra/mailer';
import { createWebhookPoster } from '../infra/webhook';
import { openTestDatabase } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';
import type { CadenceNoticeRequest, CadenceNoticeResult } from '../activities/types';

let db: Database;
let mail: MailFixture;

beforeAll(async () => {
  ({ db } = await openTestDatabase('pglite'));
  mail = await startMail();
});

afterAll(async () => {
  await mail?.close();
  await db?.close();
});

async function community(over: { webhookUrl?: string } = {}) {
  return db.prisma.unit.create({
    data: {
      code: `c-${randomUUID().slice(0, 8)}`,
      name: '港北社区',
      level: 'community',
      convenerName: '王书记',
      convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
      ...over,
    },
  });
}

const notice = (unitId: string): CadenceNoticeRequest => ({
  unitId,
  periodKey: '2026-Q4',
  step: 'reminder-3',
  audience: 'convener',
  dueDate: '2026-12-31',
  minMeetings: 1,
  countAdhoc: true,
  scheduledFor: Date.parse('2026-12-28T01:00:00Z'),
});

async function send(env: MockActivityEnvironment, acts: GovernanceActivities, unitId: string): Promise<string> {
  const result = await env.run<[CadenceNoticeRequest], CadenceNoticeResult, GovernanceActivities['sendCadenceNotice']>(
    acts.sendCadenceNotice,
    notice(unitId),
  );
  return result.outcome;
}

const mailsTo = (email: string) => mail.sink.messages().filter((m) => m.to.includes(email));

test('a retried notice is sent once: the ledger row says it was', async () => {
  const unit = await community();
  const acts = createActivities(activityDeps(db.prisma, mail.mailer));
  const env = new MockActivityEnvironment();
  expect(await send(env, acts, unit.id)).toBe('sent');
  expect(await send(env, acts, unit.id)).toBe('sent'); // a retry after the fact
  await mail.sink.waitFor((m) => m.to.includes(unit.convenerEmail));
  expect(mailsTo(unit.convenerEmail)).toHaveLength(1);
  const rows = await db.prisma.notification.findMany({ where: { unitId: unit.id } });
  expect(rows.map((r) => [r.step, r.status, r.channel])).toEqual([['reminder-3', 'sent', 'email']]);
  expect(mailsTo(unit.convenerEmail)[0]!.text).toContain('距截止还有3个工作日');
  // The subject names the period as the dashboard does; text and HTML link to the unit's page.
  const sent = mailsTo(unit.convenerEmail)[0]!;
  expect(sent.subject).toBe('【提醒】港北社区联席会议（2026年第四季度）须于2026-12-31前召开');
  const unitPage = `http://localhost:3000/units/${unit.id}`;
  expect(sent.text).toContain(`单位页面：${unitPage}`);
  expect(sent.text).not.toContain('/api/');
  expect(sent.html).toContain(`<a href="${unitPage}"`);
  expect(sent.html).not.toContain('/api/');
  expect(sent.html!.indexOf('港北社区联席会议')).toBeLessThan(sent.html!.indexOf('The joint meeting of'));
});

test('SMTP failing mid-notice: the retry sends exactly one email, with the same Message-ID', async () => {
  const unit = await community();
  let calls = 0;
  const flaky: Mailer = {
    send: async (m) => {
      calls++;
      if (calls === 1) throw new Error('421 service not available');
      return mail.mailer.send(m);
    },
    close: () => undefined,
  };
  const acts = createActivities(activityDeps(db.prisma, flaky));
  const env = new MockActivityEnvironment();
  await expect(env.run(acts.sendCadenceNotice, notice(unit.id))).rejects.toThrow('421');
  const pending = await db.prisma.notification.findFirstOrThrow({ where: { unitId: unit.id } });
  expect(pending.status).toBe('pending');
  await env.run(acts.sendCadenceNotice, notice(unit.id)); // Temporal's retry
  await env.run(acts.sendCadenceNotice, notice(unit.id)); // and a replayed duplicate
  await mail.sink.waitFor((m) => m.to.includes(unit.convenerEmail));
  expect(mailsTo(unit.convenerEmail).map((m) => m.messageId)).toEqual([pending.messageId]);
  expect(calls).toBe(2);
});

test('a notice attempt heartbeats around the send, so a crashed worker is noticed in seconds', async () => {
  const unit = await community();
  const order: string[] = [];
  const watched: Mailer = {
    send: async (m) => {
      order.push('smtp');
      return mail.mailer.send(m);
    },
    close: () => undefined,
  };
  const acts = createActivities(activityDeps(db.prisma, watched));
  const env = new MockActivityEnvironment();
  env.on('heartbeat', () => order.push('heartbeat'));
  expect(await send(env, acts, unit.id)).toBe('sent');
  // Before the ledger row, before SMTP, before marking it sent.
  expect(order).toEqual(['heartbeat', 'heartbeat', 'smtp', 'heartbeat']);
});

test('a meeting already in the record stops the notice', async () => {
  const unit = await community();
  await db.prisma.meeting.create({
    data: { unitId: unit.id, heldOn: new Date('2026-12-01T00:00:00Z'), periodKey: '2026-Q4' },
  });
  const acts = createActivities(activityDeps(db.prisma, mail.mailer));
  expect(await send(new MockActivityEnvironment(), acts, unit.id)).toBe('meeting-recorded');
  expect(await db.prisma.notification.count({ where: { unitId: unit.id } })).toBe(0);
});

describe('the webhook channel', () => {
  let server: http.Server;
  let url: string;
  const received: unknown[] = [];
  let answer = 200;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?key=test`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  /** The robot listens on loopback: only an explicit test policy lets the poster reach it. */
  const robotDeps = () => ({
    ...activityDeps(db.prisma, mail.mailer),
    webhook: createWebhookPoster({
      allowedHosts: ['127.0.0.1'],
      allowHttp: true,
      allowPrivateAddresses: true,
      timeoutMs: 5_000,
    }),
  });

  test('a unit with a group-robot webhook gets the notice there, as a WeCom/DingTalk text message', async () => {
    answer = 200;
    const unit = await community({ webhookUrl: url });
    const acts = createActivities(robotDeps());
    await new MockActivityEnvironment().run(acts.sendCadenceNotice, notice(unit.id));
    expect(received.at(-1)).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('【提醒】港北社区联席会议') },
    });
    const row = await db.prisma.notification.findFirstOrThrow({ where: { unitId: unit.id } });
    expect([row.channel, row.status, row.channelNote]).toEqual(['webhook', 'sent', null]);
    expect(mailsTo(unit.convenerEmail)).toHaveLength(0);
  });

  test('a failing webhook falls back to email, and the ledger says so', async () => {
    answer = 500;
    const unit = await community({ webhookUrl: url });
    const acts = createActivities(robotDeps());
    await new MockActivityEnvironment().run(acts.sendCadenceNotice, notice(unit.id));
    await mail.sink.waitFor((m) => m.to.includes(unit.convenerEmail));
    const row = await db.prisma.notification.findFirstOrThrow({ where: { unitId: unit.id } });
    expect([row.channel, row.status]).toEqual(['email', 'sent']);
    // The ledger keeps a generic reason (issue 18): the status class, not the exact answer.
    expect(row.channelNote).toMatch(/webhook failed.*HTTP 5xx/);
  });
});

describe('escalation steps', () => {
  /** A compound's item escalated to its community (hop 1), straight into the record. */
  async function escalatedItem() {
    const upper = await community();
    const compound = await db.prisma.unit.create({
      data: {
        code: `x-${randomUUID().slice(0, 8)}`,
        name: '滨江小区',
        level: 'compound',
        parentId: upper.id,
        convenerName: '赵书记',
        convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
      },
    });
    const meeting = await db.prisma.meeting.create({
      data: { unitId: compound.id, heldOn: new Date('2026-11-02T00:00:00Z'), periodKey: '2026-11', minutes: '纪要' },
    });
    const item = await db.prisma.agendaItem.create({
      data: {
        meetingId: meeting.id,
        unitId: compound.id,
        currentUnitId: compound.id,
        title: '停车难',
        raisedBy: '居民',
      },
    });
    await climb(db.prisma, (await loadItem(db.prisma, item.id))!, {
      what: '停车位不足',
      whyNotSolvable: '小区无权协调',
      ask: '请社区协调',
      minutes: '纪要',
      sourceMeetingId: meeting.id,
      escalatedBy: 'convener:zhao',
      escalatedByRule: false,
      now: new Date('2026-11-02T02:00:00Z'),
    });
    return { upper, compound, item };
  }

  /** An activity run in the mock environment, with its result typed. */
  const call = <F extends (arg: never) => Promise<unknown>>(
    env: MockActivityEnvironment,
    fn: F,
    arg: Parameters<F>[0],
  ) => env.run(fn, arg) as ReturnType<F>;
  const run = async (env: MockActivityEnvironment, acts: GovernanceActivities, agendaItemId: string, now: number) => {
    const plan = await call(env, acts.planEscalation, { agendaItemId, now });
    if (!plan.next) return { plan, outcome: null };
    const outcome = await call(env, acts.runEscalationStep, { agendaItemId, step: plan.next, scheduledFor: now });
    return { plan, outcome };
  };

  test('the plan names the next step; carried out twice, it sends once', async () => {
    const { upper, item } = await escalatedItem();
    const acts = createActivities(activityDeps(db.prisma, mail.mailer));
    const env = new MockActivityEnvironment();
    const now = Date.parse('2026-11-02T02:00:00Z');
    const first = await run(env, acts, item.id, now);
    expect(first.plan.status).toMatchObject({
      state: 'escalated',
      hop: 1,
      scheduleBy: '2026-11-16',
      answerBy: '2026-11-23',
    });
    expect(first.plan.next).toMatchObject({ step: 'received', series: 'hop1' });
    expect(first.outcome).toBe('sent');
    // A retry of the same step (the worker crashed before the result was recorded).
    expect(
      await call(env, acts.runEscalationStep, { agendaItemId: item.id, step: first.plan.next!, scheduledFor: now }),
    ).toBe('not-needed');
    expect(mailsTo(upper.convenerEmail)).toHaveLength(1);
    expect(mailsTo(upper.convenerEmail)[0]!.subject).toBe('【议题上移】滨江小区上报议题“停车难”');
    // The link: the item on the receiving unit's page, in the text and as the HTML part's button.
    const received = mailsTo(upper.convenerEmail)[0]!;
    const link = `http://localhost:3000/units/${upper.id}?item=${item.id}`;
    expect(received.text).toContain(`议题台账：${link}`);
    expect(received.html).toContain(`<a href="${link.replace('&', '&#38;')}"`);
    expect(`${received.text}${received.html}`).not.toContain('/api/');
    // The next step is the first scheduling reminder, not yet due.
    const second = await call(env, acts.planEscalation, { agendaItemId: item.id, now });
    expect(second.next).toMatchObject({ step: 'schedule-reminder-3', at: noticeInstant('2026-11-11', item.id) });
  });

  test('a step whose reason is gone is not carried out: taken up before the reminder fell due', async () => {
    const { upper, item } = await escalatedItem();
    const acts = createActivities(activityDeps(db.prisma, mail.mailer));
    const env = new MockActivityEnvironment();
    await run(env, acts, item.id, Date.parse('2026-11-02T02:00:00Z')); // "received"
    const reminderAt = noticeInstant('2026-11-11', item.id);
    const plan = await call(env, acts.planEscalation, { agendaItemId: item.id, now: reminderAt });
    const step = plan.next!;
    expect(step.step).toBe('schedule-reminder-3');
    const meeting = await db.prisma.meeting.create({
      data: { unitId: upper.id, heldOn: new Date('2026-11-10T00:00:00Z'), periodKey: '2026-Q4', minutes: '社区纪要' },
    });
    await takeUp(
      db.prisma,
      (await loadItem(db.prisma, item.id))!,
      meeting,
      'convener:wang',
      new Date(reminderAt - 3600_000),
    );
    // The plan was made before the take-up reached the workflow: the activity reads the record again.
    const late = await call(env, acts.runEscalationStep, { agendaItemId: item.id, step, scheduledFor: reminderAt });
    expect(late).toBe('not-needed');
    const steps = (await db.prisma.notification.findMany({ where: { recipient: upper.convenerEmail } })).map(
      (n) => n.step,
    );
    expect(steps).not.toContain('schedule-reminder-3');
  });
});

test("a community's planned meeting invites its paired leaders and departments too", async () => {
  const unit = await community();
  const tag = randomUUID().slice(0, 8);
  await db.prisma.leader.create({
    data: { code: `l-${tag}`, name: '王市长', email: `wang-${tag}@example.org`, communityId: unit.id },
  });
  const department = await db.prisma.department.create({
    data: { code: `d-${tag}`, name: '住建局', contactName: '张科长', contactEmail: `zhang-${tag}@example.org` },
  });
  await db.prisma.departmentPairing.create({
    data: { departmentId: department.id, communityId: unit.id, pairedOn: new Date('2026-01-01T00:00:00Z') },
  });
  const planned = await db.prisma.plannedMeeting.create({
    data: {
      unitId: unit.id,
      plannedFor: new Date('2026-12-03T06:30:00Z'),
      place: '党群服务中心',
      // Listed by hand as well: invited once.
      invitees: [{ name: '王市长', email: `wang-${tag}@example.org` }],
    },
  });
  const acts = createActivities(activityDeps(db.prisma, mail.mailer));
  const env = new MockActivityEnvironment();
  const result = await env.run<
    [{ plannedMeetingId: string; scheduledFor: number }],
    { invited: number },
    GovernanceActivities['sendInvitations']
  >(acts.sendInvitations, { plannedMeetingId: planned.id, scheduledFor: Date.parse('2026-11-30T01:00:00Z') });
  expect(result.invited).toBe(3);
  for (const email of [unit.convenerEmail, `wang-${tag}@example.org`, `zhang-${tag}@example.org`]) {
    expect(mailsTo(email)).toHaveLength(1);
    expect(mailsTo(email)[0]!.subject).toBe('【会议通知】港北社区联席会议 2026-12-03 14:30');
    expect(mailsTo(email)[0]!.text).toContain(`单位页面：http://localhost:3000/units/${unit.id}`);
    expect(mailsTo(email)[0]!.html).toContain(`<a href="http://localhost:3000/units/${unit.id}"`);
  }
});
