/**
 * Issue 18, as an attacker with a convener's account would probe it, against the real API on
 * both databases: the webhook URL a convener may set, login throttling (parallel guesses,
 * per user and address), off-boarding (disable, password change, temporary password, token
 * versions), and the low findings (nested JSON, lone surrogates, Idempotency-Key races,
 * take-up of a foreign meeting, department contacts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Express } from 'express';
import { createApp } from '../api/app';
import { hashPassword } from '../infra/auth';
import { createLogger } from '../infra/log';
import { createLoginThrottle } from '../records/login-throttle';
import { type ApiHarness, DATABASES, type DatabaseKind, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor, TEST_AUTH } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

describe.each(DATABASES)('%s', (_name, kind: DatabaseKind) => {
  let h: ApiHarness;
  let unit: { id: string; code: string };
  let convener: Agent;
  const tag = randomUUID().slice(0, 6);

  beforeAll(async () => {
    h = await startApi(env, kind);
    unit = (
      await h.admin
        .post('/api/units')
        .send({
          code: `sec-${tag}`,
          name: '安全社区',
          level: 'community',
          convenerName: '李书记',
          convenerEmail: 'li@example.org',
        })
        .expect(201)
    ).body;
    convener = await agentFor(h.app, h.db.prisma, 'convener', unit.id);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function userWithPassword(password: string, role: 'admin' | 'supervisor' = 'supervisor') {
    const username = `u-${randomUUID().slice(0, 8)}`;
    const user = await h.db.prisma.user.create({
      data: { username, displayName: username, role, passwordHash: await hashPassword(password) },
    });
    return { username, id: user.id };
  }

  describe('webhook URLs (SSRF)', () => {
    let hits = 0;
    let server: http.Server;
    let port: number;

    beforeAll(async () => {
      server = http.createServer((_req, res) => {
        hits++;
        res.end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });

    afterAll(async () => {
      await new Promise((r) => server.close(r));
    });

    test('a convener may set only an https group-robot URL: internal addresses are refused naming webhookUrl', async () => {
      const internal = [
        `http://127.0.0.1:${port}/x`,
        `https://127.0.0.1:${port}/x`,
        `http://localhost:${port}/x`,
        `https://[::1]/x`,
        `https://0.0.0.0/x`,
        `http://169.254.169.254/latest/meta-data`,
        `https://2130706433/x`,
        `https://0x7f000001/x`,
        `https://internal.example.org/robot`,
        `http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k`,
      ];
      for (const webhookUrl of internal) {
        const res = await convener.patch(`/api/units/${unit.id}`).send({ webhookUrl });
        expect([webhookUrl, res.status, res.body.error?.field]).toEqual([webhookUrl, 400, 'webhookUrl']);
      }
      const sup = await h.admin
        .post('/api/supervisors')
        .send({ name: '督查', email: `s-${tag}@example.org`, webhookUrl: `http://127.0.0.1:${port}/x` });
      expect([sup.status, sup.body.error?.field]).toEqual([400, 'webhookUrl']);
      const created = await h.admin.post('/api/units').send({
        code: `hook-${tag}`,
        name: '钩子社区',
        level: 'community',
        convenerName: '王书记',
        convenerEmail: 'wang@example.org',
        webhookUrl: `http://localhost:${port}/x`,
      });
      expect([created.status, created.body.error?.field]).toEqual([400, 'webhookUrl']);
      expect(hits).toBe(0);
    });

    test("a robot URL is accepted; its key is shown only to the unit's convener and admins", async () => {
      const webhookUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key';
      await convener.patch(`/api/units/${unit.id}`).send({ webhookUrl }).expect(200);
      expect((await convener.get(`/api/units/${unit.id}`).expect(200)).body.webhookUrl).toBe(webhookUrl);
      expect((await h.admin.get(`/api/units/${unit.id}`).expect(200)).body.webhookUrl).toBe(webhookUrl);
      const supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
      const seen = (await supervisor.get(`/api/units/${unit.id}`).expect(200)).body.webhookUrl;
      expect(seen).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
      const list = (await supervisor.get('/api/units?limit=200').expect(200)).body.items as { webhookUrl: string }[];
      expect(JSON.stringify(list)).not.toContain('secret-robot-key');
    });
  });

  describe('login throttling', () => {
    test('20 parallel wrong guesses: at most 5 are verified, the rest refused 429; then the right password is refused too', async () => {
      const { username } = await userWithPassword('correct horse battery');
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => request(h.app).post('/api/auth/login').send({ username, password: 'wrong' })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
      const locked = await request(h.app)
        .post('/api/auth/login')
        .send({ username, password: 'correct horse battery' })
        .expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    test("an attacker's own good logins do not clear the counter of the user they guess at", async () => {
      const victim = await userWithPassword('victim passphrase 1');
      const attacker = await userWithPassword('attacker passphrase 1');
      let verified = 0;
      for (let i = 0; i < 12; i++) {
        const guess = await request(h.app)
          .post('/api/auth/login')
          .send({ username: victim.username, password: `guess ${i}` });
        if (guess.status === 401) verified++;
        await request(h.app)
          .post('/api/auth/login')
          .send({ username: attacker.username, password: 'attacker passphrase 1' })
          .expect(200);
      }
      expect(verified).toBe(5);
    });

    test('behind a reverse proxy: with TRUST_PROXY each client is counted by X-Forwarded-For; without it the header is ignored', async () => {
      const { username } = await userWithPassword('right passphrase 77');
      const login = (app: Express, client: string, password: string) =>
        request(app).post('/api/auth/login').set('X-Forwarded-For', client).send({ username, password });
      // The proxy on this machine (supertest connects over loopback), as TRUST_PROXY=loopback.
      const proxied = createApp({
        prisma: h.db.prisma,
        temporal: env.client,
        taskQueue: h.taskQueue,
        clock: () => new Date(),
        log: createLogger('warn', 'test'),
        auth: TEST_AUTH,
        trustProxy: ['loopback'],
      });
      for (let i = 0; i < 6; i++) await login(proxied, '203.0.113.7', `wrong ${i}`);
      await login(proxied, '203.0.113.7', 'right passphrase 77').expect(429);
      // The client sent its own header; the proxy appended the real address: still counted as itself.
      await login(proxied, '203.0.113.9, 203.0.113.7', 'right passphrase 77').expect(429);
      await login(proxied, '203.0.113.8', 'right passphrase 77').expect(200); // another client behind the proxy

      // Without TRUST_PROXY a client cannot escape its count by naming another address.
      const other = await userWithPassword('right passphrase 78');
      for (let i = 0; i < 6; i++) {
        await request(h.app)
          .post('/api/auth/login')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .send({ username: other.username, password: `wrong ${i}` });
      }
      await request(h.app)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.99')
        .send({ username: other.username, password: 'right passphrase 78' })
        .expect(429);
    });

    test("through the API: another address's failures do not block the right password from a new address", async () => {
      const { username } = await userWithPassword('right passphrase 99');
      const server = h.app.listen(0, '::');
      await new Promise((r) => server.once('listening', r));
      try {
        const port = (server.address() as AddressInfo).port;
        const from = (host: string) => request(`http://${host}:${port}`); // two client addresses
        for (let i = 0; i < 6; i++) {
          await from('127.0.0.1')
            .post('/api/auth/login')
            .send({ username, password: `wrong ${i}` });
        }
        await from('127.0.0.1').post('/api/auth/login').send({ username, password: 'right passphrase 99' }).expect(429);
        await from('[::1]').post('/api/auth/login').send({ username, password: 'right passphrase 99' }).expect(200);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });

    test('a lockout is per user and address, with back-off: the same user from another address logs in', async () => {
      // The store behind the API's throttle, driven with two addresses.
      const throttle = createLoginThrottle(h.db.prisma, {
        maxFailures: 2,
        lockSeconds: 60,
        maxLockSeconds: 3600,
        strikeWindowSeconds: 3600,
      });
      const name = `t-${randomUUID().slice(0, 8)}`;
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(0);
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(0);
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(60); // locked: 60 s
      expect(await throttle.attempt(name, '203.0.113.2')).toBe(0); // another address: not blocked
      await throttle.succeeded(name, '203.0.113.2');
      expect(await throttle.attempt(name, '203.0.113.1')).toBeGreaterThan(0); // still locked there
      // Back-off: the next lockout of the pair lasts twice as long.
      await h.db.prisma.loginThrottle.updateMany({
        where: { key: { startsWith: 'login:' }, AND: { key: { contains: name } } },
        data: { expire: new Date(Date.now() - 1000) },
      });
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(0);
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(0);
      expect(await throttle.attempt(name, '203.0.113.1')).toBe(120);
    });
  });

  describe('off-boarding', () => {
    test('disabling a user ends their sessions at once and refuses their login; enabling lets them back', async () => {
      const { username, id } = await userWithPassword('a long passphrase 1');
      const login = await request(h.app)
        .post('/api/auth/login')
        .send({ username, password: 'a long passphrase 1' })
        .expect(200);
      const token = `Bearer ${login.body.token}`;
      await request(h.app).get('/api/me').set('Authorization', token).expect(200);
      const disabled = await h.admin.post(`/api/users/${id}/disable`).expect(200);
      expect(disabled.body.disabled).toBe(true);
      await request(h.app).get('/api/me').set('Authorization', token).expect(401);
      await request(h.app).post('/api/auth/login').send({ username, password: 'a long passphrase 1' }).expect(401);
      await h.admin.post(`/api/users/${id}/enable`).expect(200);
      await request(h.app).get('/api/me').set('Authorization', token).expect(401); // the old session stays ended
      await request(h.app).post('/api/auth/login').send({ username, password: 'a long passphrase 1' }).expect(200);
      const trail = await h.admin.get(`/api/audit?entity=user&entityId=${id}`).expect(200);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['user.disable', 'user.enable']),
      );
      // Only admins; not oneself.
      await convener.post(`/api/users/${id}/disable`).expect(403);
      const me = (await h.admin.get('/api/me').expect(200)).body.id as string;
      expect((await h.admin.post(`/api/users/${me}/disable`).expect(400)).body.error.field).toBe('id');
    });

    test('changing one’s password needs the old one and ends every other session', async () => {
      const { username } = await userWithPassword('old passphrase 123');
      const first = await request(h.app).post('/api/auth/login').send({ username, password: 'old passphrase 123' });
      const second = await request(h.app).post('/api/auth/login').send({ username, password: 'old passphrase 123' });
      const wrong = await request(h.app)
        .post('/api/me/password')
        .set('Authorization', `Bearer ${first.body.token}`)
        .send({ currentPassword: 'not it', newPassword: 'new passphrase 456' })
        .expect(400);
      expect(wrong.body.error.field).toBe('currentPassword');
      const changed = await request(h.app)
        .post('/api/me/password')
        .set('Authorization', `Bearer ${first.body.token}`)
        .send({ currentPassword: 'old passphrase 123', newPassword: 'new passphrase 456' })
        .expect(200);
      await request(h.app).get('/api/me').set('Authorization', `Bearer ${second.body.token}`).expect(401);
      await request(h.app).get('/api/me').set('Authorization', `Bearer ${first.body.token}`).expect(401);
      await request(h.app).get('/api/me').set('Authorization', `Bearer ${changed.body.token}`).expect(200);
      await request(h.app).post('/api/auth/login').send({ username, password: 'old passphrase 123' }).expect(401);
      await request(h.app).post('/api/auth/login').send({ username, password: 'new passphrase 456' }).expect(200);
    });

    test('an admin’s temporary password must be changed at the next login before anything else', async () => {
      const { username, id } = await userWithPassword('original passphrase');
      const before = await request(h.app).post('/api/auth/login').send({ username, password: 'original passphrase' });
      const set = await h.admin
        .post(`/api/users/${id}/temporary-password`)
        .send({ temporaryPassword: 'temporary passphrase' })
        .expect(200);
      expect(set.body.mustChangePassword).toBe(true);
      await request(h.app).get('/api/me').set('Authorization', `Bearer ${before.body.token}`).expect(401);
      const login = await request(h.app)
        .post('/api/auth/login')
        .send({ username, password: 'temporary passphrase' })
        .expect(200);
      expect(login.body.user.mustChangePassword).toBe(true);
      const auth = `Bearer ${login.body.token}`;
      const blocked = await request(h.app).get('/api/units').set('Authorization', auth).expect(403);
      expect(blocked.body.error.code).toBe('password_change_required');
      await request(h.app).get('/api/me').set('Authorization', auth).expect(200);
      const changed = await request(h.app)
        .post('/api/me/password')
        .set('Authorization', auth)
        .send({ currentPassword: 'temporary passphrase', newPassword: 'my own passphrase' })
        .expect(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      await request(h.app).get('/api/units').set('Authorization', `Bearer ${changed.body.token}`).expect(200);
      const trail = await h.admin.get(`/api/audit?entity=user&entityId=${id}`).expect(200);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['user.password.reset', 'user.password.change']),
      );
    });
  });

  describe('low findings', () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    test('a deeply nested JSON body and lone surrogates are 400 naming the field, never 500', async () => {
      const nested = '['.repeat(5000) + ']'.repeat(5000);
      const deep = await convener
        .post(`/api/units/${unit.id}/meetings`)
        .set('content-type', 'application/json')
        .send(nested)
        .expect(400);
      expect(deep.body.error.field).toBe('body');
      const deepField = await convener
        .post(`/api/units/${unit.id}/meetings`)
        .set('content-type', 'application/json')
        .send(`{"heldOn":"${today}","minutes":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`)
        .expect(400);
      expect(deepField.body.error.field).toMatch(/^minutes/);
      const minutes = await convener
        .post(`/api/units/${unit.id}/meetings`)
        .set('content-type', 'application/json')
        .send(`{"heldOn":"${today}","attendees":["李书记"],"minutes":"会议\\ud800纪要"}`)
        .expect(400);
      expect(minutes.body.error.field).toBe('minutes');
      const login = await request(h.app)
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"username":"\\ud800","password":"x"}')
        .expect(400);
      expect(login.body.error.field).toBe('username');
    });

    test('eight concurrent requests with one Idempotency-Key create one meeting', async () => {
      const before = await h.db.prisma.meeting.count({ where: { unitId: unit.id } });
      const key = `race-${randomUUID()}`;
      const body = { heldOn: today, attendees: ['李书记'], minutes: '并发' };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          convener.post(`/api/units/${unit.id}/meetings`).set('Idempotency-Key', key).send(body),
        ),
      );
      expect(await h.db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(before + 1);
      for (const a of answers) expect([201, 409]).toContain(a.status);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'in_progress')).toBe(true);
      // Once done, the same request again replays the first answer.
      const again = await convener.post(`/api/units/${unit.id}/meetings`).set('Idempotency-Key', key).send(body);
      expect([again.status, again.body.id]).toEqual([201, answers.find((a) => a.status === 201)!.body.id]);
    });

    test("a take-up naming another unit's meeting is answered as a missing meeting, without its name", async () => {
      const compound = (
        await h.admin
          .post('/api/units')
          .send({
            code: `sub-${randomUUID().slice(0, 6)}`,
            name: '下属小区',
            level: 'compound',
            parentCode: unit.code,
            convenerName: '赵书记',
            convenerEmail: 'zhao@example.org',
          })
          .expect(201)
      ).body;
      const raised = await h.admin
        .post(`/api/units/${compound.id}/meetings`)
        .send({ heldOn: today, minutes: '停车难', agendaItems: [{ title: '停车难', raisedBy: '居民' }] })
        .expect(201);
      const itemId = (await h.admin.get(`/api/agenda-items?unitId=${compound.id}`).expect(200)).body.items.find(
        (i: { meetingId: string }) => i.meetingId === raised.body.id,
      ).id as string;
      await h.admin
        .post(`/api/agenda-items/${itemId}/escalations`)
        .send({ what: '车位不足', whyNotSolvable: '涉及道路规划', ask: '请社区协调' })
        .expect(201);
      const foreign = (
        await h.admin
          .post('/api/units')
          .send({
            code: `far-${randomUUID().slice(0, 6)}`,
            name: '机密外单位',
            level: 'community',
            convenerName: '钱书记',
            convenerEmail: 'qian@example.org',
          })
          .expect(201)
      ).body;
      const theirs = await h.admin
        .post(`/api/units/${foreign.id}/meetings`)
        .send({ heldOn: today, attendees: ['钱书记'] })
        .expect(201);
      const res = await convener
        .post(`/api/agenda-items/${itemId}/take-up`)
        .send({ meetingId: theirs.body.id })
        .expect(400);
      expect(res.body.error.field).toBe('meetingId');
      expect(res.body.error.message).toBe(`No meeting ${theirs.body.id}`);
      expect(JSON.stringify(res.body)).not.toContain('机密外单位');
    });

    test("department contact emails: supervisors, admins and the paired community's convener only", async () => {
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const d = await h.admin
          .post('/api/departments')
          .send({
            code: `dep${i}-${randomUUID().slice(0, 6)}`,
            name: `部门${i}`,
            contactName: '联络员',
            contactEmail: `dept${i}@example.org`,
          })
          .expect(201);
        codes.push(d.body.code);
      }
      await h.admin.put(`/api/units/${unit.id}/department-pairings`).send({ departmentCodes: codes }).expect(200);
      const emailsSeenBy = async (a: Agent) => {
        const list = (await a.get('/api/departments').expect(200)).body.items as {
          code: string;
          contactEmail: string;
        }[];
        return list.filter((d) => codes.includes(d.code)).map((d) => d.contactEmail);
      };
      const emails = ['dept0@example.org', 'dept1@example.org', 'dept2@example.org'];
      expect(await emailsSeenBy(h.admin)).toEqual(emails);
      expect(await emailsSeenBy(await agentFor(h.app, h.db.prisma, 'supervisor'))).toEqual(emails);
      expect(await emailsSeenBy(convener)).toEqual(emails);
      const other = (
        await h.admin
          .post('/api/units')
          .send({
            code: `oth-${randomUUID().slice(0, 6)}`,
            name: '其他社区',
            level: 'community',
            convenerName: '孙书记',
            convenerEmail: 'sun@example.org',
          })
          .expect(201)
      ).body;
      const otherConvener = await agentFor(h.app, h.db.prisma, 'convener', other.id);
      for (const who of [
        otherConvener,
        await agentFor(h.app, h.db.prisma, 'leader', unit.id),
        await agentFor(h.app, h.db.prisma, 'rater', unit.id),
        await agentFor(h.app, h.db.prisma, 'department'),
      ]) {
        expect(await emailsSeenBy(who)).toEqual([null, null, null]);
      }
      const leader = await agentFor(h.app, h.db.prisma, 'leader', unit.id);
      const pairings = (await leader.get(`/api/units/${unit.id}/pairings`).expect(200)).body;
      expect(pairings.departments.map((d: { contactEmail: string | null }) => d.contactEmail)).toEqual([
        null,
        null,
        null,
      ]);
    });
  });
});
