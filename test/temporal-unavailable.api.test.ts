/**
 * Temporal out of reach while an act is recorded: the API answers 503 temporal_unavailable with
 * Retry-After — as it answers database_unavailable — not 500; what was recorded stays recorded.
 * Found by `npm run chaos -- --cluster`: right after PostgreSQL came back under the Temporal
 * server, a start met NamespaceNotFoundError (the server had not reloaded its namespace cache).
 */
import { randomUUID } from 'node:crypto';
import { Client, ServiceError as TemporalServiceError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../api/app';
import { createLogger } from '../infra/log';
import { isTemporalUnavailable } from '../services/errors';
import { openTestDatabase, startTemporal } from './support/api-harness';
import { agentFor, TEST_AUTH } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

test('what counts as Temporal unavailable: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, a namespace not (yet) found', () => {
  const grpc = (code: number) => Object.assign(new Error(`grpc ${code}`), { code, details: '', metadata: {} });
  for (const code of [14, 4, 8]) {
    expect(isTemporalUnavailable(new TemporalServiceError('start failed', { cause: grpc(code) }))).toBe(true);
  }
  expect(isTemporalUnavailable(new TemporalServiceError('start failed', { cause: grpc(3) }))).toBe(false); // INVALID_ARGUMENT
  expect(isTemporalUnavailable(new Error('bug'))).toBe(false);
  expect(isTemporalUnavailable(undefined)).toBe(false);
});

test('a unit registered while its namespace cannot be found: 503 temporal_unavailable with Retry-After, the unit kept', async () => {
  const { db, dispose } = await openTestDatabase('pglite');
  try {
    const app = createApp({
      prisma: db.prisma,
      // The test server, asked for a namespace it does not have: the real NamespaceNotFoundError.
      temporal: new Client({ connection: env.connection, namespace: `missing-${randomUUID().slice(0, 8)}` }),
      taskQueue: 'temporal-unavailable',
      clock: () => new Date(),
      log: createLogger('error', 'test'),
      auth: TEST_AUTH,
    });
    const admin = await agentFor(app, db.prisma, 'admin');
    const res = await admin
      .post('/api/units')
      .send({
        code: 'tu-bihai',
        name: '碧海社区',
        level: 'community',
        convenerName: '李书记',
        convenerEmail: 'li@example.org',
      })
      .expect(503);
    expect(res.body.error.code).toBe('temporal_unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await admin.get('/api/units/tu-bihai').expect(200)).body).toMatchObject({ code: 'tu-bihai' });
  } finally {
    await dispose();
  }
});
