/**
 * The access-control matrix: every route × every role × their own unit versus a foreign one.
 * Function level (403), object level (404 for what lies outside the caller's scope), property
 * level (400 for fields a role may not set), and 401 without credentials.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '@prisma/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { periodOfDate, shanghaiDateOf } from '../domain/period';
import { hashPassword } from '../infra/auth';
import { climb, loadItem, takeUp } from '../records/agenda-items';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';

let env: TestWorkflowEnvironment;
let h: ApiHarness;
type Who = Role | 'anonymous';
const agents = {} as Record<Who, Agent>;
const units = {} as Record<
  'city' | 'street' | 'own' | 'ownCompound' | 'foreign' | 'foreignCompound',
  { id: string; code: string }
>;
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
  await make('foreignCompound', 'compound', units.foreign.code);
  for (const role of ['admin', 'supervisor', 'convener', 'leader', 'department', 'rater', 'member'] as const) {
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
    member: [404, 404],
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
    member: [404, 404],
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
  member: status,
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
  ['GET /api/agenda-items', (a) => a.get('/api/agenda-items'), all(200)],
  ['GET /api/escalation-rules', (a) => a.get('/api/escalation-rules'), all(200)],
  [
    'PUT /api/escalation-rules/street',
    (a) =>
      a.put('/api/escalation-rules/street').send({
        scheduleWithinDays: 15,
        answerWithinDays: 20,
        reminderLadder: [3, 1],
        supervisorAfterDays: 2,
        autoEscalateAfterDays: null,
        confirmWithinDays: 5,
      }),
    only(200, ['admin', 'supervisor']),
  ],
  [
    'GET /api/supervision/escalations',
    (a) => a.get('/api/supervision/escalations'),
    only(200, ['admin', 'supervisor']),
  ],
  ['GET /api/supervision/figures', (a) => a.get('/api/supervision/figures'), all(200)],
  ['GET /api/supervision/figures.xlsx', (a) => a.get('/api/supervision/figures.xlsx'), all(200)],
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
    (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], call] as const),
  ),
)('%s as %s → %d', async (_name, who, status, call) => {
  await call(agents[who]).expect(status);
});

// --- Agenda items (议题): each call gets fresh items, in the own and in the foreign subtree -------

/**
 * open: raised at a community meeting (with minutes); meeting: a community meeting; queued: raised
 * by the community's compound and escalated to the community, `meetingId` a community meeting to
 * take it up; takenUp: the same, taken up; answered: raised by the community, escalated to the
 * street and answered; escalated: raised by the community and escalated through the API (its
 * workflow runs).
 */
type Fixture = 'open' | 'meeting' | 'queued' | 'takenUp' | 'answered' | 'escalated';
interface ItemCtx {
  itemId: string;
  meetingId: string;
}

async function itemFixture(kind: Fixture, side: 'own' | 'foreign'): Promise<ItemCtx> {
  const prisma = h.db.prisma;
  const community = side === 'own' ? units.own : units.foreign;
  const compound = side === 'own' ? units.ownCompound : units.foreignCompound;
  const meetingOf = (unitId: string, period: 'quarter' | 'month') =>
    prisma.meeting.create({
      data: {
        unitId,
        heldOn: new Date(`${today}T00:00:00Z`),
        periodKey: periodOfDate(today, period).key,
        minutes: '会议纪要',
      },
    });
  const raise = (meetingId: string, unitId: string) =>
    prisma.agendaItem.create({ data: { meetingId, unitId, currentUnitId: unitId, title: '议题', raisedBy: '居民' } });
  const up = async (itemId: string) =>
    climb(prisma, (await loadItem(prisma, itemId))!, {
      what: '事项',
      whyNotSolvable: '本级无法解决',
      ask: '请上级研究',
      minutes: '会议纪要',
      sourceMeetingId: null,
      escalatedBy: 'admin:test',
      escalatedByRule: false,
      now: new Date(),
    });

  if (kind === 'meeting') return { itemId: '', meetingId: (await meetingOf(community.id, 'quarter')).id };
  if (kind === 'queued' || kind === 'takenUp') {
    const item = await raise((await meetingOf(compound.id, 'month')).id, compound.id);
    await up(item.id);
    const upper = await meetingOf(community.id, 'quarter');
    if (kind === 'takenUp') await takeUp(prisma, (await loadItem(prisma, item.id))!, upper, 'admin:test', new Date());
    return { itemId: item.id, meetingId: upper.id };
  }
  const meeting = await meetingOf(community.id, 'quarter');
  const item = await raise(meeting.id, community.id);
  if (kind === 'escalated') {
    await h.admin
      .post(`/api/agenda-items/${item.id}/escalations`)
      .send({ what: '事项', whyNotSolvable: '本级无法解决', ask: '请上级研究' })
      .expect(201);
  }
  if (kind === 'answered') {
    const hop = await up(item.id);
    await prisma.feedback.create({
      data: {
        agendaItemId: item.id,
        escalationId: hop.id,
        round: 0,
        outcome: 'resolved',
        text: '已解决',
        answeredBy: 'admin:test',
        answeredAt: new Date(),
      },
    });
    await prisma.escalation.update({ where: { id: hop.id }, data: { state: 'answered' } });
    await prisma.agendaItem.update({
      where: { id: item.id },
      data: { state: 'answered', currentUnitId: community.id },
    });
  }
  return { itemId: item.id, meetingId: meeting.id };
}

const extenders = (): Record<Who, [number, number]> => ({
  admin: [201, 201],
  supervisor: [201, 201],
  convener: [403, 403],
  leader: [403, 403],
  department: [403, 403],
  rater: [403, 403],
  member: [403, 403],
  anonymous: [401, 401],
});
const inAYear = shanghaiDateOf(Date.now() + 365 * 86_400_000);

const itemRoutes: [string, Fixture, (a: Agent, x: ItemCtx) => request.Test, Record<Who, [number, number]>][] = [
  ['GET agenda item', 'open', (a, x) => a.get(`/api/agenda-items/${x.itemId}`), readers()],
  ['GET escalation status', 'escalated', (a, x) => a.get(`/api/agenda-items/${x.itemId}/escalation-status`), readers()],
  [
    'POST agenda item to a meeting',
    'meeting',
    (a, x) => a.post(`/api/meetings/${x.meetingId}/agenda-items`).send({ title: '新议题', raisedBy: '居民' }),
    writers(201),
  ],
  [
    'POST resolution',
    'open',
    (a, x) => a.post(`/api/agenda-items/${x.itemId}/resolution`).send({ resolution: '本级解决' }),
    writers(200),
  ],
  [
    'POST escalation',
    'open',
    (a, x) =>
      a
        .post(`/api/agenda-items/${x.itemId}/escalations`)
        .send({ what: '事项', whyNotSolvable: '本级无法解决', ask: '请上级研究' }),
    writers(201),
  ],
  [
    'POST take-up',
    'queued',
    (a, x) => a.post(`/api/agenda-items/${x.itemId}/take-up`).send({ meetingId: x.meetingId }),
    writers(200),
  ],
  [
    'POST feedback',
    'takenUp',
    (a, x) => a.post(`/api/agenda-items/${x.itemId}/feedback`).send({ outcome: 'resolved', text: '已解决' }),
    writers(201),
  ],
  [
    'POST response',
    'answered',
    (a, x) => a.post(`/api/agenda-items/${x.itemId}/response`).send({ response: 'confirmed' }),
    writers(200),
  ],
  [
    'POST extension',
    'queued',
    (a, x) => a.post(`/api/agenda-items/${x.itemId}/extensions`).send({ answerBy: inAYear, reason: '需现场勘查' }),
    extenders(),
  ],
];

test.each(
  itemRoutes.flatMap(([name, fixture, call, expected]) =>
    (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], fixture, call] as const),
  ),
)('%s as %s → [own item, foreign item] %j', async (_name, who, [own, foreign], fixture, call) => {
  await call(agents[who], await itemFixture(fixture, 'own')).expect(own);
  await call(agents[who], await itemFixture(fixture, 'foreign')).expect(foreign);
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

  test('a convener lists only agenda items of their subtree, whatever unit is asked for', async () => {
    const own = await itemFixture('open', 'own');
    const foreign = await itemFixture('open', 'foreign');
    const mine = await agents.convener.get('/api/agenda-items?limit=500').expect(200);
    const ids = mine.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(own.itemId);
    expect(ids).not.toContain(foreign.itemId);
    expect(
      mine.body.items.every((i: { unitId: string }) => [units.own.id, units.ownCompound.id].includes(i.unitId)),
    ).toBe(true);
    const asked = await agents.convener.get(`/api/agenda-items?unitId=${units.foreign.id}`).expect(200);
    expect(asked.body).toMatchObject({ items: [], total: 0 });
    const theirs = await agents.supervisor.get(`/api/agenda-items?unitId=${units.foreign.id}&limit=500`).expect(200);
    expect(theirs.body.items.map((i: { id: string }) => i.id)).toContain(foreign.itemId);
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

// --- The three entries (三进): pairings, leaders and their visits, departments, attendance -------

describe('the three entries', () => {
  const leaders = {} as Record<'own' | 'foreign', { id: string; code: string }>;
  const departmentCodes: string[] = [];
  const departmentIds: string[] = [];
  const entriesRule = {
    minDepartmentsPerCommunity: 3,
    maxDepartmentsPerCommunity: 5,
    visitPeriod: 'quarter',
    minVisits: 1,
    visitReminderLadder: [10, 3],
    visitSupervisorAfterDays: 3,
    absenceThreshold: 3,
    evaluationQuorum: 50,
    evaluationOpensOn: '12-01',
    evaluationClosesOn: '12-25',
    evaluationReminderEveryDays: 5,
  };
  const newLeader = (side: 'own' | 'foreign') =>
    h.admin
      .post('/api/leaders')
      .send({
        code: `leader-${side}-${randomUUID().slice(0, 8)}`,
        name: side === 'own' ? '王领导' : '赵领导',
        email: `${side}-leader@example.org`,
        communityId: units[side].id,
      })
      .expect(201)
      .then((r) => r.body as { id: string; code: string });

  beforeAll(async () => {
    const tag = randomUUID().slice(0, 6);
    for (let i = 0; i < 4; i++) {
      const res = await h.admin
        .post('/api/departments')
        .send({
          code: `dept${i}-${tag}`,
          name: `部门${i}${tag}`,
          contactName: '联络员',
          contactEmail: `d${i}@example.org`,
        })
        .expect(201);
      departmentCodes.push(res.body.code);
      departmentIds.push(res.body.id);
    }
    departmentCodes.pop(); // the fourth stays unpaired
    await h.admin.put(`/api/units/${units.own.id}/department-pairings`).send({ departmentCodes }).expect(200);
    leaders.own = await newLeader('own');
    leaders.foreign = await newLeader('foreign');
    // The role's users act for the own community's leader and for a department paired with it.
    const userOf = async (who: Who) => (await agents[who].get('/api/me').expect(200)).body.id as string;
    await h.db.prisma.user.update({ where: { id: await userOf('leader') }, data: { leaderId: leaders.own.id } });
    await h.db.prisma.user.update({
      where: { id: await userOf('department') },
      data: { departmentId: departmentIds[0] },
    });
  });

  const admins = (ok: number): Record<Who, [number, number]> => ({
    admin: [ok, ok],
    supervisor: [403, 403],
    convener: [403, 403],
    leader: [403, 403],
    department: [403, 403],
    rater: [403, 403],
    member: [403, 403],
    anonymous: [401, 401],
  });

  const entriesUnitRoutes: [string, Call, Record<Who, [number, number]>][] = [
    ['GET pairings', (a, u) => a.get(`/api/units/${u.id}/pairings`), readers()],
    [
      'PUT department pairings',
      (a, u) => a.put(`/api/units/${u.id}/department-pairings`).send({ departmentCodes }),
      admins(200),
    ],
  ];

  test.each(
    entriesUnitRoutes.flatMap(([name, call, expected]) =>
      (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], call] as const),
    ),
  )('%s as %s → [own community, foreign community] %j', async (_name, who, [own, foreign], call) => {
    await call(agents[who], units.own).expect(own);
    await call(agents[who], units.foreign).expect(foreign);
  });

  /** Who records a visit: admins, the leader themselves and the paired community's convener. */
  const visitors = (): Record<Who, [number, number]> => ({
    admin: [201, 201],
    supervisor: [403, 403],
    convener: [201, 404],
    leader: [201, 404],
    department: [404, 404],
    rater: [404, 404],
    member: [404, 404],
    anonymous: [401, 401],
  });

  type LeaderCall = (a: Agent, leader: { id: string; code: string }) => request.Test;
  /** Routes on one leader: [own community's leader, foreign community's leader]; `fresh`: a new leader each call. */
  const leaderRoutes: [string, LeaderCall, Record<Who, [number, number]>, boolean][] = [
    ['GET leader', (a, x) => a.get(`/api/leaders/${x.id}`), readers(), false],
    ['GET leader by code', (a, x) => a.get(`/api/leaders/${x.code}`), readers(), false],
    ['GET leader obligation', (a, x) => a.get(`/api/leaders/${x.id}/obligation`), readers(), false],
    ['GET leader visits', (a, x) => a.get(`/api/leaders/${x.id}/visits`), readers(), false],
    [
      'POST visit',
      (a, x) => a.post(`/api/leaders/${x.id}/visits`).send({ visitedOn: today, purposes: ['research_guidance'] }),
      visitors(),
      false,
    ],
    ['PATCH leader', (a, x) => a.patch(`/api/leaders/${x.id}`).send({ title: '副市长' }), admins(200), false],
    ['DELETE leader', (a, x) => a.delete(`/api/leaders/${x.id}`), admins(204), true],
  ];

  test.each(
    leaderRoutes.flatMap(([name, call, expected, fresh]) =>
      (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], call, fresh] as const),
    ),
  )('%s as %s → [own leader, foreign leader] %j', async (_name, who, [own, foreign], call, fresh) => {
    await call(agents[who], fresh ? await newLeader('own') : leaders.own).expect(own);
    await call(agents[who], fresh ? await newLeader('foreign') : leaders.foreign).expect(foreign);
  });

  const entriesGlobalRoutes: [string, (a: Agent) => request.Test, Record<Who, number>][] = [
    ['GET /api/entries-rule', (a) => a.get('/api/entries-rule'), all(200)],
    ['PUT /api/entries-rule', (a) => a.put('/api/entries-rule').send(entriesRule), only(200, ['admin', 'supervisor'])],
    [
      'POST /api/leaders',
      (a) =>
        a.post('/api/leaders').send({
          code: `l-${randomUUID().slice(0, 8)}`,
          name: '新领导',
          email: 'l@example.org',
          communityCode: units.own.code,
        }),
      only(201, ['admin']),
    ],
    ['GET /api/leaders', (a) => a.get('/api/leaders'), all(200)],
    [
      'POST /api/departments',
      (a) =>
        a.post('/api/departments').send({
          code: `d-${randomUUID().slice(0, 8)}`,
          name: '新部门',
          contactName: '联络员',
          contactEmail: 'd@example.org',
        }),
      only(201, ['admin']),
    ],
    ['GET /api/departments', (a) => a.get('/api/departments'), all(200)],
    ['GET /api/supervision/visits', (a) => a.get('/api/supervision/visits'), only(200, ['admin', 'supervisor'])],
    [
      'GET /api/supervision/visits/by-leader',
      (a) => a.get('/api/supervision/visits/by-leader'),
      only(200, ['admin', 'supervisor']),
    ],
    [
      'GET /api/supervision/attendance',
      (a) => a.get('/api/supervision/attendance'),
      all(200, { rater: 403, member: 403 }),
    ],
  ];

  test.each(
    entriesGlobalRoutes.flatMap(([name, call, expected]) =>
      (Object.keys(expected) as Who[]).map((who) => [name, who, expected[who], call] as const),
    ),
  )('%s as %s → %d', async (_name, who, status, call) => {
    await call(agents[who]).expect(status);
  });

  test('lists stay in scope: a leader sees themselves, a department its rows, filters never widen', async () => {
    const own = await agents.leader.get(`/api/leaders?communityId=${units.foreign.id}`).expect(200);
    expect(own.body.items).toEqual([]);
    const self = await agents.leader.get('/api/leaders?limit=500').expect(200);
    expect(self.body.items.map((x: { id: string }) => x.id)).toEqual([leaders.own.id]);
    const theirs = await agents.convener.get(`/api/leaders?communityId=${units.foreign.id}`).expect(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const rows = await agents.department.get('/api/supervision/attendance').expect(200);
    const seen = new Set(rows.body.items.map((r: { department: { id: string } }) => r.department.id));
    expect([...seen]).toEqual([departmentIds[0]]);
    const other = await agents.department.get(`/api/supervision/attendance?departmentId=${departmentIds[1]}`);
    expect(other.body.items).toEqual([]);
    const foreign = await agents.convener.get(`/api/supervision/attendance?communityId=${units.foreign.id}`);
    expect(foreign.body.items).toEqual([]);
  });
});
