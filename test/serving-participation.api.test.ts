/**
 * The third entry's rule and the members' participation through the HTTP API, against a real
 * database (embedded PGlite and PostgreSQL) and a real Temporal dev server with the worker
 * running. The API's clock is simulated (2026-06-15 10:00, Asia/Shanghai): the current
 * participation period is 2026-H1 under a half-yearly rule. Members and their services are
 * written to the record directly (registration and needs have their own tests); every list below
 * was worked out by hand from that seeded set.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import request, { type Response } from 'supertest';
import type { z } from 'zod';
import {
  belowMinimumList,
  memberParticipation,
  savedServingRule,
  servingRule,
} from '../api/contract/serving-participation';
import { DEFAULT_SERVING_RULE } from '../domain/serving';
import { servingParticipationWorkflowId } from '../domain/workflow-ids';
import { signToken } from '../infra/auth';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor, TEST_AUTH } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const NOW = new Date('2026-06-15T10:00:00+08:00');
const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

/** The body as documented, with nothing undocumented in it (zod drops unknown keys). */
function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

const HALF_RULE = {
  ...DEFAULT_SERVING_RULE,
  participationPeriod: 'half',
  minServices: 2,
  participationReminderLadder: [10, 3],
};

/** The half-year (Asia/Shanghai) the Temporal dev server's real clock is in: its workflows plan from it. */
function realHalf(): string {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

describe.each(DATABASES)('serving participation on %s', (_name, kind) => {
  let h: ApiHarness;
  let tag: string;
  const u: Record<string, { id: string; code: string }> = {};
  const m: Record<string, { id: string; phone: string }> = {};
  const c: Record<string, Agent> = {};
  let supervisor: Agent;
  let supervisorName: string;

  /** A member user (the in-service Party member themself). */
  async function memberAgent(memberId: string): Promise<Agent> {
    const user = await h.db.prisma.user.create({
      data: {
        username: `member-${randomUUID().slice(0, 8)}`,
        displayName: 'member',
        role: 'member',
        servingMemberId: memberId,
      },
    });
    const { token } = signToken(user.id, TEST_AUTH.tokenSecret, TEST_AUTH.tokenTtlSeconds, Date.now());
    return request.agent(h.app).set({ Authorization: `Bearer ${token}` });
  }

  beforeAll(async () => {
    h = await startApi(env, kind, () => NOW);
    tag = randomUUID().slice(0, 6);
    const tree: [string, string, string, string?][] = [
      ['city', '东港市', 'city'],
      ['street', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'street'],
      ['gangbei', '港北社区', 'community', 'street'],
      ['haiou', '海鸥花园', 'compound', 'bihai'],
    ];
    for (const [key, name, level, parent] of tree) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: u[parent]!.id } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key}-${tag}@example.org`,
        })
        .expect(201);
      u[key] = res.body;
      c[key] = await agentFor(h.app, h.db.prisma, 'convener', res.body.id);
    }
    const office = await h.db.prisma.user.create({
      data: { username: `office-${tag}`, displayName: '联络办', role: 'supervisor' },
    });
    supervisorName = office.username;
    const { token } = signToken(office.id, TEST_AUTH.tokenSecret, TEST_AUTH.tokenTtlSeconds, Date.now());
    supervisor = request.agent(h.app).set({ Authorization: `Bearer ${token}` });

    const employer = await h.db.prisma.servingEmployer.create({
      data: {
        code: `emp-${tag}`,
        name: '东港市税务局',
        partyOrgName: '东港市税务局机关党支部',
        contactName: '刘联络员',
        contactEmail: `emp-${tag}@example.org`,
        registeredOn: new Date('2025-01-01T00:00:00Z'),
      },
    });
    const base = 13_800_000_000 + Math.floor(Math.random() * 90_000) * 1000;
    const seed: [string, string, string, string, string | null, string[]][] = [
      // key, name, community, registered on, removed at, services served on
      ['anna', '安娜', 'bihai', '2025-03-01', null, ['2026-02-01', '2026-05-20']], // met in H1
      ['bo', '薄波', 'bihai', '2025-03-01', null, ['2025-12-20', '2026-03-03']], // 1 in H1 (the other in 2025-H2)
      ['chen', '陈晨', 'bihai', '2026-07-01', null, []], // registered after H1
      ['du', '杜度', 'bihai', '2025-03-01', '2026-03-01T02:00:00Z', []], // removed during H1
      ['fang', '方芳', 'bihai', '2025-03-01', '2026-07-05T02:00:00Z', []], // removed after H1 ended
      ['gu', '顾古', 'gangbei', '2026-01-10', null, ['2026-06-30']], // 1 in H1
    ];
    for (const [i, [key, name, community, registeredOn, removedAt, services]] of seed.entries()) {
      const row = await h.db.prisma.servingMember.create({
        data: {
          name,
          communityId: u[community]!.id,
          employerId: employer.id,
          phone: String(base + i),
          registeredOn: new Date(`${registeredOn}T00:00:00Z`),
          removedAt: removedAt ? new Date(removedAt) : null,
        },
      });
      m[key] = row;
      for (const servedOn of services) {
        await h.db.prisma.serviceRecord.create({
          data: {
            memberId: row.id,
            communityId: row.communityId,
            servedOn: new Date(`${servedOn}T00:00:00Z`),
            minutes: 90,
            what: '环境整治',
            confirmedBy: '书记',
            recordedBy: 'convener:test',
          },
        });
      }
    }
  });

  afterAll(async () => {
    await h?.close();
  });

  test('the rule: the defaults, then changed by the office (audited); bad input names its field', async () => {
    // The file's database is fresh: the defaults.
    const before = await c.bihai!.get('/api/serving/rule').expect(200);
    expect(before.body).toEqual(DEFAULT_SERVING_RULE);
    conforms(servingRule, before.body);

    await c.bihai!.put('/api/serving/rule').send(HALF_RULE).expect(403);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...HALF_RULE, minServices: 0 }, 'minServices'],
      [{ ...HALF_RULE, participationPeriod: 'quarter' }, 'participationPeriod'],
      [{ ...HALF_RULE, participationReminderLadder: [5, 5] }, 'participationReminderLadder'],
      [{ ...HALF_RULE, participationReminderLadder: [110] }, 'participationReminderLadder'],
      [{ ...HALF_RULE, receiptValidDays: 1.5 }, 'receiptValidDays'],
      [{ ...HALF_RULE, claimConfirmWithinDays: undefined }, 'claimConfirmWithinDays'],
      [{ ...HALF_RULE, surprise: 1 }, 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await supervisor.put('/api/serving/rule').send(body).expect(400);
      expect(errorOf(res)).toMatchObject({ code: 'invalid_input', field });
    }
    expect(await h.db.prisma.servingRule.count()).toBe(0);

    const saved = await supervisor.put('/api/serving/rule').send(HALF_RULE).expect(200);
    expect(saved.body).toEqual({
      ...HALF_RULE,
      appliesFrom: 'participation: next period; claims and receipts: their next step',
    });
    conforms(savedServingRule, saved.body);
    expect((await h.admin.get('/api/serving/rule').expect(200)).body).toEqual(HALF_RULE);
    const audit = await h.db.prisma.auditEvent.findMany({ where: { entity: 'servingRule', entityId: 'default' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: `supervisor:${supervisorName}`,
      action: 'rule.change',
      before: DEFAULT_SERVING_RULE,
      after: HALF_RULE,
    });
    expect(audit[0]!.at.toISOString()).toBe(NOW.toISOString());
  });

  test('the members below the minimum: per community, by scope, in the current or a given period', async () => {
    // The rule saved by the test before: a half-year, at least 2.
    const names = (res: Response) =>
      res.body.items.map(
        (i: { name: string; services: number; missing: number }) => `${i.name} ${i.services}/${i.missing}`,
      );

    // Bihai in 2026-H1 (the current period): Bo (1 service in it) and Fang (removed after it
    // ended); not Anna (2), Chen (registered after it) or Du (removed during it).
    const current = await c.bihai!.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}`).expect(200);
    conforms(belowMinimumList, current.body);
    expect(current.body).toMatchObject({
      periodKey: '2026-H1',
      firstDay: '2026-01-01',
      lastDay: '2026-06-30',
      minServices: 2,
      communityId: u.bihai!.id,
    });
    expect(names(current)).toEqual(['薄波 1/1', '方芳 0/2']);
    expect(current.body.items[0]).toMatchObject({
      memberId: m.bo!.id,
      phone: `*******${m.bo!.phone.slice(-4)}`,
      communityId: u.bihai!.id,
      employerName: '东港市税务局',
      registeredOn: '2025-03-01',
    });
    expect(JSON.stringify(current.body)).not.toContain(m.bo!.phone);
    const byCode = await c.bihai!.get(`/api/serving/below-minimum?communityId=${u.bihai!.code}&period=2026-H1`);
    expect(byCode.body).toEqual(current.body);

    // 2025-H2: Bo's service of 2025-12-20 is the one; Gu registered after it.
    const previous = await supervisor.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}&period=2025-H2`);
    expect(names(previous)).toEqual(['安娜 0/2', '薄波 1/1', '杜度 0/2', '方芳 0/2']);

    // A year under the half-yearly rule counts the minimum twice (4): Anna's 2 are short too.
    const year = await h.admin.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}&period=2026`).expect(200);
    expect(year.body).toMatchObject({ periodKey: '2026', minServices: 4 });
    expect(names(year)).toEqual(['安娜 2/2', '薄波 1/3', '陈晨 0/4']); // Fang was removed before the year ended

    // The street's convener without a community: both its communities; the office: the whole city (ours among them).
    const street = await c.street!.get('/api/serving/below-minimum?period=2026-H1').expect(200);
    expect(street.body.communityId).toBeNull();
    expect(names(street).sort()).toEqual(['方芳 0/2', '薄波 1/1', '顾古 1/1'].sort());
    const city = await supervisor.get('/api/serving/below-minimum?period=2026-H1').expect(200);
    const ours = new Set(Object.values(m).map((x) => x.id));
    expect(city.body.items.filter((i: { memberId: string }) => ours.has(i.memberId))).toHaveLength(3);

    // Out of scope: another community's convener, a compound's convener below it → 404; a member, a leader → 403.
    await c.gangbei!.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}`).expect(404);
    await c.haiou!.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}`).expect(404);
    await (await memberAgent(m.anna!.id)).get('/api/serving/below-minimum').expect(403);
    await (await agentFor(h.app, h.db.prisma, 'leader', u.bihai!.id)).get('/api/serving/below-minimum').expect(403);
    await h.admin.get(`/api/serving/below-minimum?communityId=nowhere-${tag}`).expect(404);

    // Bad input names its field.
    const notCommunity = await h.admin.get(`/api/serving/below-minimum?communityId=${u.street!.id}`).expect(400);
    expect(errorOf(notCommunity).field).toBe('communityId');
    for (const period of ['2026-Q2', '2026-06', 'H1', '1999']) {
      const res = await h.admin.get(`/api/serving/below-minimum?period=${period}`).expect(400);
      expect(errorOf(res).field).toBe('query.period');
    }
    const extra = await h.admin.get('/api/serving/below-minimum?streetId=x').expect(400);
    expect(errorOf(extra).field).toBe('query');

    // Under a yearly rule, a half-year is refused.
    await h.admin.put('/api/serving/rule').send(DEFAULT_SERVING_RULE).expect(200);
    const half = await h.admin.get('/api/serving/below-minimum?period=2026-H1').expect(400);
    expect(errorOf(half).field).toBe('period');
    const yearly = await c.bihai!.get(`/api/serving/below-minimum?communityId=${u.bihai!.id}`).expect(200);
    expect(yearly.body).toMatchObject({ periodKey: '2026', minServices: 4 });
    await h.admin.put('/api/serving/rule').send(HALF_RULE).expect(200);
  });

  test("a member's participation: the workflow's status, for the member, their community's conveners and the office", async () => {
    // The dev server runs on the real clock: the workflow watches the half-year it is in.
    const mine = await memberAgent(m.gu!.id);
    const res = await mine.get(`/api/serving/members/${m.gu!.id}/participation`).expect(200);
    conforms(memberParticipation, res.body);
    expect(res.body).toMatchObject({
      workflowId: servingParticipationWorkflowId(m.gu!.id),
      memberId: m.gu!.id,
      communityId: u.gangbei!.id,
      state: 'watching',
      periodKey: realHalf(),
      minServices: 2,
      outcome: null,
    });
    expect(res.body.dueDate).toMatch(/^\d{4}-(06|12)-\d{2}$/);
    expect(res.body.services).toBe(realHalf() === '2026-H1' ? 1 : 0);
    const described = await env.client.workflow.getHandle(servingParticipationWorkflowId(m.gu!.id)).describe();
    expect(described.status.name).toBe('RUNNING');

    await c.gangbei!.get(`/api/serving/members/${m.gu!.id}/participation`).expect(200);
    await c.street!.get(`/api/serving/members/${m.gu!.id}/participation`).expect(200);
    await supervisor.get(`/api/serving/members/${m.gu!.id}/participation`).expect(200);

    // Not theirs: another member, another community's convener, a compound's convener → 404.
    await mine.get(`/api/serving/members/${m.anna!.id}/participation`).expect(404);
    await c.bihai!.get(`/api/serving/members/${m.gu!.id}/participation`).expect(404);
    await c.haiou!.get(`/api/serving/members/${m.anna!.id}/participation`).expect(404);
    await h.admin.get(`/api/serving/members/${randomUUID()}/participation`).expect(404);

    // A removed member's obligation ends at once (the plan finds them removed).
    const removed = await h.admin.get(`/api/serving/members/${m.du!.id}/participation`).expect(200);
    expect(removed.body.state).toBe('ended');
  });
});
