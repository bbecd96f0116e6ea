/**
 * The quarterly feedback of a community to its members' employers on the time-skipping test
 * server: a quarter's end with two employers, one confirms its receipt through the public link
 * found in its mail, the other does not and is reminded, then the liaison office is told. The
 * XLSX attached to the mail is read back from the captured message. The run after Q4 carries the
 * year's evaluation sheet. Real API on simulated time, real worker and activities, PGlite in
 * memory, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { noticeOffsetMs } from '../domain/cadence';
import type { CapturedMail } from '../infra/embedded/mail-sink';
import { servingFeedbackWorkflowId } from '../domain/workflow-ids';
import { startFeedbackObligations } from '../obligations/serving-feedback';
import { servingFeedbackStatusQuery } from '../workflows/serving-feedback';
import { shanghai } from './support/dates';
import {
  createCommunity,
  createEmployer,
  createMember,
  createService,
  readWorkbook,
  tokenIn,
} from './support/serving-feedback-fixture';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';

const QUARTER = 'a quarter end with two employers: one confirms its receipt, the other is reminded, then the office';
const YEAR_END = 'the feedback after Q4 carries the year-end evaluation sheet';

/*
 * 2026's days from the State Council's holiday notice, written out by hand: Q3 ends Wednesday
 * 09-30; National Day 10-01..10-07 is off, so the feedback goes Thursday 10-08; 5 working days
 * later (10-09, the make-up Saturday 10-10, 10-12, 10-13, 10-14) the reminder on Wednesday 10-14;
 * 3 working days after that (10-15, 10-16, 10-19) the office on Monday 10-19.
 */
const t = useTimeSkipping({
  startAt: {
    [QUARTER]: '2026-09-01T01:00:00Z',
    [YEAR_END]: '2026-12-21T01:00:00Z',
  },
});

async function setup() {
  const api = await simulatedApi(t);
  const tag = randomUUID().slice(0, 6);
  const prisma = t.db.prisma;
  await prisma.supervisor.updateMany({ data: { active: false } });
  const supervisor = `office-${tag}@example.org`;
  await api.admin.post('/api/supervisors').send({ name: '联络办', email: supervisor }).expect(201);
  const community = await createCommunity(prisma, tag);
  const other = await createCommunity(prisma, `${tag}o`, '港北社区');
  const tax = await createEmployer(prisma, tag, 'tax', '市税务局', community.id);
  const hospital = await createEmployer(prisma, tag, 'hospital', '市人民医院');
  return { ...api, tag, prisma, supervisor, community, other, tax, hospital };
}

/**
 * Q3 of 碧海社区: the tax bureau's 张三 (2 services in Q3, 1 in Q2) and 李四 (none), the hospital's
 * 王五 (1). Not in the feedback: 赵六 of the tax bureau living in 港北社区, 钱七 removed in August.
 */
async function seedQuarter(s: Awaited<ReturnType<typeof setup>>) {
  const { prisma, community, tax, hospital } = s;
  const member = (name: string, employerId: string, communityId = community.id, removedAt?: Date) =>
    createMember(prisma, { name, communityId, employerId, ...(removedAt ? { removedAt } : {}) });
  const zhang = await member('张三', tax.id);
  await member('李四', tax.id);
  const far = await member('赵六', tax.id, s.other.id);
  await member('钱七', tax.id, community.id, new Date(shanghai('2026-08-01')));
  const wang = await member('王五', hospital.id);
  const services: [string, string, string, number, string][] = [
    [zhang.id, community.id, '2026-06-15', 60, '二季度服务'],
    [zhang.id, community.id, '2026-07-10', 120, '关爱老人'],
    [zhang.id, community.id, '2026-09-20', 90, '平安巡逻'],
    [far.id, s.other.id, '2026-08-01', 60, '港北服务'],
    [wang.id, community.id, '2026-08-05', 60, '健康义诊'],
  ];
  for (const [memberId, communityId, servedOn, minutes, what] of services) {
    await createService(prisma, { memberId, communityId, servedOn, minutes, what });
  }
  return { zhang };
}

/** The tax bureau's workbook, read back from the captured mail: its members' Q3 records, phones masked, the summary. */
async function expectTaxWorkbook(taxMail: CapturedMail, phone: string) {
  expect(taxMail.attachments).toEqual([
    expect.objectContaining({
      filename: '碧海社区2026年第三季度在职党员服务记录（市税务局）.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  ]);
  const book = await readWorkbook(t.mail.sink.attachmentContent(taxMail.id)!);
  expect([...book.keys()]).toEqual(['服务记录', '汇总']);
  const masked = `*******${phone.slice(-4)}`;
  expect(book.get('服务记录')).toEqual([
    ['姓名', '手机', '服务日期', '时长(小时)', '服务内容', '确认人'],
    ['张三', masked, '2026-07-10', 2, '关爱老人', '王主任'],
    ['张三', masked, '2026-09-20', 1.5, '平安巡逻', '王主任'],
  ]);
  const summary = book.get('汇总')!;
  expect(summary.slice(4, 7)).toEqual([
    ['报到党员', 2],
    ['服务次数', 2],
    ['服务时长(小时)', 3.5],
  ]);
  expect(summary.slice(8).map((r) => [r[0], r[2], r[3]])).toEqual([
    ['姓名', '服务次数', '时长(小时)'],
    ['张三', 2, 3.5],
    ['李四', 0, 0],
  ]);
}

test(
  QUARTER,
  async () => {
    const s = await setup();
    const { prisma, community, tax, hospital } = s;
    const { zhang } = await seedQuarter(s);

    const workflowId = servingFeedbackWorkflowId(community.id);
    const at = (date: string) => shanghai(date) + noticeOffsetMs(workflowId);
    const days = { send: '2026-10-08', reminder: '2026-10-14', office: '2026-10-19' };

    await s.run(async () => {
      await startFeedbackObligations({ prisma: t.db.prisma, temporal: t.env.client, taskQueue: s.taskQueue }, [
        community.id,
      ]);
      const handle = t.env.client.workflow.getHandle(workflowId);

      // Before the send day: waiting on Q3, nothing sent.
      await s.until(shanghai('2026-10-07', '12:00'));
      const waiting = await handle.query(servingFeedbackStatusQuery);
      expect([waiting.state, waiting.periodKey, waiting.sendAt]).toEqual([
        'waiting',
        '2026-Q3',
        new Date(at(days.send)).toISOString(),
      ]);
      expect(await prisma.notification.count({ where: { obligation: workflowId } })).toBe(0);

      // The feedback goes: one mail per employer with its members' records attached.
      await s.until(at(days.send) + 3_600_000);
      const sent = await prisma.notification.findMany({ where: { obligation: workflowId } });
      expect(sent.map((r) => `${r.periodKey} ${r.step} ${r.audience} ${r.recipient}`).sort()).toEqual(
        [
          `2026-Q3 feedback:${hospital.code} employer ${hospital.contactEmail}`,
          `2026-Q3 feedback:${tax.code} employer ${tax.contactEmail}`,
        ].sort(),
      );
      for (const r of sent) expect(r.unitId).toBe(community.id);
      const taxMail = t.mail.sink
        .messages()
        .find((m) => m.messageId === sent.find((r) => r.step === `feedback:${tax.code}`)!.messageId)!;
      expect(taxMail.subject).toBe('【在职党员反馈】碧海社区2026年第三季度在职党员服务情况（市税务局）');
      await expectTaxWorkbook(taxMail, zhang.phone);
      expect(taxMail.text).toContain('http://localhost:3000/receipts/');
      // The record keeps only the token's hash.
      const taxToken = tokenIn(taxMail.text);
      const rows = await prisma.serviceFeedback.findMany({ where: { communityId: community.id } });
      expect(rows).toHaveLength(2);
      expect(rows.some((r) => r.tokenHash === taxToken)).toBe(false);

      // The tax bureau's contact opens the link (no login): only its own members; and confirms once.
      await s.until(shanghai('2026-10-09', '10:00'));
      const page = await request(s.app).get(`/api/serving/receipts/${taxToken}`).expect(200);
      expect(page.body.records.map((r: { memberName: string }) => r.memberName)).toEqual(['张三', '张三']);
      expect(page.body.members.map((m: { name: string }) => m.name)).toEqual(['张三', '李四']);
      const confirmed = await request(s.app)
        .post(`/api/serving/receipts/${taxToken}/confirm`)
        .send({ confirmedBy: '税务局张主任' })
        .expect(200);
      expect(confirmed.body).toMatchObject({
        confirmedBy: '税务局张主任',
        workflowNotified: true,
        periodKey: '2026-Q3',
      });
      await request(s.app)
        .post(`/api/serving/receipts/${taxToken}/confirm`)
        .send({ confirmedBy: '又一次' })
        .expect(410);

      // The hospital never confirms: reminded on 10-14, the office told on 10-19.
      await s.until(at(days.office) + 86_400_000);
      const all = await prisma.notification.findMany({ where: { obligation: workflowId } });
      expect(all.map((r) => `${r.periodKey} ${r.step} ${r.audience} ${r.recipient}`).sort()).toEqual(
        [
          `2026-Q3 feedback:${hospital.code} employer ${hospital.contactEmail}`,
          `2026-Q3 feedback:${tax.code} employer ${tax.contactEmail}`,
          `2026-Q3 receipt-reminder:${hospital.code} employer ${hospital.contactEmail}`,
          `2026-Q3 receipt-office:${hospital.code} supervisor ${s.supervisor}`,
        ].sort(),
      );
      const dayOf: Record<string, string> = {
        feedback: days.send,
        'receipt-reminder': days.reminder,
        'receipt-office': days.office,
      };
      for (const r of all)
        expect(Math.abs(r.scheduledFor.getTime() - at(dayOf[r.step.split(':')[0]!]!))).toBeLessThan(60_000);
      expectOneMailEach(t.mail, all);
      const office = t.mail.sink
        .messages()
        .find((m) => m.messageId === all.find((r) => r.step.startsWith('receipt-office'))!.messageId)!;
      expect(office.subject).toBe('【督办】市人民医院未确认碧海社区2026年第三季度在职党员反馈回执');
      expect(office.text).toContain(`http://localhost:3000/serving/${community.id}`);

      // The community's page of the quarter: confirmed, reminded, office told.
      const convener = await s.agent('convener', community.id);
      const status = await convener
        .get(`/api/serving/feedback?communityId=${community.id}&periodKey=2026-Q3`)
        .expect(200);
      const line = (code: string) => status.body.items.find((i: { code: string }) => i.code === code);
      expect(line(tax.code)).toMatchObject({
        members: 2,
        services: 2,
        hours: '3.5',
        confirmedBy: '税务局张主任',
        remindedAt: null,
        officeToldAt: null,
      });
      expect(line(hospital.code)).toMatchObject({ members: 1, services: 1, hours: '1.0', confirmedAt: null });
      expect(line(hospital.code).remindedAt).not.toBeNull();
      expect(line(hospital.code).officeToldAt).not.toBeNull();

      // The run continued as new into Q4.
      const next = await handle.query(servingFeedbackStatusQuery);
      expect([next.state, next.periodKey]).toEqual(['waiting', '2026-Q4']);
    });
  },
  120_000,
);

test(
  YEAR_END,
  async () => {
    const s = await setup();
    const { prisma, community, tax } = s;
    const zhang = await createMember(prisma, { name: '张三', communityId: community.id, employerId: tax.id });
    const li = await createMember(prisma, { name: '李四', communityId: community.id, employerId: tax.id });
    // The default rule: 4 services a year; 8 or more proposes excellent.
    for (const [i, d] of ['2026-02-10', '2026-04-10', '2026-06-10', '2026-08-10', '2026-10-10'].entries()) {
      await createService(prisma, {
        memberId: zhang.id,
        communityId: community.id,
        servedOn: d,
        minutes: 60,
        what: `服务${i + 1}`,
      });
    }
    await createService(prisma, {
      memberId: li.id,
      communityId: community.id,
      servedOn: '2026-11-10',
      minutes: 30,
      what: '环境整治',
    });
    const convener = await s.agent('convener', community.id);
    await convener
      .put('/api/serving/evaluations')
      .send({
        communityId: community.id,
        year: 2026,
        subjectKind: 'member',
        subjectId: li.id,
        grade: 'competent',
        comment: '积极参加',
      })
      .expect(200);

    const workflowId = servingFeedbackWorkflowId(community.id);
    await s.run(async () => {
      await startFeedbackObligations({ prisma: t.db.prisma, temporal: t.env.client, taskQueue: s.taskQueue }, [
        community.id,
      ]);
      const handle = t.env.client.workflow.getHandle(workflowId);
      await s.until(shanghai('2026-12-22', '12:00'));
      const at = (date: string) => new Date(shanghai(date) + noticeOffsetMs(workflowId)).toISOString();
      // The send day of Q4 lies in 2027, whose holiday notice is not entered yet: Friday 01-01 is
      // assumed a working day.
      const waiting = await handle.query(servingFeedbackStatusQuery);
      expect([waiting.periodKey, waiting.sendAt]).toEqual(['2026-Q4', at('2027-01-01')]);
      // The notice is entered (New Year 01-01..01-03 off) without telling the run: at the planned
      // instant it plans again and waits for Monday 01-04.
      await prisma.calendarYear.create({
        data: {
          year: 2027,
          offDays: ['2027-01-01', '2027-01-02', '2027-01-03'],
          makeupWorkdays: [],
          source: 'notice',
          enteredAt: new Date(s.now()),
        },
      });
      await s.until(shanghai('2027-01-01', '12:00'));
      expect(await prisma.notification.count({ where: { obligation: workflowId } })).toBe(0);
      expect((await handle.query(servingFeedbackStatusQuery)).sendAt).toBe(at('2027-01-04'));
      await s.until(shanghai('2027-01-04', '10:00'));
      const [row] = await prisma.notification.findMany({ where: { obligation: workflowId } });
      expect(row).toMatchObject({ periodKey: '2026-Q4', step: `feedback:${tax.code}` });
      const mail = t.mail.sink.messages().find((m) => m.messageId === row!.messageId)!;
      expect(mail.subject).toBe('【在职党员反馈】碧海社区2026年第四季度在职党员服务情况（市税务局）及年度评议');
      expect(mail.text).toContain('2026年度评议结果');
      const book = await readWorkbook(t.mail.sink.attachmentContent(mail.id)!);
      expect([...book.keys()]).toEqual(['服务记录', '汇总', '年度评议']);
      const evaluation = book.get('年度评议')!;
      expect(evaluation.slice(0, 3)).toEqual([
        ['姓名', '手机', '2026年服务次数', '建议等次', '评议等次', '备注'],
        ['张三', `*******${zhang.phone.slice(-4)}`, 5, '合格', '合格', ''],
        ['李四', `*******${li.phone.slice(-4)}`, 1, '基本合格', '合格', '积极参加'],
      ]);
      // The employer: 1 of 2 members met the minimum (50%) → basically competent.
      expect(evaluation[4]).toEqual(['单位：市税务局', '达到最低次数：1/2', '', '基本合格', '基本合格', '']);
      // The receipt page shows the same evaluation (the employer first), without who entered it.
      const page = await request(s.app)
        .get(`/api/serving/receipts/${tokenIn(mail.text)}`)
        .expect(200);
      expect(
        page.body.evaluation.items.map((l: Record<string, unknown>) => [l.name, l.services, l.grade, l.evaluatedBy]),
      ).toEqual([
        ['市税务局', 6, 'basically_competent', null],
        ['张三', 5, 'competent', null],
        ['李四', 1, 'competent', null],
      ]);
    });
  },
  120_000,
);
