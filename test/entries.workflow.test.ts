/**
 * The three entries on the time-skipping test server: a quarter of leader visits passes in
 * seconds, and a run of community meetings a paired department misses. Real API on simulated
 * time, real worker and activities, PGlite in memory, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import { noticeOffsetMs } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { shanghai, shanghaiDay } from './support/dates';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';
import { leaderVisitWorkflowId } from '../domain/workflow-ids';

const VISITS =
  'a quarter of visits: the leader who came hears nothing; the one who did not gets the ladder, then the office';
const ABSENCE = 'a paired department absent from three meetings in a row is told once, with the office';

/*
 * Fixed starts, and days written out by hand from the State Council's 2026 holiday notice
 * (Labour Day 05-01..05-05 with the make-up Saturday 05-09; Mid-Autumn 09-25..09-27; National
 * Day 10-01..10-07 with the make-up days Sunday 09-20 and Saturday 10-10).
 */
const t = useTimeSkipping({
  startAt: {
    [VISITS]: '2026-09-01T01:00:00Z', // Tuesday 09:00, 2026-Q3: its ladder and overdue notices cross National Day
    [ABSENCE]: '2026-04-07T01:00:00Z', // Tuesday 09:00, 2026-Q2: the weekly meetings cross Labour Day
  },
});

/** The API and worker on simulated time; a community with its convener, a supervisor. */
async function simulated() {
  const api = await simulatedApi(t);
  const tag = randomUUID().slice(0, 6);
  await t.db.prisma.supervisor.updateMany({ data: { active: false } });
  const supervisor = `office-${tag}@example.org`;
  await api.admin.post('/api/supervisors').send({ name: '联络办', email: supervisor }).expect(201);
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
  return {
    ...api,
    convener: await api.agent('convener', community.body.id),
    tag,
    supervisor,
    community: community.body as { id: string; code: string },
  };
}

test(
  VISITS,
  async () => {
    const s = await simulated();
    const { tag } = s;
    const rule = DEFAULT_ENTRIES_RULE; // quarterly, reminders 10 and 3 working days before the due date
    await s.run(async () => {
      const wang = await s.admin
        .post('/api/leaders')
        .send({
          code: `wang-${tag}`,
          name: '王市长',
          title: '市长',
          email: `wang-${tag}@example.org`,
          communityCode: s.community.code,
        })
        .expect(201);
      const zhao = await s.admin
        .post('/api/leaders')
        .send({
          code: `zhao-${tag}`,
          name: '赵副市长',
          email: `zhao-${tag}@example.org`,
          secretaryName: '秘书小孙',
          secretaryEmail: `sun-${tag}@example.org`,
          communityCode: s.community.code,
        })
        .expect(201);

      expect([rule.visitReminderLadder, rule.visitSupervisorAfterDays]).toEqual([[10, 3], 3]);
      // 2026-Q3: due on its last working day, Wednesday 09-30. 10 working days before: 09-29, 09-28,
      // 09-24..09-21, the make-up Sunday 09-20, 09-18..09-16 → 09-16; 3 before: 09-29, 09-28, 09-24
      // (Mid-Autumn 09-25..09-27 off) → 09-24; overdue the first working day after National Day,
      // Thursday 10-08; the office 3 working days later (10-09, the make-up Saturday 10-10, 10-12).
      const quarter = { key: '2026-Q3', dueDate: '2026-09-30', next: '2026-Q4' };
      const days: Record<string, string> = {
        'reminder-10': '2026-09-16',
        'reminder-3': '2026-09-24',
        overdue: '2026-10-08',
        'overdue-supervisors': '2026-10-12',
      };
      // Zhao's notices: 09:00 plus his offset in the spread.
      const at = (step: string) => shanghai(days[step]!) + noticeOffsetMs(zhao.body.id);

      // Wang attends the community's joint meeting a working day before his first reminder would go (09-15).
      await s.until(shanghai('2026-09-15', '15:00'));
      await s.convener
        .post(`/api/units/${s.community.id}/meetings`)
        .send({ heldOn: shanghaiDay(s.now()), attendees: ['李书记', '王市长'], minutes: '王市长参加社区联席会议' })
        .expect(201);

      // The quarter ends and the office's notice falls due; a day later, look.
      await s.until(at('overdue-supervisors') + 86_400_000);
      const rows = await t.db.prisma.notification.findMany({
        where: { obligation: { in: [leaderVisitWorkflowId(wang.body.id), leaderVisitWorkflowId(zhao.body.id)] } },
      });
      const got = rows.map(
        (r) =>
          `${r.obligation === leaderVisitWorkflowId(wang.body.id) ? 'wang' : 'zhao'} ${r.periodKey} ${r.step} ${r.recipient}`,
      );
      const zhaoAndSecretary = (step: string) => [
        `zhao ${quarter.key} ${step} zhao-${tag}@example.org`,
        `zhao ${quarter.key} ${step} sun-${tag}@example.org`,
      ];
      expect(got.sort()).toEqual(
        [
          ...zhaoAndSecretary('reminder-10'),
          ...zhaoAndSecretary('reminder-3'),
          ...zhaoAndSecretary('overdue'),
          `zhao ${quarter.key} overdue-supervisors ${s.supervisor}`,
        ].sort(),
      );
      for (const r of rows) expect(Math.abs(r.scheduledFor.getTime() - at(r.step))).toBeLessThan(60_000);
      expectOneMailEach(t.mail, rows);
      const reminder = t.mail.sink
        .messages()
        .find((m) => m.messageId === rows.find((r) => r.step === 'reminder-3')!.messageId)!;
      expect(reminder.subject).toBe(`【提醒】赵副市长联系碧海社区（2026年第三季度）须于${quarter.dueDate}前深入联系点`);

      // The record: Wang's quarter met by the meeting he attended, Zhao's overdue.
      const outcomes = await t.db.prisma.periodOutcome.findMany({
        where: { unitId: s.community.id, periodKey: quarter.key },
      });
      const outcome = (id: string) => outcomes.find((o) => o.obligation === leaderVisitWorkflowId(id))?.status;
      expect(outcome(wang.body.id)).toBe('met');
      expect(outcome(zhao.body.id)).toBe('overdue');
      const visits = await s.admin.get(`/api/leaders/${wang.body.id}/visits`).expect(200);
      expect(visits.body.items).toEqual([
        expect.objectContaining({ periodKey: quarter.key, purposes: ['joint_meeting'] }),
      ]);

      // The office's view of that quarter, and the next one under way.
      const view = await s.admin.get(`/api/supervision/visits?period=${quarter.key}`).expect(200);
      const status = Object.fromEntries(
        view.body.items.map((i: { code: string; status: string }) => [i.code, i.status]),
      );
      expect(status).toMatchObject({ [`wang-${tag}`]: 'visited', [`zhao-${tag}`]: 'overdue' });
      const obligation = await s.admin.get(`/api/leaders/${zhao.body.id}/obligation`).expect(200);
      expect(obligation.body).toMatchObject({ periodKey: quarter.next, visits: 0, state: 'watching' });
    });
  },
  300_000,
);

test(
  ABSENCE,
  async () => {
    const s = await simulated();
    const { tag } = s;
    await s.run(async () => {
      const codes = ['housing', 'health', 'police'].map((d) => `${d}-${tag}`);
      const names = { [codes[0]!]: '住建局', [codes[1]!]: '卫健局', [codes[2]!]: '公安局' };
      for (const code of codes) {
        await s.admin
          .post('/api/departments')
          .send({ code, name: names[code], contactName: `${names[code]}联络员`, contactEmail: `${code}@example.org` })
          .expect(201);
      }
      await s.admin
        .put(`/api/units/${s.community.id}/department-pairings`)
        .send({ departmentCodes: codes })
        .expect(200);

      // Five meetings a week apart (every 5th working day from Tuesday 04-07: 04-14, 04-21, 04-28,
      // then 04-29, 04-30, [Labour Day], 05-06..05-08 → 05-08, then the make-up Saturday 05-09,
      // 05-11..05-14 → 05-14), all in 2026-Q2; the housing bureau comes to the first only.
      const meetingDays = ['2026-04-14', '2026-04-21', '2026-04-28', '2026-05-08', '2026-05-14'];
      for (const [i, day] of meetingDays.entries()) {
        await s.until(shanghai(day, '15:00'));
        const attendees = ['李书记', '卫健局', '公安局', ...(i === 0 ? ['住建局'] : [])];
        await s.convener
          .post(`/api/units/${s.community.id}/meetings`)
          .send({ heldOn: day, attendees, minutes: `第${i + 1}次会议` })
          .expect(201);
      }
      await s.until(s.now() + 60_000);
      const rows = await t.db.prisma.notification.findMany({ where: { obligation: { startsWith: 'attendance:' } } });
      const mine = rows.filter((r) => r.unitId === s.community.id);
      // Absent from meetings 2, 3 and 4: the run reached three at the fourth meeting; the fifth makes four (no notice).
      expect(mine.map((r) => `${r.step} ${r.recipient}`).sort()).toEqual(
        [`absent-3 ${codes[0]}@example.org`, `absent-3 ${s.supervisor}`].sort(),
      );
      const notice = t.mail.sink.messages().find((m) => m.messageId === mine[0]!.messageId)!;
      expect(notice.subject).toBe('【缺席提醒】住建局已连续3次未参加碧海社区联席会议');
      const table = await s.admin
        .get(`/api/supervision/attendance?communityId=${s.community.id}&period=2026-Q2`)
        .expect(200);
      const housing = table.body.items.find((i: { department: { code: string } }) => i.department.code === codes[0]);
      expect(housing).toMatchObject({ absentInARow: 4, flagged: true });
    });
  },
  300_000,
);
