/**
 * `npm run fuzz`: Schemathesis against the running API and its own OpenAPI document.
 *
 * 1. Schemathesis (pinned, from PyPI) in a Python venv at .tools/venv, created on first use.
 * 2. The whole embedded stack (Temporal dev server, PGlite, mail sink, worker, API) in this
 *    process, on free ports, in a throwaway DATA_DIR, with a bootstrap admin.
 * 3. Logs in as that admin, registers a small tree
 *    (donggang → gangbei → bihai, the codes the document's examples use).
 * 4. `schemathesis run <api>/openapi.json` with the checks: no 5xx, every status, content type
 *    and body as documented. Bounded in examples and time.
 * 5. Stops the stack, prints one summary line, exits non-zero on any failure.
 *
 * Options: --fuzz-max-examples N (per operation, default 25), --fuzz-max-time S (seconds of
 * Schemathesis, default 240), --fuzz-seed N, --fuzz-workers N (default 2), --fuzz-keep-data (keep
 * the DATA_DIR). Any other argument goes on to Schemathesis:
 * `npm run fuzz -- --fuzz-max-time 120 --generation-allow-x00 false`.
 * Reports (JUnit, NDJSON events) and the server's log: test-artifacts/fuzz/.
 */
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenApiDocument } from '../api/openapi';
import { loadConfig } from '../infra/config';
import type { Logger } from '../infra/log';
import { freePort } from '../infra/net';
import { run, type Running } from '../main/runtime';
import { ensureSetup } from '../infra/embedded/setup';

const SCHEMATHESIS_VERSION = '4.32.5';
const ROOT = path.resolve(__dirname, '..');
const VENV = path.join(ROOT, '.tools', 'venv');
const REPORT_DIR = path.join(ROOT, 'test-artifacts', 'fuzz');
/** Schemathesis's working folder (its example database; `st replay <id>` runs from here). */
const ST_HOME = path.join(ROOT, '.tools', 'schemathesis');
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];

const started = Date.now();
const say = (line: string) =>
  process.stdout.write(`[fuzz ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${line}\n`);

/** This script's own options (--fuzz-…); every other argument is Schemathesis's. */
function parseOptions(argv: string[]) {
  const own: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--fuzz-keep-data') own['keep-data'] = '1';
    else if (arg.startsWith('--fuzz-')) {
      const [name, inline] = arg.slice('--fuzz-'.length).split('=', 2) as [string, string | undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      own[name] = value;
    } else rest.push(arg);
  }
  const int = (name: string, fallback: number): number => {
    const raw = own[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--fuzz-${name} must be a positive integer, not ${raw}`);
    return n;
  };
  return {
    maxExamples: int('max-examples', 25),
    maxTime: int('max-time', 240),
    workers: int('workers', 2),
    seed: own.seed ?? String(randomBytes(4).readUInt32BE()),
    keepData: own['keep-data'] === '1',
    schemathesisArgs: rest,
  };
}

/** Schemathesis in .tools/venv, installed on first use (pip's cache makes a re-install quick). */
function ensureSchemathesis(): string {
  const bin = path.join(VENV, 'bin', 'schemathesis');
  const current = fs.existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  if (current === `schemathesis, version ${SCHEMATHESIS_VERSION}`) return bin;
  say(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${path.relative(ROOT, VENV)}`);
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', VENV]],
    [
      path.join(VENV, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    ],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
  }
  return bin;
}

/** The server's log goes to a file: Schemathesis owns the terminal. */
function fileLogger(file: string): Logger & { errors(): number } {
  const fd = fs.openSync(file, 'w');
  let errors = 0;
  const at = (level: string) => (msg: string, meta?: unknown) => {
    if (level === 'ERROR') errors++;
    let rendered = '';
    if (meta instanceof Error) rendered = ` ${meta.stack ?? meta.message}`;
    else if (meta !== undefined) {
      try {
        rendered = ` ${JSON.stringify(meta)}`;
      } catch {
        rendered = ` ${Object.prototype.toString.call(meta)}`;
      }
    }
    fs.writeSync(fd, `${new Date().toISOString()} ${level.padEnd(5)} ${msg}${rendered}\n`);
  };
  return { debug: () => undefined, info: at('INFO'), warn: at('WARN'), error: at('ERROR'), errors: () => errors };
}

async function call(
  api: string,
  method: string,
  route: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL(route, api), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

/**
 * Bodies Schemathesis does not make (issue 18): a 10 KB deeply nested JSON body, and a lone
 * surrogate (\ud800, valid JSON, not valid Unicode) in a text field and in the login username.
 * Each must be answered 400 naming the field; returns what was answered otherwise.
 */
async function hostileBodies(api: string, headers: Record<string, string>): Promise<string[]> {
  const nested = '['.repeat(5000) + ']'.repeat(5000);
  const deepObject = `{"minutes":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`;
  const cases: [string, string, string, Record<string, string>][] = [
    ['POST', '/api/auth/login', nested, {}],
    ['POST', '/api/auth/login', '{"username":"\\ud800","password":"x"}', {}],
    ['POST', '/api/units', nested, headers],
    [
      'POST',
      '/api/units',
      '{"code":"x","name":"\\ud800","level":"city","convenerName":"a","convenerEmail":"a@example.org"}',
      headers,
    ],
    ['PATCH', '/api/units/bihai', '{"convenerName":"\\udc00"}', headers],
    ['POST', '/api/units/bihai/meetings', deepObject, headers],
    ['POST', '/api/units/bihai/meetings', '{"heldOn":"2026-01-05","minutes":"\\ud800"}', headers],
  ];
  const failed: string[] = [];
  for (const [method, route, body, h] of cases) {
    const res = await fetch(new URL(route, api), {
      method,
      headers: { 'content-type': 'application/json', ...h },
      body,
    });
    const text = await res.text();
    if (res.status !== 400) failed.push(`${method} ${route} (${body.slice(0, 40)}…) answered ${res.status}: ${text}`);
  }
  return failed;
}

/** The tree the document's examples name: donggang (city) → gangbei (street) → bihai (community). */
const SEED_UNITS = [
  { code: 'donggang', name: '东港市', level: 'city' },
  { code: 'gangbei', name: '港北街道', level: 'street', parentCode: 'donggang' },
  { code: 'bihai', name: '碧海社区', level: 'community', parentCode: 'gangbei' },
].map((u) => ({ ...u, convenerName: '召集人', convenerEmail: `${u.code}@example.org` }));

interface JunitTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function junitTotals(file: string): JunitTotals | undefined {
  if (!fs.existsSync(file)) return undefined;
  const xml = fs.readFileSync(file, 'utf8');
  const totals: JunitTotals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  // Per test suite; the <testsuites> wrapper (if any) is skipped to avoid counting twice.
  for (const m of xml.matchAll(/<testsuite\s([^>]*)>/g)) {
    for (const key of Object.keys(totals) as (keyof JunitTotals)[]) {
      const v = new RegExp(`\\b${key}="(\\d+)"`).exec(m[1]!)?.[1];
      if (v) totals[key] += Number(v);
    }
  }
  return totals;
}

async function main(): Promise<number> {
  const { maxExamples, maxTime, workers, seed, keepData, schemathesisArgs } = parseOptions(process.argv.slice(2));

  const schemathesis = ensureSchemathesis();
  fs.rmSync(REPORT_DIR, { recursive: true, force: true });
  fs.mkdirSync(REPORT_DIR, { recursive: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'donggang-fuzz-'));
  const password = randomBytes(18).toString('base64url');
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    PORT: '0',
    MAIL_SINK_PORT: '0',
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    BOOTSTRAP_ADMIN_USERNAME: 'admin',
    BOOTSTRAP_ADMIN_PASSWORD: password,
  };
  // The embedded stack only: nothing of a real deployment the caller's environment may name.
  for (const k of ['TEMPORAL_ADDRESS', 'TEMPORAL_API_KEY', 'TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_KEY_PATH'])
    delete env[k];
  for (const k of ['DATABASE_URL', 'SMTP_URL', 'PUBLIC_URL', 'AUTH_TOKEN_SECRET']) delete env[k];
  const config = loadConfig(env);
  await ensureSetup(config, say);

  const serverLog = path.join(REPORT_DIR, 'server.log');
  const log = fileLogger(serverLog);
  say(`starting the embedded stack in ${dataDir}`);
  let running: Running | undefined;
  let child: ReturnType<typeof spawn> | undefined;
  const stop = async () => {
    child?.kill('SIGTERM');
    await running?.stop();
    running = undefined;
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => {
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    running = await run('all', config, log);
    const api = running.urls.api!;
    say(`API at ${api}`);

    // Every /api route but the login needs a token: log in as the bootstrap admin.
    const login = await call(api, 'POST', '/api/auth/login', { username: 'admin', password }, {});
    const token = (login.body as { token?: unknown }).token;
    if (login.status !== 200 || typeof token !== 'string') {
      throw new Error(`Login as the bootstrap admin failed: ${login.status} ${JSON.stringify(login.body)}`);
    }
    const headers = { Authorization: `Bearer ${token}` };
    say('logged in as the bootstrap admin');

    for (const unit of SEED_UNITS) {
      const r = await call(api, 'POST', '/api/units', unit, headers);
      if (r.status !== 201 && r.status !== 200)
        throw new Error(`Seeding ${unit.code}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    say(`seeded ${SEED_UNITS.map((u) => u.code).join(' → ')}`);

    const hostile = await hostileBodies(api, headers);
    say(`hostile bodies (nested JSON, lone surrogates): ${hostile.length} not answered 400`);

    // The document as the API serves it; the generated one if this build does not mount it.
    let location = `${api}/openapi.json`;
    const served = await fetch(location);
    const extra: string[] = [];
    const docFile = path.join(REPORT_DIR, 'openapi.json');
    if (served.ok) fs.writeFileSync(docFile, await served.text());
    else {
      fs.writeFileSync(docFile, JSON.stringify(buildOpenApiDocument(), null, 2));
      say(
        `GET /openapi.json answered ${served.status}: using the generated document (${path.relative(ROOT, docFile)})`,
      );
      location = docFile;
      extra.push('--url', api);
    }

    const args = [
      'run',
      location,
      ...extra,
      '--checks',
      CHECKS.join(','),
      '--phases',
      'examples,coverage,fuzzing,stateful',
      '--max-examples',
      String(maxExamples),
      '--max-time',
      String(maxTime),
      '--workers',
      String(workers),
      '--seed',
      seed,
      '--request-timeout',
      '30',
      '--generation-with-security-parameters',
      'false',
      '--suppress-health-check',
      'all',
      '--report',
      'junit,ndjson',
      '--report-junit-path',
      path.join(REPORT_DIR, 'junit.xml'),
      '--report-ndjson-path',
      path.join(REPORT_DIR, 'events.ndjson'),
      '--no-color',
      ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      ...schemathesisArgs, // npm run fuzz -- <more schemathesis options>
    ];
    say(`schemathesis ${args.map((a) => (a.startsWith('Authorization') ? 'Authorization: Bearer …' : a)).join(' ')}`);
    const fuzzStarted = Date.now();
    const code = await new Promise<number>((resolve, reject) => {
      // Its working folder holds its example database (.schemathesis/): kept out of the work tree.
      fs.mkdirSync(ST_HOME, { recursive: true });
      child = spawn(schemathesis, args, {
        cwd: ST_HOME,
        stdio: 'inherit',
        env: { ...process.env, PYTHONUNBUFFERED: '1' },
      });
      child.once('error', reject);
      child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    child = undefined;
    const fuzzSeconds = Math.round((Date.now() - fuzzStarted) / 1000);

    await stop();
    const totals = junitTotals(path.join(REPORT_DIR, 'junit.xml'));
    const serverErrors = log.errors();
    const counts = totals
      ? `${totals.tests} cases (one per operation, and the stateful run), ${totals.failures} failed, ${totals.errors} errored, ${totals.skipped} skipped`
      : 'no JUnit report';
    for (const h of hostile) process.stdout.write(`fuzz: ${h}\n`);
    const ok = code === 0 && hostile.length === 0 && (!totals || totals.failures + totals.errors === 0);
    process.stdout.write(
      `fuzz: ${ok ? 'PASSED' : 'FAILED'} — ${counts}; schemathesis exit ${code}, ${fuzzSeconds}s (total ${Math.round((Date.now() - started) / 1000)}s), seed ${seed}, server errors logged ${serverErrors} (${path.relative(ROOT, serverLog)})\n`,
    );
    return ok ? 0 : 1;
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    process.stderr.write(`fuzz: FAILED — ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
