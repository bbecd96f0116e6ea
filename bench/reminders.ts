/**
 * Part `reminders` of `npm run bench`: reminder latency, from the instant a reminder fell due to
 * the instant the SMTP server (the real mail sink, in the bench process) accepted it, on the dev
 * server, in both compositions of the service:
 *   embedded: the worker in the bench process on PGlite, as `npm start` runs it (bench/env.ts);
 *   worker process: the worker alone in its process on PostgreSQL, as `npm run worker` runs it
 *     (bench/worker-process.ts, with the bench's workflow bundle).
 *
 * N fresh community units each get a benchReminderWorkflow (bench/workflows.ts): one period of
 * the meeting obligation through the shared period loop, whose one reminder falls due at an
 * instant the bench chooses — a real timer — and goes out through the real sendCadenceNotice
 * activity (record check, ledger row written first, SMTP, row marked sent). Two schedules:
 *   spread: the N due instants evenly over --reminder-spread seconds (a steady stream);
 *   burst:  all N due at the same instant, as every reminder of a ladder step was at 09:00:00
 *           before the service spread them (a capacity figure: what a burst costs);
 *   notice-hour: as the service schedules a ladder step now, each unit at the notice hour plus
 *           its own offset (noticeOffsetMs: a place in the first NOTICE_SPREAD_SECONDS), embedded
 *           composition only (it takes the whole window: 10 minutes).
 * All N workflows are started and asleep before the first one falls due. Per reminder:
 *   due → SMTP accepted   the sink's receive time minus the due instant (the headline);
 *   ledger → SMTP         the same minus the ledger row's scheduledFor (workflow time when the
 *                         period loop woke up and asked for the notice);
 *   timer lag             scheduledFor minus the due instant (timer firing + workflow task).
 */
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { packageCalendar } from '../domain/calendar';
import { cadenceSchedule, DEFAULT_CADENCE_RULES, NOTICE_SPREAD_SECONDS, noticeOffsetMs } from '../domain/cadence';
import { periodContaining } from '../domain/period';
import { type PartResult, WorkerProcess } from './cadence';
import {
  cpuBetween,
  cpuCells,
  cpuServerLabel,
  cpuMark,
  type CpuUse,
  fmt,
  percentile,
  registerCommunities,
  row,
  say,
  seconds,
} from './common';
import { type BenchEnv, TASK_QUEUE, type TemporalEnv } from './env';
import { sleep, startPool, waitUntil } from './support';
import { benchReminderWorkflow } from './workflows';

/** Goal from the brief: p99 from due to SMTP accepted ≤ 2 s. */
const P99_GOAL_MS = 2_000;
const REMINDER_TASK_QUEUE = 'bench-reminders';

export interface ReminderOptions {
  reminders: number;
  /** Seconds over which the `spread` schedule's due instants are spread. */
  spreadSeconds: number;
  concurrency: number;
  /** What-if for the worker process: this workflow cache limit instead of WORKER_MAX_CACHED_WORKFLOWS. */
  maxCachedWorkflows: number | undefined;
  /** The notice-hour schedule too (embedded only; it takes NOTICE_SPREAD_SECONDS). */
  noticeHour: boolean;
}

/** Where the reminders' activities run: the worker, its task queue and its record. */
interface Composition {
  name: string;
  taskQueue: string;
  prisma: PrismaClient;
  registerUnits(prefix: string, count: number): Promise<string[]>;
  /** CPU seconds of the worker's own process so far, when it has one. */
  workerCpu?: () => number | undefined;
}

interface ReminderPhase {
  composition: string;
  label: 'spread' | 'burst' | 'notice-hour';
  count: number;
  /** Seconds from the first due instant to the last. */
  window: number;
  /** Milliseconds, one per reminder. */
  dueToSmtp: number[];
  ledgerToSmtp: number[];
  timerLag: number[];
  /** Seconds from the first due instant until the last mail arrived. */
  drainSeconds: number;
  /** Seconds the start loop left before the first reminder fell due (negative: it overran). */
  startSlack: number;
  cpu: CpuUse;
  /** Cores the worker's own process used, when it has one (then also inside `cpu.others`). */
  workerCores: number | undefined;
}

async function runPhase(
  t: TemporalEnv,
  c: Composition,
  opts: ReminderOptions,
  label: ReminderPhase['label'],
  unitIds: string[],
  emails: string[],
): Promise<ReminderPhase> {
  const n = unitIds.length;
  const now = Date.now();
  const period = periodContaining(now, 'quarter');
  const { dueDate } = cadenceSchedule(period, DEFAULT_CADENCE_RULES.community, packageCalendar());
  // Room for every start (~100/s at worst on a busy machine) before the first one is due.
  const firstDue = now + 10_000 + n * 10;
  const spread = label === 'spread' ? opts.spreadSeconds * 1000 : 0;
  const dueAt = unitIds.map((id, i) =>
    label === 'notice-hour'
      ? firstDue + noticeOffsetMs(id)
      : firstDue + (n > 1 ? Math.round((i * spread) / (n - 1)) : 0),
  );
  const window = Math.max(...dueAt) - Math.min(...dueAt);
  const dueByEmail = new Map(emails.map((e, i) => [e, dueAt[i]!]));
  const mailBefore = t.mail.sink.messages().length;

  await startPool(n, opts.concurrency, (i) =>
    t.client.workflow.start(benchReminderWorkflow, {
      workflowId: `bench-reminder:${label}:${unitIds[i]}`,
      taskQueue: c.taskQueue,
      args: [{ unitId: unitIds[i]!, periodKey: period.key, dueDate, at: dueAt[i]! }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    }),
  );
  const startSlack = seconds(firstDue - Date.now());
  say(
    `  ${n} reminder workflows started; the first falls due in ${fmt(startSlack)} s` +
      (window ? `, the last ${fmt(window / 1000, 0)} s after it` : ', all at the same instant'),
  );
  await sleep(Math.max(0, firstDue - Date.now()));
  const c0 = cpuMark(t.server);
  const w0 = c.workerCpu?.();
  await waitUntil(`${n} reminders to reach the mail sink`, () => t.mail.sink.messages().length - mailBefore >= n, {
    timeoutMs: window + 300_000,
    intervalMs: 50,
  });
  const c1 = cpuMark(t.server);
  const w1 = c.workerCpu?.();
  const mails = t.mail.sink.messages().slice(mailBefore);
  const ledger = new Map(
    (
      await c.prisma.notification.findMany({
        where: { unitId: { in: unitIds } },
        select: { recipient: true, scheduledFor: true },
      })
    ).map((r) => [r.recipient, r.scheduledFor.getTime()]),
  );
  const dueToSmtp: number[] = [];
  const ledgerToSmtp: number[] = [];
  const timerLag: number[] = [];
  let lastReceived = firstDue;
  for (const mail of mails) {
    const to = mail.to[0] ?? '';
    const due = dueByEmail.get(to);
    const scheduledFor = ledger.get(to);
    if (due === undefined || scheduledFor === undefined) throw new Error(`Unexpected mail to ${to}: ${mail.subject}`);
    const received = Date.parse(mail.receivedAt);
    lastReceived = Math.max(lastReceived, received);
    dueToSmtp.push(received - due);
    ledgerToSmtp.push(received - scheduledFor);
    timerLag.push(scheduledFor - due);
  }
  if (dueToSmtp.length !== n) throw new Error(`${dueToSmtp.length} reminders received, ${n} expected`);
  return {
    composition: c.name,
    label,
    count: n,
    window: window / 1000,
    dueToSmtp,
    ledgerToSmtp,
    timerLag,
    drainSeconds: seconds(lastReceived - firstDue),
    startSlack,
    cpu: cpuBetween(c0, c1),
    workerCores: w0 === undefined || w1 === undefined ? undefined : (w1 - w0) / seconds(c1.at - c0.at),
  };
}

const scheduleName = (label: ReminderPhase['label'], window: number) =>
  label === 'spread'
    ? `over ${fmt(window, 0)} s`
    : label === 'burst'
      ? 'at one instant'
      : `at the notice hour, each unit at its offset (over ${fmt(window, 0)} s)`;

async function runSchedules(
  t: TemporalEnv,
  c: Composition,
  opts: ReminderOptions,
  labels: readonly ReminderPhase['label'][],
): Promise<ReminderPhase[]> {
  const phases: ReminderPhase[] = [];
  for (const label of labels) {
    const prefix = `rem-${c.taskQueue}-${label}`;
    const unitIds = await c.registerUnits(prefix, opts.reminders);
    const emails = Array.from(
      { length: opts.reminders },
      (_, i) => `convener-${prefix}-${String(i + 1).padStart(5, '0')}@bench.example`,
    );
    say(
      `Reminders, ${c.name}, ${label}: ${opts.reminders} reminders due ` +
        scheduleName(label, label === 'spread' ? opts.spreadSeconds : NOTICE_SPREAD_SECONDS),
    );
    await sleep(2_000);
    const phase = await runPhase(t, c, opts, label, unitIds, emails);
    phases.push(phase);
    say(
      `  due → SMTP accepted: p50 ${fmt(percentile(phase.dueToSmtp, 50), 0)} ms, ` +
        `p99 ${fmt(percentile(phase.dueToSmtp, 99), 0)} ms; last mail ${fmt(phase.drainSeconds)} s after the first due`,
    );
  }
  return phases;
}

export async function measureReminderLatency(env: BenchEnv, opts: ReminderOptions): Promise<PartResult> {
  const t = await env.temporal();
  // As `npm start` runs it: the worker in the bench process, PGlite.
  const embedded: Composition = {
    name: 'embedded (worker in the bench process, PGlite)',
    taskQueue: TASK_QUEUE,
    prisma: t.db.prisma,
    registerUnits: (prefix, count) => registerCommunities(t.db, prefix, count),
  };
  const phases = await runSchedules(
    t,
    embedded,
    opts,
    opts.noticeHour ? ['spread', 'burst', 'notice-hour'] : ['spread', 'burst'],
  );

  // As production runs it: `npm run worker` alone in its process, PostgreSQL (the SMTP server
  // stays the sink in the bench process).
  say('Reminders: throwaway PostgreSQL database; the worker in its own process');
  const { url, db } = await env.postgres();
  const logFile = path.join(env.workDir, 'worker-process-reminders.log');
  const {
    child,
    ready: { maxCachedWorkflows },
  } = await WorkerProcess.launch(env, t, {
    logFile,
    taskQueue: REMINDER_TASK_QUEUE,
    databaseUrl: url,
    benchBundle: true,
    maxCachedWorkflows: opts.maxCachedWorkflows,
  });
  const separate: Composition = {
    name: `worker process (npm run worker, PostgreSQL; workflow cache ${maxCachedWorkflows})`,
    taskQueue: REMINDER_TASK_QUEUE,
    prisma: db.prisma,
    registerUnits: (prefix, count) => registerCommunities(db, prefix, count),
    workerCpu: () => child.cpuSeconds(),
  };
  phases.push(...(await runSchedules(t, separate, opts, ['spread', 'burst'])));
  await child.stop();

  const ms = (values: number[], p: number) => fmt(percentile(values, p), 0);
  const report: string[] = [];
  report.push(
    `Reminder latency (benchReminderWorkflow: the period loop and the real sendCadenceNotice; ${t.server.name}, ` +
      'PGlite, SMTP mail sink, worker in the bench process), milliseconds:',
  );
  report.push('');
  report.push(
    row([
      'worker',
      'schedule',
      'reminders',
      'due → SMTP p50',
      'p90',
      'p99',
      'max',
      'ledger → SMTP p50 / p99',
      'timer lag p50 / p99',
      'last mail after first due (s)',
      `CPU: bench / ${cpuServerLabel(t.server.kind)} / others (cores)`,
      'worker process CPU (cores)',
    ]),
  );
  report.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const p of phases) {
    report.push(
      row([
        p.composition,
        p.label === 'spread'
          ? `spread over ${fmt(p.window, 0)} s`
          : p.label === 'burst'
            ? 'burst (one instant)'
            : `notice hour + unit offset (${fmt(p.window, 0)} s)`,
        String(p.count),
        ms(p.dueToSmtp, 50),
        ms(p.dueToSmtp, 90),
        ms(p.dueToSmtp, 99),
        ms(p.dueToSmtp, 100),
        `${ms(p.ledgerToSmtp, 50)} / ${ms(p.ledgerToSmtp, 99)}`,
        `${ms(p.timerLag, 50)} / ${ms(p.timerLag, 99)}`,
        fmt(p.drainSeconds),
        cpuCells(p.cpu),
        p.workerCores === undefined ? '(in bench)' : fmt(p.workerCores, 2),
      ]),
    );
  }
  const overran = phases.filter((p) => p.startSlack < 0);
  if (overran.length) {
    report.push('');
    report.push(
      `(starts overran the first due instant in: ${overran.map((p) => `${p.composition} ${p.label}`).join(', ')})`,
    );
  }
  return {
    figures: phases.map((p) => {
      const p99 = percentile(p.dueToSmtp, 99);
      return {
        part: 'reminders',
        figure:
          `reminder due → SMTP accepted, ${p.count} reminders ` +
          `due ${scheduleName(p.label, p.window)}` +
          `; ${p.composition}`,
        value: `p50 ${ms(p.dueToSmtp, 50)} ms, p99 ${fmt(p99, 0)} ms`,
        goal: `p99 ≤ ${P99_GOAL_MS} ms`,
        met: p99 <= P99_GOAL_MS,
      };
    }),
    report,
  };
}
