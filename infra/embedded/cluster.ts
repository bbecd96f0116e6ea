/**
 * A Temporal cluster on this machine (`npm run cluster`): the Temporal server
 * (go.temporal.io/server, built by infra/embedded/temporal-server.ts) with PostgreSQL persistence
 * and visibility, all four services in one process, from config/temporal/cluster.yaml.
 *
 * startCluster:
 *   1. PostgreSQL: CLUSTER_POSTGRES_URL (an admin URL), else a server of its own — initdb into
 *      DATA_DIR/cluster/postgres (once), started with pg_ctl on CLUSTER_POSTGRES_PORT (127.0.0.1
 *      only; as root, PostgreSQL runs as the postgres user);
 *   2. the databases temporal, temporal_visibility and governance (the service's own) created
 *      where missing; the schemas set up (temporal-sql-tool setup-schema -v 0.0, once) and
 *      updated (update-schema -d …/versioned, every start: a no-op when up to date);
 *   3. the server started (`temporal-server --config-file config/temporal/cluster.yaml start`,
 *      older servers: --root/--config/--env) with its ports and login in its environment;
 *      stdout and stderr into DATA_DIR/cluster/temporal.log;
 *   4. waited for until the frontend answers getSystemInfo; the namespace registered (3 days'
 *      retention; a repeat is harmless) and usable; the search attributes of
 *      domain/search-attributes.ts registered where missing (as the dev server is started with them).
 * stop(): SIGTERM to the server (SIGKILL after 20 s), then PostgreSQL's fast shutdown.
 * The parts are exported for `npm run chaos -- --cluster`, which runs them on a PostgreSQL of its own:
 * LocalPostgres (extra settings, stop fast/immediate and start again), prepareClusterDatabases (2),
 * startClusterServer (3 and 4; a ClusterServer with its pid, kill9() and stop(), started again on the
 * same ports once they are free) and freeClusterFrontendPort.
 * Ports: the frontend on CLUSTER_FRONTEND_PORT (7233); the other services next to it (clusterPorts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import pg from 'pg';
import { SEARCH_ATTRIBUTE_KEYS } from '../../domain/search-attributes';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import { isListening } from '../net';
import { resolveTemporalServer, type TemporalServerTools } from './temporal-server';
import { formatDuration, pidAlive, tail } from './tools';

export const CLUSTER_CONFIG_DIR = path.resolve(__dirname, '..', '..', 'config', 'temporal');
export const CLUSTER_CONFIG_FILE = path.join(CLUSTER_CONFIG_DIR, 'cluster.yaml');
export const CLUSTER_DYNAMIC_CONFIG_FILE = path.join(CLUSTER_CONFIG_DIR, 'dynamicconfig.yaml');
const REPO_ROOT = path.resolve(CLUSTER_CONFIG_DIR, '..', '..');

export const TEMPORAL_DATABASE = 'temporal';
export const VISIBILITY_DATABASE = 'temporal_visibility';
/** The service's own database (DATABASE_URL) on the cluster's PostgreSQL. */
export const SERVICE_DATABASE = 'governance';
export const RETENTION_DAYS = 3;

export interface Cluster {
  /** host:port of the frontend (TEMPORAL_ADDRESS). */
  address: string;
  namespace: string;
  /** The service's database on the cluster's PostgreSQL (DATABASE_URL; it holds the password). */
  postgres: { url: string };
  /** The server's version, e.g. 1.32.2. */
  version: string;
  /** DATA_DIR/cluster: temporal.log, postgres.log. */
  dir: string;
  /** The server's process, and PostgreSQL's postmaster when the cluster runs its own. */
  processes: { server: number; postgres: number | undefined };
  stop(): Promise<void>;
}

/** The server's ports: the frontend on `frontend`, the others at fixed offsets from it. */
export function clusterPorts(frontend: number) {
  return {
    frontend,
    frontendHttp: frontend + 10,
    history: frontend + 1,
    matching: frontend + 2,
    worker: frontend + 6,
    frontendMembership: frontend - 300,
    historyMembership: frontend - 299,
    matchingMembership: frontend - 298,
    workerMembership: frontend - 294,
  };
}

export type ClusterPorts = ReturnType<typeof clusterPorts>;

export class ClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The last lines of a log file, indented, for an error message. */
function logTail(file: string, n = 15): string {
  try {
    // The server logs JSON lines: without their Go stack traces they say what went wrong.
    const lines = fs
      .readFileSync(file, 'utf8')
      .slice(-200_000)
      .split('\n')
      .map((line) => {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          delete entry.stacktrace;
          return JSON.stringify(entry);
        } catch {
          return line;
        }
      });
    return tail(lines.join('\n'), n);
  } catch {
    return '    (no log)';
  }
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL of its own

/** The newest /usr/lib/postgresql/<v>/bin with initdb and pg_ctl, else the first on PATH. */
export function findPgBin(config: AppConfig): string {
  const has = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => has(path.join(base, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(base, versions[0], 'bin');
  const onPath = config.searchPath.find(has);
  if (onPath) return onPath;
  throw new ClusterError(
    'The PostgreSQL server programs (initdb, pg_ctl) are not installed: apt-get install -y postgresql, or set CLUSTER_POSTGRES_URL to an admin URL of a PostgreSQL server.',
  );
}

/** What a LocalPostgres may be given beyond its folder and port (npm run chaos: its own settings and log). */
export interface LocalPostgresOptions {
  /** Extra server settings, `name=value` each (passed as `-c name=value`), e.g. fsync=off. */
  settings?: string[];
  /** Where PostgreSQL logs (default: postgres.log next to its data folder). */
  logFile?: string;
}

/**
 * PostgreSQL in DATA_DIR/cluster/postgres: initdb once, pg_ctl start; stopped by signal. It can be
 * stopped (fast or immediate) and started again on the same folder and port (npm run chaos).
 */
export class LocalPostgres {
  readonly dataDir: string;
  readonly logFile: string;
  private readonly passwordFile: string;
  private readonly asUser: { uid: number; gid: number } | undefined;
  private pid: number | undefined;
  private readonly killOnExit = () => {
    // Fast shutdown: PostgreSQL finishes it on its own after this process is gone.
    if (this.pid && pidAlive(this.pid)) process.kill(this.pid, 'SIGINT');
  };

  constructor(
    private readonly bin: string,
    private readonly clusterDir: string,
    readonly port: number,
    private readonly options: LocalPostgresOptions = {},
  ) {
    this.dataDir = path.join(clusterDir, 'postgres');
    this.logFile = options.logFile ?? path.join(clusterDir, 'postgres.log');
    this.passwordFile = path.join(clusterDir, 'postgres.password');
    // PostgreSQL refuses to run as root: its programs run as the postgres user then.
    if (process.getuid?.() === 0) {
      const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
      const uid = id('-u');
      const gid = id('-g');
      if (uid.status !== 0 || gid.status !== 0) {
        throw new ClusterError(
          'Running as root and there is no postgres user to run PostgreSQL as (apt-get install -y postgresql creates it), or set CLUSTER_POSTGRES_URL.',
        );
      }
      this.asUser = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }

  /** The superuser's password: made at initdb, kept owner-only next to the data folder. */
  private password(): string {
    return fs.readFileSync(this.passwordFile, 'utf8').trim();
  }

  adminUrl(database = 'postgres'): string {
    return `postgresql://postgres:${encodeURIComponent(this.password())}@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[], timeoutMs = 120_000): Promise<void> {
    const exe = path.join(this.bin, tool);
    const [cmd, argv] = this.asUser ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
      child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new ClusterError(`${tool} ${args.join(' ')} exited with code ${code}:\n${tail(out)}`));
      });
    });
  }

  /** As root, the postgres user must be able to walk into its folders (others get no listing). */
  private openPath(): void {
    if (!this.asUser) return;
    for (const dir of [path.dirname(this.clusterDir), this.clusterDir]) {
      const mode = fs.statSync(dir).mode & 0o777;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    }
  }

  private chown(p: string): void {
    if (this.asUser) fs.chownSync(p, this.asUser.uid, this.asUser.gid);
  }

  async start(log: Logger): Promise<void> {
    fs.mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    this.openPath();
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) await this.init(log);
    await this.stopLeftover(log);
    if (await isListening(this.port)) {
      throw new ClusterError(
        `Port ${this.port} (the cluster's PostgreSQL) is already in use: stop what runs there, or set CLUSTER_POSTGRES_PORT to a free port.`,
      );
    }
    if (!fs.existsSync(this.logFile)) fs.writeFileSync(this.logFile, '', { mode: 0o600 });
    this.chown(this.logFile);
    const settings = [
      `-p ${this.port}`,
      `-k ${this.dataDir}`,
      '-c listen_addresses=127.0.0.1',
      ...(this.options.settings ?? []).map((s) => `-c ${s}`),
    ].join(' ');
    try {
      await this.run('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', '-o', settings, 'start']);
    } catch (err) {
      throw new ClusterError(
        `PostgreSQL did not start: ${(err as Error).message}\n  ${this.logFile}:\n${logTail(this.logFile)}`,
      );
    }
    this.pid = this.postmasterPid();
    process.once('exit', this.killOnExit);
  }

  private async init(log: Logger): Promise<void> {
    log.info('Cluster: creating its PostgreSQL database cluster (initdb)', { dir: this.dataDir });
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    fs.mkdirSync(this.dataDir, { mode: 0o700 });
    this.chown(this.dataDir);
    fs.writeFileSync(this.passwordFile, randomBytes(18).toString('hex'), { mode: 0o600 });
    // initdb reads the password from a file the postgres user can read; removed right after.
    const pwfile = path.join(this.dataDir, '..', `.pwfile-${process.pid}`);
    fs.writeFileSync(pwfile, this.password(), { mode: 0o600 });
    this.chown(pwfile);
    try {
      await this.run('initdb', [
        '-D',
        this.dataDir,
        '-U',
        'postgres',
        `--pwfile=${pwfile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--locale=C',
      ]);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  /** The running postmaster's process ID (undefined when stopped). */
  get postmaster(): number | undefined {
    return this.pid;
  }

  private postmasterPid(): number | undefined {
    try {
      const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** A PostgreSQL of an earlier run on this folder that was not stopped (killed): stop it first. */
  private async stopLeftover(log: Logger): Promise<void> {
    const pid = this.postmasterPid();
    if (!pid || !pidAlive(pid)) return;
    log.warn('Cluster: a PostgreSQL of an earlier run still runs on this data folder; stopping it', { pid });
    await this.signalAndWait(pid);
  }

  /** Whether its postmaster runs. */
  running(): boolean {
    return this.pid !== undefined && pidAlive(this.pid);
  }

  private async signalAndWait(pid: number, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    process.kill(pid, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    const deadline = Date.now() + 60_000;
    while (pidAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown
        await sleep(2000);
        break;
      }
      await sleep(100);
    }
  }

  /**
   * By signal rather than pg_ctl: once the service runs, DATA_DIR is owner-only again
   * (infra/data-dir.ts) and the postgres user cannot reach its folder to run pg_ctl.
   */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    const pid = this.pid;
    this.pid = undefined;
    if (pid && pidAlive(pid)) await this.signalAndWait(pid, mode);
  }
}

// ---------------------------------------------------------------------------------------------
// Databases and schemas

async function createDatabases(adminUrl: string, log: Logger): Promise<void> {
  await withPg(adminUrl, async (c) => {
    for (const name of [TEMPORAL_DATABASE, VISIBILITY_DATABASE, SERVICE_DATABASE]) {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) continue;
      await c.query(`CREATE DATABASE "${name}"`);
      log.info('Cluster: database created', { database: name });
    }
  });
}

/** Run temporal-sql-tool with the login in its environment (never on a command line). */
function sqlTool(
  tools: TemporalServerTools,
  db: { host: string; port: number; user: string; password: string; database: string },
  args: string[],
): Promise<{ code: number | null; output: string }> {
  const argv = [
    '--plugin',
    'postgres12',
    '--endpoint',
    db.host,
    '--port',
    String(db.port),
    '--user',
    db.user,
    '--database',
    db.database,
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(tools.sqlTool, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { SQL_PASSWORD: db.password, PATH: '/usr/bin:/bin' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output: out }));
  });
}

async function setupSchemas(tools: TemporalServerTools, adminUrl: string, log: Logger): Promise<void> {
  const u = new URL(adminUrl);
  const login = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
  for (const [database, dir] of [
    [TEMPORAL_DATABASE, tools.temporalSchema],
    [VISIBILITY_DATABASE, tools.visibilitySchema],
  ] as const) {
    const db = { ...login, database };
    const hasVersion = await withPg(withDatabase(adminUrl, database), async (c) => {
      const r = await c.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'");
      return !!r.rowCount;
    });
    if (!hasVersion) {
      const setup = await sqlTool(tools, db, ['setup-schema', '-v', '0.0']);
      if (setup.code !== 0) {
        throw new ClusterError(
          `temporal-sql-tool setup-schema -v 0.0 on ${database} failed (exit code ${setup.code}):\n${tail(setup.output)}`,
        );
      }
    }
    const update = await sqlTool(tools, db, ['update-schema', '-d', dir]);
    if (update.code !== 0) {
      throw new ClusterError(
        `temporal-sql-tool update-schema -d ${dir} on ${database} failed (exit code ${update.code}):\n${tail(update.output)}`,
      );
    }
    const version = await withPg(withDatabase(adminUrl, database), async (c) => {
      const r = await c.query<{ curr_version: string }>('SELECT curr_version FROM schema_version LIMIT 1');
      return r.rows[0]?.curr_version;
    });
    log.info('Cluster: schema up to date', { database, version });
  }
}

// ---------------------------------------------------------------------------------------------
// The server

/** `--config-file` (v1.30+) or the older --root/--config/--env form, whichever the binary has. */
function serverArgs(server: string): string[] {
  const help = spawnSync(server, ['--help'], { encoding: 'utf8', timeout: 20_000 });
  if (/--config-file/.test(`${help.stdout ?? ''}${help.stderr ?? ''}`)) {
    return ['--config-file', CLUSTER_CONFIG_FILE, '--allow-no-auth', 'start'];
  }
  return [
    '--root',
    REPO_ROOT,
    '--config',
    path.relative(REPO_ROOT, CLUSTER_CONFIG_DIR),
    '--env',
    path.basename(CLUSTER_CONFIG_FILE, '.yaml'),
    '--allow-no-auth',
    'start',
  ];
}

/** What config/temporal/cluster.yaml reads from the environment. */
function serverEnv(ports: ClusterPorts, adminUrl: string): Record<string, string> {
  const u = new URL(adminUrl);
  return {
    PATH: '/usr/bin:/bin',
    LOG_LEVEL: 'warn',
    POSTGRES_SEEDS: u.hostname,
    DB_PORT: u.port || '5432',
    POSTGRES_USER: decodeURIComponent(u.username),
    POSTGRES_PWD: decodeURIComponent(u.password),
    DBNAME: TEMPORAL_DATABASE,
    VISIBILITY_DBNAME: VISIBILITY_DATABASE,
    BIND_ON_IP: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(ports.frontend),
    FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    FRONTEND_MEMBERSHIP_PORT: String(ports.frontendMembership),
    HISTORY_GRPC_PORT: String(ports.history),
    HISTORY_MEMBERSHIP_PORT: String(ports.historyMembership),
    MATCHING_GRPC_PORT: String(ports.matching),
    MATCHING_MEMBERSHIP_PORT: String(ports.matchingMembership),
    WORKER_GRPC_PORT: String(ports.worker),
    WORKER_MEMBERSHIP_PORT: String(ports.workerMembership),
    DYNAMIC_CONFIG_FILE_PATH: CLUSTER_DYNAMIC_CONFIG_FILE,
  };
}

const ALREADY_EXISTS = 6;

/** Wait for the frontend, register the namespace, wait until it serves, add the search attributes. */
async function prepareNamespace(
  address: string,
  namespace: string,
  log: Logger,
  exited: Promise<never>,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await Promise.race([fn(), exited]);
      } catch (err) {
        if (err instanceof ClusterError || Date.now() > deadline) {
          throw err instanceof ClusterError ? err : new ClusterError(`${what}: ${String(err)}`);
        }
        await sleep(500);
      }
    }
  };
  const connection = await attempt('The frontend did not answer within 120 s', () =>
    Connection.connect({ address, connectTimeout: 5_000 }),
  );
  try {
    await attempt('The frontend did not answer getSystemInfo within 120 s', () =>
      connection.workflowService.getSystemInfo({}),
    );
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${RETENTION_DAYS} days`),
        description: 'donggang-governance',
      });
      log.info('Cluster: namespace registered', { namespace, retentionDays: RETENTION_DAYS });
    } catch (err) {
      if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
    }
    // A new namespace is served once the frontend's namespace cache has it (a few seconds).
    await attempt(`The namespace ${namespace} was not served within 120 s`, () =>
      connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 }),
    );
    const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = SEARCH_ATTRIBUTE_KEYS.filter((k) => !(k.name in listed.customAttributes)).map((k) => k.name);
    if (missing.length) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
      });
      log.info('Cluster: search attributes registered', { namespace, attributes: missing });
    }
  } finally {
    await connection.close();
  }
}

/** The server's ports that something listens on now. */
async function busyPorts(ports: ClusterPorts): Promise<[string, number][]> {
  const busy: [string, number][] = [];
  for (const [name, port] of Object.entries(ports)) if (await isListening(port)) busy.push([name, port]);
  return busy;
}

/**
 * Throw unless every port of the server is free — within `withinMs` (after a kill -9 of the server
 * its ports can take a moment to be let go of).
 */
export async function ensurePortsFree(ports: ClusterPorts, withinMs = 0): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const busy = await busyPorts(ports);
    if (!busy.length) return;
    if (Date.now() >= deadline) {
      const [name, port] = busy[0]!;
      throw new ClusterError(
        `Port ${port} (the Temporal server's ${name} port) is already in use: stop what runs there, or set CLUSTER_FRONTEND_PORT (the server uses ports ${ports.frontendMembership}–${ports.frontendHttp} around it).`,
      );
    }
    await sleep(200);
  }
}

/** A frontend port (≤ 32757) whose server ports are all free now (npm run chaos). */
export async function freeClusterFrontendPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const frontend = 20_000 + Math.floor(Math.random() * 12_700);
    if (!(await busyPorts(clusterPorts(frontend))).length) return frontend;
  }
  throw new ClusterError('No free port range for the Temporal server between 19700 and 32710');
}

/** The databases temporal, temporal_visibility and governance where missing, and the schemas up to date. */
export async function prepareClusterDatabases(
  tools: TemporalServerTools,
  adminUrl: string,
  log: Logger,
): Promise<void> {
  try {
    await createDatabases(adminUrl, log);
  } catch (err) {
    throw new ClusterError(`Cannot create the cluster's databases on ${new URL(adminUrl).host}: ${String(err)}`);
  }
  await setupSchemas(tools, adminUrl, log);
}

/** The server process of a cluster. */
export interface ClusterServer {
  /** host:port of the frontend. */
  address: string;
  pid: number;
  logFile: string;
  /** Whether the process still runs. */
  alive(): boolean;
  /** kill -9 of the server (npm run chaos), resolved once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, SIGKILL after 20 s. */
  stop(): Promise<void>;
}

export interface ClusterServerOptions {
  tools: TemporalServerTools;
  ports: ClusterPorts;
  /** Admin URL of the PostgreSQL that holds the databases (prepareClusterDatabases). */
  adminUrl: string;
  namespace: string;
  /** The server's stdout and stderr (appended). */
  logFile: string;
  log: Logger;
  /** How long to wait for its ports to be free (0: they must be free now). */
  portsFreeWithinMs?: number;
}

function spawnServer(o: ClusterServerOptions): ChildProcess {
  const out = fs.openSync(o.logFile, 'a', 0o600);
  try {
    return spawn(o.tools.server, serverArgs(o.tools.server), {
      cwd: REPO_ROOT,
      env: serverEnv(o.ports, o.adminUrl),
      stdio: ['ignore', out, out],
    });
  } finally {
    fs.closeSync(out);
  }
}

/**
 * Start the server on its ports and databases, wait until it serves the namespace (registered,
 * with the search attributes). Called again after a kill (npm run chaos) it comes back on the same
 * ports and databases.
 */
export async function startClusterServer(o: ClusterServerOptions): Promise<ClusterServer> {
  await ensurePortsFree(o.ports, o.portsFreeWithinMs ?? 0);
  const child = spawnServer(o);
  const exitedWith = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const server: ClusterServer = {
    address: `127.0.0.1:${o.ports.frontend}`,
    pid: child.pid ?? -1,
    logFile: o.logFile,
    alive,
    kill9: async () => {
      process.removeListener('exit', killOnExit);
      if (!alive()) return;
      child.kill('SIGKILL');
      await exitedWith;
    },
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exitedWith;
      clearTimeout(timer);
    },
  };
  try {
    const exited = exitedWith.then((code): never => {
      throw new ClusterError(
        `The Temporal server exited (code ${code}) while starting. ${o.logFile}:\n${logTail(o.logFile)}`,
      );
    });
    exited.catch(() => undefined);
    // Until the frontend listens — or the server has exited (then `exited` says why).
    const listenBy = Date.now() + 120_000;
    while (!(await Promise.race([isListening(o.ports.frontend), exited]))) {
      if (Date.now() > listenBy)
        throw new ClusterError(
          `The Temporal server did not listen on ${server.address} within 120 s. ${o.logFile}:\n${logTail(o.logFile)}`,
        );
      await sleep(100);
    }
    await prepareNamespace(server.address, o.namespace, o.log, exited);
    return server;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Start PostgreSQL (or use CLUSTER_POSTGRES_URL), the schemas, the server and the namespace. */
export async function startCluster(config: AppConfig, log: Logger): Promise<Cluster> {
  const started = Date.now();
  const clusterDir = path.join(config.dataDir, 'cluster');
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const tools = await resolveTemporalServer(config, { install: true, log: (m) => log.info(m) });
  const ports = clusterPorts(config.temporal.cluster.frontendPort);
  await ensurePortsFree(ports);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const s of stops.splice(0).reverse()) {
      try {
        await s();
      } catch (err) {
        log.warn('Cluster: error while stopping', { err: String(err) });
      }
    }
  };
  try {
    let adminUrl: string;
    let postgresPid: number | undefined;
    if (config.temporal.cluster.postgresUrl) {
      adminUrl = config.temporal.cluster.postgresUrl;
    } else {
      const pgServer = new LocalPostgres(findPgBin(config), clusterDir, config.temporal.cluster.postgresPort);
      await pgServer.start(log);
      stops.push(() => pgServer.stop());
      adminUrl = pgServer.adminUrl();
      postgresPid = pgServer.postmaster;
    }
    await prepareClusterDatabases(tools, adminUrl, log);
    const logFile = path.join(clusterDir, 'temporal.log');
    const server = await startClusterServer({
      tools,
      ports,
      adminUrl,
      namespace: config.temporal.namespace,
      logFile,
      log,
    });
    stops.push(() => server.stop());
    log.info(`Cluster: Temporal server v${tools.version} up in ${formatDuration(Date.now() - started)}`, {
      address: server.address,
      namespace: config.temporal.namespace,
      logs: clusterDir,
    });
    return {
      address: server.address,
      namespace: config.temporal.namespace,
      postgres: { url: withDatabase(adminUrl, SERVICE_DATABASE) },
      version: tools.version,
      dir: clusterDir,
      processes: { server: server.pid, postgres: postgresPid },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The service's config on the cluster: its address and namespace, and its database unless DATABASE_URL is set. */
export function serviceConfigOn(
  config: AppConfig,
  cluster: Pick<Cluster, 'address' | 'namespace' | 'postgres'>,
): AppConfig {
  return {
    ...config,
    temporal: { ...config.temporal, address: cluster.address, namespace: cluster.namespace },
    database: config.database.kind === 'postgres' ? config.database : { kind: 'postgres', url: cluster.postgres.url },
  };
}
