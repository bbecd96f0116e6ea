/**
 * The Temporal servers `npm run setup` provides, started the way the tests start them
 * (@temporalio/testing with `executable: { type: 'existing-path' }`), plus the resolution
 * logic of infra/embedded/tools.ts against throwaway directories.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '../infra/config';
import {
  devServerExecutable,
  findOnPath,
  locateTemporalCli,
  resolveTemporalCli,
  resolveTestServer,
  TEMPORAL_CLI_VERSION,
  temporalCliVersion,
  testServerExecutable,
  timeSkippingServer,
  ToolSetupError,
  toolPaths,
} from '../infra/embedded/tools';
import { ensureSetup } from '../infra/embedded/setup';

const config = loadConfig();
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  // Cold machine: go install can take minutes. Warm: a few file checks.
  await ensureSetup(config, (line) => console.log(line));
}, 20 * 60_000);

describe('time-skipping test server (Java, via our wrapper)', () => {
  test('the executable is our wrapper when java is available', () => {
    const executable = testServerExecutable(config);
    if (findOnPath(config, 'java')) {
      expect(executable).toEqual({ type: 'existing-path', path: toolPaths(config).testServerWrapper });
    } else {
      expect(executable.type).toBe('cached-download');
    }
  });

  // The SDK runs `<executable> <port>` (no --enable-time-skipping: it drives time through the
  // test service's lock/unlock calls, and a server started unlocked rejects them as unbalanced).
  test('starts within the SDK deadline, skips 90 days at once, and dies on teardown', async () => {
    const t0 = Date.now();
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: testServerExecutable(config) },
    });
    const port = env.address.split(':').pop();
    // The wrapper execs java, so the SDK's kill reaches the JVM itself: nothing is left behind.
    const running = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes('io.temporal.testserver.TestServer') && l.trim().endsWith(` ${port}`));
    try {
      expect(Date.now() - t0).toBeLessThan(5_000); // the SDK itself gives up after 5 s
      expect(running()).toHaveLength(1);
      const before = await env.currentTimeMs();
      const t1 = Date.now();
      await env.sleep('90 days');
      expect(Date.now() - t1).toBeLessThan(3_000);
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(90 * DAY_MS);
    } finally {
      await env.teardown();
    }
    for (let i = 0; i < 20 && running().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(running()).toEqual([]);
  });

  // The launcher (tools/test-server/src, compiled by setup) starts the simulated clock where a
  // test asks, so that its dates do not drift with the machine's.
  test('starts at a chosen instant: 2026-03-02T01:00:00Z, and skips on from there', async () => {
    const startAt = '2026-03-02T01:00:00Z';
    const server = timeSkippingServer(config, { startAt });
    expect(server.extraArgs).toEqual(['--start-at=2026-03-02T01:00:00.000Z']);
    const t0 = Date.now();
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server });
    const port = env.address.split(':').pop();
    const running = () =>
      execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes('local.donggang.testserver.StartAt') && l.includes(` ${port} `));
    try {
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect(running()).toHaveLength(1);
      const startMs = Date.parse(startAt);
      const now = await env.currentTimeMs();
      expect(now).toBeGreaterThanOrEqual(startMs);
      expect(now - startMs).toBeLessThan(5_000); // only the seconds the server has been up
      await env.sleep('30 days');
      expect((await env.currentTimeMs()) - startMs).toBeGreaterThanOrEqual(30 * DAY_MS);
      expect((await env.currentTimeMs()) - startMs).toBeLessThan(30 * DAY_MS + 10_000);
    } finally {
      await env.teardown();
    }
    for (let i = 0; i < 20 && running().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(running()).toEqual([]);
  });

  test('a start without a zone is refused before anything is spawned', () => {
    expect(() => timeSkippingServer(config, { startAt: '2026-03-02T09:00:00' })).toThrow(ToolSetupError);
    expect(() => timeSkippingServer(config, { startAt: 'soon' })).toThrow(/with its zone/);
    expect(timeSkippingServer(config)).toEqual({ executable: testServerExecutable(config) });
  });
});

describe('dev server (Temporal CLI v1.5.1)', () => {
  test('createLocal starts it and the client can talk to it', async () => {
    const executable = devServerExecutable(config);
    expect(executable).toEqual({ type: 'existing-path', path: await resolveTemporalCli(config, { install: false }) });
    const env = await TestWorkflowEnvironment.createLocal({ server: { executable } });
    try {
      const info = await env.client.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+\.\d+/);
      const ns = await env.client.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
    } finally {
      await env.teardown();
    }
  });

  test('the binary is v1.5.1', async () => {
    const bin = await resolveTemporalCli(config, { install: false });
    expect(temporalCliVersion(config, bin)).toBe(TEMPORAL_CLI_VERSION);
  });
});

describe('resolution logic (throwaway directories)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tools-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const isolated = (extra: Record<string, string> = {}) =>
    loadConfig({ TOOLS_DIR: path.join(tmp, 'tools'), TOOLS_CACHE_DIR: path.join(tmp, 'cache'), PATH: '', ...extra });

  test('nothing installed and install: false → undefined / SDK download options', async () => {
    const c = isolated();
    expect(await locateTemporalCli(c, { install: false })).toBeUndefined();
    expect(await resolveTestServer(c, { install: false })).toBeUndefined();
    await expect(resolveTemporalCli(c, { install: false })).rejects.toThrow(/npm run setup/);
    expect(devServerExecutable(c)).toMatchObject({ type: 'cached-download', version: `v${TEMPORAL_CLI_VERSION}` });
    expect(testServerExecutable(c)).toMatchObject({ type: 'cached-download' });
  });

  test('explicit paths win, and a wrong one is a clear error', async () => {
    const fake = path.join(tmp, 'my-temporal');
    fs.writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    const c = isolated({ TEMPORAL_CLI_PATH: fake, TEMPORAL_TEST_SERVER_PATH: fake });
    expect(await resolveTemporalCli(c, { install: true })).toBe(fake);
    expect(await resolveTestServer(c, { install: true })).toBe(fake);
    expect(testServerExecutable(c)).toEqual({ type: 'existing-path', path: fake });
    const wrong = isolated({ TEMPORAL_CLI_PATH: path.join(tmp, 'nope') });
    await expect(resolveTemporalCli(wrong, { install: true })).rejects.toThrow(/TEMPORAL_CLI_PATH=.*nope/);
  });

  test('no go and no download → one message naming every option', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const err = await resolveTemporalCli(isolated(), {
      install: true,
      downloadBaseUrl: `http://127.0.0.1:${closed}`,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolSetupError);
    const message = (err as Error).message;
    for (const option of ['TEMPORAL_CLI_PATH', 'on PATH', 'go install', 'temporal.download', 'go: not found']) {
      expect(message).toContain(option);
    }
  });

  test('download fallback (temporal.download protocol, served locally), then machine-cache reuse', async () => {
    // An archive shaped like the real one: a tar.gz with the binary at `fileToExtract`.
    const pkg = path.join(tmp, 'pkg');
    fs.mkdirSync(pkg);
    fs.writeFileSync(
      path.join(pkg, 'temporal'),
      `#!/bin/sh\necho "temporal version ${TEMPORAL_CLI_VERSION} (fake)"\n`,
      {
        mode: 0o755,
      },
    );
    execFileSync('tar', ['-czf', path.join(tmp, 'cli.tar.gz'), '-C', pkg, 'temporal']);
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (req.url?.startsWith(`/cli/v${TEMPORAL_CLI_VERSION}?`)) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ archiveUrl: `${base}/archive/cli.tar.gz`, fileToExtract: 'temporal' }));
      } else if (req.url === '/archive/cli.tar.gz') {
        fs.createReadStream(path.join(tmp, 'cli.tar.gz')).pipe(res);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const c = isolated();
      const lines: string[] = [];
      const got = await locateTemporalCli(c, {
        install: true,
        log: (l) => lines.push(l),
        downloadBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      expect(got).toMatchObject({ path: toolPaths(c).cli, source: 'download' });
      expect(execFileSync(got!.path, [], { encoding: 'utf8' })).toContain(`temporal version ${TEMPORAL_CLI_VERSION}`);
      expect(requests[0]).toMatch(/arch=(amd64|arm64)&platform=(linux|darwin|windows)&format=tar\.gz/);
      expect(fs.existsSync(toolPaths(c).cliCache)).toBe(true);

      // A second clone on the same machine (same cache, new toolsDir) only links it.
      const clone = loadConfig({
        TOOLS_DIR: path.join(tmp, 'clone-tools'),
        TOOLS_CACHE_DIR: path.join(tmp, 'cache'),
        PATH: '',
      });
      const reused = await locateTemporalCli(clone, { install: true });
      expect(reused).toMatchObject({ path: toolPaths(clone).cli, source: 'machine-cache' });
      expect(requests).toHaveLength(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
