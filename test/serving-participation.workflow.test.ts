/**
 * Each serving Party member's participation obligation on the time-skipping test server: a
 * half-year and a year pass in seconds. Real API on simulated time (the rule, the status, the list
 * of members below the minimum), real worker and activities, PGlite in memory, real SMTP into the
 * mail sink. Members are created in the record directly (registration has its own tests).
 */
import { randomUUID } from 'node:crypto';
import { noticeOffsetMs } from '../domain/cadence';
import { DEFAULT_SERVING_RULE } from '../domain/serving';
import { servingParticipationWorkflowId } from '../domain/workflow-ids';
import { createLogger } from '../infra/log';
import type { Obligations } from '../obligations/gateway';
import {
  startParticipationObligations,
  tellMemberRemoved,
  tellServiceRecorded,
} from '../obligations/serving-participation';
import { shanghai } from './support/dates';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';

const HALF = 'a half-year: met before the ladder, met within it, a service of another period, not met, no email';
const YEAR = 'a year: the ladder, a member registered mid-ladder, a member removed, the close on a make-up Sunday';

/*
 * Days written out by hand from the State Council's holiday notices: 2026 Dragon Boat 06-19..06-21
 * (no make-up day); 2026 New Year 01-01..01-03 with the make-up Sunday 01-04.
 */
const t = useTimeSkipping({
  startAt: {
    [HALF]: '2026-06-01T01:00:00Z', // Monday 09:00 Shanghai, 2026-H1
    [YEAR]: '2025-11-28T01:00:00Z', // Friday 09:00 Shanghai, 2025
  },
});

async function simulated() {
  const api = await simulatedApi(t);
  const tag = randomUUID().slice(0, 6);
  const prisma = t.db.prisma;
  const community = await api.admin
    .post('/api/units')
    .send({
      code: `bihai-${tag}`,
      name: '碧海社区',
      level: 'community',
      convenerName: '李书记',
      convenerEmail: `li-${tag}@example.org`,
    })
    .expect(201);
  const other = await api.admin
    .post('/api/units')
    .send({
      code: `gangbei-${tag}`,
      name: '港北社区',
      level: 'community',
      convenerName: '张书记',
      convenerEmail: `zhang-${tag}@example.org`,
    })
    .expect(201);
  const employer = await prisma.servingEmployer.create({
    data: {
      code: `emp-tax-${tag}`,
      name: '东港市税务局',
      partyOrgName: '东港市税务局机关党支部',
      contactName: '刘联络员',
      contactEmail: `tax-${tag}@example.org`,
      registeredOn: new Date('2025-01-01T00:00:00Z'),
    },
  });
  const gw: Obligations = {
    temporal: t.env.client,
    taskQueue: api.taskQueue,
    prisma,
    log: createLogger('warn', 'test'),
  };
  let phone = 0;
  const phoneBase = 13_900_000_000 + Math.floor(Math.random() * 90_000) * 1000;
  async function member(name: string, email: string | null, registeredOn = '2025-01-02') {
    return prisma.servingMember.create({
      data: {
        name,
        communityId: community.body.id,
        employerId: employer.id,
        phone: String(phoneBase + ++phone),
        email,
        registeredOn: new Date(`${registeredOn}T00:00:00Z`),
      },
    });
  }
  /** A service recorded now (as the needs act does: the record first, then the obligation told). */
  async function served(memberId: string, servedOn: string) {
    const record = await prisma.serviceRecord.create({
      data: {
        memberId,
        communityId: community.body.id,
        servedOn: new Date(`${servedOn}T00:00:00Z`),
        minutes: 120,
        what: '关爱老人',
        confirmedBy: '李书记',
        recordedBy: 'convener:li',
      },
    });
    expect(await tellServiceRecorded(gw, { memberId, serviceId: record.id, servedOn })).toBe(true);
  }
  return {
    ...api,
    tag,
    gw,
    member,
    served,
    community: community.body as { id: string },
    other: other.body as { id: string },
    convener: await api.agent('convener', community.body.id),
    otherConvener: await api.agent('convener', other.body.id),
  };
}

async function ledgerOf(
  memberIds: Record<string, string>,
): Promise<{ rows: Awaited<ReturnType<typeof find>>; got: string[] }> {
  const rows = await find(Object.values(memberIds));
  const nameOf = new Map(Object.entries(memberIds).map(([name, id]) => [servingParticipationWorkflowId(id), name]));
  return {
    rows,
    got: rows.map((r) => `${nameOf.get(r.obligation)} ${r.periodKey} ${r.step} ${r.audience} ${r.recipient}`).sort(),
  };
}

function find(memberIds: string[]) {
  return t.db.prisma.notification.findMany({
    where: { obligation: { in: memberIds.map(servingParticipationWorkflowId) } },
  });
}

test(
  HALF,
  async () => {
    const s = await simulated();
    const { tag } = s;
    await s.run(async () => {
      const rule = {
        participationPeriod: 'half',
        minServices: 2,
        participationReminderLadder: [10, 3],
        claimConfirmWithinDays: 3,
        claimCommunityAfterDays: 2,
        receiptWithinDays: 5,
        receiptOfficeAfterDays: 3,
        receiptValidDays: 30,
      };
      await s.admin.put('/api/serving/rule').send(rule).expect(200);

      const a = await s.member('王一', `wang-${tag}@example.org`); // met within the ladder
      const b = await s.member('赵二', `zhao-${tag}@example.org`); // a service of last year only: not met
      const c = await s.member('孙三', null); // no email: no notice, not met
      const d = await s.member('周四', `zhou-${tag}@example.org`); // met before the ladder
      const ids = { a: a.id, b: b.id, c: c.id, d: d.id };
      await startParticipationObligations(s.gw, Object.values(ids));

      // 2026-H1 is due on its last working day, Tuesday 06-30. 10 working days before: 06-29,
      // 06-26..06-22, [Dragon Boat 06-19..06-21], 06-18..06-15 → 06-15; 3 before: 06-29, 06-26,
      // 06-25 → 06-25. Closed the first working day after: Wednesday 07-01.
      const days: Record<string, string> = {
        'reminder-10': '2026-06-15',
        'reminder-3': '2026-06-25',
        overdue: '2026-07-01',
      };
      const at = (step: string, memberId: string) => shanghai(days[step]!) + noticeOffsetMs(memberId);

      await s.until(shanghai('2026-06-03', '15:00'));
      await s.served(d.id, '2026-06-02');
      await s.served(d.id, '2026-06-03');
      await s.served(a.id, '2026-06-03');
      await s.served(b.id, '2025-12-20'); // told late: it counts for 2025-H2, not this period
      const status = await s.convener.get(`/api/serving/members/${a.id}/participation`).expect(200);
      expect(status.body).toMatchObject({
        workflowId: servingParticipationWorkflowId(a.id),
        memberId: a.id,
        communityId: s.community.id,
        state: 'watching',
        periodKey: '2026-H1',
        dueDate: '2026-06-30',
        services: 1,
        minServices: 2,
        outcome: null,
        nextNotice: { step: 'reminder-10', at: new Date(at('reminder-10', a.id)).toISOString() },
      });
      const bStatus = await s.admin.get(`/api/serving/members/${b.id}/participation`).expect(200);
      expect(bStatus.body).toMatchObject({ periodKey: '2026-H1', services: 0 });

      // A serves again on the Dragon Boat Saturday (recorded the Monday after): met, before reminder-3.
      await s.until(shanghai('2026-06-22', '15:00'));
      await s.served(a.id, '2026-06-20');
      await s.until(at('overdue', b.id) + 86_400_000);

      const { rows, got } = await ledgerOf(ids);
      expect(got).toEqual(
        [
          `a 2026-H1 reminder-10 member wang-${tag}@example.org`,
          `b 2026-H1 reminder-10 member zhao-${tag}@example.org`,
          `b 2026-H1 reminder-3 member zhao-${tag}@example.org`,
        ].sort(),
      );
      for (const r of rows) {
        const memberId = Object.values(ids).find((id) => servingParticipationWorkflowId(id) === r.obligation)!;
        expect(r.unitId).toBe(s.community.id);
        expect(Math.abs(r.scheduledFor.getTime() - at(r.step, memberId))).toBeLessThan(60_000);
      }
      expectOneMailEach(t.mail, rows);
      const reminder = t.mail.sink
        .messages()
        .find((m) => m.messageId === rows.find((r) => r.step === 'reminder-3')!.messageId)!;
      expect(reminder.subject).toBe('【提醒】2026年上半年在碧海社区参加服务还差2次（2026-06-30前）');
      expect(reminder.text).toContain(`/serving/card/${b.id}`);
      expect(reminder.text).toContain('距截止还有3个工作日');
      // Nobody else is told at the close: no convener or supervisor rows for the period.
      expect(rows.filter((r) => r.audience !== 'member')).toEqual([]);

      const outcomes = await t.db.prisma.periodOutcome.findMany({
        where: { obligation: { in: Object.values(ids).map(servingParticipationWorkflowId) }, periodKey: '2026-H1' },
      });
      const outcome = (id: string) => outcomes.find((o) => o.obligation === servingParticipationWorkflowId(id));
      expect(outcome(a.id)).toMatchObject({ status: 'met', meetingsHeld: 2, unitId: s.community.id });
      expect(outcome(b.id)).toMatchObject({ status: 'overdue', meetingsHeld: 0 });
      expect(outcome(c.id)).toMatchObject({ status: 'overdue', meetingsHeld: 0 });
      expect(outcome(d.id)).toMatchObject({ status: 'met', meetingsHeld: 2 });
      expect(outcome(a.id)!.dueAt.toISOString()).toBe(new Date(shanghai('2026-06-30', '00:00')).toISOString());

      // The community's own history holds its meeting periods, not its members' participation.
      const history = await s.admin.get(`/api/units/${s.community.id}/history`).expect(200);
      expect(history.body.periods.map((p: { periodKey: string }) => p.periodKey)).not.toContain('2026-H1');
      expect(history.body.total).toBe(history.body.periods.length);

      // The list of the period closed: B and C, phones masked; the convener of another community does not see it.
      const list = await s.convener
        .get(`/api/serving/below-minimum?communityId=${s.community.id}&period=2026-H1`)
        .expect(200);
      expect(list.body).toMatchObject({
        periodKey: '2026-H1',
        firstDay: '2026-01-01',
        lastDay: '2026-06-30',
        minServices: 2,
      });
      expect(
        list.body.items.map((m: { name: string; services: number; missing: number }) => [
          m.name,
          m.services,
          m.missing,
        ]),
      ).toEqual([
        ['孙三', 0, 2],
        ['赵二', 0, 2],
      ]);
      expect(list.body.items[0].phone).toBe(`*******${c.phone.slice(-4)}`);
      await s.otherConvener.get(`/api/serving/below-minimum?communityId=${s.community.id}&period=2026-H1`).expect(404);

      // The next half-year under way: B's obligation watches 2026-H2 (due Thursday 12-31).
      const next = await s.admin.get(`/api/serving/members/${b.id}/participation`).expect(200);
      expect(next.body).toMatchObject({
        state: 'watching',
        periodKey: '2026-H2',
        dueDate: '2026-12-31',
        services: 0,
        outcome: null,
        nextNotice: { step: 'reminder-10', at: new Date(shanghai('2026-12-17') + noticeOffsetMs(b.id)).toISOString() },
      });
    });
  },
  300_000,
);

test(
  YEAR,
  async () => {
    const s = await simulated();
    const { tag } = s;
    await s.run(async () => {
      // The default rule (the file's database is shared: put it back): a year, at least 4
      // services, reminders 20 and 5 working days before the due date.
      await s.admin.put('/api/serving/rule').send(DEFAULT_SERVING_RULE).expect(200);
      const rule = await s.admin.get('/api/serving/rule').expect(200);
      expect(rule.body).toEqual({
        participationPeriod: 'year',
        minServices: 4,
        participationReminderLadder: [20, 5],
        claimConfirmWithinDays: 3,
        claimCommunityAfterDays: 2,
        receiptWithinDays: 5,
        receiptOfficeAfterDays: 3,
        receiptValidDays: 30,
      });

      const e = await s.member('钱五', `qian-${tag}@example.org`); // meets the minimum after the first reminder
      const f = await s.member('吴六', `wu-${tag}@example.org`); // removed after the first reminder
      const ids: Record<string, string> = { e: e.id, f: f.id };
      await startParticipationObligations(s.gw, [e.id, f.id]);
      await s.served(e.id, '2025-03-01');
      await s.served(e.id, '2025-06-01');

      // 2025 is due Wednesday 12-31: 20 working days before is 12-03, 5 before is 12-24; closed
      // the first working day after: the make-up Sunday 2026-01-04 (New Year 01-01..01-03 off).
      const days: Record<string, string> = {
        'reminder-20': '2025-12-03',
        'reminder-5': '2025-12-24',
        overdue: '2026-01-04',
      };
      const at = (step: string, memberId: string) => shanghai(days[step]!) + noticeOffsetMs(memberId);

      await s.until(shanghai('2025-12-10', '15:00'));
      // G registers after the first reminder's day (the second not yet due): as in the cadence
      // engine, the missed reminder goes at once (not overtaken), then the second on its day.
      const g = await s.member('郑七', `zheng-${tag}@example.org`, '2025-12-10');
      ids.g = g.id;
      await startParticipationObligations(s.gw, [g.id]);
      await t.db.prisma.servingMember.update({ where: { id: f.id }, data: { removedAt: new Date(s.now()) } });
      expect(await tellMemberRemoved(s.gw, f.id)).toBe(true);
      await s.served(e.id, '2025-12-09');
      await s.served(e.id, '2025-12-10');

      await s.until(at('overdue', g.id) + 86_400_000);
      const { rows, got } = await ledgerOf(ids);
      expect(got).toEqual(
        [
          `e 2025 reminder-20 member qian-${tag}@example.org`,
          `f 2025 reminder-20 member wu-${tag}@example.org`,
          `g 2025 reminder-20 member zheng-${tag}@example.org`,
          `g 2025 reminder-5 member zheng-${tag}@example.org`,
        ].sort(),
      );
      const registeredG = shanghai('2025-12-10', '15:00');
      for (const r of rows) {
        const memberId = Object.values(ids).find((id) => servingParticipationWorkflowId(id) === r.obligation)!;
        const due = memberId === g.id && r.step === 'reminder-20' ? registeredG : at(r.step, memberId);
        expect(Math.abs(r.scheduledFor.getTime() - due)).toBeLessThan(60_000);
      }
      expectOneMailEach(t.mail, rows);
      const first = t.mail.sink
        .messages()
        .find((m) => m.messageId === rows.find((r) => r.step === 'reminder-20')!.messageId)!;
      expect(first.subject).toMatch(/^【提醒】2025年在碧海社区参加服务还差[24]次（2025-12-31前）$/);

      const outcomes = await t.db.prisma.periodOutcome.findMany({
        where: { obligation: { in: Object.values(ids).map(servingParticipationWorkflowId) }, periodKey: '2025' },
      });
      const outcome = (id: string) => outcomes.find((o) => o.obligation === servingParticipationWorkflowId(id));
      expect(outcome(e.id)).toMatchObject({ status: 'met', meetingsHeld: 4 });
      expect(outcome(g.id)).toMatchObject({ status: 'overdue', meetingsHeld: 0 });
      expect(outcome(f.id)).toBeUndefined();
      expect(outcomes[0]!.closedAt.getTime()).toBeGreaterThanOrEqual(shanghai('2026-01-04'));

      // F's obligation ended; E's watches 2026.
      const ended = await t.env.client.workflow.getHandle(servingParticipationWorkflowId(f.id)).describe();
      expect(ended.status.name).toBe('COMPLETED');
      const next = await s.admin.get(`/api/serving/members/${e.id}/participation`).expect(200);
      expect(next.body).toMatchObject({ periodKey: '2026', state: 'watching', services: 0, minServices: 4 });

      // The office's list of 2025 for the whole city includes G (registered in the period) but not F (removed).
      const list = await s.admin.get('/api/serving/below-minimum?period=2025').expect(200);
      const names = list.body.items.filter((m: { communityId: string }) => m.communityId === s.community.id);
      expect(names.map((m: { name: string }) => m.name)).toEqual(['郑七']);
    });
  },
  300_000,
);
