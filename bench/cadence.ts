/**
 * Cadence engine: obligation start rate and worker memory — parts `start-rate` and `rss` of
 * `npm run bench` (bench/main.ts). Figures are ratios and before/after differences taken in one
 * run, so the machine matters less than usual.
 *
 * Start rate. One process, as `npm start` runs it: a fresh Temporal server (the dev server in memory, or the cluster),
 * PGlite in memory with migrations, the SMTP mail sink, and a worker on queue `bench` whose
 * bundle (bench/workflows.ts) is the real workflows plus a no-op (bench/env.ts). Phases alternate:
 *   A: start N no-op workflows (the same start pool as startObligations);
 *   B: startObligations for N freshly registered community units;
 * with the same client concurrency, as A1 B1 A2 (--rounds 2: A1 B1 A2 B2 A3). Every B is
 * compared with the A before and the A after it, so that drift (the server holds ever more
 * workflows, other load comes and goes) cancels out; the median of those ratios is the
 * headline. A phase waits until its workflows are done (A: completed; B: planCadencePeriod
 * ran and the workflow sits on its reminder timer) before the next one starts.
 *
 * Worker memory. The real worker (createGovernanceWorker, composed as `npm run worker`) runs
 * alone in a child process (bench/worker-process.ts), so its RSS is the worker's alone. PGlite
 * cannot be shared between processes, so this part uses a throwaway database on the local
 * PostgreSQL (test/support/postgres.ts). RSS is read idle (worker polling, before any
 * obligation) and after N obligations have started, run their first activity and sit on timers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { startMeetingObligations } from '../obligations/meeting-cadence';
import {
  checkOnTimers,
  cpuBetween,
  cpuCells,
  cpuServerLabel,
  cpuMark,
  type CpuUse,
  type Figure,
  fmt,
  REPO_ROOT,
  registerCommunities,
  row,
  say,
  seconds,
  type TimerCheck,
} from './common';
import { type BenchEnv, NAMESPACE, TASK_QUEUE, type TemporalEnv } from './env';
import type { FromWorker, ToWorker, WorkerSample } from './protocol';
import { median, mib, processCpuSeconds, sleep, startPool, waitUntil } from './support';
import { benchNoopWorkflow } from './workflows';

const RSS_TASK_QUEUE = 'bench-rss';
/** Goals from the brief: B/A ≥ 0.8; worker RSS after N obligations ≤ idle + 0.5 GiB. */
const RATIO_GOAL = 0.8;
const RSS_GOAL = 0.5 * 2 ** 30;
const NOOP_COMPLETED = `WorkflowType = 'benchNoopWorkflow' AND ExecutionStatus = 'Completed'`;

export interface CadenceOptions {
  units: number;
  rounds: number;
  concurrency: number;
  warmup: number;
  /** What-if for the rss part: createGovernanceWorker's options plus this maxCachedWorkflows. */
  maxCachedWorkflows: number | undefined;
}

export interface PartResult {
  figures: Figure[];
  /** Markdown lines: the part's detailed table and notes. */
  report: string[];
}

/** "A1 B1 A2" for one round. */
export function phaseNames(rounds: number): string {
  return Array.from({ length: rounds }, (_, i) => `A${i + 1} B${i + 1}`)
    .concat(`A${rounds + 1}`)
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// Start rate

interface PhaseResult {
  phase: 'A' | 'B';
  label: string;
  count: number;
  /** Time for the start loop to return. */
  startSeconds: number;
  startsPerSecond: number;
  /** From the first start until every workflow was done (A: completed; B: planned, on a timer). */
  doneSeconds: number;
  cpuDuringStarts: CpuUse;
  /** CPU use after the start loop returned, until every workflow was done. */
  cpuAfterStarts: CpuUse;
  check?: TimerCheck;
}

const doneTimeout = (count: number) => 120_000 + count * 30;

async function phaseA(t: TemporalEnv, concurrency: number, label: string, count: number): Promise<PhaseResult> {
  const completedBefore = (await t.client.workflow.count(NOOP_COMPLETED)).count;
  const c0 = cpuMark(t.server);
  await startPool(count, concurrency, (i) =>
    t.client.workflow.start(benchNoopWorkflow, {
      workflowId: `bench-noop:${label}:${i}`,
      taskQueue: TASK_QUEUE,
      args: [{ unitId: `noop-${label}-${i}` }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    }),
  );
  const c1 = cpuMark(t.server);
  await waitUntil(
    `${count} no-op workflows to complete`,
    async () => (await t.client.workflow.count(NOOP_COMPLETED)).count >= completedBefore + count,
    // Each count scans the server's visibility store: ask once a second only.
    { timeoutMs: doneTimeout(count), intervalMs: 1_000 },
  );
  const c2 = cpuMark(t.server);
  const startSeconds = seconds(c1.at - c0.at);
  return {
    phase: 'A',
    label,
    count,
    startSeconds,
    startsPerSecond: count / startSeconds,
    doneSeconds: seconds(c2.at - c0.at),
    cpuDuringStarts: cpuBetween(c0, c1),
    cpuAfterStarts: cpuBetween(c1, c2),
  };
}

/** Waits until the in-process worker has finished `count` more activities and is idle. */
export async function waitPlanned(t: TemporalEnv, doneBefore: number, count: number): Promise<void> {
  await waitUntil(
    `${count} obligations to run planCadencePeriod and sit on a timer`,
    () => {
      const s = t.worker.getStatus();
      return (
        t.activitiesDone() >= doneBefore + count &&
        s.numInFlightActivities === 0 &&
        s.numInFlightWorkflowActivations === 0
      );
    },
    { timeoutMs: doneTimeout(count), intervalMs: 100, stableFor: 3 },
  );
}

async function phaseB(t: TemporalEnv, concurrency: number, label: string, unitIds: string[]): Promise<PhaseResult> {
  const doneBefore = t.activitiesDone();
  const c0 = cpuMark(t.server);
  await startMeetingObligations({ temporal: t.client, taskQueue: TASK_QUEUE }, unitIds, { concurrency });
  const c1 = cpuMark(t.server);
  await waitPlanned(t, doneBefore, unitIds.length);
  const c2 = cpuMark(t.server);
  const startSeconds = seconds(c1.at - c0.at);
  return {
    phase: 'B',
    label,
    count: unitIds.length,
    startSeconds,
    startsPerSecond: unitIds.length / startSeconds,
    doneSeconds: seconds(c2.at - c0.at),
    cpuDuringStarts: cpuBetween(c0, c1),
    cpuAfterStarts: cpuBetween(c1, c2),
    check: await checkOnTimers(t.client, unitIds),
  };
}

function describePhase(r: PhaseResult, serverKind: string): string {
  const what = r.phase === 'A' ? 'no-op starts' : 'obligation starts';
  const done = r.phase === 'A' ? 'all completed' : 'all planned and on timers';
  const cpu = (c: CpuUse) =>
    `bench process ${fmt(c.self, 2)}` +
    (c.server === undefined
      ? ''
      : `, ${serverKind === 'dev' ? 'dev server' : 'Temporal server + PostgreSQL'} ${fmt(c.server, 2)}`) +
    (c.others === undefined ? '' : `, other processes ${fmt(c.others, 2)}`);
  const check = r.check ? `; sample ${r.check.onTimer}/${r.check.checked} on timers` : '';
  return (
    `${r.label} ${r.count} ${what} in ${fmt(r.startSeconds)} s = ${fmt(r.startsPerSecond, 0)}/s; ${done} after ` +
    `${fmt(r.doneSeconds)} s${check}\n      CPU cores during starts: ${cpu(r.cpuDuringStarts)}; ` +
    `after, until done: ${cpu(r.cpuAfterStarts)}`
  );
}

export async function measureStartRate(env: BenchEnv, opts: CadenceOptions): Promise<PartResult> {
  const t = await env.temporal();
  const registerStart = performance.now();
  const warmupIds = await registerCommunities(t.db, 'warmup', opts.warmup);
  const roundIds: string[][] = [];
  for (let r = 1; r <= opts.rounds; r++) roundIds.push(await registerCommunities(t.db, `r${r}`, opts.units));
  const registerSeconds = seconds(performance.now() - registerStart);
  say(`Registered ${opts.warmup + opts.rounds * opts.units} community units in PGlite in ${fmt(registerSeconds)} s`);

  if (opts.warmup > 0) {
    say(`Warm-up (not reported): ${opts.warmup} no-op starts, ${opts.warmup} obligation starts`);
    await phaseA(t, opts.concurrency, 'warmup', opts.warmup);
    await phaseB(t, opts.concurrency, 'warmup', warmupIds);
  }

  // A1 B1 A2 [B2 A3 …]: every B is bracketed by an A before and an A after it, so that a
  // drift (the server holds ever more workflows; other load comes and goes) shows in both
  // directions and cancels out in the median.
  const phases: PhaseResult[] = [];
  const ratios: { name: string; value: number }[] = [];
  for (let i = 1; i <= opts.rounds + 1; i++) {
    for (const phase of i <= opts.rounds ? (['A', 'B'] as const) : (['A'] as const)) {
      say(`Phase ${phase}${i}: starting ${opts.units} ${phase === 'A' ? 'no-op workflows' : 'obligations'}`);
      await sleep(2_000); // let the server finish the previous phase's background work
      const result =
        phase === 'A'
          ? await phaseA(t, opts.concurrency, `A${i}`, opts.units)
          : await phaseB(t, opts.concurrency, `B${i}`, roundIds[i - 1]!);
      phases.push(result);
      say(`  ${describePhase(result, t.server.kind)}`);
    }
  }
  for (const b of phases.filter((p) => p.phase === 'B')) {
    const at = phases.indexOf(b);
    for (const a of [phases[at - 1]!, phases[at + 1]!]) {
      ratios.push({ name: `${b.label}/${a.label}`, value: b.startsPerSecond / a.startsPerSecond });
    }
  }
  const serverRss = t.server.rss();
  const ratio = median(ratios.map((r) => r.value));

  const report: string[] = [];
  report.push(
    `Start rate: ${opts.units} per phase, phases ${phaseNames(opts.rounds)}, client concurrency ${opts.concurrency}, ` +
      `warm-up ${opts.warmup} + ${opts.warmup} (${t.server.name}, PGlite, worker in the bench process)`,
  );
  report.push('');
  report.push(
    row([
      'phase',
      'starts/s',
      'start loop (s)',
      'all done (s)',
      `CPU during starts: bench / ${cpuServerLabel(t.server.kind)} / others (cores)`,
    ]),
  );
  report.push(row(['---', '---:', '---:', '---:', '---:']));
  for (const p of phases) {
    report.push(
      row([
        `${p.label} ${p.phase === 'A' ? 'no-op' : 'obligations'}`,
        fmt(p.startsPerSecond, 0),
        fmt(p.startSeconds),
        fmt(p.doneSeconds),
        cpuCells(p.cpuDuringStarts),
      ]),
    );
  }
  report.push('');
  report.push(
    `B/A: ${ratios.map((r) => `${r.name} ${fmt(r.value, 2)}`).join(', ')}; median **${fmt(ratio, 2)}** ` +
      `(goal ≥ ${RATIO_GOAL}: ${ratio >= RATIO_GOAL ? 'met' : 'NOT met'})`,
  );
  const checks = phases.filter((p) => p.check).map((p) => `${p.label} ${p.check!.onTimer}/${p.check!.checked}`);
  report.push(`obligations sampled on timers: ${checks.join(', ')}`);
  if (serverRss !== undefined) report.push(`Temporal server RSS after this part: ${fmt(mib(serverRss), 0)} MiB`);
  return {
    figures: [
      {
        part: 'start-rate',
        figure: `obligation starts ÷ no-op starts (median of ${ratios.length}; ${opts.units} each)`,
        value: `${fmt(ratio, 2)}× (${phases.map((p) => `${p.label} ${fmt(p.startsPerSecond, 0)}/s`).join(', ')})`,
        goal: `≥ ${RATIO_GOAL}×`,
        met: ratio >= RATIO_GOAL,
      },
    ],
    report,
  };
}

// ---------------------------------------------------------------------------------------------
// Worker memory, in a child process

export class WorkerProcess {
  latest: WorkerSample | undefined;
  peakRss = 0;
  private exit: { code: number | null } | undefined;
  private waiters: { type: FromWorker['type']; resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    child.on('message', (m: FromWorker) => this.onMessage(m));
    child.once('exit', (code) => {
      this.exit = { code };
      this.rejectAll(new Error(`The bench worker process exited (code ${code}); see ${logFile}`));
    });
  }

  /** `node --import tsx bench/worker-process.ts`, output to `logFile`, IPC to us. */
  static spawn(logFile: string): WorkerProcess {
    const out = fs.openSync(logFile, 'a');
    try {
      const child = spawn(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'worker-process.ts')],
        { cwd: REPO_ROOT, stdio: ['ignore', out, out, 'ipc'] },
      );
      return new WorkerProcess(child, logFile);
    } finally {
      fs.closeSync(out);
    }
  }

  /**
   * Spawn the worker process (its output to `logFile`, stopped when `env` closes) and start its
   * worker against `t`'s Temporal server and mail sink, on `taskQueue` and the database at
   * `databaseUrl`; resolves when it polls.
   */
  static async launch(
    env: BenchEnv,
    t: TemporalEnv,
    o: { logFile: string; taskQueue: string; databaseUrl: string } & Pick<
      Extract<ToWorker, { type: 'start' }>,
      'benchBundle' | 'maxCachedWorkflows'
    >,
  ): Promise<{ child: WorkerProcess; ready: Extract<FromWorker, { type: 'ready' }> }> {
    const child = WorkerProcess.spawn(o.logFile);
    env.onClose(() => child.stop());
    const ready = child.next('ready', 180_000);
    child.send({
      type: 'start',
      env: {
        TEMPORAL_ADDRESS: t.server.address,
        TEMPORAL_NAMESPACE: NAMESPACE,
        TEMPORAL_TASK_QUEUE: o.taskQueue,
        DATABASE_URL: o.databaseUrl,
        SMTP_URL: t.mail.sink.smtpUrl,
      },
      benchBundle: o.benchBundle,
      maxCachedWorkflows: o.maxCachedWorkflows,
    });
    return { child, ready: await ready };
  }

  /** CPU seconds the worker process has used so far (Linux), else undefined. */
  cpuSeconds(): number | undefined {
    return this.child.pid === undefined ? undefined : processCpuSeconds(this.child.pid);
  }

  send(message: ToWorker): void {
    this.child.send(message);
  }

  next<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
    if (this.exit) return Promise.reject(new Error(`The bench worker process has exited; see ${this.logFile}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`No '${type}' from the bench worker within ${timeoutMs} ms; see ${this.logFile}`));
      }, timeoutMs);
      const waiter = {
        type,
        resolve: (m: FromWorker) => {
          clearTimeout(timer);
          resolve(m as Extract<FromWorker, { type: T }>);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async gc(): Promise<WorkerSample> {
    const done = this.next('gc-done', 30_000);
    this.send({ type: 'gc' });
    return (await done).sample;
  }

  async stop(): Promise<void> {
    if (this.exit) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  private onMessage(m: FromWorker): void {
    if ('sample' in m) {
      this.latest = m.sample;
      this.peakRss = Math.max(this.peakRss, m.sample.rss);
    }
    if (m.type === 'error') this.rejectAll(new Error(`The bench worker failed: ${m.message}`));
    const ready = this.waiters.filter((w) => w.type === m.type);
    this.waiters = this.waiters.filter((w) => w.type !== m.type);
    for (const w of ready) w.resolve(m);
  }

  private rejectAll(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(error);
  }
}

interface MemoryResult {
  count: number;
  idle: WorkerSample;
  idleAfterGc: WorkerSample;
  loaded: WorkerSample;
  loadedAfterGc: WorkerSample;
  peakRss: number;
  maxCachedWorkflows: number;
  heapLimit: number;
  startsPerSecond: number;
  doneSeconds: number;
  check: TimerCheck;
  workerWarnings: number;
  logFile: string;
}

/** How long the worker is left alone before each reading. */
const SETTLE_MS = 5_000;

async function runWorkerMemory(env: BenchEnv, opts: CadenceOptions): Promise<MemoryResult> {
  const t = await env.temporal();
  say('Worker memory: throwaway PostgreSQL database, migrations');
  const { url, db } = await env.postgres();
  say(`Worker memory: registering ${opts.units} community units in PostgreSQL`);
  const unitIds = await registerCommunities(db, 'rss', opts.units);

  const logFile = path.join(env.workDir, 'worker-process.log');
  say(`Worker memory: starting the worker process (bench/worker-process.ts; its output: ${logFile})`);
  const {
    child,
    ready: { maxCachedWorkflows, heapLimit },
  } = await WorkerProcess.launch(env, t, {
    logFile,
    taskQueue: RSS_TASK_QUEUE,
    databaseUrl: url,
    maxCachedWorkflows: opts.maxCachedWorkflows,
  });
  await sleep(SETTLE_MS);
  const idle = child.latest!;
  const idleAfterGc = await child.gc();
  say(`Worker memory: worker idle, RSS ${fmt(mib(idle.rss), 0)} MiB; starting ${opts.units} obligations`);

  const t0 = performance.now();
  await startMeetingObligations({ temporal: t.client, taskQueue: RSS_TASK_QUEUE }, unitIds, {
    concurrency: opts.concurrency,
  });
  const t1 = performance.now();
  await waitUntil(
    `${opts.units} obligations to run planCadencePeriod in the worker process`,
    () => {
      const s = child.latest!;
      return s.activitiesDone >= unitIds.length && s.inFlightActivities === 0 && s.inFlightActivations === 0;
    },
    { timeoutMs: doneTimeout(unitIds.length), intervalMs: 250, stableFor: 3 },
  );
  const t2 = performance.now();
  const check = await checkOnTimers(t.client, unitIds);
  await sleep(SETTLE_MS);
  const loaded = child.latest!;
  const loadedAfterGc = await child.gc();
  const peakRss = child.peakRss;
  await child.stop();
  const workerWarnings = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /\bWARN\b/.test(line)).length;
  return {
    count: unitIds.length,
    idle,
    idleAfterGc,
    loaded,
    loadedAfterGc,
    peakRss,
    maxCachedWorkflows,
    heapLimit,
    startsPerSecond: unitIds.length / seconds(t1 - t0),
    doneSeconds: seconds(t2 - t0),
    check,
    workerWarnings,
    logFile,
  };
}

export async function measureWorkerMemory(env: BenchEnv, opts: CadenceOptions): Promise<PartResult> {
  const m = await runWorkerMemory(env, opts);
  const delta = m.loaded.rss - m.idle.rss;
  const report: string[] = [];
  const whatIf =
    opts.maxCachedWorkflows === undefined ? '' : ` — WHAT-IF: maxCachedWorkflows ${opts.maxCachedWorkflows}`;
  report.push(`Worker process (createGovernanceWorker, PostgreSQL), ${m.count} obligations${whatIf}:`);
  report.push('');
  report.push(row(['reading', 'RSS MiB', 'V8 heap used MiB', 'external MiB', 'cached workflows']));
  report.push(row(['---', '---:', '---:', '---:', '---:']));
  const sampleRow = (name: string, s: WorkerSample) =>
    row([name, fmt(mib(s.rss), 0), fmt(mib(s.heapUsed), 0), fmt(mib(s.external), 0), String(s.cachedWorkflows)]);
  report.push(sampleRow('idle', m.idle));
  report.push(sampleRow('idle, after full GC', m.idleAfterGc));
  report.push(sampleRow(`${m.count} obligations on timers`, m.loaded));
  report.push(sampleRow('same, after full GC', m.loadedAfterGc));
  report.push('');
  report.push(
    `RSS delta: ${fmt(mib(delta), 0)} MiB (goal ≤ ${fmt(mib(RSS_GOAL), 0)} MiB: ${delta <= RSS_GOAL ? 'met' : 'NOT met'}), ` +
      `peak RSS ${fmt(mib(m.peakRss), 0)} MiB; workflow cache limit ${m.maxCachedWorkflows} ` +
      (opts.maxCachedWorkflows === undefined
        ? `(WORKER_MAX_CACHED_WORKFLOWS, as npm run worker uses it; V8 heap limit ${fmt(mib(m.heapLimit), 0)} MiB)`
        : '(what-if)'),
  );
  report.push(
    "(V8 heap used is the main thread's; cached workflows live in the workflow worker thread, seen in RSS only)",
  );
  report.push(
    `obligation starts with the worker in its own process: ${fmt(m.startsPerSecond, 0)}/s; all on timers after ` +
      `${fmt(m.doneSeconds)} s; sample ${m.check.onTimer}/${m.check.checked} on timers ` +
      `(history lengths ${m.check.historyLengths.join(', ')})`,
  );
  report.push(`worker process WARN lines: ${m.workerWarnings} (log: ${m.logFile})`);
  return {
    figures: [
      {
        part: 'rss',
        figure: `worker RSS growth, idle → ${m.count} obligations on timers${whatIf}`,
        value: `+${fmt(mib(delta), 0)} MiB (${fmt(mib(m.idle.rss), 0)} → ${fmt(mib(m.loaded.rss), 0)} MiB, peak ${fmt(mib(m.peakRss), 0)})`,
        goal: `≤ +${fmt(mib(RSS_GOAL), 0)} MiB`,
        met: delta <= RSS_GOAL,
      },
    ],
    report,
  };
}
