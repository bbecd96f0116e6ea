/**
 * The access-control matrix: every route × every role × their own unit versus a foreign one.
 * Function level (403), object level (404 for what lies outside the caller's scope), property
 * level (400 for fields a role may not set), and 401 without credentials.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@prisma/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { shanghaiDateOf } from '../domain/period';
import { hashPassword } from '../infra/auth';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';

let env: TestWorkflowEnvironment;
let h: ApiHarness;
type Who = Role | 'anonymous';
const agents = {} as Record<Who, Agent>;
const units = {} as Record<'city' | 'street' | 'own' | 'ownCompound' | 'foreign', { id: string; code: string }>;
const today = shanghaiDateOf(Date.now());

beforeAll(async () => {
  env = await startTemporal();
  h = await startApi(env, 'pglite');
  const tag = randomUUID().slice(0, 6);
  const make = async (key: keyof typeof units, level: string, parentCode?: string) => {
    const res = await h.admin
      .post('/api/units')
      .send({
        code: `${key.toLowerCase()}-${tag}`,
        name: key,
        level,
        parentCode,
        convenerName: '书记',
        convenerEmail: `${key.toLowerCase()}@example.org`,
      })
      .expect(201);
    units[key] = res.body;
  };
  await make('city', 'city');
  await make('street', 'street', units.city.code);
  await make('own', 'community', units.street.code);
  await make('ownCompound', 'compound', units.own.code);
  await make('foreign', 'community', units.street.code);
  for (const role of ['admin', 'supervisor', 'convener', 'leader', 'department', 'rater'] as const) {
    agents[role] = await agentFor(
      h.app,
      h.db.prisma,
      role,
      role === 'convener' || role === 'leader' ? units.own.id : undefined,
    );
  }
  agents.anonymous = request.agent(h.app);
});

afterAll(async () => {
  await h?.close();
  await env?.teardown();
});

type Call = (a: Agent, unit: { id: string; code: string }) => request.Test;
const meeting = () => ({ heldOn: today, attendees: ['书记'] });
const planned = () => ({ plannedFor: new Date(Date.now() + 86_400_000).toISOString(), place: '会议室' });
const rule = {
  period: 'quarter',
  minMeetings: 1,
  reminderLadder: [10, 3, 1],
  supervisorAfterDays: 3,
  countAdhoc: true,
};

/** Routes on one unit: the expected status for [own unit, foreign unit] per caller. */
const unitRoutes: [string, Call, Record<Who, [number, number]>][] = [
  ['GET unit', (a, u) => a.get(`/api/units/${u.id}`), readers()],
  ['GET unit by code', (a, u) => a.get(`/api/units/${u.code}`), readers()],
  ['GET obligation', (a, u) => a.get(`/api/units/${u.id}/obligation`), readers()],
  ['GET history', (a, u) => a.get(`/api/units/${u.id}/history`), readers()],
  ['GET meetings', (a, u) => a.get(`/api/units/${u.id}/meetings`), readers()],
  ['GET planned meetings', (a, u) => a.get(`/api/units/${u.id}/planned-meetings`), readers()],
  ['POST meeting', (a, u) => a.post(`/api/units/${u.id}/meetings`).send(meeting()), writers(201)],
  ['POST planned meeting', (a, u) => a.post(`/api/units/${u.id}/planned-meetings`).send(planned()), writers(201)],
  [
    'PATCH unit (contact settings)',
    (a, u) => a.patch(`/api/units/${u.id}`).send({ convenerPhone: '0415-1234567' }),
    writers(200),
  ],
];

function readers(): Record<Who, [number, number]> {
  return {
    admin: [200, 200],
    supervisor: [200, 200],
    convener: [200, 404],
    leader: [200, 404],
    department: [404, 404],
    rater: [404, 404],
    anonymous: [401, 401],
  };
}

function writers(ok: number): Record<Who, [number, number]> {
  return {
    admin: [ok, ok],
    supervisor: [403, 403],
    convener: [ok, 404],
    leader: [403, 404],
    department: [404, 404],
    rater: [404, 404],
    anonymous: [401, 401],
  };
}

const matrix = unitRoutes.flatMap(([name, call, expected]) =>
  (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], call] as const),
);

test.each(matrix)('%s as %s → [own unit, foreign unit] %j', async (_name, who, [own, foreign], call) => {
  await call(agents[who], units.own).expect(own);
  await call(agents[who], units.foreign).expect(foreign);
});

/** Routes that are not about one unit: the expected status per caller. */
const all = (status: number, except: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  admin: status,
  supervisor: status,
  convener: status,
  leader: status,
  department: status,
  rater: status,
  anonymous: 401,
  ...except,
});
const only = (ok: number, roles: Who[]): Record<Who, number> => all(403, Object.fromEntries(roles.map((r) => [r, ok])));

const globalRoutes: [string, (a: Agent) => request.Test, Record<Who, number>][] = [
  ['GET /api/me', (a) => a.get('/api/me'), all(200)],
  ['GET /api/units', (a) => a.get('/api/units'), all(200)],
  ['GET /api/cadence-rules', (a) => a.get('/api/cadence-rules'), all(200)],
  ['GET /api/notifications', (a) => a.get('/api/notifications'), all(200)],
  [
    'PUT /api/cadence-rules/street',
    (a) => a.put('/api/cadence-rules/street').send(rule),
    only(200, ['admin', 'supervisor']),
  ],
  ['GET /api/supervision/overdue', (a) => a.get('/api/supervision/overdue'), only(200, ['admin', 'supervisor'])],
  ['GET /api/supervision/compliance', (a) => a.get('/api/supervision/compliance'), only(200, ['admin', 'supervisor'])],
  ['GET /api/supervisors', (a) => a.get('/api/supervisors'), only(200, ['admin', 'supervisor'])],
  ['GET /api/audit', (a) => a.get('/api/audit'), only(200, ['admin', 'supervisor'])],
  ['GET /api/users', (a) => a.get('/api/users'), only(200, ['admin'])],
  ['GET /api/mail-sink/messages', (a) => a.get('/api/mail-sink/messages'), only(200, ['admin'])],
  [
    'POST /api/supervisors',
    (a) => a.post('/api/supervisors').send({ name: '联络办', email: `s-${randomUUID().slice(0, 6)}@example.org` }),
    only(201, ['admin']),
  ],
  [
    'POST /api/units',
    (a) =>
      a.post('/api/units').send({
        code: `n-${randomUUID().slice(0, 6)}`,
        name: '新社区',
        level: 'community',
        convenerName: '书记',
        convenerEmail: 'n@example.org',
      }),
    only(201, ['admin']),
  ],
  [
    'POST /api/units/import',
    (a) =>
      a
        .post('/api/units/import')
        .set('Content-Type', 'text/csv')
        .send(
          `code,name,level,convenerName,convenerEmail\ni-${randomUUID().slice(0, 6)},导入社区,community,书记,i@example.org\n`,
        ),
    only(200, ['admin']),
  ],
  [
    'POST /api/users',
    (a) =>
      a.post('/api/users').send({
        username: `u-${randomUUID().slice(0, 6)}`,
        displayName: '新用户',
        role: 'supervisor',
        password: 'a-long-password-123',
      }),
    only(201, ['admin']),
  ],
];

test.each(
  globalRoutes.flatMap(([name, call, expected]) =>
    (Object.keys(expected) as Who[]).map((who) => [name, who, call, expected[who]] as const),
  ),
)('%s as %s → %d', async (_name, who, call, status) => {
  await call(agents[who]).expect(status);
});

test('removing a unit is the admin’s alone', async () => {
  const leaf = await h.admin
    .post('/api/units')
    .send({
      code: `leaf-${randomUUID().slice(0, 6)}`,
      name: '叶',
      level: 'community',
      convenerName: '书记',
      convenerEmail: 'l@example.org',
    })
    .expect(201);
  for (const who of ['supervisor', 'convener', 'leader', 'department', 'rater'] as const) {
    await agents[who].delete(`/api/units/${leaf.body.id}`).expect(403);
  }
  await agents.anonymous.delete(`/api/units/${leaf.body.id}`).expect(401);
  await h.admin.delete(`/api/units/${leaf.body.id}`).expect(204);
});

describe('scope and properties', () => {
  test('a convener reads their subtree, writes only their own unit', async () => {
    await agents.convener.get(`/api/units/${units.ownCompound.id}`).expect(200);
    await agents.convener.post(`/api/units/${units.ownCompound.id}/meetings`).send(meeting()).expect(403);
    const list = await agents.convener.get('/api/units?limit=500').expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [units.own.id, units.ownCompound.id].sort(),
    );
    await agents.convener.get(`/api/units/${units.street.id}`).expect(404);
  });

  test('a convener sees only their units’ receipts in the ledger', async () => {
    await h.db.prisma.notification.create({
      data: {
        key: `k-${randomUUID()}`,
        unitId: units.foreign.id,
        obligation: 'x',
        periodKey: '2026-Q4',
        step: 'reminder-1',
        recipient: 'f@example.org',
        subject: 's',
        messageId: `<${randomUUID()}@x>`,
        status: 'sent',
        scheduledFor: new Date(),
      },
    });
    const mine = await agents.convener.get('/api/notifications?limit=500').expect(200);
    expect(
      mine.body.items.every((n: { unitId: string }) => [units.own.id, units.ownCompound.id].includes(n.unitId)),
    ).toBe(true);
    const theirs = await agents.convener.get(`/api/notifications?unitId=${units.foreign.id}`).expect(200);
    expect(theirs.body.items).toEqual([]);
    const all = await agents.supervisor.get(`/api/notifications?unitId=${units.foreign.id}`).expect(200);
    expect(all.body.items.length).toBeGreaterThan(0);
  });

  test.each([
    [{ convenerEmail: 'me@example.org' }, 'convenerEmail'],
    [{ convenerName: '我' }, 'convenerName'],
    [{ level: 'city' }, 'level'],
    [{ role: 'admin' }, 'role'],
  ])('a convener may not set %j of their unit (400 naming it)', async (body, field) => {
    const res = await agents.convener.patch(`/api/units/${units.own.id}`).send(body).expect(400);
    expect(res.body.error.message + (res.body.error.field ?? '')).toContain(field);
  });

  test('no mass assignment through user creation', async () => {
    const res = await h.admin
      .post('/api/users')
      .send({
        username: `m-${randomUUID().slice(0, 6)}`,
        displayName: 'x',
        role: 'rater',
        disabledAt: null,
        passwordHash: 'x',
      })
      .expect(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});

describe('login', () => {
  test('a real login issues a token that works; a wrong password does not; repeated failures are rate limited', async () => {
    const username = `login-${randomUUID().slice(0, 6)}`;
    await h.db.prisma.user.create({
      data: {
        username,
        displayName: 'x',
        role: 'supervisor',
        passwordHash: await hashPassword('correct horse battery'),
      },
    });
    const ok = await request(h.app)
      .post('/api/auth/login')
      .send({ username, password: 'correct horse battery' })
      .expect(200);
    expect(ok.body.user).toMatchObject({ username, role: 'supervisor' });
    await request(h.app).get('/api/me').set('Authorization', `Bearer ${ok.body.token}`).expect(200);
    await request(h.app).get('/api/me').set('Authorization', `Bearer ${ok.body.token}x`).expect(401);
    for (let i = 0; i < 5; i++) {
      const bad = await request(h.app).post('/api/auth/login').send({ username, password: 'wrong' }).expect(401);
      expect(bad.body.error.code).toBe('invalid_credentials');
    }
    const limited = await request(h.app)
      .post('/api/auth/login')
      .send({ username, password: 'correct horse battery' })
      .expect(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('an API key acts as its user, is stored hashed, and stops working when revoked', async () => {
    const user = await h.admin
      .post('/api/users')
      .send({ username: `bot-${randomUUID().slice(0, 6)}`, displayName: '同步程序', role: 'supervisor' })
      .expect(201);
    const key = await h.admin.post(`/api/users/${user.body.id}/api-keys`).expect(201);
    expect(key.body.key).toMatch(/^dgk_/);
    const stored = await h.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.body.id } });
    expect(stored.hash).not.toContain(key.body.key);
    const me = await request(h.app).get('/api/me').set('X-API-Key', key.body.key).expect(200);
    expect(me.body.username).toBe(user.body.username);
    await h.admin.delete(`/api/users/${user.body.id}/api-keys/${key.body.id}`).expect(204);
    await request(h.app).get('/api/me').set('X-API-Key', key.body.key).expect(401);
  });

  test('every write is in the audit trail with who did it', async () => {
    await agents.convener
      .post(`/api/units/${units.own.id}/meetings`)
      .send({ ...meeting(), minutes: '审计' })
      .expect(201);
    const trail = await agents.supervisor.get(`/api/audit?action=meeting.record`).expect(200);
    const mine = trail.body.items.find((e: { after: { minutes?: string } }) => e.after?.minutes === '审计');
    expect(mine.actor).toMatch(/^convener:convener-/);
  });
});
