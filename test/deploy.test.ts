/**
 * The deployment files (deploy/systemd/, deploy/env/) stay true to the code: every variable
 * infra/config.ts reads is in an example environment file or named here as not for production;
 * the examples load through loadConfig as a production API and worker; every variable the
 * Temporal server's config/temporal/cluster.yaml reads is in temporal.env.example; the units
 * name files that exist, give a stop more time than SHUTDOWN_TIMEOUT_SECONDS, and pass
 * `systemd-analyze verify`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../infra/config';

const ROOT = path.resolve(__dirname, '..');
const ENV_DIR = path.join(ROOT, 'deploy', 'env');
const UNIT_DIR = path.join(ROOT, 'deploy', 'systemd');
const UNITS = ['donggang-temporal.service', 'donggang-worker@.service', 'donggang-api@.service'];

/** Variables infra/config.ts reads that a production API or worker does not take, and why. */
const NOT_FOR_PRODUCTION: Record<string, string> = {
  TOOLS_DIR: 'npm run setup: the tool folder',
  TOOLS_CACHE_DIR: 'npm run setup: the machine-wide tool cache',
  XDG_CACHE_HOME: 'npm run setup: the tool cache’s default',
  PATH: 'npm run setup: where tools are looked for (systemd sets it)',
  TEMPORAL_DEV_PORT: 'embedded dev server (npm start)',
  TEMPORAL_UI_PORT: 'embedded dev server’s Web UI (npm start)',
  TEMPORAL_CLI_PATH: 'npm run setup / npm start: the Temporal CLI',
  TEMPORAL_TEST_SERVER_PATH: 'tests: the Java time-skipping server',
  TEMPORAL_SERVER_DIR: 'npm run cluster: the built server (production: donggang-temporal.service)',
  CLUSTER_FRONTEND_PORT: 'npm run cluster (production: temporal.env FRONTEND_GRPC_PORT)',
  CLUSTER_POSTGRES_PORT: 'npm run cluster: its own PostgreSQL',
  CLUSTER_POSTGRES_URL: 'npm run cluster: a PostgreSQL server instead of its own',
  MAIL_SINK_PORT: 'embedded mail sink (no SMTP_URL)',
  CHROMIUM_PATH: 'tests: the browser',
  TEST_POSTGRES_URL: 'tests: the PostgreSQL half',
  ROLE: 'main/api.ts and main/worker.ts choose their role themselves',
  API_KEY: 'the command-line clients (npm run import, seed:demo), not the services',
  PORT: 'set by donggang-api@<port>.service from its instance name',
  DATA_DIR: 'set by the units per instance (StateDirectory)',
};

/** `KEY=value` and commented `#KEY=value` lines of an environment file (systemd's syntax). */
function envFile(name: string): { set: Record<string, string>; commented: Set<string> } {
  const set: Record<string, string> = {};
  const commented = new Set<string>();
  for (const line of fs.readFileSync(path.join(ENV_DIR, name), 'utf8').split('\n')) {
    const on = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (on) set[on[1]!] = on[2]!.trim();
    const off = /^#\s?([A-Z][A-Z0-9_]*)=/.exec(line);
    if (off) commented.add(off[1]!);
  }
  return { set, commented };
}

/** The variables of infra/config.ts's schema (the keys of `envSchema = z.object({ … })`). */
function configVariables(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'infra', 'config.ts'), 'utf8');
  const body = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1];
  if (!body) throw new Error('envSchema not found in infra/config.ts');
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

function unit(name: string): string {
  return fs.readFileSync(path.join(UNIT_DIR, name), 'utf8');
}

function directives(text: string, key: string): string[] {
  return [...text.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
}

const exampleFiles = fs.readdirSync(ENV_DIR).filter((f) => f.endsWith('.env.example'));

test('every variable infra/config.ts reads is in an example environment file, or named as not for production', () => {
  const documented = new Set<string>();
  for (const f of exampleFiles) {
    const { set, commented } = envFile(f);
    for (const k of [...Object.keys(set), ...commented]) documented.add(k);
  }
  const variables = configVariables();
  expect(variables.length).toBeGreaterThan(30);
  const missing = variables.filter((v) => !documented.has(v) && !(v in NOT_FOR_PRODUCTION));
  expect(missing).toEqual([]);
  // …and nothing is named that the code no longer reads.
  const stale = Object.keys(NOT_FOR_PRODUCTION).filter((v) => !variables.includes(v));
  expect(stale).toEqual([]);
  const unknown = ['common', 'api', 'worker']
    .flatMap((n) => [...Object.keys(envFile(`${n}.env.example`).set), ...envFile(`${n}.env.example`).commented])
    .filter((v) => !variables.includes(v));
  expect(unknown).toEqual([]);
});

test.each([
  ['api', 'api.env.example'],
  ['worker', 'worker.env.example'],
])('the examples load as a production %s: common.env + %s (the unit’s PORT and DATA_DIR)', (role, file) => {
  const env = {
    ...envFile('common.env.example').set,
    ...envFile(file).set,
    PORT: '3000',
    DATA_DIR: path.join(os.tmpdir(), 'donggang-deploy-test'),
  };
  for (const k of ['PORT', 'DATA_DIR']) {
    expect(envFile('common.env.example').set[k]).toBeUndefined();
    expect(envFile(file).set[k]).toBeUndefined();
  }
  const config = loadConfig(env);
  expect(config.env).toBe('production');
  expect(config.temporal.address).toBe('127.0.0.1:7233');
  expect(config.database.kind).toBe('postgres');
  expect(config.auth.tokenSecret!.length).toBeGreaterThanOrEqual(32);
  if (role === 'worker') expect(config.mail.smtpUrl).toMatch(/^smtps?:\/\//);
  if (role === 'api') expect(config.auth.bootstrapAdmin?.username).toBe('admin');
});

test('temporal.env.example names every variable config/temporal/cluster.yaml reads', () => {
  const yaml = fs.readFileSync(path.join(ROOT, 'config', 'temporal', 'cluster.yaml'), 'utf8');
  expect(yaml.split('\n')[0]).toBe('# enable-template');
  const read = new Set([...yaml.matchAll(/env "([A-Z][A-Z0-9_]*)"/g)].map((m) => m[1]!));
  expect(read.size).toBeGreaterThan(5);
  const { set, commented } = envFile('temporal.env.example');
  expect([...read].filter((v) => !(v in set) && !commented.has(v))).toEqual([]);
  expect(Object.keys(set).filter((v) => !read.has(v))).toEqual([]);
  // The dynamic config it names ships in the repository.
  expect(set.DYNAMIC_CONFIG_FILE_PATH).toBe('/opt/donggang/app/config/temporal/dynamicconfig.yaml');
  expect(fs.existsSync(path.join(ROOT, 'config', 'temporal', 'dynamicconfig.yaml'))).toBe(true);
});

test('the units start what exists in the repository, read the example files, and outlast SHUTDOWN_TIMEOUT_SECONDS', () => {
  const shutdownSeconds = loadConfig({}).shutdownTimeoutMs / 1000;
  for (const name of UNITS) {
    const text = unit(name);
    const [execStart] = directives(text, 'ExecStart');
    expect(execStart).toBeDefined();
    // Paths inside the checkout (/opt/donggang/app or relative to WorkingDirectory=/opt/donggang/app).
    const files = [...execStart!.matchAll(/(?:\/opt\/donggang\/app\/)?\b((?:main|config)\/[\w/.-]+)/g)].map(
      (m) => m[1]!,
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
    expect(directives(text, 'WorkingDirectory')).toEqual(['/opt/donggang/app']);
    for (const envPath of directives(text, 'EnvironmentFile')) {
      const base = path.basename(envPath.replace(/^-/, ''));
      if (envPath.startsWith('-')) continue; // optional per-instance file
      expect(exampleFiles).toContain(`${base}.example`);
    }
    const timeout = Number(directives(text, 'TimeoutStopSec')[0]);
    expect(timeout).toBeGreaterThan(shutdownSeconds);
  }
  expect(directives(unit('donggang-api@.service'), 'Environment')).toContain('PORT=%i');
  expect(directives(unit('donggang-temporal.service'), 'ExecStart')[0]).toMatch(
    /temporal-server --config-file \/opt\/donggang\/app\/config\/temporal\/cluster\.yaml --allow-no-auth start$/,
  );
});

const systemdAnalyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const verifyTest = systemdAnalyze.status === 0 ? test : test.skip;
if (systemdAnalyze.status !== 0) {
  process.stdout.write(
    'deploy.test: systemd-analyze not found (apt-get install systemd): the units are not verified\n',
  );
}

verifyTest('systemd-analyze verify finds nothing wrong (instances api@3000, worker@1)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-units-'));
  try {
    for (const name of UNITS) fs.copyFileSync(path.join(UNIT_DIR, name), path.join(dir, name));
    fs.symlinkSync('donggang-api@.service', path.join(dir, 'donggang-api@3000.service'));
    fs.symlinkSync('donggang-worker@.service', path.join(dir, 'donggang-worker@1.service'));
    const r = spawnSync(
      'systemd-analyze',
      ['verify', 'donggang-temporal.service', 'donggang-api@3000.service', 'donggang-worker@1.service'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    const complaints = `${r.stdout}${r.stderr}`
      .split('\n')
      .filter((l) => l.trim() !== '')
      // The server's binary is installed on the site, not here.
      .filter((l) => !/Command \/opt\/donggang\/temporal\/temporal-server is not executable/.test(l));
    expect(complaints).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
