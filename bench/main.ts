/**
 * `npm run bench` — the service's benchmarks. A measurement, not a test: it never fails on a
 * figure, only on a broken setup, and nothing in CI runs it. Its figures are ratios and
 * percentiles taken in one run, with the phases compared interleaved, so the machine matters
 * less than usual; the CPU used by other processes is printed where it could disturb a figure.
 *
 *   npm run bench                                everything on the dev server, full size (~28 min on 2 cores)
 *   npm run bench -- --servers dev,cluster --only start-rate,reminders,growth,rss,open
 *                                                the Temporal parts on the dev server, then on the cluster
 *   npm run bench -- --only api,prisma           some parts (names below)
 *   npm run bench -- --units 2000 --reminders 300 --growth-large 3000 --api-duration 5   quick
 *
 * Parts, in the order they run:
 *   prisma      Prisma vs the raw driver (pg; PGlite's query), p50 of the same query  bench/driver.ts
 *   api         autocannon on three authenticated routes vs bare Express routes       bench/api.ts
 *   start-rate  obligation starts vs no-op workflow starts                             bench/cadence.ts
 *   reminders   reminder due → SMTP accepted, p50/p99 over N reminders                bench/reminders.ts
 *   growth      time per unit importing 1,000 vs 10,000 units                         bench/growth.ts
 *   rss         worker RSS with N obligations on timers, vs idle                      bench/cadence.ts
 *   open        100,000 open obligations: time per obligation, worker RSS, PostgreSQL  bench/open-obligations.ts
 *               size per obligation (the cluster only)
 *
 * The Temporal parts (start-rate … open) run once per server of --servers (dev: the CLI's dev
 * server in memory; cluster: the Temporal server on PostgreSQL, as `npm run cluster` starts it),
 * one server after the other, each fresh; the summary then sets their figures side by side.
 *
 * Results: docs/PERFORMANCE.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureApi } from './api';
import { type CadenceOptions, measureStartRate, measureWorkerMemory, type PartResult, phaseNames } from './cadence';
import { codeVersion, type Figure, fmt, machineDescription, row, say, wallSeconds } from './common';
import { measurePrismaVsDriver } from './driver';
import { type BenchServer, BenchEnv, SERVER_KINDS, type ServerKind } from './env';
import { measureGrowth } from './growth';
import { measureOpenObligations } from './open-obligations';
import { measureReminderLatency } from './reminders';

const PARTS = ['prisma', 'api', 'start-rate', 'reminders', 'growth', 'rss', 'open'] as const;
type Part = (typeof PARTS)[number];
/** The parts that run against a Temporal server, once per server of --servers. */
const TEMPORAL_PARTS: readonly Part[] = ['start-rate', 'reminders', 'growth', 'rss', 'open'];
/** The parts a server kind runs (the open part measures the cluster's PostgreSQL). */
const runsOn = (part: Part, kind: ServerKind) => part !== 'open' || kind === 'cluster';

interface Options extends CadenceOptions {
  parts: Part[];
  servers: ServerKind[];
  noticeHour: boolean;
  open: number;
  openSmall: number;
  reminders: number;
  reminderSpread: number;
  apiDuration: number;
  apiConnections: number;
  driverIterations: number;
  driverUnits: number;
  growthSmall: number;
  growthLarge: number;
}

const USAGE = `usage: npm run bench -- [options]
  --only PART[,PART…]        ${PARTS.join(', ')} (default: all but open, in this order)
  --servers KIND[,KIND…]     the Temporal servers of the Temporal parts: dev, cluster (default: dev)
  --open N (100000)          open: open obligations after the large phase
  --open-small N (10000)     open: the small phases before and after it
  --no-notice-hour           reminders: leave out the notice-hour schedule (it takes 10 min)
  --units N (10000)          start-rate: obligations per phase; rss: obligations
  --rounds N (1)             start-rate: N obligation phases, each between two no-op phases
  --concurrency N (16)       client start concurrency (startObligations' default)
  --warmup N (200)           start-rate: untimed warm-up starts of each kind
  --max-cached-workflows N   rss, reminders: what-if, the worker process with this workflow cache limit
  --reminders N (1000)       reminders: per schedule (spread, burst)
  --reminder-spread S (30)   reminders: seconds over which the spread schedule's reminders fall due
  --api-duration S (10)      api: seconds per autocannon run
  --api-connections N (10)   api: autocannon connections
  --driver-iterations N (2000)  prisma: calls per variant and query
  --driver-units N (1000)    prisma: units in the table
  --growth-small N (1000)    growth: the small import
  --growth-large N (10000)   growth: the large import
  --skip-rate, --skip-rss    leave out start-rate / rss (older spelling of --only)`;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      servers: { type: 'string' },
      open: { type: 'string' },
      'open-small': { type: 'string' },
      'no-notice-hour': { type: 'boolean' },
      units: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      'max-cached-workflows': { type: 'string' },
      reminders: { type: 'string' },
      'reminder-spread': { type: 'string' },
      'api-duration': { type: 'string' },
      'api-connections': { type: 'string' },
      'driver-iterations': { type: 'string' },
      'driver-units': { type: 'string' },
      'growth-small': { type: 'string' },
      'growth-large': { type: 'string' },
      'skip-rate': { type: 'boolean' },
      'skip-rss': { type: 'boolean' },
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
  const only = (values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean);
  for (const name of only) {
    if (!(PARTS as readonly string[]).includes(name)) throw new Error(`--only: no part '${name}'\n${USAGE}`);
  }
  const servers = (values.servers ?? 'dev').split(',').filter(Boolean);
  for (const name of servers) {
    if (!(SERVER_KINDS as readonly string[]).includes(name))
      throw new Error(`--servers: no server '${name}'\n${USAGE}`);
  }
  const parts = PARTS.filter(
    (p) =>
      (only.length === 0 ? p !== 'open' : only.includes(p)) &&
      !(p === 'start-rate' && values['skip-rate']) &&
      !(p === 'rss' && values['skip-rss']),
  );
  const open = int('open', values.open, 100_000, 2);
  return {
    parts,
    servers: [...new Set(servers)] as ServerKind[],
    noticeHour: !values['no-notice-hour'],
    open,
    openSmall: int('open-small', values['open-small'], Math.min(10_000, Math.floor(open / 2)), 1),
    units: int('units', values.units, 10_000, 1),
    rounds: int('rounds', values.rounds, 1, 1),
    concurrency: int('concurrency', values.concurrency, 16, 1),
    warmup: int('warmup', values.warmup, 200, 0),
    maxCachedWorkflows:
      values['max-cached-workflows'] === undefined
        ? undefined
        : int('max-cached-workflows', values['max-cached-workflows'], 0, 0),
    reminders: int('reminders', values.reminders, 1000, 1),
    reminderSpread: int('reminder-spread', values['reminder-spread'], 30, 0),
    apiDuration: int('api-duration', values['api-duration'], 10, 1),
    apiConnections: int('api-connections', values['api-connections'], 10, 1),
    driverIterations: int('driver-iterations', values['driver-iterations'], 2000, 1),
    driverUnits: int('driver-units', values['driver-units'], 1000, 50),
    growthSmall: int('growth-small', values['growth-small'], 1000, 1),
    growthLarge: int('growth-large', values['growth-large'], 10_000, 1),
  };
}

async function runPart(part: Part, env: BenchEnv, opts: Options): Promise<PartResult> {
  switch (part) {
    case 'prisma':
      return measurePrismaVsDriver(env, { iterations: opts.driverIterations, units: opts.driverUnits });
    case 'api':
      return measureApi(env, { duration: opts.apiDuration, connections: opts.apiConnections });
    case 'start-rate':
      return measureStartRate(env, opts);
    case 'reminders':
      return measureReminderLatency(env, {
        reminders: opts.reminders,
        spreadSeconds: opts.reminderSpread,
        concurrency: opts.concurrency,
        maxCachedWorkflows: opts.maxCachedWorkflows,
        noticeHour: opts.noticeHour,
      });
    case 'growth':
      return measureGrowth(env, { small: opts.growthSmall, large: opts.growthLarge, concurrency: opts.concurrency });
    case 'rss': {
      // The in-process worker of the other parts is idle by now; stop it so that it takes no CPU.
      await (await env.temporal()).stopWorker();
      return measureWorkerMemory(env, opts);
    }
    case 'open':
      return measureOpenObligations(env, { open: opts.open, small: opts.openSmall, concurrency: opts.concurrency });
  }
}

interface Ran {
  part: Part;
  /** The Temporal server a Temporal part ran on. */
  server: BenchServer | undefined;
  result: PartResult;
  seconds: number;
}

/** Runs the parts: those without Temporal once, then the Temporal ones per server, each server fresh. */
async function runAll(
  workDir: string,
  opts: Options,
): Promise<{ results: Ran[]; envs: BenchEnv[]; failures: string[] }> {
  const results: Ran[] = [];
  /** A part that fails is reported and the run goes on, so that the other parts' figures are kept. */
  const failures: string[] = [];
  /** Closed already; kept for their runtime log. */
  const envs: BenchEnv[] = [];
  const runIn = async (env: BenchEnv, part: Part, onServer: boolean) => {
    const t0 = wallSeconds();
    const name = `${part}${onServer ? ` (${env.serverKind})` : ''}`;
    say(`── ${name} ──`);
    let result: PartResult;
    try {
      result = await runPart(part, env, opts);
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      say(`${name} FAILED: ${message}`);
      failures.push(name);
      result = { figures: [], report: ['**FAILED**:', '', '```', message, '```'] };
    }
    const server = onServer ? (await env.temporal()).server : undefined;
    results.push({ part, server, result, seconds: wallSeconds() - t0 });
  };
  const plain = new BenchEnv(workDir);
  try {
    for (const part of opts.parts.filter((p) => !TEMPORAL_PARTS.includes(p))) await runIn(plain, part, false);
  } finally {
    await plain.close();
  }
  for (const kind of opts.servers) {
    const parts = opts.parts.filter((p) => TEMPORAL_PARTS.includes(p) && runsOn(p, kind));
    if (!parts.length) continue;
    const env = new BenchEnv(workDir, kind);
    envs.push(env);
    try {
      for (const part of parts) await runIn(env, part, true);
    } finally {
      await env.close();
    }
  }
  return { results, envs, failures };
}

/** Figures of the same part and place on each server, one row per figure: the side-by-side table. */
function sideBySide(results: Ran[], servers: ServerKind[]): string[] {
  const byServer = new Map<ServerKind, Map<Part, Figure[]>>();
  const names = new Map<ServerKind, string>();
  for (const r of results) {
    if (!r.server) continue;
    names.set(r.server.kind, r.server.name);
    const parts = byServer.get(r.server.kind) ?? new Map<Part, Figure[]>();
    parts.set(r.part, r.result.figures);
    byServer.set(r.server.kind, parts);
  }
  const lines = [row(['part', 'figure', ...servers.map((k) => names.get(k) ?? k), 'goal'])];
  lines.push(row(['---', '---', ...servers.map(() => '---'), '---']));
  for (const part of TEMPORAL_PARTS) {
    const rows = Math.max(0, ...servers.map((k) => byServer.get(k)?.get(part)?.length ?? 0));
    for (let i = 0; i < rows; i++) {
      const cells = servers.map((k) => byServer.get(k)?.get(part)?.[i]);
      const first = cells.find(Boolean)!;
      const mark = (f: Figure | undefined) =>
        f === undefined ? '—' : `${f.value}${f.met === undefined ? '' : f.met ? '' : ' (**not met**)'}`;
      lines.push(row([part, first.figure, ...cells.map(mark), first.goal]));
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = new Date();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const machine = machineDescription();
  say(`Bench: ${opts.parts.join(', ')} (work files: ${workDir})`);
  say(`Machine: ${machine}`);
  fs.chmodSync(workDir, 0o755); // the cluster's PostgreSQL runs as the postgres user when we are root
  let envs: BenchEnv[] = [];
  try {
    const ran = await runAll(workDir, opts);
    const results = ran.results;
    envs = ran.envs;

    const lines: string[] = [''];
    lines.push(`## Result (${started.toISOString().slice(0, 16)}Z, wall time ${fmt(wallSeconds(), 0)} s)`);
    lines.push('');
    lines.push(`command: npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`);
    lines.push(`code: ${codeVersion()}`);
    lines.push(`machine: ${machine}`);
    const sizes = [
      opts.parts.includes('start-rate') &&
        `start-rate ${opts.units} per phase (${phaseNames(opts.rounds)}), warm-up ${opts.warmup}`,
      opts.parts.includes('rss') && `rss ${opts.units}`,
      opts.parts.includes('reminders') && `reminders ${opts.reminders} per schedule, spread ${opts.reminderSpread} s`,
      opts.parts.includes('api') && `api ${opts.apiConnections} connections × ${opts.apiDuration} s`,
      opts.parts.includes('prisma') && `prisma ${opts.driverIterations} calls, ${opts.driverUnits} units`,
      opts.parts.includes('growth') && `growth ${opts.growthSmall} / ${opts.growthLarge}`,
      opts.parts.includes('open') && `open ${opts.openSmall} / ${opts.open} / ${opts.openSmall}`,
    ].filter(Boolean);
    lines.push(`Temporal parts on: ${opts.servers.join(', ')}`);
    lines.push(`sizes: ${sizes.join('; ')}; client concurrency ${opts.concurrency}`);
    for (const { part, server, result, seconds } of results) {
      lines.push('');
      lines.push(`### ${part}${server ? ` — ${server.name}` : ''} (${fmt(seconds, 0)} s)`);
      lines.push('');
      lines.push(...result.report);
    }
    const runtimeLog = envs.find((e) => e.runtimeLog)?.runtimeLog;
    if (runtimeLog) {
      lines.push('');
      lines.push(`in-process worker log: ${runtimeLog.lines()} lines (${runtimeLog.file}); warnings:`);
      for (const [message, count] of runtimeLog.warnings().slice(0, 5)) lines.push(`  ${count} × ${message}`);
    }
    if (opts.servers.length > 1) {
      lines.push('');
      lines.push('### Side by side');
      lines.push('');
      lines.push(...sideBySide(results, opts.servers));
    }

    const figures: Figure[] = results.flatMap((r) =>
      r.result.figures.map((f) => (r.server ? { ...f, part: `${f.part} (${r.server.kind})` } : f)),
    );
    lines.push('');
    lines.push('### Summary');
    lines.push('');
    lines.push(row(['part', 'figure', 'measured', 'goal', 'met']));
    lines.push(row(['---', '---', '---', '---', '---']));
    for (const f of figures) {
      lines.push(row([f.part, f.figure, f.value, f.goal, f.met === undefined ? '' : f.met ? 'yes' : '**no**']));
    }
    const report = `${lines.join('\n')}\n`;
    fs.writeFileSync(path.join(workDir, 'result.md'), report);
    process.stdout.write(report);
    say(`(also in ${path.join(workDir, 'result.md')})`);
    if (ran.failures.length) throw new Error(`failed: ${ran.failures.join(', ')} (see above)`);
  } finally {
    for (const env of envs) await env.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
