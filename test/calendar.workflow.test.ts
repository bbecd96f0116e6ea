/**
 * The year turns, on the time-skipping server from a fixed instant (Monday 2026-12-07 09:30
 * Shanghai): open obligations and an escalation are planned on Monday–Friday for 2027 (no data
 * yet), the liaison office is reminded to enter the notice; the 2027 notice is entered on
 * 12-10; the next steps move to the notice's working days, nothing is sent twice, and the
 * reminder to enter the notice stops. Real API and worker on simulated time, PGlite, real SMTP.
 *
 * Every expected day below is written out by hand from the notices: 2026's (package data) and
 * the example 2027 notice in seed/holiday-notice-2027-example.txt (元旦 2027-01-01..03 off).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { calendarWatchWorkflow } from '../workflows/calendar-watch';
import { shanghai, shanghaiDay } from './support/dates';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';
import { CALENDAR_WATCH_WORKFLOW_ID, escalationWorkflowId } from '../domain/workflow-ids';

const NOTICE_2027 = fs.readFileSync(path.join(__dirname, '..', 'seed', 'holiday-notice-2027-example.txt'), 'utf8');

const ENTERED_IN_DECEMBER =
  'the 2027 notice entered: open plans move to its working days, nothing is sent twice, the reminder to enter it stops';
const ENTERED_IN_JANUARY = 'entered in the first days of 2027: the last quarter’s notices still to come move too';

const t = useTimeSkipping({
  startAt: {
    [ENTERED_IN_DECEMBER]: '2026-12-07T01:30:00Z', // Monday 09:30 Shanghai
    [ENTERED_IN_JANUARY]: '2026-12-31T02:00:00Z', // Thursday 10:00 Shanghai, the quarter's due date
  },
});

/*
 * The last quarter of 2026 (due Thursday 12-31), default ladder 10, 3, 1 working days:
 *   reminder-10 12-17 (Thu: 12-18, 21–25, 28–31 are the ten after it), reminder-3 12-28, reminder-1 12-30;
 *   overdue: the first working day after 12-31 — 2027-01-01 on Monday–Friday, 2027-01-04 by the notice;
 *   the office 3 working days later — 01-06 on Monday–Friday, 01-07 by the notice.
 * An item escalated to the street on Tuesday 12-08 (street: schedule 15, answer 20 working days, ladder 3, 1):
 *   schedule by 12-29 either way (12-09..12-29 has 15 working days);
 *   answer by: 12-09..12-31 has 17 working days, so the 20th is 2027-01-05 on Monday–Friday (01-01 counted),
 *   2027-01-06 by the notice; answer-reminder-1 the working day before (01-05), overdue the one after (01-07).
 * The reminder to enter the 2027 notice: from the first working day on or after 11-01 (Monday 11-02), every 5
 *   working days: 11-02, 11-09, 11-16, 11-23, 11-30, 12-07, 12-14, … — the one of 12-07 goes at once.
 */
const OBLIGATION_DAYS = {
  'reminder-10': '2026-12-17',
  'reminder-3': '2026-12-28',
  'reminder-1': '2026-12-30',
  overdue: '2027-01-04',
  'overdue-supervisors': '2027-01-07',
};

test(
  ENTERED_IN_DECEMBER,
  async () => {
    const s = await simulatedApi(t);
    const tag = randomUUID().slice(0, 6);
    await t.db.prisma.supervisor.updateMany({ data: { active: false } });
    const office = `office-${tag}@example.org`;
    await s.admin.post('/api/supervisors').send({ name: '联络办', email: office }).expect(201);
    const unit = async (code: string, level: string, parentCode?: string) =>
      (
        await s.admin
          .post('/api/units')
          .send({
            code: `${code}-${tag}`,
            name: code,
            level,
            parentCode: parentCode && `${parentCode}-${tag}`,
            convenerName: '书记',
            convenerEmail: `${code}-${tag}@example.org`,
          })
          .expect((r) => {
            if (r.status !== 201) throw new Error(JSON.stringify(r.body));
          })
      ).body as { id: string; code: string };

    await s.run(async () => {
      await t.env.client.workflow.start(calendarWatchWorkflow, {
        workflowId: CALENDAR_WATCH_WORKFLOW_ID,
        taskQueue: s.taskQueue,
        args: [{}],
      });
      await unit('donggang', 'city');
      const street = await unit('xinxing', 'street', 'donggang');
      const quiet = await unit('bihai', 'community', 'xinxing'); // never meets
      const raising = await unit('gangbei', 'community', 'xinxing');

      // Tuesday 12-08: Gangbei meets and sends an item up to the street.
      await s.until(shanghai('2026-12-08', '10:00'));
      const gangbei = await s.agent('convener', raising.id);
      const meeting = await gangbei
        .post(`/api/units/${raising.id}/meetings`)
        .send({
          heldOn: '2026-12-08',
          attendees: ['书记'],
          minutes: '停车难',
          agendaItems: [{ title: '停车难', raisedBy: '居民' }],
        })
        .expect(201);
      const items = await gangbei.get(`/api/agenda-items?unitId=${raising.id}`).expect(200);
      const itemId = (items.body.items as { id: string }[])[0]!.id;
      await gangbei
        .post(`/api/agenda-items/${itemId}/escalations`)
        .send({ what: '停车位不足', whyNotSolvable: '涉及道路规划', ask: '请街道协调' })
        .expect(201);
      expect(meeting.body.id).toBeTruthy();
      const hop = () => t.db.prisma.escalation.findFirstOrThrow({ where: { agendaItemId: itemId } });
      expect((await hop()).answerBy.toISOString().slice(0, 10)).toBe('2027-01-05'); // a @db.Date

      // Planned on Monday–Friday for 2027: the overdue notice on New Year's Day.
      const status = async (u: { id: string }) =>
        (await s.admin.get(`/api/units/${u.id}/obligation`).expect(200)).body as {
          nextNotice: { step: string; at: string } | null;
        };
      await s.until(shanghai('2026-12-10', '10:00'));
      expect((await status(quiet)).nextNotice).toMatchObject({ step: 'reminder-10' });

      // Thursday 12-10: the liaison office pastes the 2027 notice.
      const entered = await s.admin
        .post('/api/calendar/years/2027/notice?confirm=true')
        .set('Content-Type', 'text/plain')
        .send(NOTICE_2027)
        .expect(200);
      expect(entered.body.moved).toEqual({ meetingObligations: 4, visitObligations: 0, escalations: 1 }); // city, street, two communities
      expect((await hop()).answerBy.toISOString().slice(0, 10)).toBe('2027-01-06');

      await s.until(shanghai('2027-01-12', '12:00'));

      // The quiet community: its ladder on 2026 days, its overdue notices on the notice's days, each once.
      const rows = await t.db.prisma.notification.findMany({ where: { obligation: `meeting-cadence:${quiet.id}` } });
      const days = Object.fromEntries(rows.map((r) => [r.step, shanghaiDay(r.scheduledFor.getTime())]));
      expect(days).toEqual(OBLIGATION_DAYS);
      expect(rows).toHaveLength(5); // one convener; one office member for the last
      const streetRows = await t.db.prisma.notification.findMany({
        where: { obligation: `meeting-cadence:${street.id}`, step: { in: ['overdue', 'overdue-supervisors'] } },
      });
      expect(Object.fromEntries(streetRows.map((r) => [r.step, shanghaiDay(r.scheduledFor.getTime())]))).toEqual({
        overdue: '2027-01-04',
        'overdue-supervisors': '2027-01-07',
      });

      // The escalated item: its answer deadline moved to 01-06, its reminder and overdue with it.
      const esc = await t.db.prisma.notification.findMany({ where: { obligation: escalationWorkflowId(itemId) } });
      const escDays = Object.fromEntries(esc.map((r) => [r.step, shanghaiDay(r.scheduledFor.getTime())]));
      expect(escDays).toMatchObject({
        'answer-reminder-1': '2027-01-05',
        overdue: '2027-01-07',
      });
      expect(esc.filter((r) => r.step === 'answer-reminder-1')).toHaveLength(1);

      // The reminder to enter the notice: once, on 12-07; none after the notice was entered.
      const calendarRows = await t.db.prisma.notification.findMany({ where: { obligation: 'working-calendar' } });
      expect(calendarRows.map((r) => `${r.step} ${r.recipient}`)).toEqual([`reminder-2026-12-07 ${office}`]);

      // Nothing twice: one SMTP message per ledger row, and no ledger key twice by construction.
      expectOneMailEach(t.mail, [...rows, ...streetRows, ...esc, ...calendarRows]);
    });
  },
  600_000,
);

/*
 * The city's rule here tells the office 1 working day after the overdue notice. The quarter closed
 * on Monday–Friday days: the overdue notice went on 2027-01-01 (元旦, no data yet), the office was
 * to hear on Monday 01-04. The notice entered on Saturday 01-02 makes 01-04 the first working day
 * after the due date: the office hears on Tuesday 01-05. (The first quarter of 2027 plans the same
 * either way — due 03-31, overdue 04-01, office 04-02 — so only the quarter before tells it to move.)
 */
test(
  ENTERED_IN_JANUARY,
  async () => {
    const s = await simulatedApi(t);
    const tag = randomUUID().slice(0, 6);
    await t.db.prisma.supervisor.updateMany({ data: { active: false } });
    const office = `office-${tag}@example.org`;
    await s.admin.post('/api/supervisors').send({ name: '联络办', email: office }).expect(201);
    await t.db.prisma.calendarYear.deleteMany({ where: { year: 2027 } }); // the file's database: 2027 not entered
    await s.admin
      .put('/api/cadence-rules/city')
      .send({ period: 'quarter', minMeetings: 1, reminderLadder: [10, 3, 1], supervisorAfterDays: 1, countAdhoc: true })
      .expect(200);
    await s.run(async () => {
      const city = (
        await s.admin
          .post('/api/units')
          .send({
            code: `city-${tag}`,
            name: '东港市',
            level: 'city',
            convenerName: '书记',
            convenerEmail: `city-${tag}@example.org`,
          })
          .expect(201)
      ).body as { id: string };
      await s.until(shanghai('2027-01-02', '10:00'));
      const ledger = async () =>
        Object.fromEntries(
          (await t.db.prisma.notification.findMany({ where: { obligation: `meeting-cadence:${city.id}` } })).map(
            (r) => [r.step, shanghaiDay(r.scheduledFor.getTime())],
          ),
        );
      // The overdue notice (and the period's close) ran on Monday–Friday: on New Year's Day.
      for (let i = 0; i < 30 && !(await ledger()).overdue; i++) await s.until(s.now() + 60_000);
      expect(await ledger()).toMatchObject({ overdue: '2027-01-01' });

      const entered = await s.admin
        .post('/api/calendar/years/2027/notice?confirm=true')
        .set('Content-Type', 'text/plain')
        .send(NOTICE_2027)
        .expect(200);
      expect(entered.body.moved.meetingObligations).toBeGreaterThanOrEqual(1); // this city (and the file's earlier ones)

      await s.until(shanghai('2027-01-08', '12:00'));
      const days = await ledger();
      expect(days).toMatchObject({ overdue: '2027-01-01', 'overdue-supervisors': '2027-01-05' });
      const rows = await t.db.prisma.notification.findMany({ where: { obligation: `meeting-cadence:${city.id}` } });
      expect(rows.filter((r) => r.step === 'overdue')).toHaveLength(1); // not sent again
      expectOneMailEach(t.mail, rows);
    });
  },
  600_000,
);
