/**
 * The meeting obligations on the time-skipping test server: a year passes in seconds.
 * Driven through the real API (its clock is the test server's), real activities, a real
 * (in-memory PGlite) database, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../api/app';
import { noticeOffsetMs } from '../domain/cadence';
import type { Database } from '../infra/db';
import { createLogger } from '../infra/log';
import { createGovernanceWorker } from '../worker';
import { cadenceStatusQuery, meetingCadenceWorkflow } from '../workflows/meeting-cadence';
import { agentFor, TEST_AUTH } from './support/auth';
import { openTestDatabase } from './support/api-harness';
import { shanghai, shanghaiDay } from './support/dates';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';
import { createTimeSkipping, startFor } from './support/simulated';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';

let env: TestWorkflowEnvironment;
let db: Database;
let mail: MailFixture;

const YEAR_TEST = 'a year for a small tree: the exact notices, to whom, when';
const RECORD_TEST = 'a meeting in the record stops the notice even if its signal never arrived';
const PLANNED_TEST =
  'planned meetings: invitations go out; one that passes without minutes brings a reminder, one recorded does not';
/**
 * Where each test's simulated clock starts (fixed, so its dates never drift with the machine's):
 *  - the year: Monday 2026-01-05, 10:00 in Shanghai, before any notice of 2026-Q1 or 2026-01;
 *  - the lost signal: Monday 2026-09-07, 09:00, in a quarter that closes after National Day;
 *  - planned meetings: Wednesday 2026-04-29, 10:00, planned on 05-01 and 05-02 (Labour Day).
 */
const START = {
  [YEAR_TEST]: '2026-01-05T02:00:00Z',
  [RECORD_TEST]: '2026-09-07T01:00:00Z',
  [PLANNED_TEST]: '2026-04-29T02:00:00Z',
};

// Each test gets its own time-skipping server: one test's workflows never hold another's clock.
beforeEach(async () => {
  env = await createTimeSkipping(startFor(START, expect.getState().currentTestName ?? ''));
});

afterEach(async () => {
  await env?.teardown();
});

beforeAll(async () => {
  ({ db } = await openTestDatabase('pglite'));
  mail = await startMail();
});

afterAll(async () => {
  await mail?.close();
  await db?.close();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

// --- The notices the rules promise, day by day, written out from the 2026 notice -----------
//
// 国务院办公厅 2026 holiday notice (as in chinese-days' data): days off 01-01..01-03, 02-15..02-23
// (Spring Festival), 04-04..04-06 (Qingming), 05-01..05-05 (Labour Day), 06-19..06-21 (Dragon Boat),
// 09-25..09-27 (Mid-Autumn), 10-01..10-07 (National Day); make-up working days 01-04 (Sun),
// 02-14 (Sat), 02-28 (Sat), 05-09 (Sat), 09-20 (Sun), 10-10 (Sat). Every other Monday–Friday is
// a working day. The due date is the period's last working day; `reminder-n` is n working days
// before it; `overdue` the first working day after it; `overdue-supervisors` 3 working days after
// that. 2027 has no notice in the package yet: the service falls back to Monday–Friday there (and
// logs it), so 2027-01-01 counts as a working day below — when 2027's notice ships, the 2027 rows
// move (01-01..01-03 will be days off).

type Steps = Record<string, string>;

/** Quarters under the default ladder (10, 3, 1 working days before the due date). */
const QUARTER_STEPS: Record<string, Steps> = {
  // due Tue 03-31; the supervisors' day skips Qingming (04-02, 04-03, 04-07)
  '2026-Q1': {
    'reminder-10': '2026-03-17',
    'reminder-3': '2026-03-26',
    'reminder-1': '2026-03-30',
    overdue: '2026-04-01',
    'overdue-supervisors': '2026-04-07',
  },
  // due Tue 06-30; ten working days back skip the Dragon Boat Festival (06-19)
  '2026-Q2': {
    'reminder-10': '2026-06-15',
    'reminder-3': '2026-06-25',
    'reminder-1': '2026-06-29',
    overdue: '2026-07-01',
    'overdue-supervisors': '2026-07-06',
  },
  // due Wed 09-30; back over Mid-Autumn (09-25) and the make-up Sunday 09-20; overdue after
  // National Day (10-08), the supervisors on 10-12 (10-09, the make-up Saturday 10-10, 10-12)
  '2026-Q3': {
    'reminder-10': '2026-09-16',
    'reminder-3': '2026-09-24',
    'reminder-1': '2026-09-29',
    overdue: '2026-10-08',
    'overdue-supervisors': '2026-10-12',
  },
  // due Thu 12-31; overdue and supervisors in 2027 (Monday–Friday fallback: 01-01, then 01-04..01-06)
  '2026-Q4': {
    'reminder-10': '2026-12-17',
    'reminder-3': '2026-12-28',
    'reminder-1': '2026-12-30',
    overdue: '2027-01-01',
    'overdue-supervisors': '2027-01-06',
  },
};

/** Quarters under the community's changed rule (one reminder, 5 working days before). */
const CHANGED_QUARTER_STEPS: Record<string, Steps> = {
  // 09-29, 09-28, 09-24, 09-23, 09-22 (Mid-Autumn 09-25..27 skipped)
  '2026-Q3': { 'reminder-5': '2026-09-22', overdue: '2026-10-08', 'overdue-supervisors': '2026-10-12' },
  '2026-Q4': { 'reminder-5': '2026-12-24', overdue: '2027-01-01', 'overdue-supervisors': '2027-01-06' },
};

/** The compound's months (default ladder). */
const MONTH_STEPS: Record<string, Steps> = {
  '2026-01': {
    'reminder-10': '2026-01-16',
    'reminder-3': '2026-01-27',
    'reminder-1': '2026-01-29',
    overdue: '2026-02-02',
    'overdue-supervisors': '2026-02-05',
  },
  // due on the make-up Saturday 02-28; ten working days back cross the Spring Festival
  // (02-27..02-24, the make-up Saturday 02-14, 02-13..02-09)
  '2026-02': {
    'reminder-10': '2026-02-09',
    'reminder-3': '2026-02-25',
    'reminder-1': '2026-02-27',
    overdue: '2026-03-02',
    'overdue-supervisors': '2026-03-05',
  },
  '2026-03': {
    'reminder-10': '2026-03-17',
    'reminder-3': '2026-03-26',
    'reminder-1': '2026-03-30',
    overdue: '2026-04-01',
    'overdue-supervisors': '2026-04-07',
  },
  // overdue after Labour Day (05-06); the supervisors on the make-up Saturday 05-09
  '2026-04': {
    'reminder-10': '2026-04-16',
    'reminder-3': '2026-04-27',
    'reminder-1': '2026-04-29',
    overdue: '2026-05-06',
    'overdue-supervisors': '2026-05-09',
  },
  '2026-05': {
    'reminder-10': '2026-05-15',
    'reminder-3': '2026-05-26',
    'reminder-1': '2026-05-28',
    overdue: '2026-06-01',
    'overdue-supervisors': '2026-06-04',
  },
  '2026-06': QUARTER_STEPS['2026-Q2']!,
  '2026-07': {
    'reminder-10': '2026-07-17',
    'reminder-3': '2026-07-28',
    'reminder-1': '2026-07-30',
    overdue: '2026-08-03',
    'overdue-supervisors': '2026-08-06',
  },
  '2026-08': {
    'reminder-10': '2026-08-17',
    'reminder-3': '2026-08-26',
    'reminder-1': '2026-08-28',
    overdue: '2026-09-01',
    'overdue-supervisors': '2026-09-04',
  },
  '2026-09': QUARTER_STEPS['2026-Q3']!,
  '2026-10': {
    'reminder-10': '2026-10-16',
    'reminder-3': '2026-10-27',
    'reminder-1': '2026-10-29',
    overdue: '2026-11-02',
    'overdue-supervisors': '2026-11-05',
  },
  '2026-11': {
    'reminder-10': '2026-11-16',
    'reminder-3': '2026-11-25',
    'reminder-1': '2026-11-27',
    overdue: '2026-12-01',
    'overdue-supervisors': '2026-12-04',
  },
  '2026-12': QUARTER_STEPS['2026-Q4']!,
  // 2027: Monday–Friday fallback; all of it after the run ends
  '2027-01': {
    'reminder-10': '2027-01-15',
    'reminder-3': '2027-01-26',
    'reminder-1': '2027-01-28',
    overdue: '2027-02-01',
    'overdue-supervisors': '2027-02-04',
  },
};

interface Expected {
  unit: string;
  periodKey: string;
  step: string;
  recipient: string;
  at: number;
}

interface Story {
  unit: string;
  /** Its notices fall due at 09:00 plus this unit's offset in the spread (noticeOffsetMs). */
  unitId: string;
  recipient: string;
  /** When (simulated time) each meeting was recorded, and the period it is dated in. */
  meetings: { recordedAt: number; periodKey: string }[];
  removedAt?: number;
}

/** 09:00 in Shanghai on `date`, plus the unit's fixed second in 09:00–09:10. */
const noticeAt = (date: string, unitId: string) => shanghai(date) + noticeOffsetMs(unitId);

/**
 * For each period in turn: a step is sent at its time (or at the start, for the latest
 * reminder already due then) unless the unit was removed or a meeting of that period was
 * recorded before it. The supervisors' step goes to the supervisors.
 */
function promised(
  story: Story,
  periods: [periodKey: string, steps: Steps][],
  t0: number,
  supervisor: string,
): Expected[] {
  const out: Expected[] = [];
  for (const [periodKey, table] of periods) {
    const steps = Object.entries(table).map(([step, date]) => ({ step, at: noticeAt(date, story.unitId) }));
    const closeAt = noticeAt(table.overdue!, story.unitId);
    for (const [i, step] of steps.entries()) {
      const later = steps[i + 1];
      if (step.at < closeAt && later && later.at < closeAt && later.at <= t0) continue;
      const at = Math.max(step.at, t0);
      if (story.removedAt !== undefined && story.removedAt <= at) return out;
      const met = story.meetings.some((m) => m.periodKey === periodKey && m.recordedAt < at);
      if (met) continue;
      const recipient = step.step === 'overdue-supervisors' ? supervisor : story.recipient;
      out.push({ unit: story.unit, periodKey, step: step.step, recipient, at });
    }
  }
  return out;
}

/** The real API and worker on the time-skipping server, the API's clock on simulated time. */
async function simulatedApi(now: () => number) {
  const taskQueue = `tq-${randomUUID()}`;
  const app: Express = createApp({
    prisma: db.prisma,
    temporal: env.client,
    taskQueue,
    clock: () => new Date(now()),
    log: createLogger('warn', 'test'),
    mailSink: mail.sink,
    auth: TEST_AUTH,
  });
  // Its admin's token is issued on the same clock and outlives a simulated year.
  const api = await agentFor(app, db.prisma, 'admin', undefined, { nowMs: now(), ttlSeconds: 2 * 365 * 86_400 });
  const worker = await createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(db.prisma, mail.mailer),
  });
  return { api, worker, taskQueue };
}

test(
  YEAR_TEST,
  async () => {
    let now = await env.currentTimeMs();
    const t0 = now;
    expect(Math.abs(t0 - Date.parse(START[YEAR_TEST]))).toBeLessThan(60_000);
    const { api, worker } = await simulatedApi(() => now);
    const tag = randomUUID().slice(0, 6);
    const supervisor = `supervisor-${tag}@example.org`;
    await api.post('/api/supervisors').send({ name: '联络办', email: supervisor }).expect(201);

    // Quarters P0 (the one the run starts in) … P3, and the compound's months over the same span.
    const q = Object.keys(QUARTER_STEPS); // 2026-Q1 … 2026-Q4
    // The run ends ten working days after P3's last day (2026-12-31): 2027-01-01, 01-04..01-08,
    // 01-11..01-14 under 2027's Monday–Friday fallback. The compound's months cover all of it.
    const end = shanghai('2027-01-14', '12:00');
    const months = Object.keys(MONTH_STEPS); // 2026-01 … 2027-01
    const firstDays: Record<string, string> = {
      '2026-Q2': '2026-04-01',
      '2026-Q3': '2026-07-01',
      '2026-Q4': '2026-10-01',
    };
    const oneDayIn = (quarter: string) => shanghai(firstDays[quarter]!, '10:00') + DAY; // 10:00 on the 2nd day

    const stories: Record<string, Story> = {};
    const actions: { at: number; run: () => Promise<void> }[] = [];
    const units: Record<string, { id: string }> = {};
    const register = async (key: string, level: string, parentCode?: string) => {
      const code = `${key}-${tag}`;
      const res = await api
        .post('/api/units')
        .send({
          code,
          name: `${key}单位`,
          level,
          parentCode,
          convenerName: `${key}书记`,
          convenerEmail: `${key}-${tag}@example.org`,
        })
        .expect(201);
      units[key] = res.body;
      stories[key] = { unit: key, unitId: res.body.id, recipient: `${key}-${tag}@example.org`, meetings: [] };
    };
    /** A meeting recorded at `at`, held that day, in the period `periodKey` (a quarter, or the compound's month). */
    const meetAt = (key: string, periodKey: string, at: number) => {
      const heldOn = shanghaiDay(at);
      stories[key]!.meetings.push({ recordedAt: at, periodKey });
      actions.push({
        at,
        run: async () => {
          await api
            .post(`/api/units/${units[key]!.id}/meetings`)
            .send({ heldOn, attendees: ['书记'] })
            .expect(201);
        },
      });
    };

    await worker.runUntil(async () => {
      await register('city', 'city');
      await register('street', 'street', `city-${tag}`);
      const streetCode = `street-${tag}`;
      for (const key of ['compliant', 'late', 'silent', 'duedate', 'removed'])
        await register(key, 'community', streetCode);
      await register('compound', 'compound', `compliant-${tag}`);

      // compliant: meets every quarter, one day in (today in P0).
      meetAt('compliant', q[0]!, t0 + HOUR);
      for (const p of q.slice(1)) meetAt('compliant', p, oneDayIn(p));
      // late: misses P0; in P1 meets after the 3-day reminder (06-25), before the 1-day one (06-29).
      meetAt('late', q[1]!, noticeAt('2026-06-25', stories.late!.unitId) + 2 * HOUR);
      for (const p of q.slice(2)) meetAt('late', p, oneDayIn(p));
      // duedate: in P1 meets on the due date itself, Tuesday 06-30 (after every reminder).
      meetAt('duedate', q[1]!, shanghai('2026-06-30', '15:00'));
      // removed: removed twenty days into P1.
      const removedAt = oneDayIn(q[1]!) + 20 * DAY;
      stories.removed!.removedAt = removedAt;
      actions.push({
        at: removedAt,
        run: async () => {
          await api.delete(`/api/units/${units.removed!.id}`).expect(204);
        },
      });
      // compound: meets monthly on the 5th, except in the third month.
      months.forEach((m, i) => {
        const fifth = shanghai(`${m}-05`, '10:00');
        if (i !== 2) meetAt('compound', m, Math.max(fifth, t0 + HOUR));
      });
      // A rule change in the middle of P1 applies from P2: a single reminder, 5 working days before.
      actions.push({
        at: oneDayIn(q[1]!) + 30 * DAY,
        run: async () => {
          await api
            .put('/api/cadence-rules/community')
            .send({ period: 'quarter', minMeetings: 1, reminderLadder: [5], supervisorAfterDays: 3, countAdhoc: true })
            .expect(200);
        },
      });

      // Run the year: act at each moment, letting the server skip time in between.
      for (const action of actions.sort((a, b) => a.at - b.at)) {
        if (action.at > now) await env.sleep(action.at - now);
        now = await env.currentTimeMs();
        await action.run();
      }
      await env.sleep(end - now);
      now = await env.currentTimeMs();

      const removedStatus = await env.client.workflow.getHandle(meetingCadenceWorkflowId(units.removed!.id)).result();
      expect(removedStatus).toBe('unit-removed');
    });

    // The rule change was the community level's: the city and the street keep the default.
    const communityRules = q.map((p, i): [string, Steps] => [
      p,
      i >= 2 ? CHANGED_QUARTER_STEPS[p]! : QUARTER_STEPS[p]!,
    ]);
    const defaultRules = q.map((p): [string, Steps] => [p, QUARTER_STEPS[p]!]);
    const expected = [
      ...['compliant', 'late', 'silent', 'duedate', 'removed'].flatMap((k) =>
        promised(stories[k]!, communityRules, t0, supervisor),
      ),
      ...['street', 'city'].flatMap((k) => promised(stories[k]!, defaultRules, t0, supervisor)),
      ...promised(
        stories.compound!,
        months.map((m): [string, Steps] => [m, MONTH_STEPS[m]!]),
        t0,
        supervisor,
      ).filter((e) => e.at <= now),
    ];
    const ids = Object.fromEntries(Object.entries(units).map(([k, u]) => [u.id, k]));
    const ledger = await db.prisma.notification.findMany({ where: { unitId: { in: Object.keys(ids) } } });
    const actual = ledger.map((n) => ({
      unit: ids[n.unitId]!,
      periodKey: n.periodKey,
      step: n.step,
      recipient: n.recipient,
      at: n.scheduledFor.getTime(),
    }));
    const key = (e: Expected) => `${e.unit} ${e.periodKey} ${e.step} ${e.recipient}`;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
    // Sent when due: within a minute of the promised instant.
    const byKey = new Map(expected.map((e) => [key(e), e.at]));
    for (const a of actual) expect(Math.abs(a.at - byKey.get(key(a))!)).toBeLessThan(60_000);

    // Spot checks of the stories themselves.
    const steps = (unit: string, periodKey: string) =>
      actual
        .filter((a) => a.unit === unit && a.periodKey === periodKey)
        .map((a) => a.step)
        .sort();
    expect(steps('compliant', q[0]!)).toEqual([]);
    expect(steps('silent', q[1]!)).toEqual(
      ['overdue', 'overdue-supervisors', 'reminder-1', 'reminder-10', 'reminder-3'].sort(),
    );
    expect(steps('silent', q[2]!)).toEqual(['overdue', 'overdue-supervisors', 'reminder-5']); // the changed rule
    expect(steps('late', q[1]!)).toEqual(['reminder-10', 'reminder-3']);
    expect(steps('duedate', q[1]!)).toEqual(['reminder-1', 'reminder-10', 'reminder-3']);
    expect(actual.filter((a) => a.unit === 'removed' && a.periodKey !== q[0]!)).toEqual([]);
    expect(steps('compound', months[2]!)).toEqual(
      ['overdue', 'overdue-supervisors', 'reminder-1', 'reminder-10', 'reminder-3'].sort(),
    );
    expect(steps('compound', months[3]!)).toEqual([]);

    // Every ledger row is one email received over SMTP with the ledger's Message-ID.
    const mails = mail.sink.messages().filter((m) => ledger.some((n) => n.messageId === m.messageId));
    expect(mails).toHaveLength(ledger.length);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(ledger.length);

    // The record: each closed period met or overdue, as the stories say.
    const outcomes = await db.prisma.periodOutcome.findMany({ where: { unitId: { in: Object.keys(ids) } } });
    const outcome = (unit: string, periodKey: string) =>
      outcomes.find((o) => ids[o.unitId] === unit && o.periodKey === periodKey)?.status;
    expect(outcome('compliant', q[1]!)).toBe('met');
    expect(outcome('late', q[0]!)).toBe('overdue');
    expect(outcome('late', q[1]!)).toBe('met');
    expect(outcome('duedate', q[1]!)).toBe('met');
    expect(outcome('silent', q[2]!)).toBe('overdue');
    expect(outcome('removed', q[1]!)).toBeUndefined();

    // Supervisors ask: who is overdue now, and the compliance of communities in P2.
    const overdue = await api.get('/api/supervision/overdue?level=community').expect(200);
    expect(overdue.body.items.map((u: { code: string }) => u.code)).toContain(`silent-${tag}`);
    expect(overdue.body.items.map((u: { code: string }) => u.code)).not.toContain(`late-${tag}`);
    const compliance = await api.get(`/api/supervision/compliance?period=${q[2]!}&level=community`).expect(200);
    expect(compliance.body.items[0]).toMatchObject({
      level: 'community',
      periodKey: q[2]!,
      total: 4,
      met: 2,
      overdue: 2,
      rate: 0.5,
    }); // duedate meets only in P1
    const history = await api.get(`/api/units/silent-${tag}/history`).expect(200);
    expect(history.body.periods.length).toBeGreaterThanOrEqual(4);
    expect(history.body.periods[0].notices.length).toBeGreaterThan(0);
  },
  300_000,
);

test(RECORD_TEST, async () => {
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: activityDeps(db.prisma, mail.mailer),
  });
  const unit = await db.prisma.unit.create({
    data: {
      code: `c-${randomUUID().slice(0, 8)}`,
      name: '新兴社区',
      level: 'community',
      convenerName: '书记',
      convenerEmail: `${randomUUID().slice(0, 8)}@example.org`,
    },
  });
  const startMs = await env.currentTimeMs();
  expect(shanghaiDay(startMs)).toBe('2026-09-07');
  // 2026-Q3: due Wednesday 09-30; closed with the overdue notice on the first working day after
  // National Day (10-01..10-07), Thursday 10-08, at 09:00 plus the unit's offset.
  const p = { key: '2026-Q3' };
  const closeAt = noticeAt('2026-10-08', unit.id);

  await worker.runUntil(async () => {
    const wf = await env.client.workflow.start(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(unit.id),
      taskQueue,
      args: [{ unitId: unit.id, periodKey: p.key }],
    });
    for (;;) {
      if ((await wf.query(cadenceStatusQuery)).state === 'watching') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Recorded, but the signal is lost (e.g. Temporal was unreachable from the API).
    await db.prisma.meeting.create({
      data: { unitId: unit.id, heldOn: new Date(`${shanghaiDay(startMs)}T00:00:00Z`), periodKey: p.key },
    });
    await env.sleep(closeAt + HOUR - (await env.currentTimeMs()));
  });

  expect(await db.prisma.notification.count({ where: { unitId: unit.id } })).toBe(0);
  const outcome = await db.prisma.periodOutcome.findFirstOrThrow({ where: { unitId: unit.id, periodKey: p.key } });
  expect([outcome.status, outcome.meetingsHeld]).toEqual(['met', 1]);
});

test(PLANNED_TEST, async () => {
  let now = await env.currentTimeMs();
  const { api, worker } = await simulatedApi(() => now);
  const tag = randomUUID().slice(0, 6);
  const convener = `conv-${tag}@example.org`;
  const unit = (
    await api
      .post('/api/units')
      .send({
        code: `plan-${tag}`,
        name: '桥东社区',
        level: 'community',
        convenerName: '赵书记',
        convenerEmail: convener,
      })
      .expect(201)
  ).body;
  const inTwoDays = new Date(now + 2 * DAY).toISOString();
  const inThreeDays = new Date(now + 3 * DAY).toISOString();
  const ids = { lapsed: '', held: '' };

  await worker.runUntil(async () => {
    const lapsed = (
      await api
        .post(`/api/units/${unit.id}/planned-meetings`)
        .send({ plannedFor: inTwoDays, place: '会议室' })
        .expect(201)
    ).body;
    const held = (
      await api
        .post(`/api/units/${unit.id}/planned-meetings`)
        .send({ plannedFor: inThreeDays, place: '会议室' })
        .expect(201)
    ).body;
    Object.assign(ids, { lapsed: lapsed.id, held: held.id });
    // The second one takes place and its minutes are recorded the same day.
    await env.sleep(Date.parse(inThreeDays) + 2 * HOUR - now);
    now = await env.currentTimeMs();
    await api
      .post(`/api/units/${unit.id}/meetings`)
      .send({ heldOn: shanghaiDay(now), plannedMeetingId: held.id, minutes: '按计划召开' })
      .expect(201);
    expect(await env.client.workflow.getHandle(held.workflowId).result()).toBe('held');
    expect(await env.client.workflow.getHandle(lapsed.workflowId).result()).toBe('reminded');
    const statuses = (await api.get(`/api/units/${unit.id}/planned-meetings`).expect(200)).body.items;
    expect(Object.fromEntries(statuses.map((p: { id: string; status: string }) => [p.id, p.status]))).toEqual({
      [lapsed.id]: 'lapsed',
      [held.id]: 'held',
    });
  });

  const ledger = await db.prisma.notification.findMany({
    where: { unitId: unit.id, obligation: { startsWith: 'planned-meeting:' } },
  });
  expect(ledger.map((n) => [n.obligation, n.step, n.recipient]).sort()).toEqual(
    [
      [`planned-meeting:${ids.lapsed}`, 'invitation', convener],
      [`planned-meeting:${ids.held}`, 'invitation', convener],
      [`planned-meeting:${ids.lapsed}`, 'minutes-reminder', convener],
    ].sort(),
  );
  // The lapsed one was planned for Friday 05-01 (Labour Day, 05-01..05-05): its minutes fall due at
  // 09:00 on the 2nd working day after it — 05-06 is the first, Thursday 05-07 the second.
  const minutesReminder = ledger.find((n) => n.step === 'minutes-reminder')!;
  expect(Math.abs(minutesReminder.scheduledFor.getTime() - shanghai('2026-05-07'))).toBeLessThan(60_000);
  const reminder = mail.sink.messages().find((m) => m.to.includes(convener) && m.subject.startsWith('【请录入纪要】'));
  expect(reminder?.text).toContain('会议室');
});
