/**
 * `npm run chaos`: the service as production runs it — API and worker as separate processes,
 * the Temporal dev server, PostgreSQL and an SMTP server — while reminders fall due, with faults:
 *
 *   1. kill -9 of the worker at random moments (--kills, default 20), restarted each time;
 *   2. a restart of the Temporal dev server (same port, same SQLite file) — with --cluster, kill -9
 *      of the Temporal server while a wave is in flight, and a start again (same ports, same databases);
 *   3. SMTP stopped for a while (--smtp-down seconds) while notices fall due;
 *   4. PostgreSQL stopped for a while (--pg-down seconds) while the API is called: every call
 *      must answer 503 {"error":{"code":"database_unavailable",…}} with Retry-After, and the API
 *      must answer again by itself once PostgreSQL is back (its process is never restarted).
 *
 * --cluster: instead of the dev server, the Temporal server of `npm run cluster` (v1.32.2,
 * infra/embedded/cluster.ts startClusterServer) on a free port range, its databases temporal and
 * temporal_visibility on the run's own PostgreSQL next to the service's governance — so phase 4 is
 * a PostgreSQL restart under the Temporal server too, which must come back by itself (same process),
 * the worker reconnecting. Phase 2 kills the server with kill -9 0–300 ms after a wave's first unit
 * is registered, leaves it down --temporal-down seconds and starts it again once its ports are free.
 *
 * Everything is owned by this script and thrown away at the end (also on failure and Ctrl-C):
 * a PostgreSQL cluster made with initdb in a temp folder on a free port (infra/embedded/cluster.ts
 * LocalPostgres, with fsync=off and track_commit_timestamp=on), the dev server with its
 * file database in the same folder, a counting SMTP server (smtp-server, as infra/embedded/mail-sink.ts
 * MailSink is, but with an 'error' listener — see CountingSmtp; its deliveries appended to a
 * JSON-lines file so they survive its stops), `node --import tsx main/api.ts` and
 * `… main/worker.ts` as child processes. Nothing of the machine's own PostgreSQL is touched.
 *
 * Reminders fall due in real time: the community and compound cadence rules get the reminder
 * ladder [120] (working days before the period's due date: always in the past, so every new unit
 * is owed its reminder at once), and units are registered in waves throughout the run. Each wave
 * registers --per-wave communities (each owed "reminder-120"), one compound under the first of
 * them (owed its own reminder-120: its meeting is ad hoc and the compound rule does not count ad
 * hoc meetings), records the compound's meeting with minutes and an agenda item, and escalates the
 * item (owed an immediate "received" notice to the community's convener).
 *
 * After each fault the script waits until the system is quiet (bounded by --quiet-timeout) and
 * checks, for everything owed so far: each expected notice has exactly one ledger row, status
 * sent, and exactly one SMTP delivery with its Message-ID; every ledger row was delivered exactly
 * once; no delivery is unexplained; every unit, meeting and item the script created is in the
 * database. After each single kill the cheap invariants (nothing unexplained, nothing lost) are
 * checked at once.
 *
 * A Message-ID delivered more than once is always reported (raw deliveries and distinct Message-IDs
 * in the table, each duplicate with its evidence) and classified: a kill -9 that fell after the
 * SMTP server accepted the mail and before the ledger marked it sent ("crash window": the
 * at-least-once residue activities/ledger.ts documents, resent with the same Message-ID and
 * X-Notification-Key so a mail system can drop it) is accepted with the evidence printed, unless
 * --strict-once; any other duplicate (e.g. PostgreSQL going down in that window) fails the run.
 *
 * Options: --kills N (20), --per-wave N (2), --smtp-down S (20), --pg-down S (15),
 * --temporal-down S (5: seconds the dev server or the cluster's server stays down between stop/kill and start),
 * --quiet-timeout S (170: must exceed the notice activities' 30 s heartbeat timeout, after which
 * the server retries an activity that died with its worker, with room for the retry backoff), --max-seconds S (480,
 * with --cluster 720: the whole run; exceeded → FAIL), --seed N, --keep (keep the temp folder), --pg-bin DIR
 * (initdb, pg_ctl; default: the newest /usr/lib/postgresql/<v>/bin, else PATH), --strict-once
 * (a crash-window duplicate fails the run too), --cluster (the Temporal server on PostgreSQL, above).
 * Logs of every process: test-artifacts/chaos/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { shanghaiDateOf } from '../domain/period';
import { type AppConfig, loadConfig } from '../infra/config';
import {
  type ClusterServer,
  clusterPorts,
  findPgBin,
  freeClusterFrontendPort,
  LocalPostgres,
  prepareClusterDatabases,
  startClusterServer,
} from '../infra/embedded/cluster';
import { type DevServer, startDevServer } from '../infra/embedded/dev-server';
import { resolveTemporalServer } from '../infra/embedded/temporal-server';
import type { Logger } from '../infra/log';
import { freePort, isListening } from '../infra/net';
import { resolveTemporalCli } from '../infra/embedded/tools';

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'chaos');
const ADMIN = 'chaos-admin';
const MAIL_DOMAIN = 'donggang.example';

const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
const say = (line: string) => process.stdout.write(`[chaos ${elapsed().toFixed(0).padStart(4)}s] ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  kills: number;
  perWave: number;
  smtpDown: number;
  pgDown: number;
  temporalDown: number;
  quietTimeout: number;
  maxSeconds: number;
  seed: number;
  keep: boolean;
  strictOnce: boolean;
  pgBin: string | undefined;
  /** The Temporal server of infra/embedded/cluster.ts on the run's PostgreSQL instead of the dev server. */
  cluster: boolean;
}

const USAGE = `npm run chaos -- [--kills 20] [--per-wave 2] [--smtp-down 20] [--pg-down 15] [--temporal-down 5]
                     [--quiet-timeout 170] [--max-seconds 480 (--cluster: 720)] [--seed N] [--keep] [--strict-once]
                     [--pg-bin DIR] [--cluster]`;

function parseOptions(argv: string[]): Options {
  const own: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (arg === '--keep' || arg === '--strict-once' || arg === '--cluster') {
      own[arg.slice(2)] = '1';
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    own[name] = value;
  }
  const known = new Set([
    'kills',
    'per-wave',
    'smtp-down',
    'pg-down',
    'temporal-down',
    'quiet-timeout',
    'max-seconds',
    'seed',
    'keep',
    'strict-once',
    'pg-bin',
    'cluster',
  ]);
  for (const k of Object.keys(own)) if (!known.has(k)) throw new Error(`Unknown option --${k}\n${USAGE}`);
  const int = (name: string, fallback: number, min: number): number => {
    const raw = own[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, not ${raw}`);
    return n;
  };
  return {
    kills: int('kills', 20, 0),
    perWave: int('per-wave', 2, 1),
    smtpDown: int('smtp-down', 20, 1),
    pgDown: int('pg-down', 15, 1),
    temporalDown: int('temporal-down', 5, 0),
    quietTimeout: int('quiet-timeout', 170, 10),
    maxSeconds: int('max-seconds', own.cluster === '1' ? 720 : 480, 60),
    seed: int('seed', randomBytes(4).readUInt32BE() % 1_000_000_000, 0),
    keep: own.keep === '1',
    strictOnce: own['strict-once'] === '1',
    pgBin: own['pg-bin'],
    cluster: own.cluster === '1',
  };
}

/** mulberry32: a small seeded generator, so a run's random choices can be repeated (--seed). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every process and folder this script made, also on failure and Ctrl-C

const cleanups: { name: string; fn: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | undefined;

function cleanupAll(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const { name, fn } of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`[chaos] cleanup of ${name} failed: ${String(err)}\n`);
      }
    }
  })());
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a cluster of our own (infra/embedded/cluster.ts LocalPostgres, initdb in the temp folder)

function pgBinFor(option: string | undefined, config: AppConfig): string {
  if (!option) return findPgBin(config);
  if (!fs.existsSync(path.join(option, 'initdb')) || !fs.existsSync(path.join(option, 'pg_ctl')))
    throw new Error(`--pg-bin ${option}: no initdb and pg_ctl there`);
  return option;
}

/** Settings for a throwaway cluster; track_commit_timestamp: when a ledger row was last written (PostgreSQL phase). */
const PG_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'track_commit_timestamp=on'];

/** The service's database on the run's PostgreSQL (in cluster mode prepareClusterDatabases makes it). */
async function createServiceDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE governance');
  } finally {
    await admin.end();
  }
}

/** A logger into a file of test-artifacts/chaos/. */
function fileLogger(file: string): Logger {
  const write = (m: string, fields?: unknown) =>
    fs.appendFileSync(file, `${new Date().toISOString()} ${m}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  return { debug: () => undefined, info: write, warn: write, error: write };
}

// ---------------------------------------------------------------------------------------------
// Temporal: the dev server, or the Temporal server of a cluster (--cluster)

/** The Temporal the run uses, and its fault: the dev server stopped, or the cluster's server killed -9. */
interface TemporalUnderTest {
  /** For the report: which Temporal. */
  label: string;
  /** The name of its phase in the report. */
  phase: string;
  address(): string;
  /** The fault; what happened, for the log. */
  down(): Promise<string>;
  /** Back on the same port(s) and database(s); what happened. */
  up(): Promise<string>;
  alive(): boolean;
  stop(): Promise<void>;
}

let temporalLabel = 'dev server';

async function startDevTemporal(
  config: AppConfig,
  tmp: string,
  port: number,
  uiPort: number,
): Promise<TemporalUnderTest> {
  const cliPath = await resolveTemporalCli(config, { install: true, log: say });
  const options = {
    cliPath,
    dbFile: path.join(tmp, 'temporal.sqlite'),
    port,
    uiPort,
    namespace: 'default',
    log: fileLogger(path.join(ARTIFACTS, 'dev-server.log')),
  };
  let dev: DevServer | undefined = await startDevServer(options);
  say(`Temporal dev server file: ${options.dbFile}`);
  return {
    label: 'dev server (temporal server start-dev, SQLite file)',
    phase: 'dev server restart',
    address: () => `127.0.0.1:${port}`,
    down: async () => {
      await dev?.stop();
      dev = undefined;
      return 'Temporal dev server stopped';
    },
    up: async () => {
      if (await isListening(port)) throw new Error(`port ${port} taken while the dev server was down`);
      dev = await startDevServer(options);
      return 'Temporal dev server started again on the same port and file';
    },
    alive: () => dev !== undefined,
    stop: async () => {
      await dev?.stop();
      dev = undefined;
    },
  };
}

/**
 * The Temporal server of infra/embedded/cluster.ts on the run's own PostgreSQL (its databases
 * temporal and temporal_visibility next to the service's governance), on a free port range.
 */
async function startClusterTemporal(
  config: AppConfig,
  postgres: LocalPostgres,
  log: Logger,
): Promise<TemporalUnderTest> {
  const tools = await resolveTemporalServer(config, { install: true, log: say });
  const adminUrl = postgres.adminUrl();
  await prepareClusterDatabases(tools, adminUrl, log);
  const options = {
    tools,
    ports: clusterPorts(await freeClusterFrontendPort()),
    adminUrl,
    namespace: config.temporal.namespace,
    logFile: path.join(ARTIFACTS, 'temporal-server.log'),
    log,
  };
  let server: ClusterServer = await startClusterServer(options);
  say(`Temporal server pid ${server.pid}, ports ${options.ports.frontendMembership}–${options.ports.frontendHttp}`);
  return {
    label: `cluster (Temporal server v${tools.version}, PostgreSQL)`,
    phase: 'Temporal kill -9',
    address: () => server.address,
    down: async () => {
      const pid = server.pid;
      await server.kill9();
      return `Temporal server (pid ${pid}) killed -9`;
    },
    up: async () => {
      // The ports of a killed server can take a moment to be free again.
      server = await startClusterServer({ ...options, portsFreeWithinMs: 30_000 });
      return `Temporal server started again (pid ${server.pid}) on the same ports and databases`;
    },
    alive: () => server.alive(),
    stop: () => server.stop(),
  };
}

// ---------------------------------------------------------------------------------------------
// The counting SMTP server

/**
 * Records every message received in full (smtp-server drops one whose connection closes before its
 * end-of-data) with its Message-ID, headers and time, as a JSON line, then answers 250 — what
 * infra/embedded/mail-sink.ts MailSink does. Unlike MailSink it listens for the server's 'error' event: a
 * client killed in the middle of a transaction resets its connection, smtp-server emits that as
 * an 'error', and without a listener the process hosting the server dies (MailSink keeps only the
 * `once('error')` of its listen(), which takes the first such reset and not the second).
 */
class CountingSmtp {
  private server: SMTPServer | undefined;
  connectionErrors = 0;

  constructor(
    readonly port: number,
    private readonly file: string,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const file = this.file;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of parsed.headers) if (typeof v === 'string') headers[k] = v;
            const delivery: Delivery = {
              messageId: parsed.messageId ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              headers,
              receivedAt: new Date().toISOString(),
            };
            fs.appendFileSync(file, JSON.stringify(delivery) + '\n');
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    server.on('error', () => {
      this.connectionErrors++;
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// The API and the worker as child processes (`node --import tsx …`: one process, so kill -9 hits it)

class Service {
  child: ChildProcess | undefined;
  spawns = 0;
  /** Exits this script did not cause. */
  readonly unexpectedExits: { at: number; code: number | null; signal: string | null }[] = [];
  private expectExit = false;
  private startOffset = 0;
  spawnedAt = 0;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {
    fs.writeFileSync(logFile, '');
  }

  start(): void {
    this.spawns++;
    this.expectExit = false;
    fs.appendFileSync(
      this.logFile,
      `\n===== chaos: ${this.name} start #${this.spawns} at ${new Date().toISOString()}\n`,
    );
    this.startOffset = fs.statSync(this.logFile).size;
    const fd = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', this.script], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', fd, fd],
      detached: true, // its own process group: Ctrl-C reaches it only through this script's cleanup
    });
    fs.closeSync(fd);
    this.spawnedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (!this.expectExit) {
        this.unexpectedExits.push({ at: elapsed(), code, signal });
        say(`!! ${this.name} exited by itself (code ${code}, signal ${signal ?? '-'})`);
      }
    });
    this.child = child;
  }

  alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The log written since the last start. */
  logSinceStart(): string {
    const fd = fs.openSync(this.logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - this.startOffset));
      fs.readSync(fd, buf, 0, buf.length, this.startOffset);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  }

  async waitForLog(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (pattern.test(this.logSinceStart())) return;
      if (!this.alive())
        throw new Error(`${this.name} exited while starting (see ${path.relative(ROOT, this.logFile)})`);
      await sleep(100);
    }
    throw new Error(`${this.name} not ready within ${timeoutMs} ms (see ${path.relative(ROOT, this.logFile)})`);
  }

  /** kill -9, and wait for the exit. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive()) return;
    this.expectExit = true;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive()) return;
    this.expectExit = true;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Lines of the whole log (all starts) matching a pattern. */
  countInLog(pattern: RegExp): number {
    return fs
      .readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((l) => pattern.test(l)).length;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number; // 0: no answer (connection refused, timeout)
  body: unknown;
  retryAfter: string | null;
  error?: string;
}

let apiBase = '';
let token = '';

async function http(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  try {
    const res = await fetch(apiBase + route, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') } satisfies Answer;
  } catch (err) {
    return { status: 0, body: null, retryAfter: null, error: String(err) } satisfies Answer;
  }
}

const errorCodeOf = (a: Answer): string =>
  a.status === 0
    ? (a.error ?? 'no answer')
    : String((a.body as { error?: { code?: string } } | null)?.error?.code ?? a.status);

/** Calls that needed more than one attempt, per phase: "status code" → count. */
let retriedCalls: Record<string, number> = {};

/**
 * A write the harness needs done: repeated (same body, same Idempotency-Key) until it answers 2xx,
 * as a careful client would. Unit registration is idempotent by itself (200 when repeated).
 */
async function ensure(
  what: string,
  method: string,
  route: string,
  body: unknown,
  idempotencyKey?: string,
  deadlineMs = 90_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + deadlineMs;
  let last: Answer | undefined;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    last = await http(method, route, body, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
    if (last.status >= 200 && last.status < 300) return last.body as Record<string, unknown>;
    const key = `${last.status} ${errorCodeOf(last)}`.slice(0, 80);
    retriedCalls[key] = (retriedCalls[key] ?? 0) + 1;
    // 409 in_progress: the same Idempotency-Key is still claimed (its Retry-After says retry shortly).
    const inProgress = last.status === 409 && errorCodeOf(last) === 'in_progress';
    if (last.status >= 400 && last.status < 500 && last.status !== 429 && !inProgress)
      throw new Error(`${what}: ${last.status} ${JSON.stringify(last.body)}`);
    await sleep(Math.min(2_000, 250 * attempt));
  }
  throw new Error(`${what}: no 2xx within ${deadlineMs} ms (last: ${last?.status} ${JSON.stringify(last?.body)})`);
}

// ---------------------------------------------------------------------------------------------
// The workload: waves of units, meetings and escalated items, each owing notices at once

interface ExpectedNotice {
  obligation: string;
  step: string;
  recipient: string;
  what: string;
  wave: number;
}

const created = { units: new Map<string, string>(), meetings: [] as string[], items: [] as string[] };
const expected: ExpectedNotice[] = [];
/** Escalations whose workflow the API says it could not reach (workflowNotified: false). */
const unnotified: { itemId: string; wave: number }[] = [];
let waveNo = 0;
let runTag = '';

async function wave(perWave: number): Promise<void> {
  const w = ++waveNo;
  const today = shanghaiDateOf(Date.now());
  const communities: { code: string; email: string }[] = [];
  for (let j = 0; j < perWave; j++) {
    const code = `${runTag}-c${w}-${j}`;
    const email = `c${w}.${j}@chaos.example`;
    const unit = await ensure(`register ${code}`, 'POST', '/api/units', {
      code,
      name: `混沌社区 ${w}-${j}`,
      level: 'community',
      convenerName: `社区书记 ${w}-${j}`,
      convenerEmail: email,
    });
    const id = String(unit.id);
    created.units.set(code, id);
    communities.push({ code, email });
    expected.push({ obligation: `meeting-cadence:${id}`, step: 'reminder-120', recipient: email, what: code, wave: w });
  }
  const parent = communities[0]!;
  const code = `${runTag}-k${w}`;
  const email = `k${w}@chaos.example`;
  const compound = await ensure(`register ${code}`, 'POST', '/api/units', {
    code,
    name: `混沌小区 ${w}`,
    level: 'compound',
    parentCode: parent.code,
    convenerName: `小区书记 ${w}`,
    convenerEmail: email,
  });
  const compoundId = String(compound.id);
  created.units.set(code, compoundId);
  expected.push({
    obligation: `meeting-cadence:${compoundId}`,
    step: 'reminder-120',
    recipient: email,
    what: code,
    wave: w,
  });

  const meeting = await ensure(
    `meeting of ${code}`,
    'POST',
    `/api/units/${code}/meetings`,
    {
      heldOn: today,
      kind: 'adhoc',
      attendees: [`小区书记 ${w}`],
      minutes: `第 ${w} 次会议：居民反映停车难，小区无力解决`,
      agendaItems: [{ title: `停车难 ${w}`, raisedBy: '居民代表' }],
    },
    `${runTag}-meeting-${w}`,
  );
  created.meetings.push(String(meeting.id));
  const list = await ensure(`items of ${code}`, 'GET', `/api/agenda-items?unitId=${compoundId}`, undefined);
  const itemId = String((list.items as { id: string }[])[0]?.id);
  created.items.push(itemId);
  const escalated = await ensure(
    `escalate item of ${code}`,
    'POST',
    `/api/agenda-items/${itemId}/escalations`,
    { what: `停车位不足 ${w}`, whyNotSolvable: '涉及周边道路规划', ask: '请社区协调城管、交警' },
    `${runTag}-escalate-${w}`,
  );
  if (escalated.workflowNotified === false) unnotified.push({ itemId, wave: w });
  expected.push({
    obligation: `escalation:${itemId}`,
    step: 'received',
    recipient: parent.email,
    what: itemId,
    wave: w,
  });
}

/** Waves run one after another in the background; errors are kept for the verdict. */
const workloadErrors: string[] = [];
let waveChain: Promise<void> = Promise.resolve();
function startWave(perWave: number): Promise<void> {
  waveChain = waveChain.then(() =>
    wave(perWave).catch((err: unknown) => {
      workloadErrors.push(err instanceof Error ? err.message : String(err));
      say(`!! wave failed: ${String(err)}`);
    }),
  );
  return waveChain;
}

// ---------------------------------------------------------------------------------------------
// Checks

interface Delivery {
  messageId: string;
  to: string[];
  subject: string;
  receivedAt: string;
  headers: Record<string, string>;
}

interface LedgerRow {
  key: string;
  obligation: string;
  step: string;
  recipient: string;
  messageId: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
  /** Commit time of the row's last write (track_commit_timestamp): when it was marked sent. */
  writtenAt: Date | null;
}

interface Snapshot {
  rows: LedgerRow[];
  deliveries: Delivery[];
  found: { units: number; meetings: number; items: number };
  /** Meetings and items of the script's compounds beyond the one of each it created (a retried write twice). */
  extra: { meetings: number; items: number };
  escalatedItems: number;
}

interface Findings {
  expected: number;
  sentRows: number;
  pendingRows: LedgerRow[];
  rawDeliveries: number;
  distinctDeliveries: number;
  /** Expected notices without exactly one sent row with exactly one delivery. */
  missing: { notice: ExpectedNotice; why: string; overDelivered: boolean }[];
  /** Message-IDs delivered more than once. */
  duplicates: { messageId: string; count: number; row: LedgerRow | undefined; deliveries: Delivery[] }[];
  /** Sent rows without a delivery. */
  undelivered: LedgerRow[];
  /** Deliveries without a ledger row. */
  unexplained: Delivery[];
  lost: { units: number; meetings: number; items: number };
  extra: { meetings: number; items: number };
  otherRows: number;
}

let sinkFile = '';
let dbUrl = '';

function readDeliveries(): Delivery[] {
  if (!fs.existsSync(sinkFile)) return [];
  return fs
    .readFileSync(sinkFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Delivery);
}

async function snapshot(): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const rows = (
      await client.query<LedgerRow>(
        'SELECT key, obligation, step, recipient, "messageId", status, "createdAt", "sentAt", ' +
          'pg_xact_commit_timestamp(xmin) AS "writtenAt" FROM "Notification"',
      )
    ).rows;
    const count = async (table: string, ids: string[]) =>
      Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE id = ANY($1::text[])`, [ids]))
          .rows[0]!.n,
      );
    const found = {
      units: await count('Unit', [...created.units.values()]),
      meetings: await count('Meeting', created.meetings),
      items: await count('AgendaItem', created.items),
    };
    const escalatedItems = Number(
      (
        await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM "AgendaItem" WHERE id = ANY($1::text[]) AND state = 'escalated'`,
          [created.items],
        )
      ).rows[0]!.n,
    );
    const compounds = [...created.units.entries()].filter(([code]) => /-k\d+$/.test(code)).map(([, id]) => id);
    const perUnit = async (table: string) =>
      Number(
        (
          await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE "unitId" = ANY($1::text[])`, [
            compounds,
          ])
        ).rows[0]!.n,
      );
    const extra = {
      meetings: (await perUnit('Meeting')) - created.meetings.length,
      items: (await perUnit('AgendaItem')) - created.items.length,
    };
    return { rows, deliveries: readDeliveries(), found, escalatedItems, extra };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function examine(s: Snapshot): Findings {
  const byMessageId = new Map<string, Delivery[]>();
  for (const d of s.deliveries) byMessageId.set(d.messageId, [...(byMessageId.get(d.messageId) ?? []), d]);
  const rowByMessageId = new Map(s.rows.map((r) => [r.messageId, r]));
  const missing: Findings['missing'] = [];
  const matchedKeys = new Set<string>();
  for (const n of expected) {
    const rows = s.rows.filter(
      (r) => r.obligation === n.obligation && r.step === n.step && r.recipient === n.recipient,
    );
    rows.forEach((r) => matchedKeys.add(r.key));
    const sent = rows.filter((r) => r.status === 'sent');
    const delivered = rows.flatMap((r) => byMessageId.get(r.messageId) ?? []);
    const why =
      rows.length !== 1
        ? `${rows.length} ledger rows`
        : sent.length !== 1
          ? `ledger row ${rows[0]!.status}`
          : delivered.length !== 1
            ? `${delivered.length} deliveries`
            : undefined;
    if (why)
      missing.push({ notice: n, why, overDelivered: rows.length === 1 && sent.length === 1 && delivered.length > 1 });
  }
  const duplicates = [...byMessageId.entries()]
    .filter(([, ds]) => ds.length > 1)
    .map(([messageId, ds]) => ({ messageId, count: ds.length, row: rowByMessageId.get(messageId), deliveries: ds }));
  return {
    expected: expected.length,
    sentRows: s.rows.filter((r) => r.status === 'sent').length,
    pendingRows: s.rows.filter((r) => r.status !== 'sent'),
    rawDeliveries: s.deliveries.length,
    distinctDeliveries: byMessageId.size,
    missing,
    duplicates,
    undelivered: s.rows.filter((r) => r.status === 'sent' && !byMessageId.has(r.messageId)),
    unexplained: s.deliveries.filter((d) => !rowByMessageId.has(d.messageId)),
    lost: {
      units: created.units.size - s.found.units,
      meetings: created.meetings.length - s.found.meetings,
      items: created.items.length - s.found.items,
    },
    extra: s.extra,
    otherRows: s.rows.filter((r) => !matchedKeys.has(r.key)).length,
  };
}

/**
 * Quiet: nothing is still on its way — no ledger row pending, every notice owed has its sent row
 * and at least one delivery, every sent row was delivered. (A second delivery never goes away by
 * waiting: it is judged, not waited for.)
 */
/** Resolves true as soon as a ledger row is pending (a notice is being sent), false after the timeout. */
async function waitForSendInFlight(timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const r = await client.query(`SELECT 1 FROM "Notification" WHERE status <> 'sent' LIMIT 1`);
      if (r.rowCount) return true;
      await sleep(5);
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const quiet = (f: Findings) =>
  f.pendingRows.length === 0 && f.undelivered.length === 0 && f.missing.every((m) => m.overDelivered);

/** Wait until every notice owed so far is through (or the bound passes); the last findings. */
async function waitQuiet(timeoutS: number): Promise<{ findings: Findings; seconds: number }> {
  const t0 = Date.now();
  let last: Findings | undefined;
  let lastRaw = -1;
  let stableSince = Date.now();
  for (;;) {
    try {
      last = examine(await snapshot());
      if (last.rawDeliveries !== lastRaw) {
        lastRaw = last.rawDeliveries;
        stableSince = Date.now();
      }
      // Quiet: everything owed is through, and no delivery arrived for a second.
      if (quiet(last) && Date.now() - stableSince >= 1_000) break;
    } catch (err) {
      say(`(check failed: ${String(err)})`);
    }
    if (Date.now() - t0 > timeoutS * 1000) break;
    await sleep(1_000);
  }
  if (!last) last = examine(await snapshot());
  return { findings: last, seconds: (Date.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------------
// Phases and the report

interface PhaseResult {
  name: string;
  seconds: number;
  quietAfter: number;
  units: number;
  meetings: number;
  items: number;
  f: Findings;
  notes: string[];
  problems: string[];
}

const phases: PhaseResult[] = [];
const reportedDuplicates = new Set<string>();

const iso = (d: Date | number) => new Date(d).toISOString();
/** When the worker was killed (-9), and when PostgreSQL was down: to explain a second delivery. */
const killTimes: number[] = [];
const pgOutages: { from: number; to: number }[] = [];
const crashWindowDuplicates: string[] = [];
let strictOnce = false;

/**
 * Why a Message-ID went out twice. "crash-window": the first delivery was accepted, then within a
 * second the worker was killed (-9) before the ledger row was marked sent, and the second delivery
 * is the activity's retry after that — the at-least-once residue activities/ledger.ts documents,
 * with the same Message-ID so a mail system can drop it. "database-outage": PostgreSQL went down
 * between the SMTP server's acceptance and the ledger's "sent" (no crash): the row could have been
 * marked once the database was back without sending again. Anything else: unexplained.
 */
function classifyDuplicate(d: Findings['duplicates'][number]): {
  cause: 'crash-window' | 'database-outage' | 'unexplained';
  evidence: string;
} {
  const times = d.deliveries.map((x) => Date.parse(x.receivedAt)).sort((a, b) => a - b);
  const first = times[0]!;
  const second = times[1]!;
  const sameKey = new Set(d.deliveries.map((x) => x.headers['x-notification-key'] ?? '')).size === 1;
  // The sink records a message once it has parsed it, which may end a few ms after the client's
  // end-of-data: a kill just before the record still left the whole message with the server.
  const kill = killTimes.find((k) => Math.abs(k - first) <= 1_000 && second > k);
  const markedByRetry = d.row?.sentAt ? d.row.sentAt.getTime() >= second - 1_000 : false;
  if (d.count === 2 && sameKey && d.row?.status === 'sent' && markedByRetry && kill !== undefined) {
    const when = kill >= first ? `${kill - first} ms after` : `${first - kill} ms before`;
    return {
      cause: 'crash-window',
      evidence: `worker killed -9 at ${iso(kill)}, ${when} the SMTP server recorded it (the message was in the server's hands) and before the ledger marked it sent; resent by the activity's retry ${((second - kill) / 1000).toFixed(0)}s later (heartbeat timeout 30 s, workflows/notice-profile.ts)`,
    };
  }
  const outage = pgOutages.find((o) => first <= o.to && first >= o.from - 2_000);
  if (outage) {
    return {
      cause: 'database-outage',
      evidence: `accepted at ${iso(first)}, as PostgreSQL went down (${iso(outage.from)}–${iso(outage.to)}): the ledger could not mark it sent, the activity failed and its retry sent it again`,
    };
  }
  return { cause: 'unexplained', evidence: 'no kill or database outage explains it' };
}

function judge(name: string, phaseStart: number, q: { findings: Findings; seconds: number }, notes: string[]) {
  const f = q.findings;
  const problems: string[] = [];
  const notThrough = f.missing.filter((m) => !m.overDelivered);
  for (const m of notThrough.slice(0, 10))
    problems.push(`not delivered: ${m.notice.step} of ${m.notice.what} to ${m.notice.recipient} (${m.why})`);
  if (notThrough.length > 10) problems.push(`… and ${notThrough.length - 10} more not delivered`);
  // A second delivery is reported in the phase it happened in (the counts stay cumulative).
  const newDuplicates = f.duplicates.filter((x) => !reportedDuplicates.has(x.messageId));
  const earlier = f.duplicates.length - newDuplicates.length;
  if (earlier) notes.push(`${earlier} Message-ID(s) delivered more than once in an earlier phase (counted in dup)`);
  for (const d of newDuplicates) {
    reportedDuplicates.add(d.messageId);
    const { cause, evidence } = classifyDuplicate(d);
    const line =
      `Message-ID ${d.messageId} delivered ${d.count} times — ${evidence}; one ledger row (${d.row ? `${d.row.status}, written ${iso(d.row.createdAt)}, marked sent ${d.row.sentAt ? iso(d.row.sentAt) : '-'}` : 'missing'}); ` +
      `SMTP deliveries at ${d.deliveries.map((x) => x.receivedAt).join(', ')}`;
    if (cause === 'crash-window') {
      crashWindowDuplicates.push(d.messageId);
      if (strictOnce) problems.push(`${line} (--strict-once)`);
      else notes.push(`ACCEPTED crash-window duplicate (same Message-ID, see docs/CHAOS.md): ${line}`);
    } else problems.push(line);
  }

  for (const r of f.pendingRows.slice(0, 5)) problems.push(`ledger row still ${r.status}: ${r.key}`);
  for (const r of f.undelivered.slice(0, 5)) problems.push(`ledger row sent but never delivered: ${r.key}`);
  for (const d of f.unexplained.slice(0, 5)) problems.push(`delivery without a ledger row: ${d.messageId}`);
  const lost = f.lost.units + f.lost.meetings + f.lost.items;
  if (lost) problems.push(`records lost: ${JSON.stringify(f.lost)}`);
  if (f.extra.meetings || f.extra.items) problems.push(`records written twice: ${JSON.stringify(f.extra)}`);
  for (const e of workloadErrors.splice(0)) problems.push(`workload: ${e}`);
  const result: PhaseResult = {
    name,
    seconds: (Date.now() - phaseStart) / 1000,
    quietAfter: q.seconds,
    units: created.units.size,
    meetings: created.meetings.length,
    items: created.items.length,
    f,
    notes,
    problems,
  };
  if (Object.keys(retriedCalls).length) notes.push(`API calls repeated: ${JSON.stringify(retriedCalls)}`);
  retriedCalls = {};
  phases.push(result);
  say(
    `${problems.length ? 'FAIL' : 'ok  '} ${name}: expected ${f.expected}, sent ${f.sentRows}, deliveries ${f.rawDeliveries} (distinct ${f.distinctDeliveries}), quiet after ${q.seconds.toFixed(1)}s`,
  );
  for (const n of notes) say(`     ${n}`);
  for (const p of problems) say(`  !! ${p}`);
}

function printReport(opts: Options, verdict: boolean, fatal?: string): string {
  const last = phases.at(-1)?.f;
  const head = [
    'phase',
    'secs',
    'quiet',
    'units',
    'mtgs',
    'items',
    'owed',
    'sent',
    'mails',
    'distinct',
    'dup',
    'missing',
    'lost',
    'result',
  ];
  const rows = phases.map((p) => [
    p.name,
    p.seconds.toFixed(0),
    p.quietAfter.toFixed(0),
    String(p.units),
    String(p.meetings),
    String(p.items),
    String(p.f.expected),
    String(p.f.sentRows),
    String(p.f.rawDeliveries),
    String(p.f.distinctDeliveries),
    String(p.f.duplicates.length),
    String(p.f.missing.filter((m) => !m.overDelivered).length),
    String(p.f.lost.units + p.f.lost.meetings + p.f.lost.items),
    p.problems.length ? 'FAIL' : 'ok',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    '',
    `Temporal: ${temporalLabel}`,
    `chaos summary (seed ${opts.seed}, ${elapsed().toFixed(0)}s, kills ${opts.kills}, per wave ${opts.perWave}, waves ${waveNo}, SMTP down ${opts.smtpDown}s, PostgreSQL down ${opts.pgDown}s)`,
    line(head),
    line(head.map((_, i) => '-'.repeat(widths[i]!))),
    ...rows.map(line),
    '',
    ...phases.flatMap((p) => [`${p.name}:`, ...p.notes.map((n) => `  - ${n}`), ...p.problems.map((x) => `  ✗ ${x}`)]),
    ...(fatal ? [`✗ ${fatal}`] : []),
    ...(last
      ? [
          `deliveries: ${last.rawDeliveries} raw, ${last.distinctDeliveries} distinct Message-IDs; ` +
            `duplicates: ${crashWindowDuplicates.length} crash-window (${strictOnce ? 'failed: --strict-once' : 'accepted, evidence above'}), ` +
            `${last.duplicates.length - crashWindowDuplicates.length} other`,
        ]
      : []),
    '',
    `chaos: ${verdict ? 'PASS' : 'FAIL'}`,
    '',
  ].join('\n');
  process.stdout.write(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The run

async function main(opts: Options): Promise<number> {
  const random = seededRandom(opts.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  runTag = `x${opts.seed.toString(36)}`;
  strictOnce = opts.strictOnce;
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  say(`seed ${opts.seed}; logs in ${path.relative(ROOT, ARTIFACTS)}/`);

  const config = loadConfig({ PATH: process.env.PATH, TOOLS_DIR: path.join(ROOT, '.tools') });
  const pgBin = pgBinFor(opts.pgBin, config);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-chaos-'));
  fs.chmodSync(tmp, 0o755); // the postgres user must reach its data folder inside
  cleanups.push({
    name: 'temp folder',
    fn: () => {
      if (opts.keep) say(`kept ${tmp}`);
      else fs.rmSync(tmp, { recursive: true, force: true });
    },
  });

  const [pgPort, temporalPort, uiPort, smtpPort, apiPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ] as [number, number, number, number, number];

  // PostgreSQL: the service's database, and in cluster mode the Temporal server's too
  const postgres = new LocalPostgres(pgBin, path.join(tmp, 'pg'), pgPort, {
    settings: PG_SETTINGS,
    logFile: path.join(ARTIFACTS, 'postgres.log'),
  });
  const pgLog = fileLogger(path.join(ARTIFACTS, 'harness.log'));
  cleanups.push({
    name: 'PostgreSQL',
    fn: async () => {
      if (postgres.running()) await postgres.stop('immediate');
    },
  });
  await postgres.start(pgLog);
  dbUrl = postgres.adminUrl('governance');
  if (!opts.cluster) await createServiceDatabase(postgres.adminUrl());
  say(`PostgreSQL ${path.basename(path.dirname(pgBin))} on 127.0.0.1:${pgPort} (${postgres.dataDir})`);

  const temporal = opts.cluster
    ? await startClusterTemporal(config, postgres, pgLog)
    : await startDevTemporal(config, tmp, temporalPort, uiPort);
  cleanups.push({ name: 'Temporal', fn: () => temporal.stop() });
  temporalLabel = temporal.label;
  say(`Temporal: ${temporal.label} on ${temporal.address()}`);

  // SMTP server that keeps every delivery
  sinkFile = path.join(tmp, 'deliveries.jsonl');
  const smtp = new CountingSmtp(smtpPort, sinkFile);
  await smtp.start();
  cleanups.push({ name: 'SMTP server', fn: () => smtp.stop() });
  say(`SMTP server on ${smtp.url}`);

  // API and worker
  const password = randomBytes(18).toString('base64url');
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'XDG_CACHE_HOME']) if (process.env[k]) env[k] = process.env[k];
  Object.assign(env, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATA_DIR: path.join(tmp, 'data'),
    TOOLS_DIR: path.join(ROOT, '.tools'),
    TEMPORAL_ADDRESS: temporal.address(),
    DATABASE_URL: dbUrl,
    SMTP_URL: smtp.url,
    MAIL_DOMAIN,
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    BOOTSTRAP_ADMIN_USERNAME: ADMIN,
    BOOTSTRAP_ADMIN_PASSWORD: password,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
  });
  const api = new Service('api', 'main/api.ts', env, path.join(ARTIFACTS, 'api.log'));
  const worker = new Service('worker', 'main/worker.ts', env, path.join(ARTIFACTS, 'worker.log'));
  cleanups.push({ name: 'worker', fn: () => worker.stop() });
  cleanups.push({ name: 'api', fn: () => api.stop() });
  apiBase = `http://127.0.0.1:${apiPort}`;
  api.start(); // applies the migrations first: the worker starts once the API is up
  const apiUp = async () => {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if ((await http('GET', '/healthz')).status === 200) return;
      if (!api.alive()) throw new Error(`the API exited while starting (see ${path.relative(ROOT, api.logFile)})`);
      await sleep(200);
    }
    throw new Error('the API did not answer /healthz within 90 s');
  };
  await apiUp();
  const workerReady = () => worker.waitForLog(/Worker polling/, 90_000);
  worker.start();
  await workerReady();
  say(`API on ${apiBase}, worker polling (${((Date.now() - worker.spawnedAt) / 1000).toFixed(1)}s to start)`);

  const login = await http('POST', '/api/auth/login', { username: ADMIN, password });
  token = String((login.body as { token?: string }).token ?? '');
  if (login.status !== 200 || !token) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
  for (const [level, period, countAdhoc] of [
    ['community', 'quarter', true],
    ['compound', 'month', false],
  ] as const) {
    await ensure(`cadence rule ${level}`, 'PUT', `/api/cadence-rules/${level}`, {
      period,
      minMeetings: 1,
      reminderLadder: [120],
      supervisorAfterDays: 3,
      countAdhoc,
    });
  }

  // The run is on the real clock: on a day off, an escalation's "received" notice would wait for the
  // next working day's notice hour (the rule's default). Here it goes at once, as the checks expect.
  await ensure('escalation rule community', 'PUT', '/api/escalation-rules/community', {
    scheduleWithinDays: 10,
    answerWithinDays: 15,
    reminderLadder: [3, 1],
    supervisorAfterDays: 2,
    autoEscalateAfterDays: null,
    confirmWithinDays: 5,
    eventNotices: 'at-once',
  });

  const activityFailures = () => worker.countInLog(/Activity failed/);

  // --- Phase 0: baseline ---------------------------------------------------------------------
  let t = Date.now();
  await startWave(opts.perWave);
  await startWave(opts.perWave);
  judge('baseline', t, await waitQuiet(opts.quietTimeout), ['no fault: two waves']);

  // --- Phase 1: kill -9 the worker at random moments -----------------------------------------
  t = Date.now();
  let failuresBefore = activityFailures();
  const kills: { state: 'starting' | 'polling'; uptime: number; pendingRows: number }[] = [];
  let invariantBreaks = 0;
  for (let k = 1; k <= opts.kills; k++) {
    const duringStartup = random() < 0.25;
    const waveDone = startWave(opts.perWave);
    if (duringStartup) {
      await sleep(Math.max(0, worker.spawnedAt + between(300, 3_000) - Date.now()));
    } else {
      await workerReady();
      await sleep(between(150, 2_500));
    }
    const state = /Worker polling/.test(worker.logSinceStart()) ? 'polling' : 'starting';
    const uptime = Date.now() - worker.spawnedAt;
    killTimes.push(Date.now());
    await worker.kill9();
    worker.start();
    await waveDone;
    // At once after the kill: nothing delivered twice (but an earlier kill's crash-window copy,
    // which the retry after the 30 s heartbeat timeout can deliver within this phase: judged with
    // its evidence at the end of the phase), nothing unexplained, nothing lost.
    const f = examine(await snapshot());
    const doubled = f.duplicates.filter((d) => strictOnce || classifyDuplicate(d).cause !== 'crash-window');
    const broken = doubled.length + f.unexplained.length + f.lost.units + f.lost.meetings + f.lost.items;
    if (broken) invariantBreaks++;
    kills.push({ state, uptime, pendingRows: f.pendingRows.length });
    say(
      `kill -9 #${k} at ${iso(killTimes.at(-1)!)} (${state}, ${(uptime / 1000).toFixed(1)}s after start): ledger pending ${f.pendingRows.length}, ` +
        `owed ${f.expected}, deliveries ${f.rawDeliveries} (distinct ${f.distinctDeliveries})${broken ? ' !! invariant broken' : ''}`,
    );
  }
  await workerReady();
  const killQuiet = await waitQuiet(opts.quietTimeout);
  judge('worker kill -9', t, killQuiet, [
    `${kills.length} kills: ${kills.filter((k) => k.state === 'polling').length} while polling, ${kills.filter((k) => k.state === 'starting').length} while starting; worker restarted each time`,
    `kills that left a ledger row pending (a send in flight): ${kills.filter((k) => k.pendingRows > 0).length}; SMTP transactions cut by a kill (connection reset): ${smtp.connectionErrors}`,
    `activity attempts failed (worker log): ${activityFailures() - failuresBefore}; invariant breaks right after a kill: ${invariantBreaks}`,
  ]);
  if (invariantBreaks) phases.at(-1)!.problems.push(`invariants broken right after ${invariantBreaks} kill(s)`);

  // --- Phase 2: Temporal down: the dev server restarted, or the cluster's server killed -9 mid-wave
  t = Date.now();
  failuresBefore = activityFailures();
  await startWave(opts.perWave);
  const workerSpawnsBefore = worker.spawns;
  const workerExitsBefore = worker.unexpectedExits.length;
  const apiExitsBefore = api.unexpectedExits.length;
  let midWave = '';
  if (opts.cluster) {
    // Mid-wave: a wave starts, and the kill comes 0–300 ms after its first unit is registered.
    const unitsBefore = created.units.size;
    let waveEnded = false;
    const waveStart = Date.now();
    void startWave(opts.perWave).then(() => (waveEnded = true));
    while (created.units.size === unitsBefore && Date.now() - waveStart < 10_000) await sleep(5);
    await sleep(between(0, 300));
    midWave = `${Date.now() - waveStart} ms into a wave (${created.units.size - unitsBefore} of its ${opts.perWave + 1} units registered; the wave ${waveEnded ? 'had already ended' : 'still in flight'})`;
  }
  const down = Date.now();
  say(`${await temporal.down()}${midWave ? `, ${midWave}` : ''}`);
  const duringOutage = startWave(opts.perWave); // the API's calls to Temporal meet the outage
  await sleep(opts.temporalDown * 1000);
  const upAgain = await temporal.up();
  const downFor = (Date.now() - down) / 1000;
  say(`${upAgain} (down ${downFor.toFixed(1)}s)`);
  await duringOutage;
  if (!worker.alive()) {
    say('the worker exited while Temporal was down: restarting it');
    worker.start();
  }
  await workerReady();
  await startWave(opts.perWave);
  const devNotes = [
    opts.cluster
      ? `Temporal server killed -9 ${midWave}, down ${downFor.toFixed(1)}s (kill, ${opts.temporalDown}s, start on the same ports and databases until it serves); a wave registered during the outage`
      : `dev server down ${downFor.toFixed(1)}s (stop, ${opts.temporalDown}s, start); a wave registered during the outage`,
    `worker exits by itself: ${worker.unexpectedExits.length - workerExitsBefore}; restarts needed: ${worker.spawns - workerSpawnsBefore}; escalations the API could not signal (workflowNotified=false): ${unnotified.length}`,
  ];
  const devQuiet = await waitQuiet(opts.quietTimeout);
  devNotes.push(`activity attempts failed (worker log): ${activityFailures() - failuresBefore}`);
  judge(temporal.phase, t, devQuiet, devNotes);
  if (api.unexpectedExits.length > apiExitsBefore) phases.at(-1)!.problems.push('the API exited');

  // --- Phase 3: SMTP down while notices fall due ----------------------------------------------
  t = Date.now();
  failuresBefore = activityFailures();
  const rawBefore = readDeliveries().length;
  await smtp.stop();
  const smtpDownAt = Date.now();
  say(`SMTP server stopped for ${opts.smtpDown}s`);
  await startWave(opts.perWave);
  await startWave(opts.perWave);
  await sleep(Math.max(0, smtpDownAt + opts.smtpDown * 1000 - Date.now()));
  const duringSmtp = readDeliveries().length - rawBefore;
  const smtpFailures = activityFailures() - failuresBefore;
  await smtp.start();
  say(`SMTP server started again on the same port (down ${((Date.now() - smtpDownAt) / 1000).toFixed(1)}s)`);
  const smtpQuiet = await waitQuiet(opts.quietTimeout);
  judge('SMTP outage', t, smtpQuiet, [
    `SMTP down ${opts.smtpDown}s with two waves owed; deliveries while down: ${duringSmtp}; send attempts failed while down: ${smtpFailures}`,
    `back to quiet ${smtpQuiet.seconds.toFixed(1)}s after SMTP returned (activity retry: 5 s, ×2 each time, at most 10 min)`,
  ]);

  // --- Phase 4: PostgreSQL down while the API is called ---------------------------------------
  t = Date.now();
  failuresBefore = activityFailures();
  const workerExitsBeforePg = worker.unexpectedExits.length;
  const apiExitsBeforePg = api.unexpectedExits.length;
  // PostgreSQL goes down while notices are being sent: a wave starts, and the stop comes as soon as
  // a ledger row is pending (written, its mail on its way). The wave's remaining calls meet the
  // outage and are repeated until the database is back.
  const waveDuringPg = startWave(opts.perWave);
  const inFlight = await waitForSendInFlight(10_000);
  const probes: { route: string; status: number; code: string; retryAfter: string | null; ms: number }[] = [];
  const probeRoutes: [string, string, unknown][] = [
    ['GET', '/api/units?limit=5', undefined],
    ['GET', '/api/notifications?limit=5', undefined],
    ['GET', `/api/units/${runTag}-c1-0/obligation`, undefined],
    [
      'POST',
      '/api/units',
      {
        code: `${runTag}-during-outage`,
        name: '停库期间',
        level: 'community',
        convenerName: '测试',
        convenerEmail: 'outage@chaos.example',
      },
    ],
    ['POST', '/api/auth/login', { username: ADMIN, password }],
    ['GET', '/readyz', undefined], // readiness: a load balancer would take the API out
  ];
  const pgStopping = Date.now();
  const serverAliveBeforePg = temporal.alive();
  await postgres.stop('fast');
  const pgDownAt = Date.now();
  say(`PostgreSQL stopped at ${new Date(pgDownAt).toISOString()} for ${opts.pgDown}s: calling the API`);
  let healthz = 0;
  while (Date.now() - pgDownAt < opts.pgDown * 1000) {
    for (const [method, route, body] of probeRoutes) {
      const t0 = Date.now();
      const a = await http(method, route, body);
      probes.push({
        route: `${method} ${route}`,
        status: a.status,
        code: errorCodeOf(a),
        retryAfter: a.retryAfter,
        ms: Date.now() - t0,
      });
    }
    if ((await http('GET', '/healthz')).status === 200) healthz++;
    await sleep(500);
  }
  await postgres.start(pgLog);
  const pgUpAt = Date.now();
  pgOutages.push({ from: pgStopping, to: pgUpAt });
  say(`PostgreSQL started again (down ${((pgUpAt - pgDownAt) / 1000).toFixed(1)}s)`);
  await waveDuringPg;
  let recoveredAfter: number | undefined;
  const afterProbes: string[] = [];
  while (Date.now() - pgUpAt < 60_000) {
    const a = await http('GET', '/api/units?limit=1');
    if (a.status === 200) {
      recoveredAfter = (Date.now() - pgUpAt) / 1000;
      break;
    }
    afterProbes.push(`${a.status} ${errorCodeOf(a)}`);
    await sleep(250);
  }
  await startWave(opts.perWave);
  const pgQuiet = await waitQuiet(opts.quietTimeout);
  // Notices PostgreSQL's stop caught between the SMTP server's acceptance and the ledger's "sent".
  const afterPg = await snapshot();
  // Their first delivery came before the outage ended, their "sent" was written after it began.
  const caught = afterPg.rows
    .filter((r) => r.writtenAt && r.writtenAt.getTime() >= pgStopping)
    .map((r) => afterPg.deliveries.filter((d) => d.messageId === r.messageId).map((d) => Date.parse(d.receivedAt)))
    .filter((times) => times.length > 0 && Math.min(...times) >= pgStopping - 2_000 && Math.min(...times) <= pgUpAt);
  const good = probes.filter(
    (p) => p.status === 503 && p.code === 'database_unavailable' && p.retryAfter !== null && /^\d+$/.test(p.retryAfter),
  );
  const bad = probes.filter((p) => !good.includes(p));
  const pgNotes = [
    `PostgreSQL stopped ${inFlight ? 'while a send was in flight (a ledger row pending)' : 'with no send seen in flight within 10 s'}: stop asked ${iso(pgStopping)}, done ${iso(pgDownAt)}; started again ${iso(pgUpAt)}`,
    `PostgreSQL down ${opts.pgDown}s; API calls while down: ${probes.length}, answered 503 database_unavailable with Retry-After: ${good.length}, slowest ${Math.max(0, ...probes.map((p) => p.ms))} ms; /healthz 200: ${healthz}`,
    recoveredAfter === undefined
      ? 'the API did not answer 200 within 60 s of PostgreSQL returning'
      : `the API answered 200 again ${recoveredAfter.toFixed(1)}s after PostgreSQL returned (no restart)${afterProbes.length ? `; before that: ${[...new Set(afterProbes)].join(', ')}` : ''}`,
    `activity attempts failed (worker log): ${activityFailures() - failuresBefore}; worker exits by itself: ${worker.unexpectedExits.length - workerExitsBeforePg}`,
    `notices accepted by SMTP before the ledger could mark them sent (PostgreSQL went down in between): ${caught.length}; delivered once: ${caught.filter((t) => t.length === 1).length}, more than once: ${caught.filter((t) => t.length > 1).length}`,
  ];
  if (opts.cluster)
    pgNotes.push(
      `the Temporal server ran on this PostgreSQL throughout (its databases restarted under it): ${serverAliveBeforePg && temporal.alive() ? 'it stayed up and served again by itself (same process)' : 'it did NOT survive'}`,
    );
  judge('PostgreSQL outage', t, pgQuiet, pgNotes);
  const pgPhase = phases.at(-1)!;
  const badByKind = new Map<string, number>();
  for (const b of bad)
    badByKind.set(`${b.route} → ${b.status} ${b.code}`, (badByKind.get(`${b.route} → ${b.status} ${b.code}`) ?? 0) + 1);
  for (const [k, n] of badByKind)
    pgPhase.problems.push(`while PostgreSQL was down: ${k} (${n}×), not 503 database_unavailable with Retry-After`);
  if (probes.length === 0) pgPhase.problems.push('no API call was made while PostgreSQL was down');
  if (recoveredAfter === undefined) pgPhase.problems.push('the API did not recover by itself');
  if (api.unexpectedExits.length > apiExitsBeforePg) pgPhase.problems.push('the API exited');
  if (worker.unexpectedExits.length > workerExitsBeforePg) pgPhase.problems.push('the worker exited');
  if (!temporal.alive()) pgPhase.problems.push('the Temporal server exited');
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const outageUnit = await c
    .query<{ n: string }>('SELECT count(*) AS n FROM "Unit" WHERE code = $1', [`${runTag}-during-outage`])
    .finally(() => c.end());
  if (Number(outageUnit.rows[0]!.n))
    pgPhase.problems.push('a unit refused with 503 during the outage exists after all');

  // --- Final ---------------------------------------------------------------------------------
  const last = phases.at(-1)!.f;
  if (unnotified.length)
    say(`note: ${unnotified.length} escalation(s) answered workflowNotified=false (the API could not reach Temporal)`);
  const anyExit = api.unexpectedExits.length + worker.unexpectedExits.length;
  const ok = phases.every((p) => p.problems.length === 0) && anyExit === 0;
  const report = printReport(opts, ok);
  fs.writeFileSync(path.join(ARTIFACTS, 'summary.txt'), report);
  say(
    `totals: ${created.units.size} units, ${created.meetings.length} meetings, ${created.items.length} items; ${last.expected} notices owed, ${last.sentRows} ledger rows sent, ${last.rawDeliveries} deliveries (${last.distinctDeliveries} distinct Message-IDs); worker started ${worker.spawns} times`,
  );
  return ok ? 0 : 1;
}

let opts0: Options | undefined;
try {
  opts0 = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}

const limit = setTimeout(() => {
  process.stderr.write(`\n[chaos] over --max-seconds ${opts0.maxSeconds}: stopping\n`);
  printReport(opts0, false, `time limit of ${opts0.maxSeconds}s exceeded`);
  void cleanupAll().finally(() => process.exit(1));
}, opts0.maxSeconds * 1000);
limit.unref();

// Whatever goes wrong, nothing this script started outlives it.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.once(event, (err: unknown) => {
    process.stderr.write(`\n[chaos] ${event}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    printReport(opts0, false, `${event}: ${String(err)}`);
    void cleanupAll().finally(() => process.exit(1));
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n[chaos] ${signal}: cleaning up\n`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main(opts0)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    process.stderr.write(`chaos: FAIL — ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    if (phases.length) printReport(opts0, false, String(err));
    await cleanupAll();
    process.exit(1);
  });
