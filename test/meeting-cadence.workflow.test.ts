/**
 * The meeting obligations on the time-skipping test server: a year passes in seconds.
 * Driven through the real API (its clock is the test server's), real activities, a real
 * (in-memory PGlite) database, real SMTP into the mail sink.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../api/app';
import { packageCalendar } from '../domain/calendar';

const cal = packageCalendar();
const addWorkingDays = (d: string, n: number) => cal.addWorkingDays(d, n);
import { cadenceSchedule, type CadenceRule, DEFAULT_CADENCE_RULES, meetingCadenceWorkflowId } from '../domain/cadence';
import { addDays, nextPeriod, type Period, periodContaining, shanghaiDateOf, shanghaiInstant } from '../domain/period';
import { loadConfig } from '../infra/config';
import type { Database } from '../infra/db';
import { createLogger } from '../infra/log';
import { testServerExecutable } from '../infra/tools';
import { createGovernanceWorker } from '../worker';
import { cadenceStatusQuery, meetingCadenceWorkflow } from '../workflows/meeting-cadence';
import { agentFor, TEST_AUTH } from './support/auth';
import { openTestDatabase } from './support/api-harness';
import { activityDeps, type MailFixture, startMail } from './support/fixtures';

let env: TestWorkflowEnvironment;
let db: Database;
let mail: MailFixture;

// Each test gets its own time-skipping server: one test's workflows never hold another's clock.
beforeEach(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testServerExecutable(loadConfig({})) },
  });
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

// --- The model: which notices the rules promise, computed from the schedule alone ----------

interface Expected {
  unit: string;
  periodKey: string;
  step: string;
  recipient: string;
  at: number;
}

interface Story {
  unit: string;
  /** Its notices fall due at the notice hour plus this unit's offset. */
  unitId: string;
  recipient: string;
  /** When (simulated time) each meeting was recorded, and the period it is dated in. */
  meetings: { recordedAt: number; periodKey: string }[];
  removedAt?: number;
}

/**
 * For each period in turn: a step is sent at its time (or at the start, for the latest
 * reminder already due then) unless the unit was removed or a meeting of that period was
 * recorded before it. The supervisors' step goes to the supervisors.
 */
function promised(
  story: Story,
  periods: { period: Period; rule: CadenceRule }[],
  t0: number,
  supervisor: string,
): Expected[] {
  const out: Expected[] = [];
  for (const { period, rule } of periods) {
    const s = cadenceSchedule(period, rule, cal, story.unitId);
    for (const [i, step] of s.steps.entries()) {
      const later = s.steps[i + 1];
      if (step.at < s.closeAt && later && later.at < s.closeAt && later.at <= t0) continue;
      const at = Math.max(step.at, t0);
      if (story.removedAt !== undefined && story.removedAt <= at) return out;
      const met = story.meetings.some((m) => m.periodKey === period.key && m.recordedAt < at);
      if (met) continue;
      const recipient = step.audience === 'supervisors' ? supervisor : story.recipient;
      out.push({ unit: story.unit, periodKey: period.key, step: step.step, recipient, at });
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

test('a year for a small tree: the exact notices, to whom, when', async () => {
  let now = await env.currentTimeMs();
  const t0 = now;
  const { api, worker } = await simulatedApi(() => now);
  const tag = randomUUID().slice(0, 6);
  const supervisor = `supervisor-${tag}@example.org`;
  await api.post('/api/supervisors').send({ name: '联络办', email: supervisor }).expect(201);

  // Quarters P0 (the current one) … P3, and the compound's months over the same span.
  const q: Period[] = [periodContaining(t0, 'quarter')];
  for (let i = 1; i < 4; i++) q.push(nextPeriod(q[i - 1]!));
  // The run ends ten working days after P3: the compound's months cover all of it.
  const end = shanghaiInstant(addWorkingDays(q[3]!.lastDay, 10), 12).getTime();
  const months: Period[] = [periodContaining(t0, 'month')];
  while (months[months.length - 1]!.endsAt.getTime() <= end) months.push(nextPeriod(months[months.length - 1]!));
  const oneDayIn = (p: Period) => shanghaiInstant(p.firstDay, 10).getTime() + DAY; // 10:00 on the 2nd day
  const community = DEFAULT_CADENCE_RULES.community;
  const changed: CadenceRule = { ...community, reminderLadder: [5] };
  const compoundRule = DEFAULT_CADENCE_RULES.compound;

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
  const meetAt = (key: string, at: number) => {
    const heldOn = shanghaiDateOf(at);
    const periodKey = periodContaining(at, key === 'compound' ? 'month' : 'quarter').key;
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
    meetAt('compliant', t0 + HOUR);
    for (const p of q.slice(1)) meetAt('compliant', oneDayIn(p));
    // late: misses P0; in P1 meets after the 3-day reminder, before the 1-day one.
    const p1 = cadenceSchedule(q[1]!, community, cal);
    meetAt('late', p1.steps.find((s) => s.step === 'reminder-3')!.at + 2 * HOUR);
    for (const p of q.slice(2)) meetAt('late', oneDayIn(p));
    // duedate: in P1 meets on the due date itself (after every reminder).
    meetAt('duedate', shanghaiInstant(p1.dueDate, 15).getTime());
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
      const fifth = shanghaiInstant(addDays(m.firstDay, 4), 10).getTime();
      if (i !== 2) meetAt('compound', Math.max(fifth, t0 + HOUR));
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
  const communityRules = q.map((period, i) => ({ period, rule: i >= 2 ? changed : community }));
  const defaultRules = q.map((period) => ({ period, rule: community }));
  const expected = [
    ...['compliant', 'late', 'silent', 'duedate', 'removed'].flatMap((k) =>
      promised(stories[k]!, communityRules, t0, supervisor),
    ),
    ...['street', 'city'].flatMap((k) => promised(stories[k]!, defaultRules, t0, supervisor)),
    ...promised(
      stories.compound!,
      months.map((period) => ({ period, rule: compoundRule })),
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
  expect(steps('compliant', q[0]!.key)).toEqual([]);
  expect(steps('silent', q[1]!.key)).toEqual(
    ['overdue', 'overdue-supervisors', 'reminder-1', 'reminder-10', 'reminder-3'].sort(),
  );
  expect(steps('silent', q[2]!.key)).toEqual(['overdue', 'overdue-supervisors', 'reminder-5']); // the changed rule
  expect(steps('late', q[1]!.key)).toEqual(['reminder-10', 'reminder-3']);
  expect(steps('duedate', q[1]!.key)).toEqual(['reminder-1', 'reminder-10', 'reminder-3']);
  expect(actual.filter((a) => a.unit === 'removed' && a.periodKey !== q[0]!.key)).toEqual([]);
  expect(steps('compound', months[2]!.key)).toEqual(
    ['overdue', 'overdue-supervisors', 'reminder-1', 'reminder-10', 'reminder-3'].sort(),
  );
  expect(steps('compound', months[3]!.key)).toEqual([]);

  // Every ledger row is one email received over SMTP with the ledger's Message-ID.
  const mails = mail.sink.messages().filter((m) => ledger.some((n) => n.messageId === m.messageId));
  expect(mails).toHaveLength(ledger.length);
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(ledger.length);

  // The record: each closed period met or overdue, as the stories say.
  const outcomes = await db.prisma.periodOutcome.findMany({ where: { unitId: { in: Object.keys(ids) } } });
  const outcome = (unit: string, periodKey: string) =>
    outcomes.find((o) => ids[o.unitId] === unit && o.periodKey === periodKey)?.status;
  expect(outcome('compliant', q[1]!.key)).toBe('met');
  expect(outcome('late', q[0]!.key)).toBe('overdue');
  expect(outcome('late', q[1]!.key)).toBe('met');
  expect(outcome('duedate', q[1]!.key)).toBe('met');
  expect(outcome('silent', q[2]!.key)).toBe('overdue');
  expect(outcome('removed', q[1]!.key)).toBeUndefined();

  // Supervisors ask: who is overdue now, and the compliance of communities in P2.
  const overdue = await api.get('/api/supervision/overdue?level=community').expect(200);
  expect(overdue.body.items.map((u: { code: string }) => u.code)).toContain(`silent-${tag}`);
  expect(overdue.body.items.map((u: { code: string }) => u.code)).not.toContain(`late-${tag}`);
  const compliance = await api.get(`/api/supervision/compliance?period=${q[2]!.key}&level=community`).expect(200);
  expect(compliance.body.items[0]).toMatchObject({
    level: 'community',
    periodKey: q[2]!.key,
    total: 4,
    met: 2,
    overdue: 2,
    rate: 0.5,
  }); // duedate meets only in P1
  const history = await api.get(`/api/units/silent-${tag}/history`).expect(200);
  expect(history.body.periods.length).toBeGreaterThanOrEqual(4);
  expect(history.body.periods[0].notices.length).toBeGreaterThan(0);
}, 300_000);

test('a meeting in the record stops the notice even if its signal never arrived', async () => {
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
  const p = periodContaining(startMs, 'quarter');
  const s = cadenceSchedule(p, DEFAULT_CADENCE_RULES.community, cal);

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
      data: { unitId: unit.id, heldOn: new Date(`${shanghaiDateOf(startMs)}T00:00:00Z`), periodKey: p.key },
    });
    await env.sleep(s.closeAt + HOUR - (await env.currentTimeMs()));
  });

  expect(await db.prisma.notification.count({ where: { unitId: unit.id } })).toBe(0);
  const outcome = await db.prisma.periodOutcome.findFirstOrThrow({ where: { unitId: unit.id, periodKey: p.key } });
  expect([outcome.status, outcome.meetingsHeld]).toEqual(['met', 1]);
});

test('planned meetings: invitations go out; one that passes without minutes brings a reminder, one recorded does not', async () => {
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
      .send({ heldOn: shanghaiDateOf(now), plannedMeetingId: held.id, minutes: '按计划召开' })
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
  const reminder = mail.sink.messages().find((m) => m.to.includes(convener) && m.subject.startsWith('【请录入纪要】'));
  expect(reminder?.text).toContain('会议室');
});
