/**
 * The HTTP API against a real database (embedded PGlite and PostgreSQL) and a real Temporal
 * dev server with the worker running.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { shanghaiDateOf } from '../domain/period';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { signToken } from '../infra/auth';
import { openDatabase, type Database } from '../infra/db';
import { createLogger } from '../infra/log';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, TEST_AUTH } from './support/auth';
import { type ApiDeps } from '../api/deps';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

describe.each(DATABASES)('API on %s', (_name, kind) => {
  let h: ApiHarness;
  let db: Database;
  let admin: Agent;
  const today = shanghaiDateOf(Date.now());

  beforeAll(async () => {
    h = await startApi(env, kind);
    ({ db, admin } = h);
  });

  afterAll(async () => {
    await h?.close();
  });

  const community = (over: Record<string, unknown> = {}) => ({
    code: `gangbei-${randomUUID().slice(0, 8)}`,
    name: '港北社区',
    level: 'community',
    convenerName: '王书记',
    convenerEmail: 'wang@example.org',
    ...over,
  });

  test('registering a unit starts its meeting obligation; repeating it is harmless', async () => {
    const body = community();
    const created = await admin.post('/api/units').send(body).expect(201);
    expect(created.body).toMatchObject({
      code: body.code,
      level: 'community',
      obligationWorkflowId: `meeting-cadence:${created.body.id}`,
    });

    const again = await admin.post('/api/units').send(body).expect(200);
    expect(again.body.id).toBe(created.body.id);
    expect(await db.prisma.unit.count({ where: { code: body.code } })).toBe(1);

    const wf = await env.client.workflow.getHandle(created.body.obligationWorkflowId).describe();
    expect(wf.status.name).toBe('RUNNING');

    const byCode = await admin.get(`/api/units/${body.code}`).expect(200);
    expect(byCode.body.id).toBe(created.body.id);

    const obligation = await admin.get(`/api/units/${body.code}/obligation`).expect(200);
    expect(obligation.body).toMatchObject({ meetingsHeld: 0, minMeetings: 1 });
  });

  test('the convener of a unit can be changed (audited); its level cannot', async () => {
    const unit = (await admin.post('/api/units').send(community()).expect(201)).body;
    const res = await admin
      .patch(`/api/units/${unit.id}`)
      .send({ convenerName: '张书记', convenerEmail: 'zhang@example.org' })
      .expect(200);
    expect(res.body).toMatchObject({ convenerName: '张书记', convenerEmail: 'zhang@example.org', level: 'community' });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'unit.update', entityId: unit.id } });
    expect(audit.before).toEqual({ convenerName: '王书记', convenerEmail: 'wang@example.org' });
    const bad = await admin.patch(`/api/units/${unit.id}`).send({ level: 'city' }).expect(400);
    expect(bad.body.error.code).toBe('invalid_input');
    await admin.patch(`/api/units/${unit.id}`).send({ convenerEmail: 'x' }).expect(400);
  });

  test('the same code with other details is a conflict naming the field', async () => {
    const body = community();
    await admin.post('/api/units').send(body).expect(201);
    const res = await admin
      .post('/api/units')
      .send({ ...body, convenerEmail: 'other@example.org' })
      .expect(409);
    expect(res.body.error).toMatchObject({ code: 'unit_code_taken', field: 'code' });
  });

  test.each([
    [{ convenerEmail: 'not-an-email' }, 'convenerEmail'],
    [{ level: 'province' }, 'level'],
    [{ name: '' }, 'name'],
    [{ code: 'Has Spaces' }, 'code'],
    [{ level: 'compound' }, 'parentId'],
    [{ parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
  ])('bad unit input %j → 400 naming %s, nothing written', async (over, field) => {
    const before = await db.prisma.unit.count();
    const res = await admin.post('/api/units').send(community(over)).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(await db.prisma.unit.count()).toBe(before);
  });

  test('a body that is not JSON → 400', async () => {
    const res = await admin.post('/api/units').set('Content-Type', 'application/json').send('{"code":').expect(400);
    expect(res.body.error.field).toBe('body');
  });

  test('unknown unit → 404 JSON', async () => {
    const res = await admin.get('/api/units/no-such-unit').expect(404);
    expect(res.body.error.code).toBe('not_found');
    await admin.post('/api/units/no-such-unit/meetings').send({ heldOn: today }).expect(404);
  });

  test('recording a meeting signals the obligation; Idempotency-Key makes a retry harmless', async () => {
    const unit = (await admin.post('/api/units').send(community()).expect(201)).body;
    const key = randomUUID();
    const meeting = { heldOn: today, kind: 'regular', attendees: ['王书记', '市住建局'], minutes: '议定停车治理方案' };
    const first = await admin
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send(meeting)
      .expect(201);
    expect(first.body).toMatchObject({ heldOn: today, obligationNotified: true });
    const retry = await admin
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send(meeting)
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(1);
    await admin
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send({ ...meeting, minutes: 'different' })
      .expect(422);

    const obligation = await admin.get(`/api/units/${unit.id}/obligation`).expect(200);
    expect(obligation.body).toMatchObject({ meetingsHeld: 1, periodKey: first.body.periodKey, nextNotice: null });
    const listed = await admin.get(`/api/units/${unit.id}/meetings`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: first.body.id, heldOn: today, attendees: meeting.attendees }),
    ]);
  });

  test.each([
    [{ heldOn: shanghaiDateOf(Date.now() + 3 * 86_400_000) }, 'heldOn'],
    [{ heldOn: '2026-02-30' }, 'heldOn'],
    [{ heldOn: '30/03/2026' }, 'heldOn'],
    [{ heldOn: '2026-03-01', kind: 'secret' }, 'kind'],
    [{ heldOn: '2026-03-01', attendees: 'everyone' }, 'attendees'],
  ])('bad meeting %j → 400 naming %s, nothing written', async (body, field) => {
    const unit = (await admin.post('/api/units').send(community()).expect(201)).body;
    const res = await admin.post(`/api/units/${unit.id}/meetings`).send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(await db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(0);
  });

  test('cadence rules are data: read, change, validate', async () => {
    const list = await admin.get('/api/cadence-rules').expect(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ level: 'compound', period: 'month', reminderLadder: [10, 3, 1] }),
    );
    const rule = {
      period: 'quarter',
      minMeetings: 2,
      reminderLadder: [15, 2],
      supervisorAfterDays: 5,
      countAdhoc: false,
    };
    const put = await admin.put('/api/cadence-rules/street').send(rule).expect(200);
    expect(put.body).toEqual({ level: 'street', ...rule, appliesFrom: 'next period' });
    const bad = await admin
      .put('/api/cadence-rules/street')
      .send({ ...rule, period: 'fortnight' })
      .expect(400);
    expect(bad.body.error.field).toBe('period');
    const badLadder = await admin
      .put('/api/cadence-rules/street')
      .send({ ...rule, reminderLadder: [3, -1] })
      .expect(400);
    expect(badLadder.body.error.field).toBe('reminderLadder.1');
    await admin.put('/api/cadence-rules/province').send(rule).expect(400);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: 'rule.change', entityId: 'street' } });
    expect(audit?.after).toMatchObject(rule);
  });

  test('a tree: street under a city, community under the street; wrong levels are refused', async () => {
    const tag = randomUUID().slice(0, 6);
    const city = await admin
      .post('/api/units')
      .send(community({ code: `city-${tag}`, level: 'city', name: '东港市' }))
      .expect(201);
    const street = await admin
      .post('/api/units')
      .send(community({ code: `street-${tag}`, level: 'street', name: '新兴街道', parentId: city.body.id }))
      .expect(201);
    expect(street.body.streetId).toBe(street.body.id);
    const comm = await admin
      .post('/api/units')
      .send(community({ code: `comm-${tag}`, parentCode: `street-${tag}` }))
      .expect(201);
    expect(comm.body).toMatchObject({ parentId: street.body.id, streetId: street.body.id });
    const wrong = await admin
      .post('/api/units')
      .send(community({ level: 'compound', parentCode: `street-${tag}` }))
      .expect(400);
    expect(wrong.body.error.field).toBe('parentCode');
    const listed = await admin.get(`/api/units?streetId=${street.body.id}`).expect(200);
    expect(listed.body.items.map((u: { code: string }) => u.code).sort()).toEqual([`comm-${tag}`, `street-${tag}`]);
    // A unit with units under it cannot be removed; a leaf can, and its obligation ends.
    await admin.delete(`/api/units/street-${tag}`).expect(409);
    await admin.delete(`/api/units/comm-${tag}`).expect(204);
    await admin.get(`/api/units/comm-${tag}`).expect(404);
    const result = await env.client.workflow.getHandle(comm.body.obligationWorkflowId).result();
    expect(result).toBe('unit-removed');
  });

  test('planning a meeting sends invitations with an .ics to the convener and invitees', async () => {
    const unit = (
      await admin
        .post('/api/units')
        .send(community({ convenerEmail: `conv-${randomUUID().slice(0, 6)}@example.org` }))
        .expect(201)
    ).body;
    const plannedFor = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const invitee = `dept-${randomUUID().slice(0, 6)}@example.org`;
    const planned = await admin
      .post(`/api/units/${unit.id}/planned-meetings`)
      .send({ plannedFor, place: '社区党群服务中心', invitees: [{ name: '市住建局', email: invitee }] })
      .expect(201);
    expect(planned.body).toMatchObject({ status: 'planned', place: '社区党群服务中心' });
    const got = await h.mail.sink.waitFor((m) => m.to.includes(invitee));
    expect(got.subject).toMatch(/^【会议通知】港北社区联席会议/);
    expect(got.attachments).toContainEqual(expect.objectContaining({ contentType: 'text/calendar' }));
    await h.mail.sink.waitFor((m) => m.to.includes(unit.convenerEmail) && m.subject.startsWith('【会议通知】'));
    await admin
      .post(`/api/units/${unit.id}/planned-meetings`)
      .send({ plannedFor: '2020-01-01T09:00:00+08:00', place: 'x' })
      .expect(400);
    await admin.post(`/api/units/${unit.id}/planned-meetings`).send({ plannedFor: 'tomorrow', place: 'x' }).expect(400);
  });

  test('supervisors: add (repeat harmless), list, remove; bad email names the field', async () => {
    const email = `sup-${randomUUID().slice(0, 6)}@example.org`;
    await admin.post('/api/supervisors').send({ name: '联络办', email }).expect(201);
    await admin.post('/api/supervisors').send({ name: '联络办', email }).expect(200);
    const list = await admin.get('/api/supervisors').expect(200);
    const me = list.body.items.find((s: { email: string }) => s.email === email);
    expect(me).toBeDefined();
    await admin.delete(`/api/supervisors/${me.id}`).expect(204);
    const bad = await admin.post('/api/supervisors').send({ name: 'x', email: 'nope' }).expect(400);
    expect(bad.body.error.field).toBe('email');
    await admin.get('/api/supervision/compliance?period=2026-Q9').expect(400);
    await admin.get('/api/supervision/overdue?level=planet').expect(400);
  });

  test('a meeting dated in a closed period corrects that period, with an audit trail', async () => {
    const unit = (await admin.post('/api/units').send(community()).expect(201)).body;
    const outcome = await db.prisma.periodOutcome.create({
      data: {
        unitId: unit.id,
        obligation: unit.obligationWorkflowId,
        periodKey: '2026-Q1',
        dueAt: new Date('2026-03-30T16:00:00Z'),
        meetingsHeld: 0,
        status: 'overdue',
        closedAt: new Date(),
      },
    });
    const overdueBefore = await admin.get('/api/supervision/overdue').expect(200);
    expect(overdueBefore.body.items.map((u: { id: string }) => u.id)).toContain(unit.id);
    await admin.post(`/api/units/${unit.id}/meetings`).send({ heldOn: '2026-03-20', minutes: '补录' }).expect(201);
    const corrected = await db.prisma.periodOutcome.findUniqueOrThrow({ where: { id: outcome.id } });
    expect([corrected.status, corrected.meetingsHeld, corrected.correctedAt]).toEqual(['met', 1, expect.any(Date)]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'period.correct', entityId: outcome.id },
    });
    expect([audit.before, audit.after]).toEqual([
      { status: 'overdue', meetingsHeld: 0 },
      expect.objectContaining({ status: 'met', meetingsHeld: 1 }),
    ]);
    const overdueAfter = await admin.get('/api/supervision/overdue').expect(200);
    expect(overdueAfter.body.items.map((u: { id: string }) => u.id)).not.toContain(unit.id);
  });
});

describe('hostile input never reaches the database as a 500', () => {
  let env2: TestWorkflowEnvironment;
  let h2: ApiHarness;
  beforeAll(async () => {
    env2 = env;
    h2 = await startApi(env2, 'pglite');
  });
  afterAll(async () => {
    await h2?.close();
  });

  test.each([
    ['query', 'streetId', (a: Agent) => a.get('/api/units?streetId=a%00b')],
    ['path', 'path', (a: Agent) => a.get('/api/units/a%00b')],
    ['body', 'name', (a: Agent) => a.post('/api/supervisors').send({ name: 'a\u0000b', email: 'n@example.org' })],
    [
      'nested body',
      'attendees.1',
      (a: Agent) => a.post('/api/units/x/meetings').send({ heldOn: '2026-01-05', attendees: ['ok', 'b\u0000'] }),
    ],
  ])('NUL in the %s → 400 naming %s', async (_where, field, call) => {
    const res = await call(h2.admin).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
  });

  test('NUL in an imported cell is that row’s problem', async () => {
    const csv =
      'code,name,level,convenerName,convenerEmail\nnul-a,好社区,community,书记,a@example.org\nnul-b,坏\u0000社区,community,书记,b@example.org\n';
    const res = await h2.admin.post('/api/units/import').set('Content-Type', 'text/csv').send(csv).expect(400);
    expect(res.body.rows).toEqual([expect.objectContaining({ row: 3, column: 'name' })]);
  });

  test.each([
    ['a charset the JSON parser cannot read', 415, { 'Content-Type': 'application/json; charset=foo' }],
    ['an unknown content encoding', 415, { 'Content-Type': 'application/json', 'Content-Encoding': 'foo' }],
    ['gzip that is not gzip', 400, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }],
  ])('%s → %d JSON', async (_name, status, headers) => {
    const res = await h2.admin
      .post('/api/supervisors')
      .set(headers)
      .send('{"name":"x","email":"x@example.org"}')
      .expect(status);
    expect(res.body.error.code).toMatch(/unsupported_media_type|invalid_input/);
  });

  test('a path that is not valid percent-encoding → 400', async () => {
    const res = await h2.admin.get('/api/units/%E0%A4%A').expect(400);
    expect(res.body.error.field).toBe('path');
  });

  test('a new API key is never stored for replay: the same Idempotency-Key gets a new key', async () => {
    const me = await h2.admin.get('/api/me').expect(200);
    const first = await h2.admin.post(`/api/users/${me.body.id}/api-keys`).set('Idempotency-Key', 'k1').expect(201);
    const second = await h2.admin.post(`/api/users/${me.body.id}/api-keys`).set('Idempotency-Key', 'k1').expect(201);
    expect(second.body.key).not.toBe(first.body.key);
    const stored = await h2.db.prisma.idempotencyRecord.findMany();
    expect(JSON.stringify(stored)).not.toContain(first.body.key);
  });

  test('dates out of range are refused', async () => {
    const unit = await h2.admin
      .post('/api/units')
      .send({
        code: `r-${randomUUID().slice(0, 6)}`,
        name: '范围社区',
        level: 'community',
        convenerName: '书记',
        convenerEmail: 'r@example.org',
      })
      .expect(201);
    await h2.admin.post(`/api/units/${unit.body.id}/meetings`).send({ heldOn: '1900-01-01' }).expect(400);
    const far = await h2.admin
      .post(`/api/units/${unit.body.id}/planned-meetings`)
      .send({ plannedFor: '9999-12-31T23:59:59+00:00', place: 'x' })
      .expect(400);
    expect(far.body.error.field).toBe('plannedFor');
  });
});

describe('the database out of reach', () => {
  // A real driver against a port nothing listens on: every query fails to connect.
  let db: Database;
  let app: Express;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'postgres', url: 'postgresql://nobody@127.0.0.1:1/none' });
    app = createApp({
      prisma: db.prisma,
      temporal: {} as ApiDeps['temporal'],
      taskQueue: 'unreachable-db',
      clock: () => new Date(),
      log: createLogger('error', 'test'),
      auth: TEST_AUTH,
    });
  });

  afterAll(async () => {
    await db?.close();
  });

  test('liveness stays 200; readiness and every logged-in call answer 503 database_unavailable with Retry-After', async () => {
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(app).get('/readyz').expect(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.body).toEqual({ error: { code: 'database_unavailable', message: expect.stringContaining('数据库') } });
    const { token } = signToken('someone', TEST_AUTH.tokenSecret, 60, Date.now());
    const units = await request(app).get('/api/units').set('Authorization', `Bearer ${token}`).expect(503);
    expect(units.body.error.code).toBe('database_unavailable');
    expect(units.headers['retry-after']).toBe('5');
  });
});
