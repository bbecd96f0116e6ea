/**
 * `npm run bench` — cadence engine: obligation start rate and worker memory. A measurement,
 * not a test: it never fails on a figure, only on a broken setup. Its figures are ratios and
 * before/after differences taken in one run, so the machine matters less than usual.
 *
 *   npm run bench                        10,000 units (~11 min on 2 cores)
 *   npm run bench -- --units 2000        a quick run (~3 min)
 *   options: --rounds N (1)  --concurrency N (16: startObligations' default)  --warmup N (200)
 *            --skip-rss (part 1 only; no PostgreSQL needed)  --skip-rate (part 2 only)
 *            --max-cached-workflows N (what-if for part 2: the worker with this workflow cache limit)
 *
 * Part 1, start rate. One process, as `npm start` runs it: a fresh Temporal dev server in
 * memory, PGlite in memory with migrations, the SMTP mail sink, and a worker on queue `bench`
 * whose bundle (bench/workflows.ts) is the real workflows plus a no-op. Phases alternate:
 *   A: start N no-op workflows (the same start pool as startObligations);
 *   B: startObligations for N freshly registered community units;
 * with the same client concurrency, as A1 B1 A2 (--rounds 2: A1 B1 A2 B2 A3). Every B is
 * compared with the A before and the A after it, so that drift (the server holds ever more
 * workflows, other load comes and goes) cancels out; the median of those ratios is the
 * headline. A phase waits until its workflows are done (A: completed; B: planCadencePeriod
 * ran and the workflow sits on its reminder timer) before the next one starts.
 *
 * Part 2, worker memory. The real worker (createGovernanceWorker, composed as `npm run worker`)
 * runs alone in a child process (bench/worker-process.ts), so its RSS is the worker's alone.
 * PGlite cannot be shared between processes, so this part uses a throwaway database on the
 * local PostgreSQL (test/support/postgres.ts). RSS is read idle (worker polling, before any
 * obligation) and after N obligations have started, run their first activity and sit on timers.
 *
 * Results: docs/PERFORMANCE.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { DefaultLogger, type LogEntry, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { type NewUnit, registerUnits, startObligations } from '../api/unit-registry';
import { meetingCadenceWorkflowId } from '../domain/cadence';
import { loadConfig } from '../infra/config';
import { type Database, IN_MEMORY, openDatabase } from '../infra/db';
import { startDevServer } from '../infra/dev-server';
import { createLogger } from '../infra/log';
import { applyMigrations } from '../infra/migrate';
import { freePort } from '../infra/net';
import { connectClient, connectWorker } from '../infra/temporal';
import type { Mailer } from '../infra/mailer';
import { resolveTemporalCli } from '../infra/tools';
import { activityDeps, startMail } from '../test/support/fixtures';
import { createTestPostgresDatabase } from '../test/support/postgres';
import type { FromWorker, ToWorker, WorkerSample } from './protocol';
import {
  childProcessStats,
  countFinishedActivities,
  machineCpuSeconds,
  median,
  mib,
  sleep,
  startPool,
  waitUntil,
} from './support';
import { benchNoopWorkflow } from './workflows';

const REPO_ROOT = path.resolve(__dirname, '..');
const NAMESPACE = 'default';
const TASK_QUEUE = 'bench';
const RSS_TASK_QUEUE = 'bench-rss';
const REGISTER_BATCH = 1000;
/** Goals from the brief: B/A ≥ 0.8; worker RSS after N obligations ≤ idle + 0.5 GiB. */
const RATIO_GOAL = 0.8;
const RSS_GOAL = 0.5 * 2 ** 30;
const NOOP_COMPLETED = `WorkflowType = 'benchNoopWorkflow' AND ExecutionStatus = 'Completed'`;

// ---------------------------------------------------------------------------------------------
// Options and output

interface Options {
  units: number;
  rounds: number;
  concurrency: number;
  warmup: number;
  rate: boolean;
  rss: boolean;
  /** What-if for part 2: createGovernanceWorker's options plus this maxCachedWorkflows. */
  maxCachedWorkflows: number | undefined;
}

const USAGE =
  'usage: npm run bench -- [--units N (10000)] [--rounds N (1)] [--concurrency N (16)] [--warmup N (200)] [--skip-rate] [--skip-rss] [--max-cached-workflows N]';

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      units: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      'skip-rate': { type: 'boolean' },
      'skip-rss': { type: 'boolean' },
      'max-cached-workflows': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, fallback: number, min: number) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    return n;
  };
  return {
    units: int('units', values.units, 10_000, 1),
    /** Number of B phases; there is one A phase more. */
    rounds: int('rounds', values.rounds, 1, 1),
    // startObligations' own default (api/unit-registry.ts); both phases use the same value.
    concurrency: int('concurrency', values.concurrency, 16, 1),
    warmup: int('warmup', values.warmup, 200, 0),
    rate: !values['skip-rate'],
    rss: !values['skip-rss'],
    maxCachedWorkflows:
      values['max-cached-workflows'] === undefined
        ? undefined
        : int('max-cached-workflows', values['max-cached-workflows'], 0, 0),
  };
}

const wallStart = performance.now();
const seconds = (ms: number) => ms / 1000;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
function say(message: string): void {
  process.stdout.write(`[${fmt(seconds(performance.now() - wallStart)).padStart(6)} s] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Setup helpers

/** "A1 B1 A2" for one round. */
function phaseNames(rounds: number): string {
  return Array.from({ length: rounds }, (_, i) => `A${i + 1} B${i + 1}`)
    .concat(`A${rounds + 1}`)
    .join(' ');
}

/** The commit measured, and whether the working tree had changes. */
function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const dirty = git('status', '--porcelain').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

function communities(prefix: string, count: number): NewUnit[] {
  return Array.from({ length: count }, (_, i) => {
    const no = String(i + 1).padStart(5, '0');
    return {
      code: `bench-${prefix}-${no}`,
      name: `基准社区 ${prefix}-${no}`,
      level: 'community',
      convenerName: `召集人 ${no}`,
      convenerEmail: `convener-${prefix}-${no}@bench.example`,
      locale: 'zh-CN',
    };
  });
}

/** Registers `count` community units in batches (setup, not timed); returns their IDs. */
async function registerCommunities(db: Database, prefix: string, count: number): Promise<string[]> {
  const units = communities(prefix, count);
  const ids: string[] = [];
  for (let i = 0; i < units.length; i += REGISTER_BATCH) {
    const result = await registerUnits(db.prisma, units.slice(i, i + REGISTER_BATCH), 'bench');
    ids.push(...result.units.map((u) => u.id));
  }
  return ids;
}

/**
 * The SDK Runtime's logger at its default level (INFO), writing to a file instead of stderr
 * so that 10,000 activity warnings do not flood the terminal; messages are tallied.
 */
function installRuntimeLogger(file: string) {
  const out = fs.createWriteStream(file);
  const tally = new Map<string, number>();
  let lines = 0;
  Runtime.install({
    logger: new DefaultLogger('INFO', (entry: LogEntry) => {
      lines++;
      if (entry.level === 'WARN' || entry.level === 'ERROR') {
        const key = `${entry.level} ${entry.message}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      const at = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
      out.write(`${at} [${entry.level}] ${entry.message} ${JSON.stringify(entry.meta ?? {})}\n`);
    }),
  });
  return {
    file,
    lines: () => lines,
    warnings: () => [...tally.entries()].sort((a, b) => b[1] - a[1]),
    close: () => new Promise<void>((resolve) => out.end(resolve)),
  };
}

interface CpuMark {
  at: number;
  /** This process (client, in-process worker, PGlite), CPU seconds. */
  self: number;
  /** The Temporal dev server, CPU seconds (undefined off Linux). */
  server: number | undefined;
  /** Every process on the machine, CPU seconds (undefined off Linux). */
  machine: number | undefined;
}

function cpuMark(): CpuMark {
  const u = process.cpuUsage();
  return {
    at: performance.now(),
    self: (u.user + u.system) / 1e6,
    server: childProcessStats('temporal')?.cpuSeconds,
    machine: machineCpuSeconds(),
  };
}

interface CpuUse {
  /** In cores (1.0 = one core busy all the time). */
  self: number;
  server: number | undefined;
  /** Everything else on the machine: another test run, say. Noise when well above 0. */
  others: number | undefined;
}

function cpuBetween(a: CpuMark, b: CpuMark): CpuUse {
  const wall = seconds(b.at - a.at);
  const self = (b.self - a.self) / wall;
  const server = a.server === undefined || b.server === undefined ? undefined : (b.server - a.server) / wall;
  const machine = a.machine === undefined || b.machine === undefined ? undefined : (b.machine - a.machine) / wall;
  const others = machine === undefined ? undefined : Math.max(0, machine - self - (server ?? 0));
  return { self, server, others };
}

/** A random sample of workflows, each expected to be running, with no pending activity or task. */
async function checkOnTimers(client: Client, unitIds: string[], size = 20) {
  const sample = [...unitIds].sort(() => Math.random() - 0.5).slice(0, size);
  let onTimer = 0;
  const historyLengths = new Set<number>();
  for (const unitId of sample) {
    const d = await client.workflow.getHandle(meetingCadenceWorkflowId(unitId)).describe();
    historyLengths.add(d.historyLength);
    if (d.status.name === 'RUNNING' && !d.raw.pendingActivities?.length && !d.raw.pendingWorkflowTask) onTimer++;
  }
  return { checked: sample.length, onTimer, historyLengths: [...historyLengths].sort((a, b) => a - b) };
}

// ---------------------------------------------------------------------------------------------
// Part 1: start rate

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
  check?: { checked: number; onTimer: number; historyLengths: number[] };
}

interface Part1 {
  client: Client;
  db: Database;
  worker: Worker;
  activitiesDone: () => number;
  concurrency: number;
}

const doneTimeout = (count: number) => 120_000 + count * 30;

async function phaseA(ctx: Part1, label: string, count: number): Promise<PhaseResult> {
  const completedBefore = (await ctx.client.workflow.count(NOOP_COMPLETED)).count;
  const c0 = cpuMark();
  await startPool(count, ctx.concurrency, (i) =>
    ctx.client.workflow.start(benchNoopWorkflow, {
      workflowId: `bench-noop:${label}:${i}`,
      taskQueue: TASK_QUEUE,
      args: [{ unitId: `noop-${label}-${i}` }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    }),
  );
  const c1 = cpuMark();
  await waitUntil(
    `${count} no-op workflows to complete`,
    async () => (await ctx.client.workflow.count(NOOP_COMPLETED)).count >= completedBefore + count,
    // Each count scans the dev server's SQLite visibility store: ask once a second only.
    { timeoutMs: doneTimeout(count), intervalMs: 1_000 },
  );
  const c2 = cpuMark();
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

async function phaseB(ctx: Part1, label: string, unitIds: string[]): Promise<PhaseResult> {
  const doneBefore = ctx.activitiesDone();
  const c0 = cpuMark();
  await startObligations(ctx.client, TASK_QUEUE, unitIds, { concurrency: ctx.concurrency });
  const c1 = cpuMark();
  await waitUntil(
    `${unitIds.length} obligations to run planCadencePeriod and sit on a timer`,
    () => {
      const s = ctx.worker.getStatus();
      return (
        ctx.activitiesDone() >= doneBefore + unitIds.length &&
        s.numInFlightActivities === 0 &&
        s.numInFlightWorkflowActivations === 0
      );
    },
    { timeoutMs: doneTimeout(unitIds.length), intervalMs: 100, stableFor: 3 },
  );
  const c2 = cpuMark();
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
    check: await checkOnTimers(ctx.client, unitIds),
  };
}

function describePhase(r: PhaseResult): string {
  const what = r.phase === 'A' ? 'no-op starts' : 'obligation starts';
  const done = r.phase === 'A' ? 'all completed' : 'all planned and on timers';
  const cpu = (c: CpuUse) =>
    `bench process ${fmt(c.self, 2)}` +
    (c.server === undefined ? '' : `, dev server ${fmt(c.server, 2)}`) +
    (c.others === undefined ? '' : `, other processes ${fmt(c.others, 2)}`);
  const check = r.check ? `; sample ${r.check.onTimer}/${r.check.checked} on timers` : '';
  return (
    `${r.label} ${r.count} ${what} in ${fmt(r.startSeconds)} s = ${fmt(r.startsPerSecond, 0)}/s; ${done} after ` +
    `${fmt(r.doneSeconds)} s${check}\n      CPU cores during starts: ${cpu(r.cpuDuringStarts)}; ` +
    `after, until done: ${cpu(r.cpuAfterStarts)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Part 2: worker memory, in a child process

class WorkerProcess {
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
  check: { checked: number; onTimer: number; historyLengths: number[] };
  workerWarnings: number;
  logFile: string;
}

/** How long the worker is left alone before each reading. */
const SETTLE_MS = 5_000;

async function measureWorkerMemory(
  client: Client,
  temporalAddress: string,
  smtpUrl: string,
  opts: Options,
  workDir: string,
  cleanups: (() => Promise<void> | void)[],
): Promise<MemoryResult> {
  say('Part 2: throwaway PostgreSQL database, migrations');
  const pg = await createTestPostgresDatabase();
  cleanups.push(() => pg.drop());
  const db = await openDatabase({ kind: 'postgres', url: pg.url });
  cleanups.push(() => db.close());
  await applyMigrations(db);
  say(`Part 2: registering ${opts.units} community units in PostgreSQL`);
  const unitIds = await registerCommunities(db, 'rss', opts.units);

  const logFile = path.join(workDir, 'worker-process.log');
  say(`Part 2: starting the worker process (bench/worker-process.ts; its output: ${logFile})`);
  const child = WorkerProcess.spawn(logFile);
  cleanups.push(() => child.stop());
  const ready = child.next('ready', 180_000);
  child.send({
    type: 'start',
    env: {
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: RSS_TASK_QUEUE,
      DATABASE_URL: pg.url,
      SMTP_URL: smtpUrl,
    },
    maxCachedWorkflows: opts.maxCachedWorkflows,
  });
  const { maxCachedWorkflows, heapLimit } = await ready;
  await sleep(SETTLE_MS);
  const idle = child.latest!;
  const idleAfterGc = await child.gc();
  say(`Part 2: worker idle, RSS ${fmt(mib(idle.rss), 0)} MiB; starting ${opts.units} obligations`);

  const t0 = performance.now();
  await startObligations(client, RSS_TASK_QUEUE, unitIds, { concurrency: opts.concurrency });
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
  const check = await checkOnTimers(client, unitIds);
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

// ---------------------------------------------------------------------------------------------

interface RateResult {
  phases: PhaseResult[];
  ratios: { name: string; value: number }[];
  /** The dev server's RSS at the end of part 1, if known. */
  serverRss: number | undefined;
}

async function measureStartRate(
  client: Client,
  target: { address: string; namespace: string },
  db: Database,
  mailer: Mailer,
  opts: Options,
  cleanups: (() => Promise<void> | void)[],
): Promise<RateResult> {
  const registerStart = performance.now();
  const warmupIds = await registerCommunities(db, 'warmup', opts.warmup);
  const roundIds: string[][] = [];
  for (let r = 1; r <= opts.rounds; r++) roundIds.push(await registerCommunities(db, `r${r}`, opts.units));
  const registerSeconds = seconds(performance.now() - registerStart);
  say(`Registered ${opts.warmup + opts.rounds * opts.units} community units in PGlite in ${fmt(registerSeconds)} s`);

  const connection = await connectWorker(target);
  cleanups.push(() => connection.close());
  const bundleStart = performance.now();
  const worker = await Worker.create({
    connection,
    namespace: NAMESPACE,
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities(activityDeps(db.prisma, mailer)),
  });
  const running = worker.run();
  let workerStopped = false;
  const stopWorker = async () => {
    if (workerStopped) return;
    workerStopped = true;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  };
  cleanups.push(stopWorker);
  say(`Bench worker polling '${TASK_QUEUE}' (bundle built in ${fmt(seconds(performance.now() - bundleStart))} s)`);
  const ctx: Part1 = {
    client,
    db,
    worker,
    activitiesDone: countFinishedActivities(worker),
    concurrency: opts.concurrency,
  };

  if (opts.warmup > 0) {
    say(`Warm-up (not reported): ${opts.warmup} no-op starts, ${opts.warmup} obligation starts`);
    await phaseA(ctx, 'warmup', opts.warmup);
    await phaseB(ctx, 'warmup', warmupIds);
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
        phase === 'A' ? await phaseA(ctx, `A${i}`, opts.units) : await phaseB(ctx, `B${i}`, roundIds[i - 1]!);
      phases.push(result);
      say(`  ${describePhase(result)}`);
    }
  }
  for (const b of phases.filter((p) => p.phase === 'B')) {
    const at = phases.indexOf(b);
    for (const a of [phases[at - 1]!, phases[at + 1]!]) {
      ratios.push({ name: `${b.label}/${a.label}`, value: b.startsPerSecond / a.startsPerSecond });
    }
  }
  await stopWorker();
  const serverRss = childProcessStats('temporal')?.rss;
  return { phases, ratios, serverRss };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const started = new Date();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cadence-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const parts = [
    opts.rate && `part 1 (start rate): phases ${phaseNames(opts.rounds)}, client concurrency ${opts.concurrency}`,
    opts.rss && 'part 2 (worker memory)',
  ].filter(Boolean);
  say(`Cadence engine bench, ${opts.units} units per phase: ${parts.join('; ')}`);
  say(`Machine: ${machine}`);

  try {
    const runtimeLog = installRuntimeLogger(path.join(workDir, 'worker-in-process.log'));
    cleanups.push(() => runtimeLog.close());

    const cliPath = await resolveTemporalCli(config, { install: true, log: (m) => say(m) });
    const server = await startDevServer({
      cliPath,
      port: await freePort(),
      uiPort: await freePort(),
      namespace: NAMESPACE,
      log: createLogger('warn', 'bench'),
    });
    cleanups.push(() => server.stop());
    const db = await openDatabase({ kind: 'pglite', dataDir: IN_MEMORY });
    cleanups.push(() => db.close());
    await applyMigrations(db);
    const mail = await startMail();
    cleanups.push(() => mail.close());
    const target = { address: server.address, namespace: NAMESPACE };
    const client = await connectClient(target);
    cleanups.push(() => client.connection.close());
    say(`Dev server (in memory) at ${server.address}, PGlite in memory, mail sink at ${mail.sink.smtpUrl}`);

    let rate: RateResult | undefined;
    if (opts.rate) rate = await measureStartRate(client, target, db, mail.mailer, opts, cleanups);

    let memory: MemoryResult | undefined;
    if (opts.rss) {
      memory = await measureWorkerMemory(client, server.address, mail.sink.smtpUrl, opts, workDir, cleanups);
    }

    // -------------------------------------------------------------------------------------------
    const lines: string[] = [];
    lines.push('');
    lines.push(
      `## Result (${started.toISOString().slice(0, 16)}Z, wall time ${fmt(seconds(performance.now() - wallStart), 0)} s)`,
    );
    lines.push('');
    lines.push(`command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd());
    lines.push(`code: ${codeVersion()}`);
    lines.push(`machine: ${machine}`);
    lines.push(`units: ${opts.units} per phase; client concurrency ${opts.concurrency}; warm-up ${opts.warmup}`);
    const table = (cells: string[]) => `| ${cells.join(' | ')} |`;
    if (rate) {
      const { phases, ratios } = rate;
      const ratio = median(ratios.map((r) => r.value));
      const others = (c: CpuUse) => (c.others === undefined ? '?' : fmt(c.others, 2));
      lines.push('');
      lines.push(
        table([
          'phase',
          'starts/s',
          'start loop (s)',
          'all done (s)',
          'CPU during starts: bench / dev server / others (cores)',
        ]),
      );
      lines.push(table(['---', '---:', '---:', '---:', '---:']));
      for (const p of phases) {
        const c = p.cpuDuringStarts;
        lines.push(
          table([
            `${p.label} ${p.phase === 'A' ? 'no-op' : 'obligations'}`,
            fmt(p.startsPerSecond, 0),
            fmt(p.startSeconds),
            fmt(p.doneSeconds),
            `${fmt(c.self, 2)} / ${c.server === undefined ? '?' : fmt(c.server, 2)} / ${others(c)}`,
          ]),
        );
      }
      lines.push('');
      lines.push(
        `B/A: ${ratios.map((r) => `${r.name} ${fmt(r.value, 2)}`).join(', ')}; median **${fmt(ratio, 2)}** ` +
          `(goal ≥ ${RATIO_GOAL}: ${ratio >= RATIO_GOAL ? 'met' : 'NOT met'})`,
      );
      if (rate.serverRss !== undefined) lines.push(`dev server RSS after part 1: ${fmt(mib(rate.serverRss), 0)} MiB`);
    }
    if (memory) {
      const m = memory;
      const delta = m.loaded.rss - m.idle.rss;
      lines.push('');
      const whatIf =
        opts.maxCachedWorkflows === undefined
          ? ''
          : ` — WHAT-IF: maxCachedWorkflows ${opts.maxCachedWorkflows}, not the SDK default`;
      lines.push(`worker process (createGovernanceWorker, PostgreSQL), ${m.count} obligations${whatIf}:`);
      lines.push('');
      lines.push(table(['reading', 'RSS MiB', 'V8 heap used MiB', 'external MiB', 'cached workflows']));
      lines.push(table(['---', '---:', '---:', '---:', '---:']));
      const row = (name: string, s: WorkerSample) =>
        table([name, fmt(mib(s.rss), 0), fmt(mib(s.heapUsed), 0), fmt(mib(s.external), 0), String(s.cachedWorkflows)]);
      lines.push(row('idle', m.idle));
      lines.push(row('idle, after full GC', m.idleAfterGc));
      lines.push(row(`${m.count} obligations on timers`, m.loaded));
      lines.push(row('same, after full GC', m.loadedAfterGc));
      lines.push('');
      lines.push(
        `RSS delta: ${fmt(mib(delta), 0)} MiB (goal ≤ ${fmt(mib(RSS_GOAL), 0)} MiB: ${delta <= RSS_GOAL ? 'met' : 'NOT met'}), ` +
          `peak RSS ${fmt(mib(m.peakRss), 0)} MiB; workflow cache limit ${m.maxCachedWorkflows} ` +
          (opts.maxCachedWorkflows === undefined
            ? `(WORKER_MAX_CACHED_WORKFLOWS, as npm run worker uses it; V8 heap limit ${fmt(mib(m.heapLimit), 0)} MiB)`
            : '(what-if)'),
      );
      lines.push(
        "(V8 heap used is the main thread's; cached workflows live in the workflow worker thread, seen in RSS only)",
      );
      lines.push(
        `obligation starts with the worker in its own process: ${fmt(m.startsPerSecond, 0)}/s; all on timers after ${fmt(m.doneSeconds)} s; ` +
          `sample ${m.check.onTimer}/${m.check.checked} on timers (history lengths ${m.check.historyLengths.join(', ')})`,
      );
      lines.push(`worker process WARN lines: ${m.workerWarnings} (log: ${m.logFile})`);
    }
    lines.push('');
    if (rate) {
      lines.push(`in-process worker log: ${runtimeLog.lines()} lines (${runtimeLog.file}); warnings:`);
      for (const [message, count] of runtimeLog.warnings().slice(0, 5)) lines.push(`  ${count} × ${message}`);
    }
    lines.push(`mail captured by the sink: ${mail.sink.messages().length} (notices due during the bench)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        process.stderr.write(`cleanup: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
