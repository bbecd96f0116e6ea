/**
 * Part `api` of `npm run bench`: the API under load (autocannon, pinned devDependency) on three
 * representative authenticated routes, each against a bare Express route that runs the same
 * Prisma queries (bench/api-server.ts, a child process), on PostgreSQL:
 *   GET /api/units?level=community                 the communities, first page (50);
 *   GET /api/supervision/figures?period=<year>     the year's figures per level;
 *   GET /api/agenda-items?currentUnitId=<community> a community's queue.
 * The record is a Donggang-sized tree (1 city, 3 streets, 21 communities, 92 compounds) with a
 * year of meetings (compounds monthly, the others quarterly), one agenda item per meeting, a
 * quarter of them escalated a level (some answered, some confirmed). The caller is a supervisor.
 *
 * Per route: warm-up, then the peak (autocannon, as fast as the connections are answered) in
 * phases F1 B1 F2 B2 (F: the service's route, B: the bare one), the ratio full ÷ bare for each
 * adjacent pair and their median; then each at half of its own peak, requests evenly spaced (an
 * open-loop load of the bench's own: autocannon's rate limit sends bursts, see `paced`), for the
 * latency percentiles; and the service once more at that rate through autocannon, for comparison. The CPU of the server process is given for every run: at the peak it should be
 * near one core (Node's one thread), else something else was the bottleneck.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import type { AgendaItemState, Prisma, PrismaClient } from '@prisma/client';
import { type NewUnit, registerUnits } from '../services/units';
import { DEFAULT_CADENCE_RULES } from '../domain/cadence';
import { addDays, periodOfDate, shanghaiDateOf } from '../domain/period';
import { signToken } from '../infra/auth';
import type { FromApiServer, ToApiServer } from './api-server';
import type { PartResult } from './cadence';
import { fmt, REPO_ROOT, row, say } from './common';
import type { BenchEnv } from './env';
import { median, processCpuSeconds, sleep } from './support';
import { percentile } from './common';
import type { UnitLevel } from '../domain/org';

/** Goals from the brief: full ≥ 0.5 × bare throughput; p99 ≤ 50 ms at half of the peak. */
const RATIO_GOAL = 0.5;
const P99_GOAL_MS = 50;

export interface ApiOptions {
  /** Seconds per autocannon run. */
  duration: number;
  connections: number;
}

// ---------------------------------------------------------------------------------------------
// The record

interface Seeded {
  token: string;
  year: string;
  queueUnitId: string;
  counts: { units: number; meetings: number; items: number; escalations: number; queue: number };
}

function donggangTree(): NewUnit[] {
  const unit = (code: string, name: string, level: UnitLevel, parentCode?: string): NewUnit => ({
    code,
    name,
    level,
    parentCode,
    convenerName: `${name}召集人`,
    convenerEmail: `${code}@bench.example`,
    locale: 'zh-CN',
  });
  const units: NewUnit[] = [unit('city', '东港市', 'city')];
  for (let s = 1; s <= 3; s++) units.push(unit(`street-${s}`, `第${s}街道`, 'street', 'city'));
  for (let c = 1; c <= 21; c++) {
    units.push(unit(`community-${c}`, `第${c}社区`, 'community', `street-${((c - 1) % 3) + 1}`));
  }
  for (let k = 1; k <= 92; k++) {
    units.push(unit(`compound-${k}`, `第${k}小区`, 'compound', `community-${((k - 1) % 21) + 1}`));
  }
  return units;
}

const ESCALATED_STATES: AgendaItemState[] = ['escalated', 'taken_up', 'answered', 'confirmed'];

export async function seed(prisma: PrismaClient, tokenSecret: string): Promise<Seeded> {
  const { units } = await registerUnits({ prisma, clock: () => new Date() }, { actor: 'bench' }, donggangTree());
  const today = shanghaiDateOf(Date.now());
  const year = today.slice(0, 4);
  const meetings: {
    id: string;
    unitId: string;
    heldOn: Date;
    periodKey: string;
    minutes: string;
    attendees: string[];
  }[] = [];
  for (const u of units) {
    const period = DEFAULT_CADENCE_RULES[u.level].period;
    for (let month = 1; month <= 12; month++) {
      if (period !== 'month' && month % 3 !== 2) continue; // the others: once a quarter
      const day = `${year}-${String(month).padStart(2, '0')}-10`;
      if (day > today) continue;
      meetings.push({
        id: randomUUID(),
        unitId: u.id,
        heldOn: new Date(`${day}T00:00:00Z`),
        periodKey: periodOfDate(day, period).key,
        minutes: `${u.name} ${day} 联席会议纪要：研究停车、加装电梯、环境整治等事项。`,
        attendees: [u.convenerName],
      });
    }
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const items: Prisma.AgendaItemCreateManyInput[] = [];
  const escalations: Prisma.EscalationCreateManyInput[] = [];
  const feedback: Prisma.FeedbackCreateManyInput[] = [];
  meetings.forEach((m, i) => {
    const u = byId.get(m.unitId)!;
    const day = m.heldOn.toISOString().slice(0, 10);
    const at = new Date(`${day}T10:00:00Z`);
    const itemId = randomUUID();
    const slot = i % 20; // 11 of 20 resolved, 4 open, 5 escalated (none at the city: nowhere to go)
    const escalate = slot >= 15 && u.parentId !== null;
    const state: AgendaItemState = escalate ? ESCALATED_STATES[i % 4]! : slot < 11 ? 'resolved' : 'open';
    const waitsAbove = state === 'escalated' || state === 'taken_up';
    items.push({
      id: itemId,
      meetingId: m.id,
      unitId: u.id,
      title: `议题 ${i + 1}：小区停车难`,
      description: '居民反映车位不足，夜间占用消防通道。',
      raisedBy: '居民代表',
      category: 'parking',
      state,
      currentUnitId: waitsAbove ? u.parentId! : u.id,
      resolution: state === 'resolved' ? '本级协调物业划线增设车位' : null,
      resolvedAt: state === 'resolved' ? at : null,
      closedAt: state === 'resolved' || state === 'confirmed' ? at : null,
      createdAt: at,
    });
    if (!escalate) return;
    const escalationId = randomUUID();
    const escalatedAt = new Date(`${addDays(day, 1)}T02:00:00Z`);
    escalations.push({
      id: escalationId,
      agendaItemId: itemId,
      hop: 1,
      fromUnitId: u.id,
      toUnitId: u.parentId!,
      what: '小区停车位不足',
      whyNotSolvable: '涉及周边道路规划',
      ask: '请上级协调城管、交警',
      minutes: m.minutes,
      sourceMeetingId: m.id,
      escalatedAt,
      escalatedBy: `convener:${u.code}`,
      scheduleBy: new Date(`${addDays(day, 15)}T00:00:00Z`),
      answerBy: new Date(`${addDays(day, 25)}T00:00:00Z`),
      roundStartedAt: escalatedAt,
      state: waitsAbove ? (state === 'escalated' ? 'pending' : 'taken_up') : 'answered',
    });
    if (waitsAbove) return;
    feedback.push({
      agendaItemId: itemId,
      escalationId,
      round: 0,
      outcome: 'resolved',
      text: '已协调交警在周边道路施划夜间停车位。',
      answeredBy: `convener:${byId.get(u.parentId!)!.code}`,
      answeredAt: new Date(`${addDays(day, 10)}T02:00:00Z`),
      ...(state === 'confirmed'
        ? {
            response: 'confirmed',
            respondedBy: `convener:${u.code}`,
            respondedAt: new Date(`${addDays(day, 12)}T02:00:00Z`),
          }
        : {}),
    });
  });
  await prisma.meeting.createMany({ data: meetings });
  await prisma.agendaItem.createMany({ data: items });
  await prisma.escalation.createMany({ data: escalations });
  await prisma.feedback.createMany({ data: feedback });

  // The community with the longest queue.
  const queues = await prisma.agendaItem.groupBy({
    by: ['currentUnitId'],
    where: { currentUnitId: { in: units.filter((u) => u.level === 'community').map((u) => u.id) } },
    _count: { _all: true },
  });
  const longest = queues.sort((a, b) => b._count._all - a._count._all)[0]!;
  const user = await prisma.user.create({
    data: { username: 'bench-supervisor', displayName: '基准 督查', role: 'supervisor' },
  });
  return {
    token: signToken(user.id, tokenSecret, 8 * 3600, Date.now()).token,
    year,
    queueUnitId: longest.currentUnitId,
    counts: {
      units: units.length,
      meetings: meetings.length,
      items: items.length,
      escalations: escalations.length,
      queue: longest._count._all,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The server process

class ApiServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static async start(
    logFile: string,
    databaseUrl: string,
    tokenSecret: string,
  ): Promise<{ server: ApiServerProcess; fullPort: number; barePort: number }> {
    const out = fs.openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'api-server.ts')], {
        cwd: REPO_ROOT,
        stdio: ['ignore', out, out, 'ipc'],
      });
    } finally {
      fs.closeSync(out);
    }
    const ready = new Promise<{ fullPort: number; barePort: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The bench API server did not start; see ${logFile}`)), 120_000);
      child.on('message', (m: FromApiServer) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m);
        }
        if (m.type === 'error') reject(new Error(`The bench API server failed: ${m.message}`));
      });
      child.once('exit', (code) => reject(new Error(`The bench API server exited (${code}); see ${logFile}`)));
    });
    const message: ToApiServer = { type: 'start', databaseUrl, tokenSecret };
    child.send(message);
    return { server: new ApiServerProcess(child, logFile), ...(await ready) };
  }

  cpuSeconds(): number | undefined {
    return this.child.pid === undefined ? undefined : processCpuSeconds(this.child.pid);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const message: ToApiServer = { type: 'stop' };
    this.child.send(message);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Load

interface LoadRun {
  label: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Cores the server process used. */
  serverCpu: number | undefined;
  /** Requests per second asked for; undefined: as fast as answered. */
  rate: number | undefined;
}

async function load(
  server: ApiServerProcess,
  label: string,
  url: string,
  token: string,
  opts: ApiOptions,
  rate?: number,
  duration = opts.duration,
): Promise<LoadRun> {
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration,
    headers: { authorization: `Bearer ${token}` },
    ...(rate === undefined ? {} : { overallRate: rate }),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = server.cpuSeconds();
  if (r.errors || r.timeouts || r.non2xx) {
    throw new Error(`${label} ${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers`);
  }
  return {
    label,
    rps: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    serverCpu: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / wall,
    rate,
  };
}

/**
 * An open-loop load at a fixed rate, requests evenly spaced (autocannon's rate limit sends each
 * connection's quota back to back at the start of every second, so its latency at a rate is
 * that of a burst at the peak). Latency runs from the instant a request was due to be sent, so
 * that a client falling behind counts against the server, not for it.
 */
async function paced(
  server: ApiServerProcess,
  label: string,
  url: string,
  token: string,
  rate: number,
  duration: number,
): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.max(1, Math.round(rate * duration));
  const latencies: number[] = [];
  let failures = 0;
  const cpu0 = server.cpuSeconds();
  const start = performance.now() + 20;
  await new Promise<void>((resolve) => {
    let sent = 0;
    let done = 0;
    const finish = () => {
      if (++done === total) resolve();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const due = start + (sent * 1000) / rate;
        sent++;
        const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) failures++;
            latencies.push(performance.now() - due);
            finish();
          });
        });
        req.on('error', () => {
          failures++;
          finish();
        });
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const wall = (performance.now() - start) / 1000;
  const cpu1 = server.cpuSeconds();
  agent.destroy();
  if (failures) throw new Error(`${label} ${url}: ${failures} of ${total} requests failed`);
  return {
    label,
    rps: total / wall,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    serverCpu: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / wall,
    rate,
  };
}

interface RouteResult {
  route: string;
  peaks: LoadRun[];
  ratios: { name: string; value: number }[];
  ratio: number;
  halfFull: LoadRun;
  halfBare: LoadRun;
  /** The service at half of its peak through autocannon's own rate limit (bursts each second). */
  halfFullBursty: LoadRun;
}

async function sameAnswer(fullUrl: string, bareUrl: string, token: string): Promise<void> {
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return JSON.stringify(await res.json());
  };
  const [full, bare] = [await get(fullUrl), await get(bareUrl)];
  if (full !== bare) throw new Error(`The bare route answers differently from ${fullUrl}:\n${full}\n${bare}`);
}

export async function measureApi(env: BenchEnv, opts: ApiOptions): Promise<PartResult> {
  say('API: throwaway PostgreSQL database, migrations, the record');
  const { url: databaseUrl, db } = await env.postgres();
  const tokenSecret = randomBytes(32).toString('hex');
  const seeded = await seed(db.prisma, tokenSecret);
  const c = seeded.counts;
  say(
    `API: ${c.units} units, ${c.meetings} meetings, ${c.items} agenda items, ${c.escalations} escalated; ` +
      `the longest queue holds ${c.queue} items`,
  );
  const logFile = path.join(env.workDir, 'api-server.log');
  const { server, fullPort, barePort } = await ApiServerProcess.start(logFile, databaseUrl, tokenSecret);
  env.onClose(() => server.stop());
  const full = `http://127.0.0.1:${fullPort}`;
  const bare = `http://127.0.0.1:${barePort}`;
  const routes = [
    { route: 'GET /api/units?level=community', full: '/api/units?level=community', bare: '/units?level=community' },
    {
      route: `GET /api/supervision/figures?period=${seeded.year}`,
      full: `/api/supervision/figures?period=${seeded.year}`,
      bare: `/figures?period=${seeded.year}`,
    },
    {
      route: 'GET /api/agenda-items?currentUnitId=<community>',
      full: `/api/agenda-items?currentUnitId=${seeded.queueUnitId}`,
      bare: `/agenda-items?currentUnitId=${seeded.queueUnitId}`,
    },
  ];

  const results: RouteResult[] = [];
  for (const r of routes) {
    const fullUrl = full + r.full;
    const bareUrl = bare + r.bare;
    await sameAnswer(fullUrl, bareUrl, seeded.token);
    say(
      `API ${r.route}: warm-up, then F1 B1 F2 B2 at the peak (${opts.connections} connections, ${opts.duration} s each)`,
    );
    await load(server, 'warm-up F', fullUrl, seeded.token, opts, undefined, 2);
    await load(server, 'warm-up B', bareUrl, seeded.token, opts, undefined, 2);
    const peaks: LoadRun[] = [];
    for (const label of ['F1', 'B1', 'F2', 'B2']) {
      const run = await load(server, label, label.startsWith('F') ? fullUrl : bareUrl, seeded.token, opts);
      peaks.push(run);
      say(
        `  ${label}: ${fmt(run.rps, 0)} req/s, p99 ${fmt(run.p99, 1)} ms, server CPU ${fmt(run.serverCpu ?? NaN, 2)}`,
      );
    }
    const [f1, b1, f2, b2] = peaks as [LoadRun, LoadRun, LoadRun, LoadRun];
    const ratios = [
      { name: 'F1/B1', value: f1.rps / b1.rps },
      { name: 'F2/B1', value: f2.rps / b1.rps },
      { name: 'F2/B2', value: f2.rps / b2.rps },
    ];
    const fullPeak = median([f1.rps, f2.rps]);
    const barePeak = median([b1.rps, b2.rps]);
    const fullHalf = Math.max(1, Math.round(fullPeak / 2));
    const bareHalf = Math.max(1, Math.round(barePeak / 2));
    await sleep(1_000);
    const halfFull = await paced(server, 'F half', fullUrl, seeded.token, fullHalf, opts.duration);
    const halfBare = await paced(server, 'B half', bareUrl, seeded.token, bareHalf, opts.duration);
    const halfFullBursty = await load(server, 'F half', fullUrl, seeded.token, opts, fullHalf);
    say(
      `  at half of the peak: full p99 ${fmt(halfFull.p99, 1)} ms (${fmt(halfFull.rps, 0)} req/s), ` +
        `bare p99 ${fmt(halfBare.p99, 1)} ms (${fmt(halfBare.rps, 0)} req/s)`,
    );
    results.push({
      route: r.route,
      peaks,
      ratios,
      ratio: median(ratios.map((x) => x.value)),
      halfFull,
      halfBare,
      halfFullBursty,
    });
  }
  await server.stop();

  const report: string[] = [];
  report.push(
    `API under load (autocannon ${opts.connections} connections, ${opts.duration} s per run; server in its own ` +
      `process on PostgreSQL; record: ${c.units} units, ${c.meetings} meetings, ${c.items} agenda items, ` +
      `${c.escalations} escalated, queue of ${c.queue}; caller: a supervisor):`,
  );
  report.push('');
  report.push(row(['route', 'run', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server CPU (cores)']));
  report.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const r of results) {
    const runs = [...r.peaks, r.halfFull, r.halfBare, r.halfFullBursty];
    for (const run of runs) {
      const who = run.label.startsWith('F') ? 'service' : 'bare';
      const name =
        run.rate === undefined
          ? `${run.label} (${who}, peak)`
          : run === r.halfFullBursty
            ? `${who} at ${run.rate} req/s, autocannon's rate limit (bursts)`
            : `${who} at ${run.rate} req/s (half of peak, evenly spaced)`;
      report.push(
        row([
          r.route,
          name,
          fmt(run.rps, 0),
          fmt(run.p50, 1),
          fmt(run.p90, 1),
          fmt(run.p99, 1),
          fmt(run.max, 1),
          run.serverCpu === undefined ? '?' : fmt(run.serverCpu, 2),
        ]),
      );
    }
  }
  report.push('');
  for (const r of results) {
    report.push(
      `${r.route}: service ÷ bare ${r.ratios.map((x) => `${x.name} ${fmt(x.value, 2)}`).join(', ')}; ` +
        `median **${fmt(r.ratio, 2)}** (goal ≥ ${RATIO_GOAL}); p99 at half of the peak ${fmt(r.halfFull.p99, 1)} ms ` +
        `(goal ≤ ${P99_GOAL_MS} ms; bare route ${fmt(r.halfBare.p99, 1)} ms; through autocannon's bursts ` +
        `${fmt(r.halfFullBursty.p99, 1)} ms)`,
    );
  }
  const figures = results.flatMap((r) => [
    {
      part: 'api',
      figure: `${r.route}: service ÷ bare route, peak req/s`,
      value: `${fmt(r.ratio, 2)}× (${fmt(median([r.peaks[0]!.rps, r.peaks[2]!.rps]), 0)} vs ${fmt(median([r.peaks[1]!.rps, r.peaks[3]!.rps]), 0)} req/s)`,
      goal: `≥ ${RATIO_GOAL}×`,
      met: r.ratio >= RATIO_GOAL,
    },
    {
      part: 'api',
      figure: `${r.route}: p99 at half of the peak (${r.halfFull.rate} req/s)`,
      value: `${fmt(r.halfFull.p99, 1)} ms (p50 ${fmt(r.halfFull.p50, 1)}; bare route p99 ${fmt(r.halfBare.p99, 1)})`,
      goal: `≤ ${P99_GOAL_MS} ms`,
      met: r.halfFull.p99 <= P99_GOAL_MS,
    },
  ]);
  return { figures, report };
}
