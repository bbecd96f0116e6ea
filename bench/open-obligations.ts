/**
 * Part `open` of `npm run bench`: 100,000 open obligations on the cluster. Does the time per
 * obligation stay flat from 10,000 to 100,000, does the worker's memory stay bounded (its workflow
 * cache is), and how much does the cluster's PostgreSQL hold per obligation?
 *
 * The real worker (createGovernanceWorker, composed as `npm run worker`: PostgreSQL, SMTP, the
 * workflow cache limit WORKER_MAX_CACHED_WORKFLOWS) alone in a child process
 * (bench/worker-process.ts), a throwaway service database on the local PostgreSQL, the Temporal
 * server of the BenchEnv. Phases, each timed from the first start until every obligation of the
 * phase has run planCadencePeriod and the worker is idle:
 *   S1  `small` obligations        (0 → small open of this part)
 *   L   `open − small` obligations (→ `open`: 100,000)
 *   S2  `small` obligations        (→ open + small), so that drift shows on both sides of L
 * L's time per obligation is compared with the mean of S1's and S2's. The units are registered
 * before each phase (setup, not timed). Worker RSS is read idle, and with `open` obligations on
 * their timers (also after a full GC). The Temporal databases' size (pg_database_size of
 * `temporal` and `temporal_visibility`) is read before S1 and after S2.
 */
import path from 'node:path';
import pg from 'pg';
import { startMeetingObligations } from '../obligations/meeting-cadence';
import { type PartResult, WorkerProcess } from './cadence';
import {
  checkOnTimers,
  cpuBetween,
  cpuCells,
  cpuMark,
  cpuServerLabel,
  type CpuUse,
  fmt,
  registerCommunities,
  row,
  say,
  seconds,
} from './common';
import type { BenchEnv, TemporalEnv } from './env';
import type { WorkerSample } from './protocol';
import { mib, sleep, waitUntil } from './support';

/** Goals from the issue: time per obligation ≤ 1.2 × the small phases'; worker RSS ≤ idle + 1 GiB. */
const GROWTH_GOAL = 1.2;
const RSS_GOAL = 2 ** 30;
const OPEN_TASK_QUEUE = 'bench-open';
const SETTLE_MS = 5_000;
const TEMPORAL_DATABASES = ['temporal', 'temporal_visibility'] as const;

export interface OpenOptions {
  /** Open obligations after phase L. */
  open: number;
  /** Obligations of S1 and of S2. */
  small: number;
  concurrency: number;
}

interface OpenPhase {
  label: string;
  count: number;
  /** Open obligations of this part when the phase ended. */
  openAfter: number;
  startsPerSecond: number;
  doneSeconds: number;
  onTimers: string;
  cpu: CpuUse;
  workerCores: number | undefined;
}

async function databaseSizes(adminUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const sizes: Record<string, number> = {};
    for (const name of TEMPORAL_DATABASES) {
      const r = await client.query<{ size: string }>('SELECT pg_database_size($1)::text AS size', [name]);
      sizes[name] = Number(r.rows[0]!.size);
    }
    return sizes;
  } finally {
    await client.end();
  }
}

async function runPhase(
  t: TemporalEnv,
  child: WorkerProcess,
  opts: OpenOptions,
  label: string,
  unitIds: string[],
  openAfter: number,
): Promise<OpenPhase> {
  await sleep(2_000);
  const before = child.latest!.activitiesDone;
  const c0 = cpuMark(t.server);
  const w0 = child.cpuSeconds();
  await startMeetingObligations({ temporal: t.client, taskQueue: OPEN_TASK_QUEUE }, unitIds, {
    concurrency: opts.concurrency,
  });
  const c1 = cpuMark(t.server);
  await waitUntil(
    `${unitIds.length} obligations to run planCadencePeriod in the worker process`,
    () => {
      const s = child.latest!;
      return s.activitiesDone >= before + unitIds.length && s.inFlightActivities === 0 && s.inFlightActivations === 0;
    },
    { timeoutMs: 300_000 + unitIds.length * 60, intervalMs: 250, stableFor: 3 },
  );
  const c2 = cpuMark(t.server);
  const w1 = child.cpuSeconds();
  const check = await checkOnTimers(t.client, unitIds);
  const phase: OpenPhase = {
    label,
    count: unitIds.length,
    openAfter,
    startsPerSecond: unitIds.length / seconds(c1.at - c0.at),
    doneSeconds: seconds(c2.at - c0.at),
    onTimers: `${check.onTimer}/${check.checked}`,
    cpu: cpuBetween(c0, c2),
    workerCores: w0 === undefined || w1 === undefined ? undefined : (w1 - w0) / seconds(c2.at - c0.at),
  };
  say(
    `  ${label}: ${phase.count} obligations started at ${fmt(phase.startsPerSecond, 0)}/s, all on timers after ` +
      `${fmt(phase.doneSeconds)} s (${fmt((1000 * phase.doneSeconds) / phase.count, 2)} ms per obligation); ` +
      `worker RSS ${fmt(mib(child.latest!.rss), 0)} MiB`,
  );
  return phase;
}

interface OpenRun {
  phases: OpenPhase[];
  openBefore: number;
  idle: WorkerSample;
  loaded: WorkerSample;
  loadedAfterGc: WorkerSample;
  peakRss: number;
  maxCachedWorkflows: number;
  sizesBefore: Record<string, number>;
  sizesAfter: Record<string, number>;
  logFile: string;
}

async function runOpen(env: BenchEnv, t: TemporalEnv, adminUrl: string, opts: OpenOptions): Promise<OpenRun> {
  const openBefore = (await t.client.workflow.count(`ExecutionStatus = 'Running'`)).count;
  say(`Open obligations: ${openBefore} workflows already running on the server; throwaway PostgreSQL database`);
  const { url, db } = await env.postgres();
  const logFile = path.join(env.workDir, `worker-process-open-${t.server.kind}.log`);
  const {
    child,
    ready: { maxCachedWorkflows },
  } = await WorkerProcess.launch(env, t, { logFile, taskQueue: OPEN_TASK_QUEUE, databaseUrl: url });
  await sleep(SETTLE_MS);
  const idle = child.latest!;
  const sizesBefore = await databaseSizes(adminUrl);
  const plan = [
    { label: 'S1', count: opts.small },
    { label: 'L', count: opts.open - opts.small },
    { label: 'S2', count: opts.small },
  ];
  const phases: OpenPhase[] = [];
  let open = 0;
  let loaded: WorkerSample | undefined;
  let loadedAfterGc: WorkerSample | undefined;
  for (const { label, count } of plan) {
    say(`Open obligations ${label}: registering ${count} community units in PostgreSQL (not timed)`);
    const unitIds = await registerCommunities(db, `open-${label.toLowerCase()}`, count);
    open += count;
    phases.push(await runPhase(t, child, opts, label, unitIds, open));
    if (label === 'L') {
      await sleep(SETTLE_MS);
      loaded = child.latest!;
      loadedAfterGc = await child.gc();
    }
  }
  const sizesAfter = await databaseSizes(adminUrl);
  const peakRss = child.peakRss;
  await child.stop();
  return {
    phases,
    openBefore,
    idle,
    loaded: loaded!,
    loadedAfterGc: loadedAfterGc!,
    peakRss,
    maxCachedWorkflows,
    sizesBefore,
    sizesAfter,
    logFile,
  };
}

export async function measureOpenObligations(env: BenchEnv, opts: OpenOptions): Promise<PartResult> {
  const t = await env.temporal();
  const adminUrl = t.server.postgresAdminUrl;
  if (!adminUrl) {
    return {
      figures: [],
      report: [`(not run on the ${t.server.name}: this part measures the cluster's PostgreSQL)`],
    };
  }
  const r = await runOpen(env, t, adminUrl, opts);
  const [s1, l, s2] = r.phases as [OpenPhase, OpenPhase, OpenPhase];
  const perObligationMs = (p: OpenPhase) => (1000 * p.doneSeconds) / p.count;
  const ratio = perObligationMs(l) / ((perObligationMs(s1) + perObligationMs(s2)) / 2);
  const delta = r.loaded.rss - r.idle.rss;
  const added = r.phases.reduce((n, p) => n + p.count, 0);
  const bytesBefore = TEMPORAL_DATABASES.reduce((n, d) => n + r.sizesBefore[d]!, 0);
  const bytesAfter = TEMPORAL_DATABASES.reduce((n, d) => n + r.sizesAfter[d]!, 0);
  const perObligation = (bytesAfter - bytesBefore) / added;

  const report: string[] = [];
  report.push(
    `Open obligations on the ${t.server.name}: the worker in its own process (npm run worker, PostgreSQL, ` +
      `workflow cache ${r.maxCachedWorkflows}); ${r.openBefore} workflows of the earlier parts were running before:`,
  );
  report.push('');
  report.push(
    row([
      'phase',
      'obligations',
      'open after',
      'starts/s',
      'all on timers (s)',
      'ms per obligation',
      'sample on timers',
      `CPU: bench / ${cpuServerLabel(t.server.kind)} / others (cores)`,
      'worker process CPU (cores)',
    ]),
  );
  report.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const p of r.phases) {
    report.push(
      row([
        p.label,
        String(p.count),
        String(p.openAfter),
        fmt(p.startsPerSecond, 0),
        fmt(p.doneSeconds, 1),
        fmt(perObligationMs(p), 2),
        p.onTimers,
        cpuCells(p.cpu),
        p.workerCores === undefined ? '?' : fmt(p.workerCores, 2),
      ]),
    );
  }
  report.push('');
  report.push(`L ÷ mean(S1, S2), time per obligation: **${fmt(ratio, 2)}×** (goal ≤ ${GROWTH_GOAL}×)`);
  report.push(
    `worker RSS: idle ${fmt(mib(r.idle.rss), 0)} MiB; ${opts.open} obligations on timers ${fmt(mib(r.loaded.rss), 0)} MiB ` +
      `(after full GC ${fmt(mib(r.loadedAfterGc.rss), 0)}; cached workflows ${r.loaded.cachedWorkflows}), ` +
      `**+${fmt(mib(delta), 0)} MiB**, peak ${fmt(mib(r.peakRss), 0)} MiB (goal ≤ +${fmt(mib(RSS_GOAL), 0)} MiB)`,
  );
  const sizes = (s: Record<string, number>) => TEMPORAL_DATABASES.map((d) => `${d} ${fmt(mib(s[d]!), 0)}`).join(', ');
  report.push(
    `Temporal's PostgreSQL: before ${sizes(r.sizesBefore)} MiB; after ${sizes(r.sizesAfter)} MiB; ` +
      `**${fmt(perObligation / 1024, 1)} KiB per open obligation** (${added} added)`,
  );
  report.push(`worker process log: ${r.logFile}`);
  return {
    figures: [
      {
        part: 'open',
        figure: `time per obligation, ${opts.open - opts.small} (→ ${opts.open} open) ÷ ${opts.small}: until on timers`,
        value: `${fmt(ratio, 2)}× (${fmt(perObligationMs(l), 2)} vs ${fmt(perObligationMs(s1), 2)}/${fmt(perObligationMs(s2), 2)} ms)`,
        goal: `≤ ${GROWTH_GOAL}×`,
        met: ratio <= GROWTH_GOAL,
      },
      {
        part: 'open',
        figure: `worker RSS growth, idle → ${opts.open} open obligations (workflow cache ${r.maxCachedWorkflows})`,
        value: `+${fmt(mib(delta), 0)} MiB (${fmt(mib(r.idle.rss), 0)} → ${fmt(mib(r.loaded.rss), 0)} MiB, peak ${fmt(mib(r.peakRss), 0)})`,
        goal: `≤ +${fmt(mib(RSS_GOAL), 0)} MiB`,
        met: delta <= RSS_GOAL,
      },
      {
        part: 'open',
        figure: "Temporal's PostgreSQL (temporal + temporal_visibility) per open obligation",
        value: `${fmt(perObligation / 1024, 1)} KiB (${fmt(mib(bytesBefore), 0)} → ${fmt(mib(bytesAfter), 0)} MiB for ${added})`,
        goal: '(none)',
        met: undefined,
      },
    ],
    report,
  };
}
