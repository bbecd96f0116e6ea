/**
 * Escalated agenda items on the time-skipping test server: weeks of working days pass in
 * seconds. Driven through the real API (its clock is the test server's), the real worker and
 * activities, an in-memory PGlite database and real SMTP into the mail sink. The expected
 * notices are written out by hand from the rules (DEFAULT_ESCALATION_RULES: community 10/15,
 * street 15/20, city 20/30 working days to schedule/answer, reminders 3 and 1 working days
 * before, supervisors 2 working days after the overdue notice).
 */
import { randomUUID } from 'node:crypto';
import { noticeOffsetMs } from '../domain/cadence';
import type { Mailer } from '../infra/mailer';
import { escalationStatusQuery } from '../workflows/escalation';
import type { Agent } from './support/auth';
import { shanghai, shanghaiDay } from './support/dates';
import {
  expectOneMailEach as oneMailEach,
  type SimulatedApi,
  simulatedApi,
  useTimeSkipping,
} from './support/simulated';
import { escalationWorkflowId } from '../domain/workflow-ids';

const CLIMB = 'an item climbs compound → community → street → city and the answer comes back down';
const MISSED =
  'a missed deadline reaches the supervisors once per step; an extension moves the timer; a dispute sends it back';
const AUTO = 'the rules send an unanswered item up by themselves';
const RETRY = 'a failure in the middle of a notice is retried: still exactly one email per recipient';
const NO_CLOSE = 'an escalated item cannot be resolved at its own level or closed without an answer';

/*
 * Each test starts at a fixed instant (the test server's initial time), and every day below is
 * written out by hand from the State Council's 2026 holiday notice: days off 04-04..04-06
 * (Qingming), 05-01..05-05 (Labour Day), 06-19..06-21 (Dragon Boat), 09-25..09-27 (Mid-Autumn),
 * 10-01..10-07 (National Day); make-up working days Saturday 05-09, Sunday 09-20, Saturday 10-10.
 * "n working days after D" counts the working days after D, D excluded.
 */
const s = useTimeSkipping({
  startAt: {
    [CLIMB]: '2026-09-10T01:00:00Z', // Thursday 09:00: the street's deadline crosses Mid-Autumn and National Day
    [MISSED]: '2026-04-14T01:00:00Z', // Tuesday 09:00: the answer deadline crosses Labour Day
    [AUTO]: '2026-03-30T01:00:00Z', // Monday 09:00: the deadlines cross Qingming
    [RETRY]: '2026-06-01T01:00:00Z', // Monday 09:00: the deadline crosses the Dragon Boat Festival
    [NO_CLOSE]: '2026-06-15T02:00:00Z', // Monday 10:00
  },
});

/** When an item's notice of this date falls due: 09:00 plus the item's own offset in the spread. */
const nine = (date: string, itemId: string) => shanghai(date) + noticeOffsetMs(itemId);

type Level = 'city' | 'street' | 'community' | 'compound';
interface Tree extends SimulatedApi {
  api: Agent;
  conveners: Record<Level, Agent>;
  units: Record<Level, { id: string }>;
  emails: Record<Level, string>;
  supervisors: string[];
}

/** A city → street → community → compound tree, its conveners and two supervisors, on simulated time. */
async function tree(mailer?: Mailer): Promise<Tree> {
  const sim = await simulatedApi(s, { mailer });
  const tag = randomUUID().slice(0, 6);
  const supervisors = [`sup-a-${tag}@example.org`, `sup-b-${tag}@example.org`];
  const units = {} as Tree['units'];
  const emails = {} as Tree['emails'];
  const conveners = {} as Tree['conveners'];
  let parentCode: string | undefined;
  for (const level of ['city', 'street', 'community', 'compound'] as const) {
    emails[level] = `${level}-${tag}@example.org`;
    const res = await sim.admin
      .post('/api/units')
      .send({
        code: `${level}-${tag}`,
        name: `${level}单位`,
        level,
        parentCode,
        convenerName: `${level}书记`,
        convenerEmail: emails[level],
      })
      .expect(201);
    units[level] = res.body;
    parentCode = `${level}-${tag}`;
    conveners[level] = await sim.agent('convener', res.body.id);
  }
  // The liaison office is this test's two members only (the database is shared by the file's tests).
  await s.db.prisma.supervisor.updateMany({ data: { active: false } });
  for (const email of supervisors) await sim.admin.post('/api/supervisors').send({ name: '联络办', email }).expect(201);
  return { ...sim, api: sim.admin, conveners, units, emails, supervisors };
}

/** A meeting of `unit` today with minutes; returns its id (and the ids of the items it raised). */
async function meet(t: Tree, level: keyof Tree['units'], extra: Record<string, unknown> = {}) {
  const res = await t.conveners[level]
    .post(`/api/units/${t.units[level].id}/meetings`)
    .send({ heldOn: shanghaiDay(t.now()), attendees: ['书记'], minutes: `${level}会议纪要`, ...extra })
    .expect(201);
  return res.body.id as string;
}

async function raiseAndEscalate(t: Tree, title: string): Promise<string> {
  const meetingId = await meet(t, 'compound');
  const item = await t.conveners.compound
    .post(`/api/meetings/${meetingId}/agenda-items`)
    .send({ title, raisedBy: '居民代表' })
    .expect(201);
  await t.conveners.compound
    .post(`/api/agenda-items/${item.body.id}/escalations`)
    .send({ what: `${title}：问题描述`, whyNotSolvable: '小区无权协调', ask: '请社区协调相关部门' })
    .expect(201);
  return item.body.id as string;
}

/** The escalation's ledger rows as "series step recipient", sorted; and their send instants. */
async function notices(itemId: string) {
  const rows = await s.db.prisma.notification.findMany({ where: { obligation: escalationWorkflowId(itemId) } });
  return {
    keys: rows.map((r) => `${r.periodKey} ${r.step} ${r.recipient}`).sort(),
    at: new Map(rows.map((r) => [`${r.periodKey} ${r.step} ${r.recipient}`, r.scheduledFor.getTime()])),
    rows,
  };
}

const expectOneMailEach = (rows: { messageId: string }[]) => oneMailEach(s.mail, rows);

test(
  CLIMB,
  async () => {
    const t = await tree();
    const { emails: e } = t;
    await t.run(async () => {
      // The first working day after the start (Thursday 09-10): Friday 09-11, 10:00.
      await t.until(shanghai('2026-09-11', '10:00'));
      const itemId = await raiseAndEscalate(t, '停车难');

      // Two working days on (09-14, 09-15), the community takes it up at its meeting; the next working
      // day (09-16) it sends the item up to the street.
      await t.until(shanghai('2026-09-15', '10:00'));
      const communityMeeting = await meet(t, 'community', { takesUp: [itemId] });
      await t.until(shanghai('2026-09-16', '10:00'));
      await t.conveners.community
        .post(`/api/agenda-items/${itemId}/escalations`)
        .send({ what: '停车难', whyNotSolvable: '涉及市政规划', ask: '请街道协调', meetingId: communityMeeting })
        .expect(201);

      // The street lets its scheduling deadline pass (15 working days after 09-16: 09-17, 09-18, the
      // make-up Sunday 09-20, 09-21..09-24, [Mid-Autumn 09-25..09-27], 09-28..09-30, [National Day
      // 10-01..10-07], 10-08, 10-09, the make-up Saturday 10-10, 10-12, 10-13): schedule by Tuesday
      // 10-13. Reminders 3 working days before (10-09) and 1 (10-12), "call a meeting" the first
      // working day after (Wednesday 10-14).
      await t.until(shanghai('2026-10-14', '15:00'));
      const status = await s.env.client.workflow.getHandle(escalationWorkflowId(itemId)).query(escalationStatusQuery);
      expect(status).toMatchObject({ state: 'escalated', hop: 2, currentUnitId: t.units.street.id });
      await meet(t, 'street', { kind: 'adhoc', takesUp: [itemId] });
      await t.conveners.street
        .post(`/api/agenda-items/${itemId}/escalations`)
        .send({ what: '停车难', whyNotSolvable: '需市级统筹', ask: '请市联席会议研究' })
        .expect(201);

      // The city takes it up the next working day (10-15) and answers four working days later (10-21).
      await t.until(shanghai('2026-10-15', '10:00'));
      await meet(t, 'city', { takesUp: [itemId] });
      await t.until(shanghai('2026-10-21', '10:00'));
      const t4 = t.now();
      await t.conveners.city
        .post(`/api/agenda-items/${itemId}/feedback`)
        .send({ outcome: 'resolved', text: '市政府调度相关部门，新增停车位200个' })
        .expect(201);
      // A street convener may not answer for the city, nor the city confirm for the compound.
      await t.conveners.street.post(`/api/agenda-items/${itemId}/response`).send({ response: 'confirmed' }).expect(403);

      // The compound confirms the next working day (10-22): the item closes and its workflow ends.
      await t.until(shanghai('2026-10-22', '10:00'));
      const confirmed = await t.conveners.compound
        .post(`/api/agenda-items/${itemId}/response`)
        .send({ response: 'confirmed' })
        .expect(200);
      expect(confirmed.body).toMatchObject({ state: 'confirmed' });
      expect(await s.env.client.workflow.getHandle(escalationWorkflowId(itemId)).result()).toBe('confirmed');

      const n = await notices(itemId);
      const hop3 = `hop3-r0`;
      expect(n.keys).toEqual(
        [
          `hop1 received ${e.community}`,
          `hop2 received ${e.street}`,
          `hop2 schedule-reminder-3 ${e.street}`,
          `hop2 schedule-reminder-1 ${e.street}`,
          `hop2 call-meeting ${e.street}`,
          `hop3 received ${e.city}`,
          // The answer goes back down to every level the item passed through.
          `${hop3} answered ${e.compound}`,
          `${hop3} answered ${e.community}`,
          `${hop3} answered ${e.street}`,
        ].sort(),
      );
      const near = (key: string, instant: number) => expect(Math.abs(n.at.get(key)! - instant)).toBeLessThan(60_000);
      near(`hop2 schedule-reminder-3 ${e.street}`, nine('2026-10-09', itemId));
      near(`hop2 schedule-reminder-1 ${e.street}`, nine('2026-10-12', itemId));
      near(`hop2 call-meeting ${e.street}`, nine('2026-10-14', itemId));
      near(`${hop3} answered ${e.compound}`, t4);
      expectOneMailEach(n.rows);

      // The record holds the ledger entries of all three hops with the minutes that went up.
      const item = await t.api.get(`/api/agenda-items/${itemId}`).expect(200);
      expect(item.body.escalations.map((h: { toUnitId: string; state: string }) => [h.toUnitId, h.state])).toEqual([
        [t.units.community.id, 'escalated_further'],
        [t.units.street.id, 'escalated_further'],
        [t.units.city.id, 'answered'],
      ]);
      expect(item.body.escalations[0].minutes).toBe('compound会议纪要');
      expect(item.body.escalations[1].minutes).toBe('community会议纪要');
      expect(item.body.feedback).toHaveLength(1);
      expect(item.body.feedback[0]).toMatchObject({ outcome: 'resolved', response: 'confirmed' });
    });
  },
  300_000,
);

test(
  MISSED,
  async () => {
    const t = await tree();
    const { emails: e, supervisors: s } = t;
    await t.run(async () => {
      // The first working day after the start (Tuesday 04-14): Wednesday 04-15, 10:00.
      await t.until(shanghai('2026-04-15', '10:00'));
      const late = await raiseAndEscalate(t, '垃圾分类');
      const extended = await raiseAndEscalate(t, '老旧楼改造');
      await meet(t, 'community', { takesUp: [late, extended] });
      // Answer within 15 working days after 04-15: 04-16, 04-17, 04-20..04-24, 04-27..04-30,
      // [Labour Day 05-01..05-05], 05-06..05-08, the make-up Saturday 05-09. Overdue the first
      // working day after it, Monday 05-11; the supervisors 2 working days later, Wednesday 05-13.
      const answerBy = '2026-05-09';
      const overdueDay = '2026-05-11';

      // `extended`: after the first answer reminder (3 working days before: 05-06), the liaison office
      // moves its deadline by ten working days (05-11..05-15, 05-18..05-22: Friday 05-22).
      await t.until(shanghai('2026-05-06', '11:00'));
      const newAnswerBy = '2026-05-22';
      await t.conveners.community
        .post(`/api/agenda-items/${extended}/extensions`)
        .send({ answerBy: newAnswerBy, reason: '需等待预算批复' })
        .expect(403);
      const supervisor = t.api; // an admin approves here; the access matrix covers the supervisor role
      const ext = await supervisor
        .post(`/api/agenda-items/${extended}/extensions`)
        .send({ answerBy: newAnswerBy, reason: '需等待预算批复' })
        .expect(201);
      expect(ext.body.workflow).toMatchObject({ answerBy: newAnswerBy, nextStep: { step: 'extended' } });

      // Thirty working days pass: `late` is never answered. (45 working days after 04-15, with
      // Labour Day, the make-up Saturday 05-09 and the Dragon Boat Festival 06-19: Monday 06-22.)
      await t.until(shanghai('2026-06-22', '10:00'));
      const lateNotices = await notices(late);
      const series = `hop1-r0-${answerBy}`;
      expect(lateNotices.keys).toEqual(
        [
          `hop1 received ${e.community}`,
          `${series} answer-reminder-3 ${e.community}`,
          `${series} answer-reminder-1 ${e.community}`,
          `${series} overdue ${e.community}`,
          `${series} overdue-supervisors ${s[0]}`,
          `${series} overdue-supervisors ${s[1]}`,
        ].sort(),
      );
      expect(Math.abs(lateNotices.at.get(`${series} overdue ${e.community}`)! - nine(overdueDay, late))).toBeLessThan(
        60_000,
      );
      expect(
        Math.abs(lateNotices.at.get(`${series} overdue-supervisors ${s[0]}`)! - nine('2026-05-13', late)),
      ).toBeLessThan(60_000);
      expectOneMailEach(lateNotices.rows);
      const overdueList = await t.api.get('/api/supervision/escalations?overdue=true').expect(200);
      expect(overdueList.body.items.map((i: { agendaItemId: string }) => i.agendaItemId)).toContain(late);

      // `extended`: the old deadline's later steps never fired; the new deadline's did.
      const extNotices = await notices(extended);
      const oldSeries = `hop1-r0-${answerBy}`;
      const newSeries = `hop1-r0-${newAnswerBy}`;
      expect(extNotices.keys).toEqual(
        [
          `hop1 received ${e.community}`,
          `${oldSeries} answer-reminder-3 ${e.community}`,
          `${newSeries} extended ${e.community}`,
          `${newSeries} answer-reminder-3 ${e.community}`,
          `${newSeries} answer-reminder-1 ${e.community}`,
          `${newSeries} overdue ${e.community}`,
          `${newSeries} overdue-supervisors ${s[0]}`,
          `${newSeries} overdue-supervisors ${s[1]}`,
        ].sort(),
      );

      // Now the community answers `extended`; the compound disputes it: a new round, a new deadline.
      await t.conveners.community
        .post(`/api/agenda-items/${extended}/feedback`)
        .send({ outcome: 'scheduled', text: '列入明年改造计划', handleBy: '2027-06-30' })
        .expect(201);
      await t.until(shanghai('2026-06-23', '10:00')); // the next working day

      await t.conveners.compound
        .post(`/api/agenda-items/${extended}/response`)
        .send({ response: 'disputed', reason: '居民希望今年内启动' })
        .expect(200);
      // A new answer deadline 15 working days after 06-23: 06-24..06-26, 06-29..07-03, 07-06..07-10,
      // 07-13, 07-14.
      const round1By = '2026-07-14';
      await t.until(shanghai('2026-06-25', '10:00')); // 2 working days later
      await t.conveners.community
        .post(`/api/agenda-items/${extended}/feedback`)
        .send({ outcome: 'resolved', text: '已协调提前至本年度启动' })
        .expect(201);
      await t.until(shanghai('2026-07-06', '10:00')); // 9 working days after 06-23: past the confirmation window (5)
      const after = await notices(extended);
      const added = after.keys.filter((k) => !extNotices.keys.includes(k));
      expect(added).toEqual(
        [
          `hop1-r0 answered ${e.compound}`,
          `hop1-r1 disputed ${e.community}`,
          `hop1-r1 answered ${e.compound}`,
          `hop1-r1 confirm-reminder ${e.compound}`,
        ].sort(),
      );
      const item = await t.api.get(`/api/agenda-items/${extended}`).expect(200);
      expect(item.body).toMatchObject({ state: 'answered' });
      expect(item.body.escalations[0]).toMatchObject({ round: 1, answerBy: round1By });
      expect(item.body.feedback.map((f: { response: string | null }) => f.response)).toEqual(['disputed', null]);
      expectOneMailEach(after.rows);
    });
  },
  300_000,
);

test(
  AUTO,
  async () => {
    const t = await tree();
    await t.api
      .put('/api/escalation-rules/community')
      .send({
        scheduleWithinDays: 5,
        answerWithinDays: 5,
        reminderLadder: [],
        supervisorAfterDays: 1,
        autoEscalateAfterDays: 2,
        confirmWithinDays: 5,
      })
      .expect(200);
    try {
      await t.run(async () => {
        // The first working day after the start (Monday 03-30): Tuesday 03-31, 10:00.
        await t.until(shanghai('2026-03-31', '10:00'));
        const itemId = await raiseAndEscalate(t, '河道治理');
        // Answer within 5 working days after 03-31: 04-01, 04-02, 04-03, [Qingming 04-04..04-06],
        // 04-07, 04-08. Overdue Thursday 04-09, the supervisors 1 working day later (04-10), and the
        // item climbs 2 working days after the overdue day: Monday 04-13.
        const climbDay = '2026-04-13';
        await t.until(shanghai(climbDay, '12:00'));
        const item = await t.api.get(`/api/agenda-items/${itemId}`).expect(200);
        expect(item.body).toMatchObject({ state: 'escalated', currentUnitId: t.units.street.id });
        expect(item.body.escalations[1]).toMatchObject({ hop: 2, escalatedByRule: true, escalatedBy: 'rule' });
        expect(Math.abs(Date.parse(item.body.escalations[1].escalatedAt) - nine(climbDay, itemId))).toBeLessThan(
          60_000,
        );
        const n = await notices(itemId);
        expect(n.keys).toContain(`hop2 received ${t.emails.street}`);
        expect(n.keys.filter((k) => k.includes('overdue-supervisors'))).toHaveLength(2);
      });
    } finally {
      await s.db.prisma.escalationRule.delete({ where: { level: 'community' } });
    }
  },
  300_000,
);

test(
  RETRY,
  async () => {
    // The second supervisor's first delivery fails (SMTP refuses): the activity fails after the
    // first supervisor's mail went out, and is retried.
    let failed = 0;
    const flaky: Mailer = {
      ...s.mail.mailer,
      send: async (m) => {
        if (m.to.startsWith('sup-b-') && failed === 0) {
          failed += 1;
          throw new Error('injected: 451 try again later');
        }
        return s.mail.mailer.send(m);
      },
    };
    const t = await tree(flaky);
    await t.run(async () => {
      // The first working day after the start (Monday 06-01): Tuesday 06-02, 10:00.
      await t.until(shanghai('2026-06-02', '10:00'));
      const itemId = await raiseAndEscalate(t, '路灯不亮');
      await meet(t, 'community', { takesUp: [itemId] });
      // Answer within 15 working days after 06-02: 06-03..06-05, 06-08..06-12, 06-15..06-18,
      // [Dragon Boat 06-19..06-21], 06-22..06-24. Overdue Thursday 06-25, the supervisors 2 working
      // days later (06-29); look 3 working days after the overdue day, Tuesday 06-30.
      await t.until(shanghai('2026-06-30', '10:00'));
      expect(failed).toBe(1);
      const n = await notices(itemId);
      const sup = n.rows.filter((r) => r.step === 'overdue-supervisors');
      expect(sup.map((r) => [r.recipient, r.status]).sort()).toEqual([
        [t.supervisors[0], 'sent'],
        [t.supervisors[1], 'sent'],
      ]);
      expectOneMailEach(sup);
      // Due 2 working days after the overdue day (06-26, 06-29): Monday 06-29, 09:00 plus the item's offset.
      for (const r of sup) expect(Math.abs(r.scheduledFor.getTime() - nine('2026-06-29', itemId))).toBeLessThan(60_000);
      const runs = await s.db.prisma.escalationStepRun.findMany({ where: { agendaItemId: itemId } });
      expect(runs.filter((r) => r.key.endsWith('/overdue-supervisors'))).toHaveLength(1);
    });
  },
  300_000,
);

test(
  NO_CLOSE,
  async () => {
    const t = await tree();
    await t.run(async () => {
      const itemId = await raiseAndEscalate(t, '噪音扰民');
      await t.conveners.compound
        .post(`/api/agenda-items/${itemId}/resolution`)
        .send({ resolution: '自行解决' })
        .expect(409);
      await t.conveners.compound
        .post(`/api/agenda-items/${itemId}/response`)
        .send({ response: 'confirmed' })
        .expect(409);
      // Once the community has been told, the next step the workflow waits for is the first reminder.
      let status = await t.api.get(`/api/agenda-items/${itemId}/escalation-status`).expect(200);
      for (let i = 0; status.body.nextStep?.step === 'received' && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await t.api.get(`/api/agenda-items/${itemId}/escalation-status`).expect(200);
      }
      expect(status.body).toMatchObject({ workflowId: escalationWorkflowId(itemId), state: 'escalated', hop: 1 });
      expect(status.body.nextStep.step).toBe('schedule-reminder-3');
    });
  },
  120_000,
);
