/**
 * Finding and installing the two external Temporal servers the project runs against
 * (they are never mocked):
 *
 *  - the Temporal CLI v1.5.1 (`temporal server start-dev`), for `npm start` and `createLocal` tests;
 *  - the Java time-skipping test server (io.temporal:temporal-test-server, pinned in
 *    tools/test-server/pom.xml), for `createTimeSkipping` tests.
 *
 * Layout:
 *   <toolsDir>/bin/temporal                          (+ temporal.version stamp)
 *   <toolsDir>/test-server/temporal-test-server      bash wrapper: exec java … TestServer "$@"
 *   <toolsDir>/test-server/lib/*.jar                 (+ .version stamp)
 *   <toolsDir>/test-server/launcher/                 StartAt.class (+ .stamp), compiled by javac from
 *                                                    tools/test-server/src: `--start-at=<instant>`
 *   <toolsCacheDir>/temporal-cli-v1.5.1/temporal     machine-wide, shared by every clone/CI job
 *   <toolsCacheDir>/temporal-test-server-<v>/lib/    machine-wide jars
 *
 * Files are hard-linked from the machine cache into toolsDir (copied across file systems).
 * Everything is written to a temporary name and renamed into place, and the slow steps
 * (go install, mvn) run under a lock, so concurrent setups do not corrupt each other.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EphemeralServerExecutable } from '@temporalio/testing';
import type { AppConfig } from '../config';

export const TEMPORAL_CLI_VERSION = '1.5.1';
export const TEMPORAL_CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';
const TEMPORAL_CLI_VERSION_VAR = 'github.com/temporalio/cli/temporalcli.Version';
/** The SDK's own download service (what `{ type: 'cached-download' }` uses). */
export const TEMPORAL_DOWNLOAD_BASE_URL = 'https://temporal.download';

export const TEST_SERVER_POM = path.resolve(__dirname, '..', '..', 'tools', 'test-server', 'pom.xml');
const TEST_SERVER_MAIN_CLASS = 'io.temporal.testserver.TestServer';
/** Our main class over the same jars that starts the server's clock at a chosen instant. */
const TEST_SERVER_LAUNCHER_CLASS = 'local.donggang.testserver.StartAt';
export const TEST_SERVER_LAUNCHER_SOURCE = path.resolve(
  __dirname,
  '..',
  '..',
  'tools',
  'test-server',
  'src',
  'local',
  'donggang',
  'testserver',
  'StartAt.java',
);
/**
 * JVM flags for a fast start. @temporalio/testing spawns `<executable> <port>` (plus any
 * `extraArgs`; it does not pass --enable-time-skipping — time is skipped through the test
 * service's lock/unlock RPCs) and gives the server 5 s (50 probes, 100 ms apart) to accept a
 * connection. The server is short-lived and lightly loaded, so C1-only JIT and the serial GC
 * cost nothing later and cut start-up.
 */
export const TEST_SERVER_JVM_FLAGS = [
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-XX:-UsePerfData',
  '-Xss512k',
  '-Xms64m',
  '-Xmx512m',
];

export type Log = (line: string) => void;

export interface ResolveOptions {
  /** May build/download/copy things (slow). false → only look at what is already there. */
  install: boolean;
  log?: Log;
  /** Override the temporal.download base URL (tests). */
  downloadBaseUrl?: string;
}

export type ToolSource =
  | 'config' // TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH
  | 'path' // found on PATH
  | 'tools-dir' // already in <toolsDir>
  | 'machine-cache' // linked/copied from the machine-wide cache (or used from it directly)
  | 'go-install'
  | 'download'
  | 'maven';

export interface LocatedTool {
  path: string;
  source: ToolSource;
  /** Human-readable detail for progress output, e.g. "cached", "built with go install in 5m12s". */
  detail: string;
}

export class ToolSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolSetupError';
  }
}

// ---------------------------------------------------------------------------------------------
// Paths

export function testServerVersion(): string {
  const pom = fs.readFileSync(TEST_SERVER_POM, 'utf8');
  const m = /<temporal-test-server\.version>\s*([^<\s]+)\s*</.exec(pom);
  if (!m?.[1]) throw new ToolSetupError(`Cannot read temporal-test-server.version from ${TEST_SERVER_POM}`);
  return m[1];
}

export function toolPaths(config: AppConfig) {
  const tsVersion = testServerVersion();
  const cliCacheDir = path.join(config.toolsCacheDir, `temporal-cli-v${TEMPORAL_CLI_VERSION}`);
  const testServerDir = path.join(config.toolsDir, 'test-server');
  const testServerCacheDir = path.join(config.toolsCacheDir, `temporal-test-server-${tsVersion}`);
  return {
    testServerVersion: tsVersion,
    cli: path.join(config.toolsDir, 'bin', 'temporal'),
    cliStamp: path.join(config.toolsDir, 'bin', 'temporal.version'),
    cliCacheDir,
    cliCache: path.join(cliCacheDir, 'temporal'),
    testServerDir,
    testServerWrapper: path.join(testServerDir, 'temporal-test-server'),
    testServerLib: path.join(testServerDir, 'lib'),
    /** The compiled start-at launcher (+ .stamp: jar version and the source's sha256). */
    testServerLauncher: path.join(testServerDir, 'launcher'),
    testServerLauncherStamp: path.join(testServerDir, 'launcher', '.stamp'),
    testServerStamp: path.join(testServerDir, '.version'),
    testServerCacheDir,
    testServerCacheLib: path.join(testServerCacheDir, 'lib'),
    testServerCacheStamp: path.join(testServerCacheDir, '.complete'),
    /** Where the SDK's own cached-download puts servers when we have none. */
    sdkDownloadDir: path.join(config.toolsCacheDir, 'sdk-downloads'),
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const noop: Log = () => undefined;

export function isExecutableFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** First executable called `name` in the configured search path (PATH). */
export function findOnPath(config: AppConfig, name: string): string | undefined {
  for (const dir of config.searchPath) {
    const candidate = path.resolve(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** Hard-link `src` to `dest` (atomically replacing it); copy when linking is impossible. */
async function linkOrCopy(src: string, dest: string): Promise<'linked' | 'copied'> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`;
  await fsp.rm(tmp, { force: true, recursive: true });
  let how: 'linked' | 'copied' = 'linked';
  try {
    await fsp.link(src, tmp);
  } catch {
    how = 'copied';
    await fsp.copyFile(src, tmp);
    await fsp.chmod(tmp, (await fsp.stat(src)).mode);
  }
  await fsp.rename(tmp, dest);
  return how;
}

async function linkOrCopyDir(srcDir: string, destDir: string): Promise<'linked' | 'copied'> {
  const tmp = `${destDir}.tmp-${process.pid}`;
  await fsp.rm(tmp, { force: true, recursive: true });
  await fsp.mkdir(tmp, { recursive: true });
  let how: 'linked' | 'copied' = 'linked';
  for (const name of await fsp.readdir(srcDir)) {
    if ((await linkOrCopy(path.join(srcDir, name), path.join(tmp, name))) === 'copied') how = 'copied';
  }
  await fsp.rm(destDir, { force: true, recursive: true });
  await fsp.rename(tmp, destDir);
  return how;
}

export async function writeFileAtomic(dest: string, content: string, mode = 0o644): Promise<void> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.tmp-${process.pid}`;
  await fsp.writeFile(tmp, content, { mode });
  await fsp.chmod(tmp, mode);
  await fsp.rename(tmp, dest);
}

/** Whether a process is alive (EPERM: alive, another user's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cross-process lock: a directory created with mkdir (atomic). A lock whose owner process is
 * gone (same host) is taken over. Waits for a live owner, logging every 30 s.
 */
export async function withLock<T>(lockDir: string, log: Log, fn: () => Promise<T>): Promise<T> {
  await fsp.mkdir(path.dirname(lockDir), { recursive: true });
  const owner = `${os.hostname()} ${process.pid}`;
  const started = Date.now();
  let lastNote = 0;
  for (;;) {
    try {
      await fsp.mkdir(lockDir);
      await fsp.writeFile(path.join(lockDir, 'owner'), owner);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [host, pidText] = (readText(path.join(lockDir, 'owner')) ?? '').split(' ');
      const pid = Number(pidText);
      const ownerGone = host === os.hostname() && Number.isInteger(pid) && pid > 0 && !pidAlive(pid);
      const ownerless = !pidText && Date.now() - started > 10_000; // crashed between mkdir and write
      if (ownerGone || ownerless) {
        await fsp.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - lastNote >= 30_000) {
        log(`  … waiting for another setup to finish (lock ${lockDir}, held by ${host ?? '?'} pid ${pidText ?? '?'})`);
        lastNote = Date.now();
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await fsp.rm(lockDir, { recursive: true, force: true });
  }
}

export interface RunResult {
  code: number | null;
  output: string;
}

/**
 * Run a program. Output is kept (last 200 lines) for error messages; `onLine` sees every line.
 * Environment variables for the child are passed through `env(1)` so that nothing here has to
 * read or rebuild process.env.
 */
export function runProgram(
  cmd: string,
  args: string[],
  opts: { cwd?: string; setEnv?: Record<string, string>; onLine?: (line: string) => void } = {},
): Promise<RunResult> {
  const envArgs = Object.entries(opts.setEnv ?? {}).map(([k, v]) => `${k}=${v}`);
  const [file, argv] = envArgs.length > 0 ? ['env', [...envArgs, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    const onData = (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split(/\r?\n/);
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        opts.onLine?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial) lines.push(partial);
      resolve({ code, output: lines.join('\n') });
    });
  });
}

export function tail(text: string, n = 25): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .map((l) => `    ${l}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Temporal CLI

/**
 * Version of a temporal binary: `temporal --version`, or — for a `go install` build, which
 * reports 0.0.0-DEV unless built with our -ldflags — the module version from `go version -m`.
 */
export function temporalCliVersion(config: AppConfig, bin: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const reported = /temporal version (\S+)/.exec(r.stdout ?? '')?.[1];
  if (reported && reported !== '0.0.0-DEV') return reported.replace(/^v/, '');
  const go = findOnPath(config, 'go');
  if (!go) return reported;
  const m = spawnSync(go, ['version', '-m', bin], { encoding: 'utf8', timeout: 20_000 });
  return /^\s*mod\s+github\.com\/temporalio\/cli\s+v(\S+)/m.exec(m.stdout ?? '')?.[1] ?? reported;
}

/**
 * What is already there, without installing anything (synchronous: PATH version probe only).
 * Order: TEMPORAL_CLI_PATH; `temporal` v1.5.1 on PATH; <toolsDir>/bin/temporal; machine cache.
 */
export function findTemporalCli(config: AppConfig, log: Log = noop): LocatedTool | undefined {
  const p = toolPaths(config);
  if (config.temporal.cliPath) {
    const explicit = path.resolve(config.temporal.cliPath);
    if (!isExecutableFile(explicit)) {
      throw new ToolSetupError(`TEMPORAL_CLI_PATH=${config.temporal.cliPath} is not an executable file.`);
    }
    return { path: explicit, source: 'config', detail: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = findOnPath(config, 'temporal');
  if (onPath) {
    const version = temporalCliVersion(config, onPath);
    if (version === TEMPORAL_CLI_VERSION) return { path: onPath, source: 'path', detail: 'on PATH' };
    log(`  (ignoring ${onPath}: version ${version ?? 'unknown'}, need ${TEMPORAL_CLI_VERSION})`);
  }
  if (isExecutableFile(p.cli) && readText(p.cliStamp) === TEMPORAL_CLI_VERSION) {
    return { path: p.cli, source: 'tools-dir', detail: 'cached' };
  }
  if (isExecutableFile(p.cliCache)) return { path: p.cliCache, source: 'machine-cache', detail: 'machine cache' };
  return undefined;
}

/**
 * findTemporalCli, and with `install`: link the machine-cache copy into toolsDir, or build it
 * (go install) / download it (temporal.download) into the machine cache first.
 * undefined only when `install` is false and nothing was found.
 */
export async function locateTemporalCli(config: AppConfig, opts: ResolveOptions): Promise<LocatedTool | undefined> {
  const log = opts.log ?? noop;
  const p = toolPaths(config);
  const found = findTemporalCli(config, log);
  if (found && (found.source !== 'machine-cache' || !opts.install)) return found;
  if (found) {
    const how = await linkOrCopy(p.cliCache, p.cli);
    await writeFileAtomic(p.cliStamp, `${TEMPORAL_CLI_VERSION}\n`);
    return { path: p.cli, source: 'machine-cache', detail: `${how} from machine cache ${p.cliCacheDir}` };
  }
  if (!opts.install) return undefined;

  const built = await withLock(path.join(config.toolsCacheDir, '.lock-temporal-cli'), log, async () => {
    if (isExecutableFile(p.cliCache)) return { source: 'machine-cache' as const, detail: 'built by another setup' };
    const failures: string[] = [];
    const go = findOnPath(config, 'go');
    if (go) {
      try {
        const took = await goInstallCli(go, p.cliCacheDir, log);
        return { source: 'go-install' as const, detail: `built with go install in ${formatDuration(took)}` };
      } catch (e) {
        failures.push(`go install: ${(e as Error).message}`);
        log(`  go install failed; trying the download`);
      }
    } else {
      failures.push('go: not found on PATH');
    }
    try {
      const took = await downloadCli(p.cliCacheDir, log, opts.downloadBaseUrl ?? TEMPORAL_DOWNLOAD_BASE_URL);
      return { source: 'download' as const, detail: `downloaded in ${formatDuration(took)}` };
    } catch (e) {
      failures.push(`download: ${(e as Error).message}`);
    }
    throw new ToolSetupError(cliNotFoundMessage(config, failures));
  });
  const how = await linkOrCopy(p.cliCache, p.cli);
  await writeFileAtomic(p.cliStamp, `${TEMPORAL_CLI_VERSION}\n`);
  return { path: p.cli, source: built.source, detail: `${built.detail}; ${how} into ${config.toolsDir}` };
}

function cliNotFoundMessage(config: AppConfig, failures: string[]): string {
  return [
    `Could not find or install the Temporal CLI v${TEMPORAL_CLI_VERSION}. Any one of these fixes it:`,
    `  • set TEMPORAL_CLI_PATH to a temporal v${TEMPORAL_CLI_VERSION} binary;`,
    `  • put temporal v${TEMPORAL_CLI_VERSION} on PATH (https://github.com/temporalio/cli/releases/tag/v${TEMPORAL_CLI_VERSION});`,
    `  • install Go (any Go >= 1.21 fetches the 1.25 toolchain the CLI needs) and re-run \`npm run setup\`,`,
    `    which runs: GOBIN=${path.join(config.toolsCacheDir, `temporal-cli-v${TEMPORAL_CLI_VERSION}`)} go install ${TEMPORAL_CLI_PACKAGE}@v${TEMPORAL_CLI_VERSION}`,
    `    (needs the Go module proxy; takes several minutes on 2 cores);`,
    `  • allow HTTPS to ${TEMPORAL_DOWNLOAD_BASE_URL} (the Temporal SDK's download service) and re-run \`npm run setup\`.`,
    `What was tried:`,
    ...failures.map((f) => `  - ${f}`),
  ].join('\n');
}

/** `GOBIN=<tmp> go install github.com/temporalio/cli/cmd/temporal@v1.5.1`, then rename into cacheDir. */
async function goInstallCli(go: string, cacheDir: string, log: Log): Promise<number> {
  const started = Date.now();
  const tmpBin = `${cacheDir}.tmp-${process.pid}`;
  await fsp.rm(tmpBin, { recursive: true, force: true });
  await fsp.mkdir(tmpBin, { recursive: true });
  log(
    `  Building Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (${go}); this takes several minutes on a small machine…`,
  );
  let downloads = 0;
  let lastLine = '';
  const timer = setInterval(() => {
    const phase = lastLine.startsWith('go: downloading') ? `downloading modules (${downloads} so far)` : 'compiling';
    log(`  … still building (${formatDuration(Date.now() - started)}, ${phase})`);
  }, 30_000);
  try {
    const result = await runProgram(
      go,
      [
        'install',
        // what the upstream release (goreleaser) sets, so `temporal --version` says 1.5.1
        `-ldflags=-s -w -X ${TEMPORAL_CLI_VERSION_VAR}=${TEMPORAL_CLI_VERSION}`,
        `${TEMPORAL_CLI_PACKAGE}@v${TEMPORAL_CLI_VERSION}`,
      ],
      {
        cwd: os.tmpdir(), // outside any module, so the repo can't influence the build
        // CGO off like the upstream release: a static binary, no C compiler needed. GOFLAGS cleared so a
        // user-level -mod=vendor or similar cannot break a module-mode install.
        setEnv: { GOBIN: tmpBin, CGO_ENABLED: '0', GOFLAGS: '' },
        onLine: (line) => {
          lastLine = line;
          if (line.startsWith('go: downloading')) downloads++;
        },
      },
    );
    const bin = path.join(tmpBin, 'temporal');
    if (result.code !== 0 || !isExecutableFile(bin)) {
      throw new ToolSetupError(`exited with code ${result.code}:\n${tail(result.output)}`);
    }
    await fsp.rm(cacheDir, { recursive: true, force: true });
    await fsp.rename(tmpBin, cacheDir);
    return Date.now() - started;
  } finally {
    clearInterval(timer);
    await fsp.rm(tmpBin, { recursive: true, force: true });
  }
}

/**
 * The fallback the SDK itself uses for `{ type: 'cached-download' }`: ask temporal.download
 * for the archive of a fixed version, then extract the binary from it.
 */
async function downloadCli(cacheDir: string, log: Log, baseUrl: string): Promise<number> {
  const started = Date.now();
  const platform = ({ linux: 'linux', darwin: 'darwin', win32: 'windows' } as Record<string, string>)[process.platform];
  const arch = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch];
  if (!platform || !arch) throw new ToolSetupError(`no download for ${process.platform}/${process.arch}`);
  const infoUrl = `${baseUrl}/cli/v${TEMPORAL_CLI_VERSION}?arch=${arch}&platform=${platform}&format=tar.gz`;
  log(`  Downloading Temporal CLI v${TEMPORAL_CLI_VERSION} (${infoUrl})…`);
  const errText = (e: unknown) => {
    const err = e as Error & { cause?: Error };
    return err.cause ? `${err.message} (${err.cause.message})` : err.message;
  };
  let info: { archiveUrl?: string; fileToExtract?: string };
  try {
    const res = await fetch(infoUrl, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${infoUrl}`);
    info = (await res.json()) as typeof info;
  } catch (e) {
    throw new ToolSetupError(`${infoUrl}: ${errText(e)}`);
  }
  if (!info.archiveUrl || !info.fileToExtract) throw new ToolSetupError(`unexpected answer from ${infoUrl}`);
  if (!info.archiveUrl.endsWith('.tar.gz')) throw new ToolSetupError(`unsupported archive ${info.archiveUrl}`);

  const tmp = `${cacheDir}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  await fsp.mkdir(tmp, { recursive: true });
  try {
    const archive = path.join(tmp, 'archive.tar.gz');
    try {
      const res = await fetch(info.archiveUrl, { signal: AbortSignal.timeout(10 * 60_000) });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      await pipeline(Readable.fromWeb(res.body), fs.createWriteStream(archive));
    } catch (e) {
      throw new ToolSetupError(`${info.archiveUrl}: ${errText(e)}`);
    }
    const extract = await runProgram('tar', ['-xzf', archive, '-C', tmp, info.fileToExtract]);
    const extracted = path.join(tmp, info.fileToExtract);
    if (extract.code !== 0 || !fs.existsSync(extracted)) {
      throw new ToolSetupError(`extracting ${info.fileToExtract} failed:\n${tail(extract.output)}`);
    }
    const final = `${tmp}.final`;
    await fsp.rm(final, { recursive: true, force: true });
    await fsp.mkdir(final);
    await fsp.rename(extracted, path.join(final, 'temporal'));
    await fsp.chmod(path.join(final, 'temporal'), 0o755);
    await fsp.rm(cacheDir, { recursive: true, force: true });
    await fsp.rename(final, cacheDir);
    return Date.now() - started;
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

/** Absolute path to a Temporal CLI v1.5.1. Throws ToolSetupError naming every option if none. */
export async function resolveTemporalCli(config: AppConfig, opts: ResolveOptions): Promise<string> {
  const found = await locateTemporalCli(config, opts);
  if (found) return found.path;
  throw new ToolSetupError(
    `Temporal CLI v${TEMPORAL_CLI_VERSION} is not installed. Run \`npm run setup\`, or set TEMPORAL_CLI_PATH.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Java time-skipping test server

function wrapperScript(java: string, version: string): string {
  return [
    '#!/usr/bin/env bash',
    `# Temporal time-skipping test server ${version} (io.temporal:temporal-test-server, Java).`,
    '# Generated by `npm run setup` (infra/embedded/tools.ts); do not edit.',
    '# Usage: temporal-test-server <port> [--enable-time-skipping] [--start-at=<ISO instant | epoch ms>]',
    '# Without --start-at: the stock TestServer (its clock starts at the real time). With it: our',
    `# launcher ${TEST_SERVER_LAUNCHER_CLASS} (tools/test-server/src), compiled into ./launcher.`,
    'DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"',
    `JAVA='${java.replace(/'/g, `'\\''`)}'`,
    '[ -x "$JAVA" ] || JAVA=java',
    `MAIN=${TEST_SERVER_MAIN_CLASS}`,
    'CP="$DIR/lib/*"',
    'for arg in "$@"; do',
    '  case "$arg" in',
    '    --start-at=*)',
    `      MAIN=${TEST_SERVER_LAUNCHER_CLASS}`,
    '      CP="$DIR/launcher:$DIR/lib/*"',
    '      if [ ! -f "$DIR/launcher/.stamp" ]; then',
    '        echo "temporal-test-server: --start-at needs the launcher; run npm run setup (needs javac)" >&2',
    '        exit 2',
    '      fi',
    '      ;;',
    '  esac',
    'done',
    // exec: the SDK stops the server by killing its child; that must be the JVM itself.
    `exec "$JAVA" ${TEST_SERVER_JVM_FLAGS.join(' ')} -cp "$CP" "$MAIN" "$@"`,
    '',
  ].join('\n');
}

/** sha256 of the launcher's source, with the jars' version: what the compiled classes are stamped with. */
function launcherStamp(version: string): string {
  const source = fs.readFileSync(TEST_SERVER_LAUNCHER_SOURCE);
  return `${version} ${createHash('sha256').update(source).digest('hex')}`;
}

/** Is the start-at launcher compiled, from this source, for these jars? */
export function testServerLauncherBuilt(config: AppConfig): boolean {
  const p = toolPaths(config);
  return readText(p.testServerLauncherStamp) === launcherStamp(p.testServerVersion);
}

/**
 * Compile the start-at launcher (tools/test-server/src) into <toolsDir>/test-server/launcher with
 * `javac -cp '<lib>/*'`, once per source and jar version (stamped). Returns a detail line, or
 * undefined when javac is not on PATH (tests that choose a start instant then fail saying so).
 */
async function buildTestServerLauncher(config: AppConfig, log: Log): Promise<string | undefined> {
  const p = toolPaths(config);
  if (testServerLauncherBuilt(config)) return 'launcher cached';
  const javac = findOnPath(config, 'javac');
  if (!javac) {
    log('  (javac not on PATH: the start-at launcher is not built; time-skipping tests cannot choose a start)');
    return undefined;
  }
  const started = Date.now();
  const tmp = `${p.testServerLauncher}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  try {
    const result = await runProgram(javac, [
      '-nowarn',
      '-encoding',
      'UTF-8',
      '-cp',
      path.join(p.testServerLib, '*'),
      '-d',
      tmp,
      TEST_SERVER_LAUNCHER_SOURCE,
    ]);
    if (result.code !== 0) {
      throw new ToolSetupError(
        `javac failed on ${TEST_SERVER_LAUNCHER_SOURCE} (exit code ${result.code}):\n${tail(result.output)}`,
      );
    }
    await fsp.writeFile(path.join(tmp, '.stamp'), `${launcherStamp(p.testServerVersion)}\n`);
    await fsp.rm(p.testServerLauncher, { recursive: true, force: true });
    await fsp.rename(tmp, p.testServerLauncher);
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  return `launcher compiled in ${formatDuration(Date.now() - started)}`;
}

function hasJars(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((f) => f.startsWith('temporal-test-server-') && f.endsWith('.jar'));
  } catch {
    return false;
  }
}

/**
 * What is already there, without installing anything (synchronous, no processes):
 * TEMPORAL_TEST_SERVER_PATH, else the <toolsDir> wrapper when its jars match the pinned version.
 */
export function findTestServer(config: AppConfig): LocatedTool | undefined {
  if (config.temporal.testServerPath) {
    const explicit = path.resolve(config.temporal.testServerPath);
    if (!isExecutableFile(explicit)) {
      throw new ToolSetupError(
        `TEMPORAL_TEST_SERVER_PATH=${config.temporal.testServerPath} is not an executable file.`,
      );
    }
    return { path: explicit, source: 'config', detail: 'TEMPORAL_TEST_SERVER_PATH' };
  }
  const p = toolPaths(config);
  const installed =
    isExecutableFile(p.testServerWrapper) &&
    readText(p.testServerStamp) === p.testServerVersion &&
    hasJars(p.testServerLib);
  return installed ? { path: p.testServerWrapper, source: 'tools-dir', detail: 'cached' } : undefined;
}

/**
 * Path of the test-server wrapper script. With `install`: jars from the machine cache, or
 * resolved there by Maven first. undefined when there is no java (or no jars and no mvn):
 * callers then let the SDK download its own test server (`{ type: 'cached-download' }`).
 */
export async function locateTestServer(config: AppConfig, opts: ResolveOptions): Promise<LocatedTool | undefined> {
  const log = opts.log ?? noop;
  const p = toolPaths(config);
  const found = findTestServer(config);
  if (found && (found.source === 'config' || !opts.install)) return found;
  if (!opts.install) return undefined;

  const java = findOnPath(config, 'java');
  if (!java) {
    if (found) return { ...found, detail: 'cached (but java is not on PATH)' };
    log('  (java not on PATH: time-skipping tests will use the SDK-downloaded test server)');
    return undefined;
  }
  if (found) {
    // Rewrite the wrapper (cheap) so JVM-flag or java-path changes take effect.
    await writeFileAtomic(p.testServerWrapper, wrapperScript(java, p.testServerVersion), 0o755);
    const launcher = await buildTestServerLauncher(config, log);
    return launcher ? { ...found, detail: `${found.detail}; ${launcher}` } : found;
  }

  let source: ToolSource = 'machine-cache';
  let detail = '';
  if (!(readText(p.testServerCacheStamp) === p.testServerVersion && hasJars(p.testServerCacheLib))) {
    const mvn = findOnPath(config, 'mvn');
    if (!mvn) {
      log('  (mvn not on PATH: time-skipping tests will use the SDK-downloaded test server)');
      return undefined;
    }
    detail = await withLock(path.join(config.toolsCacheDir, '.lock-test-server'), log, async () => {
      if (readText(p.testServerCacheStamp) === p.testServerVersion && hasJars(p.testServerCacheLib)) {
        return 'resolved by another setup; ';
      }
      return `resolved with Maven in ${formatDuration(await mavenCopyJars(mvn, p.testServerCacheDir, log))}; `;
    });
    source = 'maven';
  }
  const how = await linkOrCopyDir(p.testServerCacheLib, p.testServerLib);
  await writeFileAtomic(p.testServerWrapper, wrapperScript(java, p.testServerVersion), 0o755);
  await writeFileAtomic(p.testServerStamp, `${p.testServerVersion}\n`);
  const launcher = await buildTestServerLauncher(config, log);
  return {
    path: p.testServerWrapper,
    source,
    detail: `${detail}jars ${how} from machine cache${launcher ? `; ${launcher}` : ''}`,
  };
}

/** mvn dependency:copy-dependencies into <cacheDir>/lib (via a temporary directory). */
async function mavenCopyJars(mvn: string, cacheDir: string, log: Log): Promise<number> {
  const started = Date.now();
  log(`  Resolving io.temporal:temporal-test-server with Maven (${TEST_SERVER_POM})…`);
  const tmp = `${cacheDir}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  try {
    const result = await runProgram(
      mvn,
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        TEST_SERVER_POM,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(tmp, 'lib')}`,
        '-DincludeScope=runtime',
      ],
      { cwd: path.dirname(TEST_SERVER_POM) },
    );
    if (result.code !== 0 || !hasJars(path.join(tmp, 'lib'))) {
      throw new ToolSetupError(`Maven failed (exit code ${result.code}):\n${tail(result.output)}`);
    }
    await fsp.writeFile(path.join(tmp, '.complete'), `${testServerVersion()}\n`);
    await fsp.rm(cacheDir, { recursive: true, force: true });
    await fsp.rename(tmp, cacheDir);
    return Date.now() - started;
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}

/** Absolute path of the test-server wrapper, or undefined → use the SDK's own download. */
export async function resolveTestServer(config: AppConfig, opts: ResolveOptions): Promise<string | undefined> {
  return (await locateTestServer(config, opts))?.path;
}

// ---------------------------------------------------------------------------------------------
// @temporalio/testing `server.executable` options

/**
 * `executable` for `TestWorkflowEnvironment.createTimeSkipping({ server: { executable } })`.
 * Synchronous and never installs (run `npm run setup` / ensureSetup first); without our
 * wrapper the SDK downloads its own (native) test server into the machine cache.
 */
export function testServerExecutable(config: AppConfig): EphemeralServerExecutable {
  const found = findTestServer(config);
  if (found) return { type: 'existing-path', path: found.path };
  return { type: 'cached-download', downloadDir: toolPaths(config).sdkDownloadDir };
}

/** An instant the time-skipping server's clock can start at: ISO-8601 with a zone, epoch ms, or a Date. */
export type SimulatedStart = string | number | Date;

/**
 * `server` for `TestWorkflowEnvironment.createTimeSkipping({ server })`: testServerExecutable,
 * and with `startAt` the wrapper's `--start-at=<ISO instant>` (its launcher builds
 * `TestServicesStarter(lock, initialTimeMillis)`, so the simulated clock starts there rather than
 * at the machine's time). A start needs our wrapper with its launcher (`npm run setup`, javac) or
 * a TEMPORAL_TEST_SERVER_PATH that takes the same flag; the SDK-downloaded server cannot.
 */
export function timeSkippingServer(
  config: AppConfig,
  opts: { startAt?: SimulatedStart } = {},
): { executable: EphemeralServerExecutable; extraArgs?: string[] } {
  const executable = testServerExecutable(config);
  if (opts.startAt === undefined) return { executable };
  const at = new Date(opts.startAt);
  if (Number.isNaN(at.getTime()) || (typeof opts.startAt === 'string' && !/(Z|[+-]\d\d:\d\d)$/.test(opts.startAt))) {
    throw new ToolSetupError(
      `A simulated start must be an instant with its zone (e.g. 2026-09-01T01:00:00Z), not ${String(opts.startAt)}.`,
    );
  }
  const found = findTestServer(config);
  if (!found || (found.source === 'tools-dir' && !testServerLauncherBuilt(config))) {
    throw new ToolSetupError(
      `Starting the time-skipping server at ${at.toISOString()} needs the test-server launcher: run \`npm run setup\` (needs java, javac and mvn).`,
    );
  }
  return { executable, extraArgs: [`--start-at=${at.toISOString()}`] };
}

/**
 * `executable` for `TestWorkflowEnvironment.createLocal({ server: { executable } })`.
 * Synchronous and never installs; without a local CLI the SDK downloads the pinned version.
 */
export function devServerExecutable(config: AppConfig): EphemeralServerExecutable {
  const found = findTemporalCli(config);
  if (found) return { type: 'existing-path', path: found.path };
  return {
    type: 'cached-download',
    version: `v${TEMPORAL_CLI_VERSION}`,
    downloadDir: toolPaths(config).sdkDownloadDir,
    ttl: '3650d',
  };
}
