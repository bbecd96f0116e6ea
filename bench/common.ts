/** Helpers of the bench's main process (bench/main.ts and its parts): output, CPU marks, units. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { type NewUnit, registerUnits } from '../services/units';
import type { Database } from '../infra/db';
import { machineCpuSeconds } from './support';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';

export const REPO_ROOT = path.resolve(__dirname, '..');

const wallStart = performance.now();
export const seconds = (ms: number) => ms / 1000;
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
export const wallSeconds = () => seconds(performance.now() - wallStart);

/** A progress line, with the time since the bench started. */
export function say(message: string): void {
  process.stdout.write(`[${fmt(wallSeconds()).padStart(6)} s] ${message}\n`);
}

/** A Markdown table row. */
export const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The p-th percentile (0–100) by nearest rank; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The commit measured, and whether the working tree had changes. */
export function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const dirty = git('status', '--porcelain').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

export function machineDescription(): string {
  const cpus = os.cpus();
  return (
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB RAM, ` +
    `${os.type()} ${os.release()}, Node ${process.version}`
  );
}

// ---------------------------------------------------------------------------------------------
// CPU use of this process, the Temporal server and the rest of the machine

export interface CpuMark {
  at: number;
  /** This process (client, in-process worker, PGlite), CPU seconds. */
  self: number;
  /** The Temporal server (the cluster's: with its PostgreSQL), CPU seconds (undefined off Linux or when it is not running). */
  server: number | undefined;
  /** Every process on the machine, CPU seconds (undefined off Linux). */
  machine: number | undefined;
}

export function cpuMark(server: { cpuSeconds(): number | undefined }): CpuMark {
  const u = process.cpuUsage();
  return {
    at: performance.now(),
    self: (u.user + u.system) / 1e6,
    server: server.cpuSeconds(),
    machine: machineCpuSeconds(),
  };
}

export interface CpuUse {
  /** In cores (1.0 = one core busy all the time). */
  self: number;
  server: number | undefined;
  /** Everything else on the machine: another test run, say. Noise when well above 0. */
  others: number | undefined;
}

export function cpuBetween(a: CpuMark, b: CpuMark): CpuUse {
  const wall = seconds(b.at - a.at);
  const self = (b.self - a.self) / wall;
  const server = a.server === undefined || b.server === undefined ? undefined : (b.server - a.server) / wall;
  const machine = a.machine === undefined || b.machine === undefined ? undefined : (b.machine - a.machine) / wall;
  const others = machine === undefined ? undefined : Math.max(0, machine - self - (server ?? 0));
  return { self, server, others };
}

/** What the middle CPU column counts: the dev server, or the cluster's server and its PostgreSQL. */
export const cpuServerLabel = (kind: 'dev' | 'cluster') =>
  kind === 'dev' ? 'dev server' : 'Temporal server + PostgreSQL';

/** "0.42 / 1.26 / 0.00": bench / Temporal server / others, in cores. */
export function cpuCells(c: CpuUse): string {
  const q = (n: number | undefined) => (n === undefined ? '?' : fmt(n, 2));
  return `${fmt(c.self, 2)} / ${q(c.server)} / ${q(c.others)}`;
}

// ---------------------------------------------------------------------------------------------
// Units and obligations

const REGISTER_BATCH = 1000;

export function communities(prefix: string, count: number): NewUnit[] {
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

/** Registers `count` community units in batches of 1,000 (setup, not timed); returns their IDs. */
export async function registerCommunities(db: Database, prefix: string, count: number): Promise<string[]> {
  const units = communities(prefix, count);
  const ids: string[] = [];
  for (let i = 0; i < units.length; i += REGISTER_BATCH) {
    const result = await registerUnits(
      { prisma: db.prisma, clock: () => new Date() },
      { actor: 'bench' },
      units.slice(i, i + REGISTER_BATCH),
    );
    ids.push(...result.units.map((u) => u.id));
  }
  return ids;
}

export interface TimerCheck {
  checked: number;
  onTimer: number;
  historyLengths: number[];
}

/** A random sample of obligations, each expected to be running, with no pending activity or task. */
export async function checkOnTimers(client: Client, unitIds: string[], size = 20): Promise<TimerCheck> {
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

/** One line of the summary table: a figure, its goal, and whether the goal was met. */
export interface Figure {
  part: string;
  figure: string;
  value: string;
  goal: string;
  /** undefined: no goal (context only). */
  met: boolean | undefined;
}
