/**
 * Issue 18 (high): the group-robot webhook is not a server-side request forgery. A listener on
 * loopback stands for the worker's network: nothing the default poster does reaches it — not a
 * loopback URL, not an allowed name that resolves to loopback, not a redirect from a robot — and
 * the ledger keeps a generic reason, never the target's answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../activities';
import type { Database } from '../infra/db';
import { createWebhookPoster } from '../infra/webhook';
import { openTestDatabase } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';
import type { CadenceNoticeRequest } from '../activities/types';

let db: Database;
let mail: MailFixture;

/** A listener on loopback that records every request reaching it. */
async function listener(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { hits, port, close: () => new Promise((r) => server.close(r)) };
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

let target: Awaited<ReturnType<typeof listener>>;

beforeAll(async () => {
  ({ db } = await openTestDatabase('pglite'));
  mail = await startMail();
  target = await listener((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"errcode":40001,"errmsg":"internal secret"}');
  });
});

afterAll(async () => {
  await target?.close();
  await mail?.close();
  await db?.close();
});

const ADDRESSES = (port: number) => [
  `http://127.0.0.1:${port}/x`,
  `http://localhost:${port}/x`,
  `http://[::1]:${port}/x`,
  `http://0.0.0.0:${port}/x`,
  `http://2130706433:${port}/x`,
  `http://0x7f000001:${port}/x`,
  `https://127.0.0.1:${port}/x`,
  `http://169.254.169.254/latest/meta-data`,
];

test('the default poster refuses every loopback, private and numeric form: nothing reaches the listener', async () => {
  const post = createWebhookPoster();
  for (const url of ADDRESSES(target.port)) {
    await expect(post(url, 'hello')).rejects.toThrow(/webhook refused/);
  }
  expect(target.hits).toEqual([]);
});

test('an allowed name that resolves to a loopback address is refused at send time', async () => {
  // Even with `localhost` on the allow-list (and http allowed), the resolved address is checked.
  const post = createWebhookPoster({ allowedHosts: ['localhost'], allowHttp: true, timeoutMs: 2_000 });
  await expect(post(`http://localhost:${target.port}/robot/send?key=k`, 'hello')).rejects.toThrow(
    'webhook refused: address not allowed',
  );
  expect(target.hits).toEqual([]);
});

test('a redirect from the robot is not followed (the POST is not re-sent anywhere)', async () => {
  const robot = await listener((_req, res) => {
    res.writeHead(307, { location: `http://127.0.0.1:${target.port}/internal` }).end();
  });
  try {
    // A robot on loopback is reachable only with an explicit test policy.
    const post = createWebhookPoster({
      allowedHosts: ['127.0.0.1'],
      allowHttp: true,
      allowPrivateAddresses: true,
      timeoutMs: 2_000,
    });
    await expect(post(`http://127.0.0.1:${robot.port}/send?key=k`, 'hello')).rejects.toThrow(
      'webhook refused: HTTP 3xx',
    );
    expect(robot.hits).toHaveLength(1);
    expect(target.hits).toEqual([]);
  } finally {
    await robot.close();
  }
});

test('the default worker path refuses a unit whose webhook points at loopback; the ledger says only why in general', async () => {
  const unit = await db.prisma.unit.create({
    data: {
      code: `c-${randomUUID().slice(0, 8)}`,
      name: '港北社区',
      level: 'community',
      convenerName: '王书记',
      convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
      // Written straight into the record (the API refuses it): the send-time check must still hold.
      webhookUrl: `http://127.0.0.1:${target.port}/x`,
    },
  });
  const acts = createActivities(activityDeps(db.prisma, mail.mailer)); // default webhook poster
  await new MockActivityEnvironment().run(acts.sendCadenceNotice, notice(unit.id));
  await mail.sink.waitFor((m) => m.to.includes(unit.convenerEmail));
  expect(target.hits).toEqual([]);
  const row = await db.prisma.notification.findFirstOrThrow({ where: { unitId: unit.id } });
  expect([row.channel, row.status]).toEqual(['email', 'sent']);
  expect(row.channelNote).toBe('webhook failed, sent by email: webhook refused: URL not allowed');
});

test("the ledger keeps a generic reason, not the target's answer", async () => {
  const robot = await listener((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"errcode":40001,"errmsg":"invalid key xyz"}');
  });
  try {
    const unit = await db.prisma.unit.create({
      data: {
        code: `c-${randomUUID().slice(0, 8)}`,
        name: '港南社区',
        level: 'community',
        convenerName: '张书记',
        convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
        webhookUrl: `http://127.0.0.1:${robot.port}/send?key=k`,
      },
    });
    const acts = createActivities({
      ...activityDeps(db.prisma, mail.mailer),
      webhook: createWebhookPoster({
        allowedHosts: ['127.0.0.1'],
        allowHttp: true,
        allowPrivateAddresses: true,
        timeoutMs: 2_000,
      }),
    });
    await new MockActivityEnvironment().run(acts.sendCadenceNotice, notice(unit.id));
    const row = await db.prisma.notification.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(row.channelNote).toBe('webhook failed, sent by email: webhook refused: HTTP 4xx');
  } finally {
    await robot.close();
  }
});
