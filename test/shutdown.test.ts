/**
 * Deployment behaves like a service: a SIGTERM (or SIGINT) sent to the PID a process manager
 * knows — npm's, for `npm start` / `npm run api` / `npm run worker` — stops the whole thing
 * cleanly within SHUTDOWN_TIMEOUT_SECONDS: the API's port and the embedded dev server's and mail
 * sink's ports stop answering and no process of the tree is left (the Temporal CLI included).
 *
 * Each run gets its own ports and DATA_DIR; each is started in its own process group so that
 * whatever it leaves behind can be found (and, after the test, killed).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MailSink } from '../infra/embedded/mail-sink';
import { freePort, isListening } from '../infra/net';
import { type DevServer, startDevServer } from '../infra/embedded/dev-server';
import { createLogger } from '../infra/log';
import { loadConfig } from '../infra/config';
import { resolveTemporalCli } from '../infra/embedded/tools';
import { createTestPostgresDatabase } from './support/postgres';

const ROOT = path.resolve(__dirname, '..');
const SHUTDOWN_TIMEOUT_SECONDS = 20;

/** The environment without anything that points a run at shared services. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(TEMPORAL_|DATABASE_URL|SMTP_URL|PUBLIC_URL|PORT$|MAIL_|BOOTSTRAP_|AUTH_|ROLE$|DATA_DIR$)/.test(key)) {
      if (key !== 'TEMPORAL_CLI_PATH' && key !== 'TEMPORAL_TEST_SERVER_PATH') delete env[key];
    }
  }
  return {
    ...env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
    ...extra,
  };
}

/** PIDs in a process group (ps, as a supervisor would look). */
function groupPids(pgid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when nothing matches
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startNpm(script: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn('npm', script, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, s: Started): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`exited before ${what}:\n${s.output()}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no ${what} within ${timeoutMs} ms:\n${s.output()}`);
}

const answers = async (url: string) => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};

/** Signal npm's PID; the tree is gone within the timeout, its ports closed. */
async function stopBySignal(s: Started, signal: NodeJS.Signals, ports: number[]): Promise<void> {
  const pgid = s.child.pid!;
  const before = groupPids(pgid);
  const sentAt = Date.now();
  process.kill(s.child.pid!, signal);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    s.exited,
    new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), (SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000))),
  ]);
  clearTimeout(timer);
  expect({ outcome, output: outcome === 'timeout' ? s.output() : '' }).toEqual({
    outcome: { code: 0, signal: null },
    output: '',
  });
  expect(Date.now() - sentAt).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS * 1000);
  // Stragglers get a moment to be reaped; then nothing of the tree may be left.
  let left = groupPids(pgid);
  for (let i = 0; i < 20 && left.length; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = groupPids(pgid);
  }
  expect({ before: before.length > 1, left: left.map((pid) => `${pid} ${commandOf(pid)}`) }).toEqual({
    before: true,
    left: [],
  });
  for (const port of ports) expect({ port, listening: await isListening(port) }).toEqual({ port, listening: false });
  expect(s.output()).toMatch(new RegExp(`${signal} received: stopping`));
}

describe('stopping by signal, as systemd and container runtimes do', () => {
  const started: Started[] = [];
  const dirs: string[] = [];

  afterAll(() => {
    for (const s of started) {
      try {
        process.kill(-s.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  test('npm start: SIGTERM to npm’s PID stops API, worker, mail sink and the Temporal dev server; no child is left', async () => {
    const [port, devPort, uiPort, sinkPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-start-'));
    dirs.push(dataDir);
    const s = startNpm(
      ['start'],
      baseEnv({
        PORT: String(port),
        TEMPORAL_DEV_PORT: String(devPort),
        TEMPORAL_UI_PORT: String(uiPort),
        MAIL_SINK_PORT: String(sinkPort),
        DATA_DIR: dataDir,
      }),
    );
    started.push(s);
    await waitFor('readiness', () => answers(`http://127.0.0.1:${port}/readyz`), 150_000, s);
    await waitFor('the printed URLs', () => Promise.resolve(/is running \(all\)/.test(s.output())), 10_000, s);
    expect(groupPids(s.child.pid!).map(commandOf).join('\n')).toMatch(/temporal.* server start-dev/);

    await stopBySignal(s, 'SIGTERM', [port, devPort, uiPort, sinkPort]);
    expect(s.output()).toMatch(/Stopped/);
  });

  test('npm run api and npm run worker (PostgreSQL, SMTP, a Temporal server): SIGTERM and SIGINT to npm’s PID stop each', async () => {
    const config = loadConfig();
    const log = createLogger('warn');
    const cliPath = await resolveTemporalCli(config, { install: false, log: () => undefined });
    const [devPort, uiPort, port, sinkPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    let devServer: DevServer | undefined;
    let sink: MailSink | undefined;
    const db = await createTestPostgresDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-roles-'));
    dirs.push(dataDir);
    try {
      devServer = await startDevServer({ cliPath, port: devPort, uiPort, namespace: 'default', log });
      sink = await MailSink.start({ port: sinkPort, storeFile: path.join(dataDir, 'mail.jsonl') });
      const env = baseEnv({
        TEMPORAL_ADDRESS: devServer.address,
        DATABASE_URL: db.url,
        SMTP_URL: sink.smtpUrl,
        PORT: String(port),
        DATA_DIR: dataDir,
        AUTH_TOKEN_SECRET: 'x'.repeat(40),
      });
      const api = startNpm(['run', 'api'], env);
      started.push(api);
      await waitFor('the API’s readiness', () => answers(`http://127.0.0.1:${port}/readyz`), 120_000, api);
      const worker = startNpm(['run', 'worker'], env);
      started.push(worker);
      await waitFor(
        'the worker polling',
        () => Promise.resolve(/Worker polling/.test(worker.output())),
        120_000,
        worker,
      );

      await stopBySignal(worker, 'SIGINT', []);
      await stopBySignal(api, 'SIGTERM', [port]);
    } finally {
      await sink?.close();
      await devServer?.stop();
      await db.drop();
    }
  });
});
