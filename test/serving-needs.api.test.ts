/**
 * The needs list, claims and service cards through the HTTP API, on embedded PGlite and on
 * PostgreSQL, with a real Temporal dev server and the worker running. The API's clock is
 * simulated (2026-06-15 10:00 Asia/Shanghai, moved forward where a test says so); members are
 * written straight into the record (their registration is another part's API).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import request, { type Response } from 'supertest';
import type { z } from 'zod';
import {
  cancelledNeed,
  needClaim,
  serviceCard,
  serviceNeed,
  serviceNeedPage,
  serviceRecord,
} from '../api/contract/serving-needs';
import { needClaimWorkflowId } from '../domain/workflow-ids';
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

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

/** The body as documented, with nothing undocumented in it. */
function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

type Key = 'city' | 'street' | 'bihai' | 'gangbei';
interface Member {
  id: string;
  phone: string;
  agent: Agent;
}

describe.each(DATABASES)('needs, claims and service cards on %s', (_name, kind) => {
  let h: ApiHarness;
  let now = at('2026-06-15');
  const u = {} as Record<Key, { id: string; code: string }>;
  const c = {} as Record<Key, Agent>;
  const m = {} as Record<'zhang' | 'wang' | 'li' | 'zhao', Member>;
  let supervisor: Agent;
  let tag: string;

  async function member(name: string, communityId: string, employerId: string, n: number): Promise<Member> {
    const phone = `139${tag
      .replace(/[^0-9]/g, '')
      .padEnd(4, '7')
      .slice(0, 4)}${String(1000 + n)}`;
    const row = await h.db.prisma.servingMember.create({
      data: {
        name,
        communityId,
        employerId,
        phone,
        email: `${n}-${tag}@example.org`,
        registeredOn: new Date('2026-01-05'),
      },
    });
    const user = await h.db.prisma.user.create({
      data: {
        username: `member-${tag}-${n}`,
        displayName: name,
        role: 'member',
        unitId: communityId,
        servingMemberId: row.id,
      },
    });
    const { token } = signToken(user.id, TEST_AUTH.tokenSecret, TEST_AUTH.tokenTtlSeconds, Date.now());
    return { id: row.id, phone, agent: request.agent(h.app).set({ Authorization: `Bearer ${token}` }) };
  }

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    tag = randomUUID().slice(0, 6);
    const spec: [Key, string, string, Key?][] = [
      ['city', '东港市', 'city'],
      ['street', '新兴街道', 'street', 'city'],
      ['bihai', '碧海社区', 'community', 'street'],
      ['gangbei', '港北社区', 'community', 'street'],
    ];
    for (const [key, name, level, parent] of spec) {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key}-${tag}`,
          name,
          level,
          ...(parent ? { parentId: u[parent].id } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key}-${tag}@example.org`,
        })
        .expect(201);
      u[key] = { id: res.body.id, code: res.body.code };
      c[key] = await agentFor(h.app, h.db.prisma, 'convener', res.body.id);
    }
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
    const employer = await h.db.prisma.servingEmployer.create({
      data: {
        code: `emp-${tag}`,
        name: '东港市税务局',
        partyOrgName: '东港市税务局机关党支部',
        contactName: '周主任',
        contactEmail: `zhou-${tag}@example.org`,
        registeredOn: new Date('2026-01-05'),
      },
    });
    m.zhang = await member('张一', u.bihai.id, employer.id, 1);
    m.wang = await member('王二', u.bihai.id, employer.id, 2);
    m.li = await member('李三', u.bihai.id, employer.id, 3);
    m.zhao = await member('赵四', u.gangbei.id, employer.id, 4);
  });

  afterAll(async () => {
    await h?.close();
  });

  beforeEach(() => {
    now = at('2026-06-15');
  });

  const publish = (agent: Agent, body: Record<string, unknown>) =>
    agent.post('/api/serving/needs').send({
      communityId: u.bihai.id,
      title: '为独居老人代购',
      category: 'elderly_care',
      neededOn: '2026-06-20',
      slots: 2,
      ...body,
    });

  test('the community publishes a need; others may not; bad input is a 400 naming the field', async () => {
    const res = await publish(c.bihai, {}).expect(201);
    conforms(serviceNeed, res.body);
    expect(res.body).toMatchObject({
      communityId: u.bihai.id,
      neededOn: '2026-06-20',
      claimBy: '2026-06-19',
      slots: 2,
      claimed: 0,
      state: 'open',
      claims: [],
    });
    // By code, with an explicit claim day.
    const byCode = await publish(h.admin, { communityId: u.bihai.code, claimBy: '2026-06-20' }).expect(201);
    expect(byCode.body.claimBy).toBe('2026-06-20');
    // Today's need: claims close today, not yesterday.
    expect((await publish(c.bihai, { neededOn: '2026-06-15' }).expect(201)).body.claimBy).toBe('2026-06-15');

    expect(errorOf(await publish(c.bihai, { neededOn: '2026-06-14' }).expect(400)).field).toBe('neededOn');
    expect(errorOf(await publish(c.bihai, { claimBy: '2026-06-21' }).expect(400)).field).toBe('claimBy');
    expect(errorOf(await publish(c.bihai, { claimBy: '2026-06-14' }).expect(400)).field).toBe('claimBy');
    expect(errorOf(await publish(c.bihai, { category: 'party' }).expect(400)).field).toBe('category');
    expect(errorOf(await publish(c.bihai, { slots: 0 }).expect(400)).field).toBe('slots');
    expect(errorOf(await publish(c.bihai, { neededOn: '2026-02-30' }).expect(400)).field).toBe('neededOn');
    expect(errorOf(await publish(h.admin, { communityId: u.street.id }).expect(400)).field).toBe('communityId');
    // The street's convener reads the community but does not write its list; another community's convener does not see it.
    expect(errorOf(await publish(c.street, {}).expect(403)).code).toBe('forbidden');
    expect(errorOf(await publish(c.gangbei, {}).expect(404)).code).toBe('not_found');
    await publish(supervisor, {}).expect(403);
    await publish(m.zhang.agent, {}).expect(403);

    const audit = await h.db.prisma.auditEvent.findMany({ where: { entity: 'service-need', entityId: res.body.id } });
    expect(audit.map((a) => [a.action, a.actor.split(':')[0]])).toEqual([['serving.need.publish', 'convener']]);
  });

  test('members claim needs of their home community; full, past, cancelled and twice are 409', async () => {
    const need = (await publish(c.bihai, { title: '楼道清理', category: 'environment', slots: 2 }).expect(201)).body;
    const claim = await m.zhang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(201);
    conforms(needClaim, claim.body);
    expect(claim.body).toMatchObject({
      needId: need.id,
      memberId: m.zhang.id,
      status: 'claimed',
      workflowId: needClaimWorkflowId(claim.body.id),
      obligationNotified: true,
    });
    await env.client.workflow.getHandle(needClaimWorkflowId(claim.body.id)).describe();

    // Twice: 409 naming the claim.
    const twice = errorOf(await m.zhang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(409));
    expect(twice.code).toBe('duplicate');
    expect(twice.message).toContain(claim.body.id);
    // Another community's member: 400; for another member: 403; the convener must name the member.
    expect(errorOf(await m.zhao.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(400)).field).toBe(
      'memberId',
    );
    await m.wang.agent.post(`/api/serving/needs/${need.id}/claims`).send({ memberId: m.li.id }).expect(403);
    expect(errorOf(await c.bihai.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(400)).field).toBe(
      'memberId',
    );
    expect(
      errorOf(await c.bihai.post(`/api/serving/needs/${need.id}/claims`).send({ memberId: m.zhao.id }).expect(400))
        .field,
    ).toBe('memberId');
    // The convener claims for Wang: the need is full.
    await c.bihai.post(`/api/serving/needs/${need.id}/claims`).send({ memberId: m.wang.id }).expect(201);
    const full = errorOf(await m.li.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(409));
    expect([full.code, /full/.test(full.message)]).toEqual(['item_state', true]);
    const seen = await m.li.agent.get(`/api/serving/needs/${need.id}`).expect(200);
    expect(seen.body).toMatchObject({ claimed: 2, state: 'full', claims: [] }); // a member sees only their own claim
    const convenerSees = await c.bihai.get(`/api/serving/needs/${need.id}`).expect(200);
    expect(convenerSees.body.claims.map((x: { memberPhone: string }) => x.memberPhone)).toEqual([
      `*******${m.zhang.phone.slice(-4)}`,
      `*******${m.wang.phone.slice(-4)}`,
    ]);

    // Zhang cancels: a place is free again, Li takes it; Zhang cannot claim it back (full).
    const cancelled = await m.zhang.agent.post(`/api/serving/claims/${claim.body.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(errorOf(await m.zhang.agent.post(`/api/serving/claims/${claim.body.id}/cancel`).expect(409)).code).toBe(
      'item_state',
    );
    await m.li.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(201);
    expect(errorOf(await m.zhang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(409)).code).toBe(
      'item_state',
    );

    // Two members claim the last place at once: one wins, the other is told it is full.
    const last = (await publish(c.bihai, { title: '送药上门', category: 'health', slots: 1 }).expect(201)).body;
    const race = await Promise.all([
      m.zhang.agent.post(`/api/serving/needs/${last.id}/claims`).send({}),
      m.wang.agent.post(`/api/serving/needs/${last.id}/claims`).send({}),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await c.bihai.get(`/api/serving/needs/${last.id}`).expect(200)).body).toMatchObject({
      claimed: 1,
      state: 'full',
    });

    // Past its claim day (06-19): 409.
    const later = (await publish(c.bihai, { title: '义诊', category: 'health', slots: 5 }).expect(201)).body;
    now = at('2026-06-20');
    const past = errorOf(await m.zhang.agent.post(`/api/serving/needs/${later.id}/claims`).send({}).expect(409));
    expect([past.code, past.message.includes('2026-06-19')]).toEqual(['item_state', true]);
    expect((await c.bihai.get(`/api/serving/needs/${later.id}`).expect(200)).body.state).toBe('past');

    // Cancelled: 409; cancelling again is 409; a member may not cancel a need.
    now = at('2026-06-15');
    const third = (await publish(c.bihai, { title: '文艺汇演', category: 'culture' }).expect(201)).body;
    const wangClaim = (await m.wang.agent.post(`/api/serving/needs/${third.id}/claims`).send({}).expect(201)).body;
    await m.wang.agent.post(`/api/serving/needs/${third.id}/cancel`).send({}).expect(403);
    const c1 = await c.bihai.post(`/api/serving/needs/${third.id}/cancel`).send({ reason: '场地维修' }).expect(200);
    conforms(cancelledNeed, c1.body);
    expect(c1.body.need).toMatchObject({ state: 'cancelled', cancelReason: '场地维修' });
    expect(c1.body.need.claims.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [wangClaim.id, 'cancelled'],
    ]);
    expect(errorOf(await c.bihai.post(`/api/serving/needs/${third.id}/cancel`).send({}).expect(409)).code).toBe(
      'item_state',
    );
    expect(errorOf(await m.li.agent.post(`/api/serving/needs/${third.id}/claims`).send({}).expect(409)).code).toBe(
      'item_state',
    );
  });

  test('the community confirms a claim done: the service record on the card; a record on a need not claimed is 400', async () => {
    const need = (await publish(c.bihai, { title: '代购年货', slots: 3 }).expect(201)).body;
    const zhang = (await m.zhang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(201)).body;
    const done = { servedOn: '2026-06-20', minutes: 150, what: '为 3 户老人代购', confirmedBy: '李书记' };
    // Not before it took place; not by the member; not by another community.
    expect(errorOf(await c.bihai.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(400)).field).toBe(
      'servedOn',
    );
    now = at('2026-06-21');
    await m.zhang.agent.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(403);
    await c.gangbei.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(404);
    await c.street.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(403);
    expect(
      errorOf(
        await c.bihai
          .post(`/api/serving/claims/${zhang.id}/done`)
          .send({ ...done, minutes: 0 })
          .expect(400),
      ).field,
    ).toBe('minutes');
    const record = await c.bihai.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(201);
    conforms(serviceRecord, record.body);
    expect(record.body).toMatchObject({
      memberId: m.zhang.id,
      communityId: u.bihai.id,
      claimId: zhang.id,
      servedOn: '2026-06-20',
      minutes: 150,
      hours: '2.5',
    });
    // Done twice: 409 naming the record; a cancel after done: 409.
    const again = errorOf(await c.bihai.post(`/api/serving/claims/${zhang.id}/done`).send(done).expect(409));
    expect(again.message).toContain(record.body.id);
    await m.zhang.agent.post(`/api/serving/claims/${zhang.id}/cancel`).expect(409);
    expect((await env.client.workflow.getHandle(needClaimWorkflowId(zhang.id)).result()) as string).toBe('done');

    // A service record on a claim of another member (or none): 400 claimId.
    const wang = (await m.wang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(409)).body;
    expect(wang.error.code).toBe('item_state'); // past its claim day now
    now = at('2026-06-15');
    const wangClaim = (await m.wang.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(201)).body;
    now = at('2026-06-21');
    const onOther = { memberId: m.li.id, claimId: wangClaim.id, ...done };
    expect(errorOf(await c.bihai.post('/api/serving/services').send(onOther).expect(400)).field).toBe('claimId');
    expect(
      errorOf(
        await c.bihai
          .post('/api/serving/services')
          .send({ ...onOther, claimId: randomUUID() })
          .expect(400),
      ).field,
    ).toBe('claimId');
    // On the member's own claim: done; without a need: a record of its own.
    await c.bihai
      .post('/api/serving/services')
      .send({ ...onOther, memberId: m.wang.id })
      .expect(201);
    const free = await c.bihai
      .post('/api/serving/services')
      .send({ memberId: m.li.id, servedOn: '2026-06-18', minutes: 60, what: '法律咨询', confirmedBy: '李书记' })
      .expect(201);
    expect(free.body.claimId).toBeNull();
    await m.li.agent
      .post('/api/serving/services')
      .send({ memberId: m.li.id, ...done })
      .expect(403);
    await c.gangbei
      .post('/api/serving/services')
      .send({ memberId: m.li.id, ...done })
      .expect(404);
    expect(
      errorOf(
        await c.bihai
          .post('/api/serving/services')
          .send({ memberId: randomUUID(), ...done })
          .expect(400),
      ).field,
    ).toBe('memberId');

    const audit = await h.db.prisma.auditEvent.findMany({
      where: { entity: 'need-claim', entityId: zhang.id },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['serving.claim', 'serving.claim.done']);
  });

  test('a member sees their own card and their community’s needs; the convener their community; phone masked', async () => {
    const need = (
      await publish(c.bihai, { title: '平安巡逻', category: 'safety', neededOn: '2026-06-25', slots: 4 }).expect(201)
    ).body;
    const open = (await m.li.agent.post(`/api/serving/needs/${need.id}/claims`).send({}).expect(201)).body;
    now = at('2026-06-22');
    await c.bihai
      .post('/api/serving/services')
      .send({ memberId: m.li.id, servedOn: '2026-06-22', minutes: 45, what: '调解邻里纠纷', confirmedBy: '王主任' })
      .expect(201);

    const card = await m.li.agent.get(`/api/serving/members/${m.li.id}/card`).expect(200);
    conforms(serviceCard, card.body);
    expect(card.body.member).toMatchObject({
      id: m.li.id,
      name: '李三',
      communityId: u.bihai.id,
      communityName: '碧海社区',
      phone: `*******${m.li.phone.slice(-4)}`,
    });
    expect(card.body.openClaims.map((x: { claimId: string }) => x.claimId)).toContain(open.id);
    const minutes = card.body.services.reduce((s: number, x: { minutes: number }) => s + x.minutes, 0);
    expect(card.body.totals).toEqual({
      services: card.body.services.length,
      minutes,
      hours: (Math.round(minutes / 6) / 10).toFixed(1),
    });
    expect(card.body.services[0]).toMatchObject({ servedOn: '2026-06-22', minutes: 45, hours: '0.8', need: null });
    expect(JSON.stringify(card.body)).not.toContain(m.li.phone);

    await m.zhang.agent.get(`/api/serving/members/${m.li.id}/card`).expect(404);
    await c.gangbei.get(`/api/serving/members/${m.li.id}/card`).expect(404);
    await c.street.get(`/api/serving/members/${m.li.id}/card`).expect(200);
    await supervisor.get(`/api/serving/members/${m.li.id}/card`).expect(200);
    await h.admin.get(`/api/serving/members/${randomUUID()}/card`).expect(404);
    expect(errorOf(await h.admin.get('/api/serving/members/not-a-uuid/card').expect(400)).field).toBe('path.id');

    // Lists: the member their home community only; the other community's convener not this one.
    const mine = await m.zhao.agent.get('/api/serving/needs').expect(200);
    conforms(serviceNeedPage, mine.body);
    expect(mine.body.items.every((n: { communityId: string }) => n.communityId === u.gangbei.id)).toBe(true);
    await m.zhao.agent.get(`/api/serving/needs?communityId=${u.bihai.id}`).expect(404);
    await m.zhao.agent.get(`/api/serving/needs/${need.id}`).expect(404);
    await c.gangbei.get(`/api/serving/needs?communityId=${u.bihai.id}`).expect(404);
    const bihai = await c.street.get(`/api/serving/needs?communityId=${u.bihai.code}&from=2026-06-25`).expect(200);
    expect(bihai.body.items.map((n: { id: string }) => n.id)).toEqual([need.id]);
    const li = await m.li.agent.get('/api/serving/needs?limit=500').expect(200);
    expect(li.body.items.length).toBe(li.body.total);
    for (const n of li.body.items as { communityId: string; claims: { memberId: string }[] }[]) {
      expect(n.communityId).toBe(u.bihai.id);
      expect(n.claims.every((x) => x.memberId === m.li.id)).toBe(true);
    }
    await h.admin.get(`/api/serving/needs/${randomUUID()}`).expect(404);
  });
});
