/**
 * Finding and building the Temporal server (`go.temporal.io/server`) for `npm run cluster`, the
 * way infra/embedded/tools.ts finds and builds the Temporal CLI:
 *
 *   <toolsCacheDir>/temporal-server-v<version>/temporal-server       go.temporal.io/server/cmd/server
 *   <toolsCacheDir>/temporal-server-v<version>/temporal-sql-tool     go.temporal.io/server/cmd/tools/sql
 *   <toolsCacheDir>/temporal-server-v<version>/schema/postgresql/v12/{temporal,visibility}/versioned/…
 *                                                                    (copied from the module's source)
 *   <toolsCacheDir>/temporal-server-v<version>/.complete             version stamp, written last
 *
 * The directory is machine-wide (TOOLS_CACHE_DIR), shared by every clone and CI job, written
 * under a lock into a temporary name and renamed into place. TEMPORAL_SERVER_DIR points at such a
 * directory made elsewhere (a machine without Go: build it on another and copy it).
 *
 * Versions: the newest that builds with what the machine has, tried in order (SERVER_BUILDS):
 * v1.31+ need Go 1.27, which `go` fetches itself through the module proxy when GOTOOLCHAIN names
 * it; v1.29.1 builds with Go 1.26.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config';
import {
  findOnPath,
  formatDuration,
  isExecutableFile,
  type Log,
  readText,
  runProgram,
  tail,
  ToolSetupError,
  withLock,
} from './tools';

export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';

export interface ServerBuild {
  version: string;
  /** GOTOOLCHAIN for `go install` (the Go the module needs), when the machine's may be too old. */
  goToolchain?: string;
}

/** Newest first: the first one found cached is used; a build tries them in this order. */
export const SERVER_BUILDS: readonly ServerBuild[] = [
  { version: '1.32.2', goToolchain: 'go1.27.3' },
  { version: '1.29.1' },
];

export const SERVER_BINARY = 'temporal-server';
export const SQL_TOOL_BINARY = 'temporal-sql-tool';
/** Inside the server directory (and inside the module's source). */
export const POSTGRES_SCHEMA_DIR = path.join('schema', 'postgresql', 'v12');

export interface TemporalServerTools {
  dir: string;
  version: string;
  server: string;
  sqlTool: string;
  /** …/schema/postgresql/v12/temporal/versioned */
  temporalSchema: string;
  /** …/schema/postgresql/v12/visibility/versioned */
  visibilitySchema: string;
  source: 'config' | 'machine-cache' | 'go-install';
  detail: string;
}

const noop: Log = () => undefined;

export function serverCacheDir(config: AppConfig, version: string): string {
  return path.join(config.toolsCacheDir, `temporal-server-v${version}`);
}

/** `temporal-server --version` → "temporal version 1.32.2" (the version is a constant in the source). */
export function binaryVersion(bin: string): string | undefined {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return /version v?(\d+\.\d+\.\d+\S*)/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1];
}

function toolsIn(dir: string): Omit<TemporalServerTools, 'version' | 'source' | 'detail'> {
  const schema = path.join(dir, POSTGRES_SCHEMA_DIR);
  return {
    dir,
    server: path.join(dir, SERVER_BINARY),
    sqlTool: path.join(dir, SQL_TOOL_BINARY),
    temporalSchema: path.join(schema, 'temporal', 'versioned'),
    visibilitySchema: path.join(schema, 'visibility', 'versioned'),
  };
}

/** What is missing from a server directory (empty: complete). */
function missingIn(dir: string): string[] {
  const t = toolsIn(dir);
  return [
    !isExecutableFile(t.server) && SERVER_BINARY,
    !isExecutableFile(t.sqlTool) && SQL_TOOL_BINARY,
    !fs.existsSync(path.join(t.temporalSchema, 'v1.0')) && path.relative(dir, t.temporalSchema),
    !fs.existsSync(path.join(t.visibilitySchema, 'v1.0')) && path.relative(dir, t.visibilitySchema),
  ].filter((m): m is string => !!m);
}

/**
 * What is already there, without building anything: TEMPORAL_SERVER_DIR (checked: both binaries,
 * the schema, and `temporal-server --version`), else the newest complete build in the machine cache.
 */
export function findTemporalServer(config: AppConfig): TemporalServerTools | undefined {
  const explicit = config.temporal.cluster.serverDir;
  if (explicit) {
    const dir = path.resolve(explicit);
    const missing = missingIn(dir);
    if (missing.length) {
      throw new ToolSetupError(
        `TEMPORAL_SERVER_DIR=${explicit} lacks ${missing.join(', ')} (it needs ${SERVER_BINARY}, ${SQL_TOOL_BINARY} and ${POSTGRES_SCHEMA_DIR}/{temporal,visibility}/versioned, as \`npm run setup -- --cluster\` leaves them in ${serverCacheDir(config, SERVER_BUILDS[0]!.version)}).`,
      );
    }
    const version = binaryVersion(path.join(dir, SERVER_BINARY));
    if (!version)
      throw new ToolSetupError(`TEMPORAL_SERVER_DIR=${explicit}: \`${SERVER_BINARY} --version\` does not answer.`);
    return { ...toolsIn(dir), version, source: 'config', detail: 'TEMPORAL_SERVER_DIR' };
  }
  for (const build of SERVER_BUILDS) {
    const dir = serverCacheDir(config, build.version);
    if (readText(path.join(dir, '.complete')) === build.version && missingIn(dir).length === 0) {
      return { ...toolsIn(dir), version: build.version, source: 'machine-cache', detail: 'machine cache' };
    }
  }
  return undefined;
}

/**
 * findTemporalServer, else (with `install`) build it with `go install` into the machine cache:
 * the builds in SERVER_BUILDS in turn, the first that succeeds. Throws ToolSetupError naming what
 * was tried and how to fix it; undefined only when `install` is false and nothing was found.
 */
export async function locateTemporalServer(
  config: AppConfig,
  opts: { install: boolean; log?: Log },
): Promise<TemporalServerTools | undefined> {
  const log = opts.log ?? noop;
  const found = findTemporalServer(config);
  if (found || !opts.install) return found;
  const go = findOnPath(config, 'go');
  if (!go) throw new ToolSetupError(serverNotFoundMessage(config, ['go: not found on PATH']));
  return withLock(path.join(config.toolsCacheDir, '.lock-temporal-server'), log, async () => {
    const again = findTemporalServer(config);
    if (again) return { ...again, detail: 'built by another setup' };
    const failures: string[] = [];
    for (const build of SERVER_BUILDS) {
      try {
        const took = await goInstallServer(go, build, serverCacheDir(config, build.version), log);
        const dir = serverCacheDir(config, build.version);
        return {
          ...toolsIn(dir),
          version: build.version,
          source: 'go-install' as const,
          detail: `built with go install in ${formatDuration(took)}`,
        };
      } catch (e) {
        failures.push(
          `go install v${build.version}${build.goToolchain ? ` (GOTOOLCHAIN=${build.goToolchain})` : ''}: ${(e as Error).message}`,
        );
        if (build !== SERVER_BUILDS[SERVER_BUILDS.length - 1])
          log(`  go install of v${build.version} failed; trying the next version`);
      }
    }
    throw new ToolSetupError(serverNotFoundMessage(config, failures));
  });
}

/** The tools, or a ToolSetupError saying to run `npm run setup -- --cluster`. */
export async function resolveTemporalServer(
  config: AppConfig,
  opts: { install: boolean; log?: Log },
): Promise<TemporalServerTools> {
  const found = await locateTemporalServer(config, opts);
  if (found) return found;
  throw new ToolSetupError(
    `The Temporal server (${TEMPORAL_SERVER_MODULE}) is not built yet. Run \`npm run setup -- --cluster\`, or set TEMPORAL_SERVER_DIR.`,
  );
}

function installCommand(config: AppConfig, build: ServerBuild): string {
  const env = [
    `GOBIN=${serverCacheDir(config, build.version)}`,
    build.goToolchain && `GOTOOLCHAIN=${build.goToolchain}`,
  ]
    .filter(Boolean)
    .join(' ');
  return `${env} go install ${TEMPORAL_SERVER_MODULE}/cmd/server@v${build.version} ${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@v${build.version}`;
}

function serverNotFoundMessage(config: AppConfig, failures: string[]): string {
  const [newest] = SERVER_BUILDS;
  return [
    `Could not find or build the Temporal server (${TEMPORAL_SERVER_MODULE}). Any one of these fixes it:`,
    `  • install Go (1.26 or newer; it fetches the ${newest!.goToolchain ?? 'Go'} toolchain v${newest!.version} needs through the module proxy) and re-run \`npm run setup -- --cluster\`,`,
    `    which runs: ${installCommand(config, newest!)}`,
    `    then renames server → ${SERVER_BINARY}, sql → ${SQL_TOOL_BINARY} and copies ${POSTGRES_SCHEMA_DIR} from the module`,
    `    (needs the Go module proxy; about 20 minutes cold on 2 cores, 2–3 minutes with a warm Go build cache);`,
    `  • set TEMPORAL_SERVER_DIR to a directory holding ${SERVER_BINARY}, ${SQL_TOOL_BINARY} and ${POSTGRES_SCHEMA_DIR}/{temporal,visibility}/versioned`,
    `    (e.g. ${serverCacheDir(config, newest!.version)} copied from a machine where the setup ran).`,
    `What was tried:`,
    ...failures.map((f) => `  - ${f}`),
  ].join('\n');
}

/** Copy a directory tree; files 0644, directories 0755 (the module cache's are read-only). */
async function copyTree(src: string, dest: string): Promise<void> {
  await fsp.mkdir(dest, { recursive: true, mode: 0o755 });
  for (const entry of await fsp.readdir(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) await copyTree(from, to);
    else if (entry.isFile()) {
      await fsp.copyFile(from, to);
      await fsp.chmod(to, 0o644);
    }
  }
}

/**
 * `GOBIN=<tmp> [GOTOOLCHAIN=…] go install …/cmd/server@v… …/cmd/tools/sql@v…`, the schema copied from
 * the module cache, the binaries' `--version` checked, then the stamp, then a rename into cacheDir.
 */
async function goInstallServer(go: string, build: ServerBuild, cacheDir: string, log: Log): Promise<number> {
  const started = Date.now();
  const tmp = `${cacheDir}.tmp-${process.pid}`;
  await fsp.rm(tmp, { recursive: true, force: true });
  await fsp.mkdir(tmp, { recursive: true });
  log(
    `  Building the Temporal server v${build.version} and its SQL tool with go install (${go}${build.goToolchain ? `, GOTOOLCHAIN=${build.goToolchain}` : ''}); this takes many minutes on a small machine…`,
  );
  let downloads = 0;
  let lastDownloadAt = 0;
  const timer = setInterval(() => {
    // go prints a line per module it downloads and nothing while it compiles.
    const phase =
      Date.now() - lastDownloadAt < 15_000
        ? `downloading (${downloads} modules so far)`
        : `compiling (${downloads} modules downloaded)`;
    log(`  … still building the Temporal server (${formatDuration(Date.now() - started)}, ${phase})`);
  }, 30_000);
  try {
    // Only what the build needs changed: the CGO setting and flags stay the machine's, so a
    // build cache filled by an earlier `go install` of the same version is reused.
    const setEnv: Record<string, string> = { GOBIN: tmp };
    if (build.goToolchain) setEnv.GOTOOLCHAIN = build.goToolchain;
    const result = await runProgram(
      go,
      [
        'install',
        `${TEMPORAL_SERVER_MODULE}/cmd/server@v${build.version}`,
        `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@v${build.version}`,
      ],
      {
        cwd: os.tmpdir(), // outside any module, so the repo cannot influence the build
        setEnv,
        onLine: (line) => {
          if (line.startsWith('go: downloading')) {
            downloads++;
            lastDownloadAt = Date.now();
          }
        },
      },
    );
    if (result.code !== 0) throw new ToolSetupError(`exited with code ${result.code}:\n${tail(result.output)}`);
    for (const [built, name] of [
      ['server', SERVER_BINARY],
      ['sql', SQL_TOOL_BINARY],
    ] as const) {
      if (!isExecutableFile(path.join(tmp, built)))
        throw new ToolSetupError(`go install left no ${built} binary in ${tmp}`);
      await fsp.rename(path.join(tmp, built), path.join(tmp, name));
    }
    const version = binaryVersion(path.join(tmp, SERVER_BINARY));
    if (version !== build.version) {
      throw new ToolSetupError(`${SERVER_BINARY} --version says ${version ?? 'nothing'}, expected ${build.version}`);
    }
    // The schema ships in the module's source: `go env GOMODCACHE`/go.temporal.io/server@v…/schema.
    const modCache = await runProgram(go, ['env', 'GOMODCACHE'], {
      cwd: os.tmpdir(),
      setEnv: build.goToolchain ? { GOTOOLCHAIN: build.goToolchain } : {},
    });
    const schemaSrc = path.join(
      modCache.output.trim(),
      `${TEMPORAL_SERVER_MODULE}@v${build.version}`,
      POSTGRES_SCHEMA_DIR,
    );
    if (modCache.code !== 0 || !fs.existsSync(schemaSrc)) {
      throw new ToolSetupError(
        `the PostgreSQL schema is not at ${schemaSrc} (go env GOMODCACHE: ${modCache.output.trim()})`,
      );
    }
    await copyTree(schemaSrc, path.join(tmp, POSTGRES_SCHEMA_DIR));
    const missing = missingIn(tmp);
    if (missing.length) throw new ToolSetupError(`the build lacks ${missing.join(', ')}`);
    await fsp.writeFile(path.join(tmp, '.complete'), `${build.version}\n`);
    await fsp.rm(cacheDir, { recursive: true, force: true });
    await fsp.rename(tmp, cacheDir);
    return Date.now() - started;
  } finally {
    clearInterval(timer);
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}
