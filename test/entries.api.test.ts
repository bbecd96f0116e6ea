/**
 * The three entries (三进) through the HTTP API, against a real database (embedded PGlite and
 * PostgreSQL) and a real Temporal dev server with the worker running: the rule, departments and
 * their pairings with communities (3 to 5), city leaders and their visits (by hand, and counted
 * from a community joint meeting's attendees), the supervisors' views, and the paired
 * departments' attendance with the absence notice. The API's clock is simulated and moved by the
 * tests (Asia/Shanghai, 10:00); every figure below was worked out by hand from the dates, not by
 * the code under test. Only the last part runs on the real clock: a leader's visit obligation
 * (a Temporal workflow) watches the real current period.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import request, { type Response } from 'supertest';
import type { z } from 'zod';
import {
  attendanceTable,
  communityPairings,
  department,
  departmentList,
  entriesRule,
  leader as leaderSchema,
  leaderObligation,
  leaderPage,
  recordedVisit,
  savedEntriesRule,
  visitList,
  visitsByLeader,
  visitsPage,
} from '../api/contract/entries';
import { unitHistory } from '../api/contract/units';
import { periodContaining, shanghaiDateOf } from '../domain/period';
import { signToken } from '../infra/auth';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor, TEST_AUTH } from './support/auth';
import { attendanceCheckWorkflowId, leaderVisitWorkflowId } from '../domain/workflow-ids';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

/** 10:00 in Asia/Shanghai on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

/** The body as documented, with nothing undocumented in it (zod drops unknown keys). */
function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

const DEFAULT_RULE = {
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
  attendanceNotices: 'wait',
};

type UnitKey = 'city' | 'streetA' | 'bihai' | 'gangbei' | 'haiou' | 'streetB' | 'haibin' | 'live';
type DeptKey = 'd1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6';
type LeaderKey = 'l1' | 'l2' | 'l3' | 'l4';
interface Ref {
  id: string;
  code: string;
  name: string;
}

/** Poll until `probe` returns something, for up to 10 s. */
async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(DATABASES)('the three entries on %s', (_name, kind) => {
  let h: ApiHarness;
  let now = at('2026-04-01');
  let u: Record<UnitKey, Ref>;
  const d = {} as Record<DeptKey, Ref & { contactEmail: string }>;
  const l = {} as Record<LeaderKey, Ref>;
  let tag: string;
  let conv: Record<'bihai' | 'gangbei', Agent>;
  let supervisor: Agent;
  let officeEmail: string;
  /** Users acting for a leader and a department (POST /api/users with leaderId / departmentId). */
  const acting = {} as Record<'leader' | 'department', { agent: Agent; username: string }>;
  const meetings: string[] = [];

  /** An agent with a token for this user (issued on the real clock: valid for any earlier API clock). */
  const agentOf = (userId: string): Agent => {
    const { token } = signToken(userId, TEST_AUTH.tokenSecret, TEST_AUTH.tokenTtlSeconds, Date.now());
    return request.agent(h.app).set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    tag = randomUUID().slice(0, 6);
    const spec: [UnitKey, string, string, UnitKey?][] = [
      ['city', '东港市', 'city'],
      ['streetA', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'streetA'],
      ['gangbei', '港北社区', 'community', 'streetA'],
      ['haiou', '海鸥花园', 'compound', 'bihai'],
      ['streetB', '大东街道', 'street', 'city'],
      ['haibin', '海滨社区', 'community', 'streetB'],
      ['live', '新港社区', 'community', 'streetB'],
    ];
    u = {} as typeof u;
    for (const [key, name, level, parent] of spec) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key.toLowerCase()}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: u[parent].id } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key.toLowerCase()}-${tag}@example.org`,
        })
        .expect(201);
      u[key] = { id: res.body.id, code: res.body.code, name };
    }
    conv = {
      bihai: await agentFor(h.app, h.db.prisma, 'convener', u.bihai.id),
      gangbei: await agentFor(h.app, h.db.prisma, 'convener', u.gangbei.id),
    };
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
    officeEmail = `office-${tag}@example.org`;
    await h.admin.post('/api/supervisors').send({ name: '刘主任', email: officeEmail }).expect(201);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('the rule: the defaults, refused input (400 naming the field), admin and supervisors only', async () => {
    const got = await conv.bihai.get('/api/entries-rule').expect(200);
    conforms(entriesRule, got.body);
    expect(got.body).toEqual(DEFAULT_RULE);

    const refused: [Record<string, unknown>, string][] = [
      [{ minDepartmentsPerCommunity: 4, maxDepartmentsPerCommunity: 3 }, 'maxDepartmentsPerCommunity'],
      [{ evaluationOpensOn: '12-20', evaluationClosesOn: '12-10' }, 'evaluationClosesOn'],
      [{ evaluationClosesOn: '02-30' }, 'evaluationClosesOn'],
      [{ evaluationOpensOn: '02-29', evaluationClosesOn: '03-10' }, 'evaluationOpensOn'],
      [{ evaluationOpensOn: '13-01' }, 'evaluationOpensOn'],
      [{ visitPeriod: 'week' }, 'visitPeriod'],
      [{ minVisits: 0 }, 'minVisits'],
      [{ absenceThreshold: 1.5 }, 'absenceThreshold'],
      [{ visitReminderLadder: [10, 0] }, 'visitReminderLadder.1'],
      [{ attendanceNotices: 'tomorrow' }, 'attendanceNotices'],
      [{ extra: true }, 'body'],
    ];
    for (const [change, field] of refused) {
      const res = await h.admin
        .put('/api/entries-rule')
        .send({ ...DEFAULT_RULE, ...change })
        .expect(400);
      expect({ change, error: errorOf(res) }).toMatchObject({ change, error: { code: 'invalid_input', field } });
    }
    expect(
      errorOf(await h.admin.put('/api/entries-rule').send({ ...DEFAULT_RULE, maxDepartmentsPerCommunity: 2 })).message,
    ).toBe('maxDepartmentsPerCommunity must be at least minDepartmentsPerCommunity');
    // Nothing of that was saved.
    expect((await h.admin.get('/api/entries-rule').expect(200)).body).toEqual(DEFAULT_RULE);

    await conv.bihai.put('/api/entries-rule').send(DEFAULT_RULE).expect(403);
    const saved = await supervisor.put('/api/entries-rule').send(DEFAULT_RULE).expect(200);
    conforms(savedEntriesRule, saved.body);
    expect(saved.body).toEqual({
      ...DEFAULT_RULE,
      appliesFrom: 'next period (visits); next check (attendance); campaigns not yet open',
    });
  });

  test('departments: registered once, the same again is 200, the code with other details is 409 code_taken', async () => {
    const names: Record<DeptKey, string> = {
      d1: '市住建局',
      d2: '市司法局',
      d3: '市卫健委',
      d4: '市民政局',
      d5: '市城管局',
      d6: '市文旅局',
    };
    for (const key of Object.keys(names) as DeptKey[]) {
      const body = {
        code: `${key}-${tag}`,
        name: names[key],
        contactName: `${names[key]}联络员`,
        contactEmail: `${key}-${tag}@example.org`,
      };
      const res = await h.admin.post('/api/departments').send(body).expect(201);
      conforms(department, res.body);
      expect(res.body).toEqual({ id: expect.any(String), ...body, locale: 'zh-CN' });
      d[key] = { id: res.body.id, code: body.code, name: body.name, contactEmail: body.contactEmail };
    }
    const d1 = { code: d.d1.code, name: '市住建局', contactName: '市住建局联络员', contactEmail: d.d1.contactEmail };
    expect((await h.admin.post('/api/departments').send(d1).expect(200)).body.id).toBe(d.d1.id);
    const taken = await h.admin
      .post('/api/departments')
      .send({ ...d1, name: '市住房和城乡建设局' })
      .expect(409);
    expect(errorOf(taken)).toMatchObject({ code: 'code_taken', field: 'code' });
    expect(errorOf(taken).message).toContain(`Department code ${d.d1.code} is registered with other details`);
    expect(
      errorOf(
        await h.admin
          .post('/api/departments')
          .send({ ...d1, contactEmail: 'nope' })
          .expect(400),
      ).field,
    ).toBe('contactEmail');
    await conv.bihai.post('/api/departments').send(d1).expect(403);

    const list = await conv.bihai.get('/api/departments').expect(200);
    conforms(departmentList, list.body);
    expect(list.body.items.map((x: Ref) => x.code)).toEqual(
      (['d1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const).map((k) => d[k].code),
    );
    expect(list.body.items.every((x: { communityIds: string[] }) => x.communityIds.length === 0)).toBe(true);
  });

  test('pairings: 3–5 departments per community by the rule, unknown codes named, all or nothing', async () => {
    const put = (unit: Ref, keys: string[]) =>
      h.admin
        .put(`/api/units/${unit.code}/department-pairings`)
        .send({ departmentCodes: keys.map((k) => (k in d ? d[k as DeptKey].code : k)) });
    const range = (n: number) =>
      `每个社区结对 3–5 个部门，此处为 ${n} 个 / A community is paired with 3 to 5 departments; this gives ${n}`;

    expect(errorOf(await put(u.bihai, ['d1', 'd2']).expect(400))).toEqual({
      code: 'invalid_input',
      field: 'departmentCodes',
      message: range(2),
    });
    expect(errorOf(await put(u.bihai, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']).expect(400))).toEqual({
      code: 'invalid_input',
      field: 'departmentCodes',
      message: range(6),
    });
    const unknown = errorOf(await put(u.bihai, ['d1', `nope-${tag}`, 'd3']).expect(400));
    expect(unknown).toMatchObject({ code: 'invalid_input', field: 'departmentCodes.1' });
    expect(unknown.message).toContain(`Department nope-${tag} does not exist`);
    expect(errorOf(await put(u.bihai, ['d1', 'd2', 'd1']).expect(400)).field).toBe('departmentCodes');
    expect(errorOf(await put(u.haiou, ['d1', 'd2', 'd3']).expect(400)).field).toBe('path.unitRef');
    expect(errorOf(await put(u.bihai, []).expect(400)).field).toBe('departmentCodes');
    await h.admin
      .put(`/api/units/nope-${tag}/department-pairings`)
      .send({ departmentCodes: [d.d1.code] })
      .expect(404);
    await conv.bihai.put(`/api/units/${u.bihai.code}/department-pairings`).send({ departmentCodes: [] }).expect(403);
    expect((await h.admin.get(`/api/units/${u.bihai.code}/pairings`).expect(200)).body.departments).toEqual([]);

    // The rule says 2 to 4: two departments are enough.
    await h.admin
      .put('/api/entries-rule')
      .send({ ...DEFAULT_RULE, minDepartmentsPerCommunity: 2, maxDepartmentsPerCommunity: 4 })
      .expect(200);
    const two = await put(u.bihai, ['d2', 'd1']).expect(200);
    conforms(communityPairings, two.body);
    expect(two.body).toEqual({
      communityId: u.bihai.id,
      leaders: [],
      departments: [
        { ...departmentBody('d1'), pairedOn: '2026-04-01' },
        { ...departmentBody('d2'), pairedOn: '2026-04-01' },
      ],
    });
    expect(errorOf(await put(u.gangbei, ['d1', 'd2', 'd3', 'd4', 'd5']).expect(400)).message).toBe(
      '每个社区结对 2–4 个部门，此处为 5 个 / A community is paired with 2 to 4 departments; this gives 5',
    );
    await h.admin.put('/api/entries-rule').send(DEFAULT_RULE).expect(200);

    // Back to 3–5: a third department joins; the same list again changes nothing.
    await put(u.bihai, ['d1', 'd2', 'd3']).expect(200);
    const same = await put(u.bihai, ['d3', 'd2', 'd1']).expect(200);
    expect(same.body.departments.map((x: Ref) => x.code)).toEqual([d.d1.code, d.d2.code, d.d3.code]);

    // A list refused as a whole (it would end d1–d3 and leave two) changes nothing, not even the audit trail.
    expect(errorOf(await put(u.bihai, ['d4', 'd5']).expect(400)).message).toBe(range(2));
    expect(
      (await h.admin.get(`/api/units/${u.bihai.id}/pairings`).expect(200)).body.departments.map((x: Ref) => x.code),
    ).toEqual([d.d1.code, d.d2.code, d.d3.code]);
    const endings = () =>
      h.admin
        .get('/api/audit?action=pairing.end&limit=500')
        .expect(200)
        .then((r) => r.body.items as { before: { departmentCode: string; communityId: string } }[]);
    expect(await endings()).toEqual([]);

    // A list that replaces another: d3 leaves gangbei, d6 joins.
    await put(u.gangbei, ['d3', 'd4', 'd5']).expect(200);
    const replaced = await put(u.gangbei, ['d4', 'd5', 'd6']).expect(200);
    expect(replaced.body.departments.map((x: Ref) => x.code)).toEqual([d.d4.code, d.d5.code, d.d6.code]);
    expect((await endings()).map((e) => e.before)).toEqual([{ departmentCode: d.d3.code, communityId: u.gangbei.id }]);

    const list = await h.admin.get('/api/departments').expect(200);
    expect(
      Object.fromEntries(
        list.body.items.map((x: { code: string; communityIds: string[] }) => [x.code, x.communityIds]),
      ),
    ).toEqual({
      [d.d1.code]: [u.bihai.id],
      [d.d2.code]: [u.bihai.id],
      [d.d3.code]: [u.bihai.id],
      [d.d4.code]: [u.gangbei.id],
      [d.d5.code]: [u.gangbei.id],
      [d.d6.code]: [u.gangbei.id],
    });
  });

  function departmentBody(key: DeptKey) {
    const x = d[key];
    return {
      id: x.id,
      code: x.code,
      name: x.name,
      contactName: `${x.name}联络员`,
      contactEmail: x.contactEmail,
      locale: 'zh-CN',
    };
  }

  test('leaders: registered with their community (201, 200 again, 409 code_taken), communities only', async () => {
    const l1 = {
      code: `l1-${tag}`,
      name: '王建国',
      title: '副市长',
      email: `l1-${tag}@example.org`,
      secretaryName: '刘秘书',
      secretaryEmail: `l1-sec-${tag}@example.org`,
      communityCode: u.bihai.code,
    };
    const created = await h.admin.post('/api/leaders').send(l1).expect(201);
    conforms(leaderSchema, created.body);
    expect(created.body).toEqual({
      id: expect.any(String),
      code: l1.code,
      name: '王建国',
      title: '副市长',
      email: l1.email,
      phone: null,
      locale: 'zh-CN',
      secretaryName: '刘秘书',
      secretaryEmail: l1.secretaryEmail,
      communityId: u.bihai.id,
      createdAt: expect.any(String),
      obligationWorkflowId: `leader-visit:${created.body.id}`,
    });
    l.l1 = { id: created.body.id, code: l1.code, name: l1.name };
    expect((await h.admin.post('/api/leaders').send(l1).expect(200)).body).toEqual(created.body);
    // By community id instead of code: the same leader.
    const byId = { ...l1, communityCode: undefined };
    expect(
      (
        await h.admin
          .post('/api/leaders')
          .send({ ...byId, communityId: u.bihai.id })
          .expect(200)
      ).body.id,
    ).toBe(l.l1.id);
    const taken = await h.admin
      .post('/api/leaders')
      .send({ ...l1, name: '王建军' })
      .expect(409);
    expect(errorOf(taken)).toMatchObject({ code: 'code_taken', field: 'code' });
    const moved = await h.admin
      .post('/api/leaders')
      .send({ ...l1, communityCode: u.gangbei.code })
      .expect(409);
    expect(errorOf(moved).code).toBe('code_taken');

    const other = { code: `lx-${tag}`, name: '赵', email: `lx-${tag}@example.org` };
    const street = errorOf(await h.admin.post('/api/leaders').send({ ...other, communityCode: u.streetA.code }));
    expect(street).toMatchObject({ code: 'invalid_input', field: 'communityCode' });
    expect(street.message).toContain(`Community ${u.streetA.code} does not exist (or is not a community)`);
    expect(
      errorOf(
        await h.admin
          .post('/api/leaders')
          .send({ ...other, communityId: u.haiou.id })
          .expect(400),
      ).field,
    ).toBe('communityId');
    expect(errorOf(await h.admin.post('/api/leaders').send(other).expect(400)).field).toBe('communityCode');
    expect(
      errorOf(
        await h.admin
          .post('/api/leaders')
          .send({ ...other, communityId: u.bihai.id, communityCode: u.gangbei.code })
          .expect(400),
      ).field,
    ).toBe('communityId');
    expect(
      errorOf(
        await h.admin
          .post('/api/leaders')
          .send({ ...other, communityCode: u.bihai.code, email: 'not-an-email' })
          .expect(400),
      ).field,
    ).toBe('email');
    await conv.bihai
      .post('/api/leaders')
      .send({ ...other, communityCode: u.bihai.code })
      .expect(403);

    const l2 = await h.admin
      .post('/api/leaders')
      .send({ code: `l2-${tag}`, name: '李振华', email: `l2-${tag}@example.org`, communityId: u.gangbei.id })
      .expect(201);
    l.l2 = { id: l2.body.id, code: l2.body.code, name: '李振华' };
    const l3 = await h.admin
      .post('/api/leaders')
      .send({ code: `l3-${tag}`, name: '陈立新', email: `l3-${tag}@example.org`, communityCode: u.haibin.code })
      .expect(201);
    l.l3 = { id: l3.body.id, code: l3.body.code, name: '陈立新' };

    // Who sees whom: the office every leader, a convener those of their communities (a filter never widens that).
    const all = await supervisor.get('/api/leaders').expect(200);
    conforms(leaderPage, all.body);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.body.items.map((x: Ref) => x.code)).toEqual([l.l1.code, l.l2.code, l.l3.code]);
    expect((await supervisor.get(`/api/leaders?communityId=${u.haibin.id}`).expect(200)).body.items).toHaveLength(1);
    const mine = await conv.bihai.get('/api/leaders').expect(200);
    expect(mine.body.items.map((x: Ref) => x.code)).toEqual([l.l1.code]);
    expect((await conv.bihai.get(`/api/leaders?communityId=${u.haibin.id}`).expect(200)).body).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await conv.bihai.get(`/api/leaders/${l.l1.code}`).expect(200)).body.id).toBe(l.l1.id);
    await conv.bihai.get(`/api/leaders/${l.l2.id}`).expect(404);
    await conv.gangbei.get(`/api/leaders/${l.l1.code}`).expect(404);
    await h.admin.get(`/api/leaders/nope-${tag}`).expect(404);

    // Changes: only what is given; another community must be a community.
    const patched = await h.admin.patch(`/api/leaders/${l.l1.code}`).send({ phone: '0415-7123456' }).expect(200);
    conforms(leaderSchema, patched.body);
    expect(patched.body).toEqual({ ...created.body, phone: '0415-7123456' });
    expect(
      errorOf(await h.admin.patch(`/api/leaders/${l.l1.code}`).send({ communityCode: u.haiou.code }).expect(400)),
    ).toMatchObject({ field: 'communityCode' });
    expect(errorOf(await h.admin.patch(`/api/leaders/${l.l1.code}`).send({ code: 'x' }).expect(400)).code).toBe(
      'invalid_input',
    );
    await conv.bihai.patch(`/api/leaders/${l.l1.code}`).send({ phone: '0415-1' }).expect(403);

    const pairings = await conv.bihai.get(`/api/units/${u.bihai.code}/pairings`).expect(200);
    conforms(communityPairings, pairings.body);
    expect(pairings.body.leaders).toEqual([patched.body]);
    expect(pairings.body.departments.map((x: Ref) => x.code)).toEqual([d.d1.code, d.d2.code, d.d3.code]);
    await conv.gangbei.get(`/api/units/${u.bihai.code}/pairings`).expect(404);
  });

  test('users acting for a leader and a department (POST /api/users with leaderId, departmentId)', async () => {
    const leaderUser = await h.admin
      .post('/api/users')
      .send({ username: `wang-${tag}`, displayName: '王建国', role: 'leader', leaderId: l.l1.id })
      .expect(201);
    expect(leaderUser.body).toMatchObject({
      role: 'leader',
      unitId: u.bihai.id, // the paired community
      leaderId: l.l1.id,
      departmentId: null,
    });
    acting.leader = { agent: agentOf(leaderUser.body.id), username: `wang-${tag}` };
    const deptUser = await h.admin
      .post('/api/users')
      .send({ username: `d1-${tag}`, displayName: '市住建局联络员', role: 'department', departmentId: d.d1.id })
      .expect(201);
    expect(deptUser.body).toMatchObject({ role: 'department', unitId: null, leaderId: null, departmentId: d.d1.id });
    acting.department = { agent: agentOf(deptUser.body.id), username: `d1-${tag}` };

    const refused: [Record<string, unknown>, string][] = [
      [{ role: 'convener', leaderId: l.l1.id, unitId: u.bihai.id }, 'leaderId'],
      [{ role: 'leader', leaderId: l.l1.id, unitId: u.gangbei.id }, 'unitId'],
      [{ role: 'leader', leaderId: randomUUID() }, 'leaderId'],
      [{ role: 'leader', unitId: u.streetA.id }, 'unitId'],
      [{ role: 'rater', departmentId: d.d1.id }, 'departmentId'],
      [{ role: 'department', departmentId: randomUUID() }, 'departmentId'],
    ];
    for (const [body, field] of refused) {
      const res = await h.admin
        .post('/api/users')
        .send({ username: `x-${randomUUID().slice(0, 8)}`, displayName: 'x', ...body })
        .expect(400);
      expect({ body, field: errorOf(res).field }).toEqual({ body, field });
    }

    const me = await acting.leader.agent.get('/api/me').expect(200);
    expect(me.body).toMatchObject({ username: `wang-${tag}`, leaderId: l.l1.id, unitId: u.bihai.id });
    // A leader sees themselves only, whatever is asked.
    expect((await acting.leader.agent.get('/api/leaders').expect(200)).body).toMatchObject({
      total: 1,
      items: [{ id: l.l1.id }],
    });
    expect((await acting.leader.agent.get(`/api/leaders?communityId=${u.gangbei.id}`).expect(200)).body.items).toEqual(
      [],
    );
    await acting.leader.agent.get(`/api/leaders/${l.l1.code}`).expect(200);
    await acting.leader.agent.get(`/api/leaders/${l.l2.code}`).expect(404);
    await acting.department.agent.get(`/api/leaders/${l.l1.code}`).expect(404);
  });

  test('community joint meetings: a paired leader among the attendees is a visit; absent departments are noticed once', async () => {
    now = at('2026-06-15');
    // The checks' workflows run on the real clock, not the API's: on a weekend a check would wait
    // for Monday's notice hour (attendanceNotices: wait). Here they go at once.
    await h.admin
      .put('/api/entries-rule')
      .send({ ...DEFAULT_RULE, attendanceNotices: 'at-once' })
      .expect(200);
    const absenceMail = (department: Ref, to: string) =>
      h.mail.sink
        .messages()
        .filter(
          (m) =>
            m.to.includes(to) &&
            m.subject.includes('缺席提醒') &&
            m.subject.includes(department.name) &&
            m.subject.includes('碧海社区'),
        );
    const record = async (heldOn: string, attendees: string[]) => {
      const res = await conv.bihai
        .post(`/api/units/${u.bihai.code}/meetings`)
        .send({ heldOn, attendees, minutes: `${heldOn} 联席会议` })
        .expect(201);
      meetings.push(res.body.id);
      // The attendance check is a workflow: its result is the departments it noticed.
      const noticed = await env.client.workflow.getHandle(attendanceCheckWorkflowId(res.body.id)).result();
      return { id: res.body.id as string, noticed: noticed as string[] };
    };

    // d1 (by name, then by code) attends each meeting; d2 the first; d3 none. The threshold is 3.
    const m1 = await record('2026-04-10', ['社区书记', '市住建局', '市司法局科长']);
    expect(m1.noticed).toEqual([]);
    const m2 = await record('2026-05-08', ['社区书记', '市住建局']);
    expect(m2.noticed).toEqual([]); // d3 absent twice, d2 once
    const m3 = await record('2026-06-05', ['社区书记', d.d1.code, '王建国副市长']);
    expect(m3.noticed).toEqual([d.d3.id]); // d3 absent three times in a row

    // The notice reaches d3's contact and the liaison office, once each.
    await eventually(
      () => (absenceMail(d.d3, d.d3.contactEmail).length && absenceMail(d.d3, officeEmail).length ? true : undefined),
      'the absence notice of d3',
    );
    const [toD3] = absenceMail(d.d3, d.d3.contactEmail);
    expect(toD3!.subject).toBe('【缺席提醒】市卫健委已连续3次未参加碧海社区联席会议');
    expect(toD3!.text).toContain('2026-04-10、2026-05-08、2026-06-05');
    expect(absenceMail(d.d2, d.d2.contactEmail)).toEqual([]);

    // The leader named among m3's attendees: a visit on the meeting's day, for the joint meeting.
    const visits = await h.admin.get(`/api/leaders/${l.l1.code}/visits`).expect(200);
    conforms(visitList, visits.body);
    expect(visits.body.items).toEqual([
      {
        id: expect.any(String),
        leaderId: l.l1.id,
        communityId: u.bihai.id,
        visitedOn: '2026-06-05',
        periodKey: '2026-Q2',
        purposes: ['joint_meeting'],
        notes: null,
        meetingId: m3.id,
        recordedBy: expect.stringMatching(/^convener:convener-/),
      },
    ]);

    // A fourth meeting without d2 or d3: d2 reaches three in a row (noticed); d3's fourth is not noticed again.
    now = at('2026-07-03');
    const m4 = await record('2026-07-03', ['社区书记', '市住建局']);
    expect(m4.noticed).toEqual([d.d2.id]);
    await eventually(
      () => (absenceMail(d.d2, d.d2.contactEmail).length && absenceMail(d.d2, officeEmail).length ? true : undefined),
      'the absence notice of d2',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(absenceMail(d.d2, d.d2.contactEmail)).toHaveLength(1);
    expect(absenceMail(d.d2, officeEmail)).toHaveLength(1);
    expect(absenceMail(d.d3, d.d3.contactEmail)).toHaveLength(1);
    expect(absenceMail(d.d3, officeEmail)).toHaveLength(1);
    expect(absenceMail(d.d1, d.d1.contactEmail)).toEqual([]);
    expect(
      (await h.admin.get(`/api/leaders/${l.l1.code}/visits`).expect(200)).body.items.map(
        (v: { meetingId: string }) => v.meetingId,
      ),
    ).toEqual([m3.id]); // m4 named no leader
    await h.admin.put('/api/entries-rule').send(DEFAULT_RULE).expect(200);
  });

  test('the attendance table: meetings, attended, absences in a row, flagged — in each caller’s scope', async () => {
    const row = (key: DeptKey, community: Ref, meetings: number, attended: number, absentInARow: number) => ({
      department: { id: d[key].id, code: d[key].code, name: d[key].name },
      community: { id: community.id, name: community.name },
      meetings,
      attended,
      absentInARow,
      flagged: absentInARow >= 3,
    });
    // 2026-Q2: m1 (d1, d2 present), m2 (d1), m3 (d1); 2026-Q3: m4 (d1). d3 never came.
    const q2 = await supervisor.get(`/api/supervision/attendance?period=2026-Q2&communityId=${u.bihai.id}`).expect(200);
    conforms(attendanceTable, q2.body);
    expect(q2.body).toEqual({
      period: '2026-Q2',
      absenceThreshold: 3,
      items: [row('d3', u.bihai, 3, 0, 4), row('d2', u.bihai, 3, 1, 3), row('d1', u.bihai, 3, 3, 0)],
    });
    // The current period (the API's clock: 2026-07-03) is 2026-Q3.
    const q3 = await h.admin.get('/api/supervision/attendance').expect(200);
    expect(q3.body.period).toBe('2026-Q3');
    expect(q3.body.items).toEqual([
      row('d3', u.bihai, 1, 0, 4),
      row('d2', u.bihai, 1, 0, 3),
      row('d1', u.bihai, 1, 1, 0),
      row('d4', u.gangbei, 0, 0, 0),
      row('d5', u.gangbei, 0, 0, 0),
      row('d6', u.gangbei, 0, 0, 0),
    ]);
    expect(
      (await h.admin.get(`/api/supervision/attendance?period=2026-Q1&departmentId=${d.d2.id}`).expect(200)).body.items,
    ).toEqual([row('d2', u.bihai, 0, 0, 3)]);

    // Scope: a department sees its own rows, a convener or leader their community's; filters never widen it.
    const dept = await acting.department.agent.get('/api/supervision/attendance?period=2026-Q2').expect(200);
    expect(dept.body.items).toEqual([row('d1', u.bihai, 3, 3, 0)]);
    expect(
      (await acting.department.agent.get(`/api/supervision/attendance?departmentId=${d.d2.id}`).expect(200)).body.items,
    ).toEqual([]);
    const convener = await conv.gangbei.get('/api/supervision/attendance?period=2026-Q2').expect(200);
    expect(convener.body.items.map((x: { department: Ref }) => x.department.code)).toEqual([
      d.d4.code,
      d.d5.code,
      d.d6.code,
    ]);
    expect(
      (await conv.gangbei.get(`/api/supervision/attendance?communityId=${u.bihai.id}`).expect(200)).body.items,
    ).toEqual([]);
    expect(
      (await acting.leader.agent.get('/api/supervision/attendance?period=2026-Q2').expect(200)).body.items,
    ).toHaveLength(3);
    await (await agentFor(h.app, h.db.prisma, 'rater')).get('/api/supervision/attendance').expect(403);
    for (const query of ['period=2026-Q5', 'period=1999', 'period=x']) {
      expect(errorOf(await h.admin.get(`/api/supervision/attendance?${query}`).expect(400)).field).toBe('query.period');
    }
  });

  test('visits: by the leader, their community’s convener or an admin; not in the future; purposes checked', async () => {
    now = at('2026-06-15');
    const own = await acting.leader.agent
      .post(`/api/leaders/${l.l1.code}/visits`)
      .send({ visitedOn: '2026-05-10', purposes: ['research_guidance'], notes: '调研加装电梯' })
      .expect(201);
    conforms(recordedVisit, own.body);
    expect(own.body).toEqual({
      id: expect.any(String),
      leaderId: l.l1.id,
      communityId: u.bihai.id,
      visitedOn: '2026-05-10',
      periodKey: '2026-Q2',
      purposes: ['research_guidance'],
      notes: '调研加装电梯',
      meetingId: null,
      recordedBy: `leader:${acting.leader.username}`,
      obligationNotified: true,
    });
    const byConvener = await conv.bihai
      .post(`/api/leaders/${l.l1.id}/visits`)
      .send({ visitedOn: '2026-06-12', purposes: ['pressed_departments', 'coordinated_problem'] })
      .expect(201);
    expect(byConvener.body).toMatchObject({ periodKey: '2026-Q2', recordedBy: expect.stringMatching(/^convener:/) });
    const byAdmin = await h.admin
      .post(`/api/leaders/${l.l3.code}/visits`)
      .send({ visitedOn: '2026-02-20', purposes: ['research_guidance'] })
      .expect(201);
    expect(byAdmin.body.periodKey).toBe('2026-Q1');

    const visit = { visitedOn: '2026-06-01', purposes: ['research_guidance'] };
    await conv.gangbei.post(`/api/leaders/${l.l1.code}/visits`).send(visit).expect(404); // a foreign convener
    await acting.leader.agent.post(`/api/leaders/${l.l2.code}/visits`).send(visit).expect(404); // another leader's
    await acting.department.agent.post(`/api/leaders/${l.l1.code}/visits`).send(visit).expect(404);
    expect(errorOf(await supervisor.post(`/api/leaders/${l.l1.code}/visits`).send(visit).expect(403)).code).toBe(
      'forbidden',
    );
    await h.admin.post(`/api/leaders/nope-${tag}/visits`).send(visit).expect(404);

    const refused: [Record<string, unknown>, string][] = [
      [{ visitedOn: '2026-06-16' }, 'visitedOn'], // tomorrow on the API's clock
      [{ visitedOn: '2026-02-30' }, 'visitedOn'],
      [{ visitedOn: '15/06/2026' }, 'visitedOn'],
      [{ purposes: [] }, 'purposes'],
      [{ purposes: ['shopping'] }, 'purposes.0'],
      [{ purposes: ['joint_meeting', 'joint_meeting'] }, 'purposes'],
      [{ purposes: 'research_guidance' }, 'purposes'],
      [{ notes: 'x'.repeat(10_001) }, 'notes'],
      [{ leaderId: l.l2.id }, 'body'],
    ];
    for (const [change, field] of refused) {
      const res = await h.admin
        .post(`/api/leaders/${l.l1.code}/visits`)
        .send({ ...visit, ...change })
        .expect(400);
      expect({ change, field: errorOf(res).field }).toEqual({ change, field });
    }
    expect(
      errorOf(await h.admin.post(`/api/leaders/${l.l1.code}/visits`).send({ ...visit, visitedOn: '2026-06-16' }))
        .message,
    ).toBe('A visit is recorded after it took place (today is 2026-06-15)');

    const list = await acting.leader.agent.get(`/api/leaders/${l.l1.code}/visits?year=2026`).expect(200);
    expect(list.body.items.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([
      '2026-06-12',
      '2026-06-05',
      '2026-05-10',
    ]);
    expect((await h.admin.get(`/api/leaders/${l.l1.code}/visits?year=2025`).expect(200)).body.items).toEqual([]);
    expect(errorOf(await h.admin.get(`/api/leaders/${l.l1.code}/visits?year=abc`).expect(400)).field).toBe(
      'query.year',
    );
  });

  test('supervision: visited, pending or overdue per period on the API’s clock; visits per leader per year', async () => {
    type Row = { code: string; status: string; visits: number; lastVisitOn: string | null };
    const rows = (body: { items: Row[] }) =>
      body.items.map((r) => [r.code, r.status, r.visits, r.lastVisitOn] as [string, string, number, string | null]);
    // Visits: l1 2026-05-10, 06-05 (the meeting), 06-12 — all Q2; l2 none; l3 2026-02-20 (Q1).
    now = at('2026-06-15');
    const q2 = await supervisor.get('/api/supervision/visits?period=2026-Q2').expect(200);
    conforms(visitsPage, q2.body);
    expect(q2.body).toMatchObject({ period: '2026-Q2', dueDate: '2026-06-30', total: 3, limit: 50, offset: 0 });
    expect(q2.body.items[0]).toEqual({
      leaderId: l.l1.id,
      code: l.l1.code,
      name: '王建国',
      title: '副市长',
      community: { id: u.bihai.id, name: '碧海社区' },
      visits: 3,
      minVisits: 1,
      lastVisitOn: '2026-06-12',
      status: 'visited',
    });
    expect(rows(q2.body)).toEqual([
      [l.l1.code, 'visited', 3, '2026-06-12'],
      [l.l2.code, 'pending', 0, null],
      [l.l3.code, 'pending', 0, null],
    ]);
    // The current period by default; a month names its quarter; a year is several quarters (400).
    expect((await supervisor.get('/api/supervision/visits').expect(200)).body).toEqual(q2.body);
    expect((await supervisor.get('/api/supervision/visits?period=2026-05').expect(200)).body).toEqual(q2.body);
    const year = errorOf(await supervisor.get('/api/supervision/visits?period=2026').expect(400));
    expect(year).toMatchObject({ field: 'query.period' });
    expect(year.message).toContain('Visits are counted per quarter: name one (e.g. 2026-Q1)');
    // Filters and paging.
    expect(
      rows((await supervisor.get('/api/supervision/visits?period=2026-Q2&status=pending').expect(200)).body),
    ).toEqual([
      [l.l2.code, 'pending', 0, null],
      [l.l3.code, 'pending', 0, null],
    ]);
    expect(
      rows((await supervisor.get(`/api/supervision/visits?period=2026-Q2&streetId=${u.streetB.id}`).expect(200)).body),
    ).toEqual([[l.l3.code, 'pending', 0, null]]);
    const page = await supervisor.get('/api/supervision/visits?period=2026-Q2&limit=1&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(rows(page.body)).toEqual([[l.l2.code, 'pending', 0, null]]);
    // Q1 is over: who did not visit is overdue.
    const q1 = await supervisor.get('/api/supervision/visits?period=2026-Q1').expect(200);
    expect(q1.body).toMatchObject({ period: '2026-Q1', dueDate: '2026-03-31' });
    expect(rows(q1.body)).toEqual([
      [l.l1.code, 'overdue', 0, null],
      [l.l2.code, 'overdue', 0, null],
      [l.l3.code, 'visited', 1, '2026-02-20'],
    ]);

    // On the due date itself still pending; the day after, overdue.
    now = at('2026-06-30');
    expect(rows((await supervisor.get('/api/supervision/visits?period=2026-Q2').expect(200)).body)[1]).toEqual([
      l.l2.code,
      'pending',
      0,
      null,
    ]);
    now = at('2026-07-01');
    expect(
      rows((await supervisor.get('/api/supervision/visits?period=2026-Q2&status=overdue').expect(200)).body),
    ).toEqual([
      [l.l2.code, 'overdue', 0, null],
      [l.l3.code, 'overdue', 0, null],
    ]);
    const q3 = await supervisor.get('/api/supervision/visits').expect(200);
    expect(q3.body).toMatchObject({ period: '2026-Q3', dueDate: '2026-09-30' });
    expect(rows(q3.body).map((r) => r[1])).toEqual(['pending', 'pending', 'pending']);

    const byLeader = await supervisor.get('/api/supervision/visits/by-leader?year=2026').expect(200);
    conforms(visitsByLeader, byLeader.body);
    expect(byLeader.body).toEqual({
      year: 2026,
      items: [
        {
          leaderId: l.l1.id,
          code: l.l1.code,
          name: '王建国',
          community: { id: u.bihai.id, name: '碧海社区' },
          total: 3,
          byPeriod: { '2026-Q2': 3 },
        },
        {
          leaderId: l.l2.id,
          code: l.l2.code,
          name: '李振华',
          community: { id: u.gangbei.id, name: '港北社区' },
          total: 0,
          byPeriod: {},
        },
        {
          leaderId: l.l3.id,
          code: l.l3.code,
          name: '陈立新',
          community: { id: u.haibin.id, name: '海滨社区' },
          total: 1,
          byPeriod: { '2026-Q1': 1 },
        },
      ],
    });
    expect((await supervisor.get('/api/supervision/visits/by-leader').expect(200)).body).toEqual(byLeader.body);
    const last = await supervisor.get('/api/supervision/visits/by-leader?year=2025').expect(200);
    expect(last.body.items.map((x: { total: number }) => x.total)).toEqual([0, 0, 0]);

    for (const path of ['/api/supervision/visits', '/api/supervision/visits/by-leader']) {
      await conv.bihai.get(path).expect(403);
      await acting.leader.agent.get(path).expect(403);
    }
    expect(errorOf(await supervisor.get('/api/supervision/visits?status=late').expect(400)).field).toBe('query.status');
    expect(errorOf(await supervisor.get('/api/supervision/visits/by-leader?year=1999').expect(400)).field).toBe(
      'query.year',
    );
  });

  test('a visit dated in a closed period corrects its record, by the visit route or a meeting, with an audit trail', async () => {
    // 2026-07-01: 李振华 (港北社区) visited neither in Q1 nor in Q2; both periods were closed overdue.
    const obligation = leaderVisitWorkflowId(l.l2.id);
    const closed = async (periodKey: string, dueAt: string) =>
      h.db.prisma.periodOutcome.create({
        data: {
          unitId: u.gangbei.id,
          obligation,
          periodKey,
          dueAt: new Date(dueAt),
          meetingsHeld: 0,
          status: 'overdue',
          closedAt: new Date(),
        },
      });
    const q1 = await closed('2026-Q1', '2026-03-30T16:00:00Z');
    const q2 = await closed('2026-Q2', '2026-06-29T16:00:00Z');
    const outcome = (id: string) => h.db.prisma.periodOutcome.findUniqueOrThrow({ where: { id } });
    const audit = (id: string) =>
      h.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'period.correct', entityId: id } });

    // Recorded late through the visit route: Q1 is met now.
    const visit = await conv.gangbei
      .post(`/api/leaders/${l.l2.id}/visits`)
      .send({ visitedOn: '2026-03-18', purposes: ['research_guidance'], notes: '补录' })
      .expect(201);
    expect(visit.body.periodKey).toBe('2026-Q1');
    const q1After = await outcome(q1.id);
    expect([q1After.status, q1After.meetingsHeld, q1After.correctedAt]).toEqual(['met', 1, expect.any(Date)]);
    const q1Audit = await audit(q1.id);
    expect([q1Audit.before, q1Audit.after]).toEqual([
      { status: 'overdue', meetingsHeld: 0 },
      { status: 'met', meetingsHeld: 1, byVisit: visit.body.id },
    ]);

    // A joint meeting in Q2 that he attended, recorded late: Q2 is met too.
    const meeting = await conv.gangbei
      .post(`/api/units/${u.gangbei.id}/meetings`)
      .send({ heldOn: '2026-06-20', attendees: ['港北社区书记', '李振华'], minutes: '补录联席会议' })
      .expect(201);
    const fromMeeting = await h.db.prisma.visit.findFirstOrThrow({ where: { meetingId: meeting.body.id } });
    const q2After = await outcome(q2.id);
    expect([q2After.status, q2After.meetingsHeld]).toEqual(['met', 1]);
    expect((await audit(q2.id)).after).toEqual({ status: 'met', meetingsHeld: 1, byVisit: fromMeeting.id });

    // The community's history tells its visit periods from its meeting periods, and whose they are.
    const history = await supervisor.get(`/api/units/${u.gangbei.id}/history`).expect(200);
    conforms(unitHistory, history.body);
    const visitPeriods = history.body.periods
      .filter((p: { obligation: string }) => p.obligation === 'leader-visit')
      .map((p: { periodKey: string; status: string; leader: unknown; correctedAt: string | null }) => [
        p.periodKey,
        p.status,
        p.leader,
        typeof p.correctedAt,
      ]);
    expect(visitPeriods).toEqual([
      ['2026-Q2', 'met', { id: l.l2.id, name: '李振华' }, 'string'],
      ['2026-Q1', 'met', { id: l.l2.id, name: '李振华' }, 'string'],
    ]);
    expect(
      history.body.periods.every(
        (p: { obligation: string; leader: unknown }) => p.obligation === 'leader-visit' || p.leader === null,
      ),
    ).toBe(true);
  });

  test('a leader paired with another community takes the users acting for them along', async () => {
    const moving = await h.admin
      .post('/api/leaders')
      .send({
        code: `mv-${tag}`,
        name: '赵平',
        title: '市政府秘书长',
        email: `mv-${tag}@example.org`,
        communityCode: u.gangbei.code,
      })
      .expect(201);
    const user = await h.admin
      .post('/api/users')
      .send({ username: `zhao-${tag}`, displayName: '赵平', role: 'leader', leaderId: moving.body.id })
      .expect(201);
    const zhao = agentOf(user.body.id);
    expect((await zhao.get('/api/me').expect(200)).body.unitId).toBe(u.gangbei.id);

    await h.admin.patch(`/api/leaders/${moving.body.id}`).send({ communityCode: u.live.code }).expect(200);
    expect((await zhao.get('/api/me').expect(200)).body).toMatchObject({ unitId: u.live.id, leaderId: moving.body.id });
    // The new community's register is theirs to read now, the old one's no longer.
    await zhao.get(`/api/units/${u.live.id}/history`).expect(200);
    await zhao.get(`/api/units/${u.gangbei.id}/history`).expect(404);
    // A change of details alone leaves the users where they are.
    await h.admin.patch(`/api/leaders/${moving.body.id}`).send({ phone: '0415-7000000' }).expect(200);
    expect((await zhao.get('/api/me').expect(200)).body.unitId).toBe(u.live.id);
    await h.admin.delete(`/api/leaders/${moving.body.id}`).expect(204); // as the tests after it expect
  });

  test('on the real clock: a meeting naming the leader counts in the visit obligation; removing the leader ends it', async () => {
    const real = new Date();
    now = real;
    const today = shanghaiDateOf(real);
    const quarter = periodContaining(real, 'quarter');
    const l4 = await h.admin
      .post('/api/leaders')
      .send({ code: `l4-${tag}`, name: '周海洋', email: `l4-${tag}@example.org`, communityCode: u.live.code })
      .expect(201);
    l.l4 = { id: l4.body.id, code: l4.body.code, name: '周海洋' };

    const before = await h.admin.get(`/api/leaders/${l.l4.code}/obligation`).expect(200);
    conforms(leaderObligation, before.body);
    expect(before.body).toMatchObject({
      workflowId: `leader-visit:${l.l4.id}`,
      leaderId: l.l4.id,
      communityId: u.live.id,
      state: 'watching',
      periodKey: quarter.key,
      visits: 0,
      minVisits: 1,
      outcome: null,
    });
    expect(before.body.dueDate).toMatch(new RegExp(`^${quarter.key.slice(0, 4)}-`));

    const meeting = await h.admin
      .post(`/api/units/${u.live.code}/meetings`)
      .send({ heldOn: today, attendees: ['社区书记', '周海洋同志'], minutes: '研究停车治理' })
      .expect(201);
    const visits = await h.admin.get(`/api/leaders/${l.l4.id}/visits`).expect(200);
    expect(visits.body.items).toEqual([
      expect.objectContaining({
        leaderId: l.l4.id,
        communityId: u.live.id,
        visitedOn: today,
        periodKey: quarter.key,
        purposes: ['joint_meeting'],
        meetingId: meeting.body.id,
      }),
    ]);
    const after = await eventually(async () => {
      const res = await h.admin.get(`/api/leaders/${l.l4.code}/obligation`).expect(200);
      return res.body.visits === 1 ? res.body : undefined;
    }, 'the obligation to count the visit');
    conforms(leaderObligation, after);
    expect(after).toMatchObject({ state: 'watching', periodKey: quarter.key, visits: 1, nextNotice: null });

    // Removal: admin only; the leader is gone from every view, the record is kept.
    await conv.bihai.delete(`/api/leaders/${l.l1.code}`).expect(403);
    await h.admin.delete(`/api/leaders/${l.l4.code}`).expect(204);
    await h.admin.get(`/api/leaders/${l.l4.code}`).expect(404);
    await h.admin.get(`/api/leaders/${l.l4.code}/obligation`).expect(404);
    await h.admin.delete(`/api/leaders/${l.l4.code}`).expect(404);
    expect((await h.admin.get('/api/leaders').expect(200)).body.total).toBe(3);
    const audit = await h.admin.get(`/api/audit?entity=leader&entityId=${l.l4.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['leader.remove', 'leader.create']);
  });
});
