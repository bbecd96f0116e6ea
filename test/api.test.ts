/**
 * The HTTP API against a real database (embedded PGlite and PostgreSQL) and a real Temporal
 * dev server with the worker running.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { shanghaiDateOf } from '../domain/period';
import { loadConfig } from '../infra/config';
import { type Database, openDatabase } from '../infra/db';
import { createLogger } from '../infra/log';
import type { MailSink } from '../infra/mail-sink';
import { applyMigrations } from '../infra/migrate';
import { devServerExecutable } from '../infra/tools';
import { createGovernanceWorker } from '../worker';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';
import { createTestPostgresDatabase } from './support/postgres';

let env: TestWorkflowEnvironment;
let sink: MailSink;
let mail: MailFixture;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createLocal({
    server: { executable: devServerExecutable(loadConfig({})), ip: '127.0.0.1' },
  });
  mail = await startMail();
  sink = mail.sink;
});

afterAll(async () => {
  await mail?.close();
  await env?.teardown();
});

const databases: [string, () => Promise<{ db: Database; dispose(): Promise<void> }>][] = [
  [
    'embedded PGlite',
    async () => {
      const db = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
      return { db, dispose: () => db.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const pg = await createTestPostgresDatabase();
      const db = await openDatabase({ kind: 'postgres', url: pg.url });
      return {
        db,
        dispose: async () => {
          await db.close();
          await pg.drop();
        },
      };
    },
  ],
];

describe.each(databases)('API on %s', (_name, makeDb) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let app: Express;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `tq-${randomUUID()}`;
  const today = shanghaiDateOf(Date.now());

  beforeAll(async () => {
    ({ db, dispose } = await makeDb());
    await applyMigrations(db);
    const log = createLogger('warn', 'test');
    app = createApp({
      prisma: db.prisma,
      temporal: env.client,
      taskQueue,
      clock: () => new Date(),
      log,
      mailSink: sink,
    });
    worker = await createGovernanceWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      deps: activityDeps(db.prisma, mail.mailer),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await dispose?.();
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
    const created = await request(app).post('/api/units').send(body).expect(201);
    expect(created.body).toMatchObject({
      code: body.code,
      level: 'community',
      obligationWorkflowId: `meeting-cadence:${created.body.id}`,
    });

    const again = await request(app).post('/api/units').send(body).expect(200);
    expect(again.body.id).toBe(created.body.id);
    expect(await db.prisma.unit.count({ where: { code: body.code } })).toBe(1);

    const wf = await env.client.workflow.getHandle(created.body.obligationWorkflowId).describe();
    expect(wf.status.name).toBe('RUNNING');

    const byCode = await request(app).get(`/api/units/${body.code}`).expect(200);
    expect(byCode.body.id).toBe(created.body.id);

    const obligation = await request(app).get(`/api/units/${body.code}/obligation`).expect(200);
    expect(obligation.body).toMatchObject({ meetingsHeld: 0, minMeetings: 1 });
  });

  test('the same code with other details is a conflict naming the field', async () => {
    const body = community();
    await request(app).post('/api/units').send(body).expect(201);
    const res = await request(app)
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
    const res = await request(app).post('/api/units').send(community(over)).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(await db.prisma.unit.count()).toBe(before);
  });

  test('a body that is not JSON → 400', async () => {
    const res = await request(app)
      .post('/api/units')
      .set('Content-Type', 'application/json')
      .send('{"code":')
      .expect(400);
    expect(res.body.error.field).toBe('body');
  });

  test('unknown unit → 404 JSON', async () => {
    const res = await request(app).get('/api/units/no-such-unit').expect(404);
    expect(res.body.error.code).toBe('not_found');
    await request(app).post('/api/units/no-such-unit/meetings').send({ heldOn: today }).expect(404);
  });

  test('recording a meeting signals the obligation; Idempotency-Key makes a retry harmless', async () => {
    const unit = (await request(app).post('/api/units').send(community()).expect(201)).body;
    const key = randomUUID();
    const meeting = { heldOn: today, kind: 'regular', attendees: ['王书记', '市住建局'], minutes: '议定停车治理方案' };
    const first = await request(app)
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send(meeting)
      .expect(201);
    expect(first.body).toMatchObject({ heldOn: today, obligationNotified: true });
    const retry = await request(app)
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send(meeting)
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(1);
    await request(app)
      .post(`/api/units/${unit.id}/meetings`)
      .set('Idempotency-Key', key)
      .send({ ...meeting, minutes: 'different' })
      .expect(422);

    const obligation = await request(app).get(`/api/units/${unit.id}/obligation`).expect(200);
    expect(obligation.body).toMatchObject({ meetingsHeld: 1, periodKey: first.body.periodKey, nextNotice: null });
    const listed = await request(app).get(`/api/units/${unit.id}/meetings`).expect(200);
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
    const unit = (await request(app).post('/api/units').send(community()).expect(201)).body;
    const res = await request(app).post(`/api/units/${unit.id}/meetings`).send(body).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field });
    expect(await db.prisma.meeting.count({ where: { unitId: unit.id } })).toBe(0);
  });

  test('cadence rules are data: read, change, validate', async () => {
    const list = await request(app).get('/api/cadence-rules').expect(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ level: 'compound', period: 'month' }));
    const put = await request(app)
      .put('/api/cadence-rules/street')
      .send({ period: 'quarter', minMeetings: 2, reminderOffsetDays: 15 })
      .expect(200);
    expect(put.body).toEqual({ level: 'street', period: 'quarter', minMeetings: 2, reminderOffsetDays: 15 });
    const bad = await request(app)
      .put('/api/cadence-rules/street')
      .send({ period: 'fortnight', minMeetings: 1, reminderOffsetDays: 1 })
      .expect(400);
    expect(bad.body.error.field).toBe('period');
    await request(app).put('/api/cadence-rules/province').send(put.body).expect(400);
  });
});
