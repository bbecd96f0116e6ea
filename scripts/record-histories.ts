/**
 * `npm run histories:record`: runs small scenarios on the time-skipping test server with the
 * real activities and writes their event histories to test/histories/, where the replay test
 * checks that today's workflow code still replays them. Record again (and commit) only when a
 * change to a workflow is meant to be incompatible — and then version the workflow instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { packageCalendar } from '../domain/calendar';
import { shanghaiDateOf } from '../domain/period';
import { loadConfig } from '../infra/config';
import { openDatabase } from '../infra/db';
import { applyMigrations } from '../infra/migrate';
import { MailSink } from '../infra/embedded/mail-sink';
import { createSmtpMailer } from '../infra/mailer';
import { testServerExecutable } from '../infra/embedded/tools';
import { createGovernanceWorker } from '../worker';
import { cadenceStatusQuery, meetingCadenceWorkflow, meetingRecordedSignal } from '../workflows/meeting-cadence';
import { plannedMeetingWorkflow } from '../workflows/planned-meeting';
import { climb, dbDate, loadItem, takeUp } from '../records/agenda-items';
import { deadlineExtendedUpdate, escalationChangedSignal, escalationWorkflow } from '../workflows/escalation';
import { DEFAULT_ENTRIES_RULE } from '../domain/entries';
import { attendanceCheckWorkflow } from '../workflows/attendance-check';
import { evaluationCampaignWorkflow } from '../workflows/evaluation';
import { leaderVisitWorkflow } from '../workflows/leader-visit';
import {
  attendanceCheckWorkflowId,
  escalationWorkflowId,
  evaluationWorkflowId,
  leaderVisitWorkflowId,
  meetingCadenceWorkflowId,
  plannedMeetingWorkflowId,
} from '../domain/workflow-ids';
import { evaluationSchedule } from '../domain/evaluation';
import { recordServingHistories, SERVING_HISTORIES } from './record-serving-histories';

const OUT = path.resolve(__dirname, '..', 'test', 'histories');

/** `npm run histories:record -- escalation-answered` records only the histories named. */
const only = process.argv.slice(2);

async function main(): Promise<void> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testServerExecutable(loadConfig()) },
  });
  const db = await openDatabase({ kind: 'pglite', dataDir: ':memory:' });
  await applyMigrations(db);
  const sink = await MailSink.start({ port: 0 });
  const mailer = createSmtpMailer({ smtpUrl: sink.smtpUrl, from: 'liaison@donggang.example' });
  const taskQueue = 'record-histories';
  const worker = await createGovernanceWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: {
      prisma: db.prisma,
      mailer,
      clock: () => new Date(),
      links: { publicUrl: 'http://localhost:3000', mailDomain: 'donggang.example' },
    },
  });
  await db.prisma.supervisor.create({ data: { name: '联络办', email: 'liaison@example.org' } });
  const silent = await db.prisma.unit.create({
    data: {
      code: 'silent',
      name: '港北社区',
      level: 'community',
      convenerName: '王书记',
      convenerEmail: 'wang@example.org',
    },
  });
  const meets = await db.prisma.unit.create({
    data: {
      code: 'meets',
      name: '碧海社区',
      level: 'community',
      convenerName: '李书记',
      convenerEmail: 'li@example.org',
    },
  });
  const planned = await db.prisma.plannedMeeting.create({
    data: {
      unitId: meets.id,
      plannedFor: new Date((await env.currentTimeMs()) + 2 * 86_400_000),
      place: '党群服务中心',
      invitees: [],
    },
  });

  // An agenda item of a compound, escalated to its community.
  const compound = await db.prisma.unit.create({
    data: {
      code: 'compound',
      name: '滨江小区',
      level: 'compound',
      parentId: meets.id,
      convenerName: '赵书记',
      convenerEmail: 'zhao@example.org',
    },
  });
  const startedAt = new Date(await env.currentTimeMs());
  const raising = await db.prisma.meeting.create({
    data: {
      unitId: compound.id,
      heldOn: dbDate(shanghaiDateOf(startedAt)),
      periodKey: 'recorded',
      minutes: '小区会议纪要',
    },
  });
  const agendaItem = await db.prisma.agendaItem.create({
    data: { meetingId: raising.id, unitId: compound.id, currentUnitId: compound.id, title: '停车难', raisedBy: '居民' },
  });
  await climb(db.prisma, (await loadItem(db.prisma, agendaItem.id))!, {
    what: '停车难',
    whyNotSolvable: '小区无权协调',
    ask: '请社区协调',
    minutes: raising.minutes!,
    sourceMeetingId: raising.id,
    escalatedBy: 'convener:zhao',
    escalatedByRule: false,
    now: startedAt,
  });

  // Three departments paired with the community above the compound, and a leader of it.
  const departments = [];
  for (const [code, name] of [
    ['housing', '住建局'],
    ['health', '卫健局'],
    ['police', '公安局'],
  ] as const) {
    departments.push(
      await db.prisma.department.create({
        data: { code, name, contactName: `${name}联络员`, contactEmail: `${code}@example.org` },
      }),
    );
  }
  for (const department of departments) {
    await db.prisma.departmentPairing.create({
      data: { departmentId: department.id, communityId: meets.id, pairedOn: dbDate('2020-01-01') },
    });
  }
  const leader = await db.prisma.leader.create({
    data: { code: 'wang', name: '王市长', email: 'wang@example.org', communityId: meets.id },
  });

  const histories: Record<string, unknown> = {};
  await worker.runUntil(async () => {
    const a = await env.client.workflow.start(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(silent.id),
      taskQueue,
      args: [{ unitId: silent.id }],
    });
    const b = await env.client.workflow.start(meetingCadenceWorkflow, {
      workflowId: meetingCadenceWorkflowId(meets.id),
      taskQueue,
      args: [{ unitId: meets.id }],
    });
    const c = await env.client.workflow.start(plannedMeetingWorkflow, {
      workflowId: plannedMeetingWorkflowId(planned.id),
      taskQueue,
      args: [{ plannedMeetingId: planned.id }],
    });
    const d = await env.client.workflow.start(escalationWorkflow, {
      workflowId: escalationWorkflowId(agendaItem.id),
      taskQueue,
      args: [{ agendaItemId: agendaItem.id }],
    });
    await env.sleep('1 day');
    const { periodKey } = await b.query(cadenceStatusQuery);
    const heldOn = new Date(`${shanghaiDateOf(await env.currentTimeMs())}T00:00:00Z`);
    const meeting = await db.prisma.meeting.create({ data: { unitId: meets.id, heldOn, periodKey } });
    await b.signal(meetingRecordedSignal, { meetingId: meeting.id, periodKey, kind: 'regular' });
    await c.result(); // the minutes were never recorded: reminded
    // The escalation: the scheduling deadline passes (reminders, "call a meeting"), the community
    // takes it up, the liaison office extends the answer deadline, the community answers, the
    // compound confirms.
    await env.sleep('20 days');
    const now = () => env.currentTimeMs().then((ms) => new Date(ms));
    const upper = await db.prisma.meeting.create({
      data: {
        unitId: meets.id,
        heldOn: dbDate(shanghaiDateOf(await now())),
        periodKey: 'recorded',
        minutes: '社区会议纪要',
      },
    });
    await takeUp(db.prisma, (await loadItem(db.prisma, agendaItem.id))!, upper, 'convener:li', await now());
    await d.signal(escalationChangedSignal, { change: 'taken-up' });
    const hop = await db.prisma.escalation.findFirstOrThrow({ where: { agendaItemId: agendaItem.id } });
    const later = new Date(hop.answerBy.getTime() + 14 * 86_400_000);
    await db.prisma.deadlineExtension.create({
      data: {
        escalationId: hop.id,
        round: 0,
        fromDate: hop.answerBy,
        toDate: later,
        reason: '等待预算',
        approvedBy: 'supervisor:liaison',
        createdAt: await now(),
      },
    });
    await db.prisma.escalation.update({ where: { id: hop.id }, data: { answerBy: later } });
    await d.executeUpdate(deadlineExtendedUpdate, { args: [{ answerBy: later.toISOString().slice(0, 10) }] });
    await env.sleep('3 days');
    await db.prisma.feedback.create({
      data: {
        agendaItemId: agendaItem.id,
        escalationId: hop.id,
        round: 0,
        outcome: 'resolved',
        text: '已协调',
        answeredBy: 'convener:li',
        answeredAt: await now(),
      },
    });
    await db.prisma.escalation.update({ where: { id: hop.id }, data: { state: 'answered' } });
    await db.prisma.agendaItem.update({ where: { id: agendaItem.id }, data: { state: 'answered' } });
    await d.signal(escalationChangedSignal, { change: 'answered' });
    await env.sleep('2 days');
    await db.prisma.agendaItem.update({ where: { id: agendaItem.id }, data: { state: 'confirmed' } });
    await d.signal(escalationChangedSignal, { change: 'confirmed' });
    await d.result();
    // The three entries: a leader who never visits, a meeting's attendance check, and a year-end
    // evaluation that opens, reminds and closes below quorum (its dates are this year's).
    const e = await env.client.workflow.start(leaderVisitWorkflow, {
      workflowId: leaderVisitWorkflowId(leader.id),
      taskQueue,
      args: [{ leaderId: leader.id }],
    });
    const f = await env.client.workflow.start(attendanceCheckWorkflow, {
      workflowId: attendanceCheckWorkflowId(upper.id),
      taskQueue,
      args: [{ meetingId: upper.id }],
    });
    await f.result();
    const today = shanghaiDateOf(await env.currentTimeMs());
    const year = Number(today.slice(0, 4)) + (today.slice(5) < DEFAULT_ENTRIES_RULE.evaluationOpensOn ? 0 : 1);
    const g = await env.client.workflow.start(evaluationCampaignWorkflow, {
      workflowId: evaluationWorkflowId(meets.id, year),
      taskQueue,
      args: [{ communityId: meets.id, year }],
    });
    const { closesAt } = evaluationSchedule(year, DEFAULT_ENTRIES_RULE, packageCalendar());
    await env.sleep(Math.max(100 * 86_400_000, closesAt - (await env.currentTimeMs()) + 86_400_000));
    await g.result();
    for (const [name, handle] of [
      ['meeting-cadence-silent', a],
      ['meeting-cadence-met', b],
      ['planned-meeting-lapsed', c],
      ['escalation-answered', d],
      ['leader-visit-missed', e],
      ['attendance-check', f],
      ['evaluation-below-quorum', g],
    ] as const) {
      if (only.length && !only.includes(name)) continue;
      const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      histories[name] = temporal.api.history.v1.History.fromObject(await firstRun.fetchHistory()).toJSON();
    }
    // The third entry's workflows: a claim, a member's participation, a community's feedback.
    if (!only.length || SERVING_HISTORIES.some((name) => only.includes(name))) {
      const serving = await recordServingHistories(env, db.prisma, taskQueue, meets.id);
      for (const [name, history] of Object.entries(serving))
        if (!only.length || only.includes(name)) histories[name] = history;
    }
  });

  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, history] of Object.entries(histories)) {
    fs.writeFileSync(path.join(OUT, `${name}.json`), JSON.stringify(history, null, 1) + '\n');
    process.stdout.write(`wrote test/histories/${name}.json\n`);
  }
  mailer.close();
  await sink.close();
  await db.close();
  await env.teardown();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
