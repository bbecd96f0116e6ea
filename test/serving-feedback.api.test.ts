/**
 * The quarterly feedback's receipts and the year-end evaluation through the HTTP API, on both
 * databases, with a real Temporal dev server: the receipt link opens without a login and shows
 * only its employer's members, works once, expires; the community's feedback status and the
 * evaluation grid are the community's convener's (and the office's), grades are the community's
 * own convener's to enter. Employers, members, services and receipts are written straight into
 * the record; every count and grade below was worked out by hand.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import request, { type Response } from 'supertest';
import type { z } from 'zod';
import {
  servingEvaluation,
  servingEvaluationGrid,
  servingFeedbackStatus,
  servingReceipt,
  servingReceiptConfirmed,
} from '../api/contract/serving-feedback';
import { receiptTokenHash } from '../records/service-feedback';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';
import { createEmployer, createMember, createService } from './support/serving-feedback-fixture';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

function conforms(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

const newToken = () => randomBytes(32).toString('base64url');

describe.each(DATABASES)('serving feedback and evaluation on %s', (_name, kind) => {
  let h: ApiHarness;
  const now = new Date('2026-10-09T02:00:00Z'); // Friday 10:00 in Shanghai, the day after Q3's feedback went
  const tag = randomUUID().slice(0, 6);
  const ids: Record<string, string> = {};
  const agents: Record<string, Agent> = {};
  const tokens: Record<string, string> = {};
  let zhangPhone = '';

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    const prisma = h.db.prisma;
    const unit = async (key: string, name: string, level: string, parentId?: string) => {
      const res = await h.admin
        .post('/api/units')
        .send({
          code: `${key}-${tag}`,
          name,
          level,
          ...(parentId ? { parentId } : {}),
          convenerName: `${name}书记`,
          convenerEmail: `${key}-${tag}@example.org`,
        })
        .expect(201);
      ids[key] = res.body.id;
    };
    await unit('city', '东港市', 'city');
    await unit('street', '新兴街道', 'street', ids.city);
    await unit('bihai', '碧海社区', 'community', ids.street);
    await unit('gangbei', '港北社区', 'community', ids.street);
    for (const key of ['street', 'bihai', 'gangbei']) agents[key] = await agentFor(h.app, prisma, 'convener', ids[key]);
    agents.supervisor = await agentFor(h.app, prisma, 'supervisor');
    agents.member = await agentFor(h.app, prisma, 'member');

    const tax = await createEmployer(prisma, tag, 'tax', '市税务局', ids.bihai);
    const hospital = await createEmployer(prisma, tag, 'hospital', '市人民医院');
    ids.tax = tax.id;
    ids.hospital = hospital.id;
    const zhang = await createMember(prisma, { name: '张三', communityId: ids.bihai!, employerId: tax.id });
    const li = await createMember(prisma, { name: '李四', communityId: ids.bihai!, employerId: tax.id });
    const wang = await createMember(prisma, { name: '王五', communityId: ids.bihai!, employerId: hospital.id });
    const zhao = await createMember(prisma, { name: '赵六', communityId: ids.gangbei!, employerId: tax.id });
    Object.assign(ids, { zhang: zhang.id, li: li.id, wang: wang.id, zhao: zhao.id });
    zhangPhone = zhang.phone;
    const service = (memberId: string, communityId: string, servedOn: string, minutes: number, what: string) =>
      createService(prisma, { memberId, communityId, servedOn, minutes, what });
    // Zhang: 2 in Q3 (3.5 h), 9 in the year; Li: none; Wang: 1 in Q3; Zhao (Gangbei): 1.
    await service(zhang.id, ids.bihai!, '2026-07-10', 120, '关爱老人');
    await service(zhang.id, ids.bihai!, '2026-09-20', 90, '平安巡逻');
    for (const d of ['01-10', '02-10', '03-10', '04-10', '05-10', '06-10', '10-05']) {
      await service(zhang.id, ids.bihai!, `2026-${d}`, 60, '环境整治');
    }
    await service(wang.id, ids.bihai!, '2026-08-05', 60, '健康义诊');
    await service(zhao.id, ids.gangbei!, '2026-08-01', 60, '港北服务');

    // The receipts of Q3: the tax bureau's (open), the hospital's (expired a minute before now).
    const receipt = async (
      key: string,
      employerId: string,
      periodKey: string,
      expiresAt: Date,
      counts: { members: number; services: number; minutes: number },
    ) => {
      tokens[key] = newToken();
      await prisma.serviceFeedback.create({
        data: {
          communityId: ids.bihai!,
          employerId,
          periodKey,
          tokenHash: receiptTokenHash(tokens[key]),
          expiresAt,
          ...counts,
          sentAt: new Date('2026-10-08T01:00:00Z'),
        },
      });
    };
    await receipt('tax', tax.id, '2026-Q3', new Date('2026-11-07T01:00:00Z'), {
      members: 2,
      services: 2,
      minutes: 210,
    });
    await receipt('hospital', hospital.id, '2026-Q3', new Date('2026-10-09T01:59:00Z'), {
      members: 1,
      services: 1,
      minutes: 60,
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  test('a receipt link opens without a login and shows only its employer’s members, phones masked', async () => {
    const res = await request(h.app).get(`/api/serving/receipts/${tokens.tax}`).expect(200);
    conforms(servingReceipt, res.body);
    expect(res.body).toMatchObject({
      community: { id: ids.bihai, name: '碧海社区' },
      employer: { code: `tax-${tag}`, name: '市税务局', partyOrgName: '市税务局机关党支部' },
      periodKey: '2026-Q3',
    });
    const masked = `*******${zhangPhone.slice(-4)}`;
    expect(res.body.members).toEqual([
      { name: '张三', phone: masked, services: 2, hours: '3.5' },
      { name: '李四', phone: expect.stringMatching(/^\*{7}\d{4}$/), services: 0, hours: '0.0' },
    ]);
    expect(res.body.records).toEqual([
      {
        memberName: '张三',
        phone: masked,
        servedOn: '2026-07-10',
        hours: '2.0',
        what: '关爱老人',
        confirmedBy: '王主任',
      },
      {
        memberName: '张三',
        phone: masked,
        servedOn: '2026-09-20',
        hours: '1.5',
        what: '平安巡逻',
        confirmedBy: '王主任',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(zhangPhone);
    expect(res.body.evaluation).toBeNull(); // Q3: no evaluation (it comes with Q4's feedback)
  });

  test('unknown token 404, malformed 400, expired 410', async () => {
    expect(errorOf(await request(h.app).get(`/api/serving/receipts/${newToken()}`).expect(404)).code).toBe('not_found');
    expect(errorOf(await request(h.app).get('/api/serving/receipts/short').expect(400)).field).toBe('token');
    const expired = await request(h.app).get(`/api/serving/receipts/${tokens.hospital}`).expect(410);
    expect(errorOf(expired).code).toBe('receipt_expired');
    const confirm = await request(h.app)
      .post(`/api/serving/receipts/${tokens.hospital}/confirm`)
      .send({ confirmedBy: '医院' })
      .expect(410);
    expect(errorOf(confirm).code).toBe('receipt_expired');
  });

  test('a receipt is confirmed once: the second use answers 410; audited', async () => {
    expect(
      errorOf(await request(h.app).post(`/api/serving/receipts/${tokens.tax}/confirm`).send({}).expect(400)).field,
    ).toBe('confirmedBy');
    const res = await request(h.app)
      .post(`/api/serving/receipts/${tokens.tax}/confirm`)
      .send({ confirmedBy: '税务局张主任' })
      .expect(200);
    conforms(servingReceiptConfirmed, res.body);
    expect(res.body).toMatchObject({
      confirmedBy: '税务局张主任',
      confirmedAt: now.toISOString(),
      periodKey: '2026-Q3',
      workflowNotified: true,
    });
    const again = await request(h.app)
      .post(`/api/serving/receipts/${tokens.tax}/confirm`)
      .send({ confirmedBy: '又一次' })
      .expect(410);
    expect(errorOf(again).code).toBe('receipt_confirmed');
    expect(errorOf(await request(h.app).get(`/api/serving/receipts/${tokens.tax}`).expect(410)).code).toBe(
      'receipt_confirmed',
    );
    const row = await h.db.prisma.serviceFeedback.findFirstOrThrow({
      where: { tokenHash: receiptTokenHash(tokens.tax!) },
    });
    expect(row.confirmedBy).toBe('税务局张主任');
    const audit = await h.db.prisma.auditEvent.findMany({ where: { entity: 'ServiceFeedback', entityId: row.id } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[`receipt:tax-${tag}`, 'serving.feedback.confirm']]);
  });

  test('the community’s feedback status: its convener, the street above, the office; not another community nor a member', async () => {
    const url = `/api/serving/feedback?communityId=${ids.bihai}&periodKey=2026-Q3`;
    const res = await agents.bihai!.get(url).expect(200);
    conforms(servingFeedbackStatus, res.body);
    expect(res.body.workflowId).toBe(`serving-feedback:${ids.bihai}`);
    expect(
      res.body.items.map((i: Record<string, unknown>) => [i.code, i.members, i.services, i.hours, i.confirmedBy]),
    ).toEqual([
      [`hospital-${tag}`, 1, 1, '1.0', null],
      [`tax-${tag}`, 2, 2, '3.5', '税务局张主任'],
    ]);
    await agents.street!.get(url).expect(200);
    await agents.supervisor!.get(url).expect(200);
    expect(errorOf(await agents.gangbei!.get(url).expect(404)).code).toBe('not_found');
    expect(errorOf(await agents.member!.get(url).expect(403)).code).toBe('forbidden');
    expect(
      errorOf(await agents.bihai!.get(`/api/serving/feedback?communityId=${ids.bihai}&periodKey=2026-13`).expect(400))
        .field,
    ).toBe('query.periodKey');
    // A quarter of a year no calendar holds (found by the fuzzer: it was a 500).
    expect(
      errorOf(await agents.bihai!.get(`/api/serving/feedback?communityId=${ids.bihai}&periodKey=0344-Q2`).expect(400))
        .field,
    ).toBe('query.periodKey');
    expect(errorOf(await agents.street!.get(`/api/serving/feedback?communityId=${ids.street}`).expect(400)).field).toBe(
      'communityId',
    );
    // Without a quarter: the last one ended (Q3 on 2026-10-09).
    expect((await agents.bihai!.get(`/api/serving/feedback?communityId=${ids.bihai}`).expect(200)).body.periodKey).toBe(
      '2026-Q3',
    );
  });

  test('the year-end evaluation: proposed grades from the year, the community’s convener enters grades', async () => {
    const url = `/api/serving/evaluations?communityId=${ids.bihai}&year=2026`;
    const before = await agents.bihai!.get(url).expect(200);
    conforms(servingEvaluationGrid, before.body);
    const rows = (body: { items: Record<string, unknown>[] }) =>
      body.items.map((i) => [i.subjectKind, i.name, i.services, i.proposed, i.entered, i.grade]);
    // The default rule: 4 a year; 8 or more excellent. The tax bureau: 1 of 2 met (50%) → basically competent.
    expect(rows(before.body)).toEqual([
      ['employer', '市人民医院', 1, 'incompetent', null, 'incompetent'],
      ['member', '王五', 1, 'basically_competent', null, 'basically_competent'],
      ['employer', '市税务局', 9, 'basically_competent', null, 'basically_competent'],
      ['member', '张三', 9, 'excellent', null, 'excellent'],
      ['member', '李四', 0, 'incompetent', null, 'incompetent'],
    ]);

    const put = (agent: Agent, body: Record<string, unknown>) =>
      agent.put('/api/serving/evaluations').send({ communityId: ids.bihai, year: 2026, ...body });
    const entered = await put(agents.bihai!, {
      subjectKind: 'member',
      subjectId: ids.li,
      grade: 'competent',
      comment: '因病',
    }).expect(200);
    conforms(servingEvaluation, entered.body);
    expect(entered.body).toMatchObject({ grade: 'competent', comment: '因病', evaluatedAt: now.toISOString() });
    await put(agents.bihai!, { subjectKind: 'employer', subjectId: ids.tax, grade: 'competent' }).expect(200);

    // Not the community's own convener: the street reads but does not write, Gangbei does not see it, a supervisor may not.
    expect(
      errorOf(await put(agents.street!, { subjectKind: 'member', subjectId: ids.li, grade: 'excellent' }).expect(403))
        .code,
    ).toBe('forbidden');
    await put(agents.gangbei!, { subjectKind: 'member', subjectId: ids.li, grade: 'excellent' }).expect(404);
    await put(agents.supervisor!, { subjectKind: 'member', subjectId: ids.li, grade: 'excellent' }).expect(403);
    // A member of another community, a bad grade.
    await put(agents.bihai!, { subjectKind: 'member', subjectId: ids.zhao, grade: 'excellent' }).expect(404);
    expect(
      errorOf(await put(agents.bihai!, { subjectKind: 'member', subjectId: ids.li, grade: 'great' }).expect(400)).field,
    ).toBe('grade');

    const after = await agents.bihai!.get(url).expect(200);
    expect(rows(after.body)).toEqual([
      ['employer', '市人民医院', 1, 'incompetent', null, 'incompetent'],
      ['member', '王五', 1, 'basically_competent', null, 'basically_competent'],
      ['employer', '市税务局', 9, 'basically_competent', 'competent', 'competent'],
      ['member', '张三', 9, 'excellent', null, 'excellent'],
      ['member', '李四', 0, 'incompetent', 'competent', 'competent'],
    ]);
    const audit = await h.db.prisma.auditEvent.findMany({
      where: { entity: 'ServiceEvaluation', entityId: entered.body.id },
    });
    expect(audit.map((a) => a.action)).toEqual(['serving.evaluation.enter']);
  });
});
