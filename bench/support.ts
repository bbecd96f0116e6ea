/** Small helpers shared by the bench's parent and child processes. */
import fs from 'node:fs';
import type { Worker } from '@temporalio/worker';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Counts finished activities (completed, failed or cancelled) from the worker's own in-flight
 * gauge: every decrement is one activity finished. No wrapping of the activities needed.
 */
export function countFinishedActivities(worker: Worker): () => number {
  let finished = 0;
  let last = 0;
  worker.numInFlightActivities$.subscribe((n) => {
    if (n < last) finished += last - n;
    last = n;
  });
  return () => finished;
}

/**
 * Start `count` things with at most `concurrency` in flight: the same pool as
 * startObligations (api/unit-registry.ts), so phases A and B differ only in what is started.
 */
export async function startPool(
  count: number,
  concurrency: number,
  startOne: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await startOne(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Poll `check` until it holds `stableFor` times in a row; throws after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs, intervalMs = 100, stableFor = 1 }: { timeoutMs: number; intervalMs?: number; stableFor?: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let streak = 0;
  for (;;) {
    streak = (await check()) ? streak + 1 : 0;
    if (streak >= stableFor) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const mib = (bytes: number) => bytes / 2 ** 20;

/**
 * CPU seconds (user + system) used so far, and resident memory, of the direct child process of
 * ours whose command name is `comm` (e.g. `temporal`, the dev server), from /proc. undefined
 * when not on Linux or not found. Assumes USER_HZ 100 and 4 KiB pages (Linux on x86-64/arm64).
 */
export function childProcessStats(comm: string): { pid: number; cpuSeconds: number; rss: number } | undefined {
  for (const pid of processIds() ?? []) {
    const stat = readStat(pid);
    if (!stat || stat.comm !== comm || stat.fields[1] !== process.pid) continue;
    const f = stat.fields;
    return { pid: Number(pid), cpuSeconds: ((f[11] ?? 0) + (f[12] ?? 0)) / 100, rss: (f[21] ?? 0) * 4096 };
  }
  return undefined;
}

/** CPU seconds all processes of the machine have used so far (from /proc/stat), or undefined. */
export function machineCpuSeconds(): number | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal …
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined if unknown. */
export function processCpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? ((fields[11] ?? 0) + (fields[12] ?? 0)) / 100 : undefined;
}

/**
 * /proc/<pid>/stat: the command name, and the fields after it (0-based: 0 state, 1 ppid, 11 utime,
 * 12 stime, 13 cutime, 14 cstime, 21 rss in pages). comm may contain spaces: split after the last ')'.
 */
function readStat(pid: number | string): { comm: string; fields: number[] } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      fields: stat
        .slice(close + 2)
        .split(' ')
        .map(Number),
    };
  } catch {
    return undefined;
  }
}

const statFields = (pid: number | string) => readStat(pid)?.fields;

/** The IDs of the machine's processes (/proc), or undefined off Linux. */
function processIds(): string[] | undefined {
  try {
    return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
}

/** Resident memory of a process, bytes, from /proc; undefined if unknown. */
export function processRss(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? (fields[21] ?? 0) * 4096 : undefined;
}

/**
 * CPU seconds of a process and its children: its own, its reaped children's (cutime, cstime) and
 * its live children's — PostgreSQL's postmaster and its backends, say. undefined if unknown.
 */
export function processTreeCpuSeconds(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  let total = ((own[11] ?? 0) + (own[12] ?? 0) + (own[13] ?? 0) + (own[14] ?? 0)) / 100;
  for (const child of processIds() ?? []) {
    const fields = statFields(child);
    if (fields && fields[1] === pid) total += ((fields[11] ?? 0) + (fields[12] ?? 0)) / 100;
  }
  return total;
}
