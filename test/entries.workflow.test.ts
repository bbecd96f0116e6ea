/**
 * The three entries on the time-skipping test server: a quarter of leader visits passes in
 * seconds, and a run of community meetings a paired department misses. Real API on simulated
 * time, real worker and activities, PGlite in memory, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import { packageCalendar } from '../domain/calendar';

const cal = packageCalendar();
const addWorkingDays = (d: string, n: number) => cal.addWorkingDays(d, n);
import { cadenceSchedule } from '../domain/cadence';
import { DEFAULT_ENTRIES_RULE, leaderVisitWorkflowId } from '../domain/entries';
import { nextPeriod, periodContaining, shanghaiDateOf, shanghaiInstant } from '../domain/period';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';

const t = useTimeSkipping();

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

test('a quarter of visits: the leader who came hears nothing; the one who did not gets the ladder, then the office', async () => {
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

    const quarter = periodContaining(s.now(), 'quarter');
    const schedule = cadenceSchedule(
      quarter,
      {
        level: 'community',
        period: 'quarter',
        minMeetings: 1,
        reminderLadder: rule.visitReminderLadder,
        supervisorAfterDays: rule.visitSupervisorAfterDays,
        countAdhoc: true,
      },
      cal,
      zhao.body.id,
    ); // Zhao's notices: the notice hour plus his offset
    const at = (step: string) => schedule.steps.find((x) => x.step === step)!.at;

    // Wang attends the community's joint meeting a working day before his first reminder would go.
    await s.until(shanghaiInstant(addWorkingDays(shanghaiDateOf(at('reminder-10')), -1), 15).getTime());
    await s.convener
      .post(`/api/units/${s.community.id}/meetings`)
      .send({ heldOn: shanghaiDateOf(s.now()), attendees: ['李书记', '王市长'], minutes: '王市长参加社区联席会议' })
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
    expect(reminder.subject).toBe(`【提醒】赵副市长联系碧海社区（${quarter.key}）须于${schedule.dueDate}前深入联系点`);

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
    const status = Object.fromEntries(view.body.items.map((i: { code: string; status: string }) => [i.code, i.status]));
    expect(status).toMatchObject({ [`wang-${tag}`]: 'visited', [`zhao-${tag}`]: 'overdue' });
    const obligation = await s.admin.get(`/api/leaders/${zhao.body.id}/obligation`).expect(200);
    expect(obligation.body).toMatchObject({ periodKey: nextPeriod(quarter).key, visits: 0, state: 'watching' });
  });
}, 300_000);

test('a paired department absent from three meetings in a row is told once, with the office', async () => {
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
    await s.admin.put(`/api/units/${s.community.id}/department-pairings`).send({ departmentCodes: codes }).expect(200);

    // Five meetings a week apart; the housing bureau comes to the first only.
    for (let i = 0; i < 5; i++) {
      await s.until(shanghaiInstant(addWorkingDays(shanghaiDateOf(s.now()), 5), 15).getTime());
      const attendees = ['李书记', '卫健局', '公安局', ...(i === 0 ? ['住建局'] : [])];
      await s.convener
        .post(`/api/units/${s.community.id}/meetings`)
        .send({ heldOn: shanghaiDateOf(s.now()), attendees, minutes: `第${i + 1}次会议` })
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
      .get(
        `/api/supervision/attendance?communityId=${s.community.id}&period=${periodContaining(s.now(), 'quarter').key}`,
      )
      .expect(200);
    const housing = table.body.items.find((i: { department: { code: string } }) => i.department.code === codes[0]);
    expect(housing).toMatchObject({ absentInARow: 4, flagged: true });
  });
}, 300_000);
