/**
 * What `npm run setup` (scripts/setup.ts) does: installs what the project needs besides node_modules. Idempotent; a re-run
 * only checks. Steps:
 *   1. Temporal CLI v1.5.1 (dev server)          → <toolsDir>/bin/temporal
 *   2. Java time-skipping test server            → <toolsDir>/test-server/temporal-test-server
 *      and its start-at launcher (javac)         → <toolsDir>/test-server/launcher
 *   3. Prisma client                             → `npx prisma generate` (offline)
 *   4. The dashboard's web bundle                → web/dist (`npm run build:web`; when web/ is newer)
 *   4b. With --cluster: the Temporal server and temporal-sql-tool (go install; infra/embedded/temporal-server.ts)
 *   5. What the tests need from the system       → Chromium, a CJK font, PostgreSQL: `apt-get install -y`
 *      as root with apt-get, else a message saying what to install (infra/system-packages.ts;
 *      `npm run setup` and `npm test` only, not `npm start`)
 * Slow results (go install, Maven) are kept in a machine-wide cache (TOOLS_CACHE_DIR), so a new
 * clone or CI job on the same machine only links them. See infra/embedded/tools.ts.
 *
 * `ensureSetup(config, log)` is the cheap "is anything missing?" check `npm start` and
 * `npm test` run first; it runs the full setup only when something is missing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { canBuildWeb, ensureWebBundle, webBundleState } from '../web-bundle';
import type { AppConfig } from '../config';
import { ensureSystemPackages, planSystemPackages, systemFacts } from '../system-packages';
import {
  findOnPath,
  findTemporalCli,
  findTestServer,
  formatDuration,
  locateTemporalCli,
  locateTestServer,
  type Log,
  TEMPORAL_CLI_VERSION,
  testServerLauncherBuilt,
  toolPaths,
  withLock,
} from './tools';
import { findTemporalServer, resolveTemporalServer } from './temporal-server';

const REPO_ROOT = path.resolve(__dirname, '../..');
const PRISMA_CONFIG = path.join(REPO_ROOT, 'prisma.config.ts');
const PRISMA_SCHEMA = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
/** prisma-client-js copies the schema it generated from next to the client. */
const GENERATED_SCHEMA = path.join(REPO_ROOT, 'node_modules', '.prisma', 'client', 'schema.prisma');

export interface SetupResult {
  /** undefined when not needed (production against an external Temporal). */
  temporalCli: string | undefined;
  /** undefined → tests use the SDK's downloaded test server (no java/mvn here). */
  testServer: string | undefined;
  prisma: 'generated' | 'up to date' | 'skipped';
}

/** Production runs need neither the test server nor, with TEMPORAL_ADDRESS, the CLI. */
function needs(config: AppConfig) {
  const production = config.env === 'production';
  return { cli: !production || !config.temporal.address, testServer: !production };
}

function prismaState(): 'missing-config' | 'stale' | 'up to date' {
  if (!fs.existsSync(PRISMA_CONFIG)) return 'missing-config';
  try {
    return fs.readFileSync(GENERATED_SCHEMA, 'utf8') === fs.readFileSync(PRISMA_SCHEMA, 'utf8')
      ? 'up to date'
      : 'stale';
  } catch {
    return 'stale';
  }
}

export interface SetupScope {
  /** Also what the tests need from the system (Chromium, a CJK font, PostgreSQL). */
  forTests?: boolean;
  /** Also the Temporal server and its SQL tool for `npm run cluster` (`npm run setup -- --cluster`). */
  cluster?: boolean;
}

/** What a full setup would add. Fast: file checks, at most one `temporal --version` and one `fc-list`. */
export function missingSetup(config: AppConfig, scope: SetupScope = {}): string[] {
  const need = needs(config);
  const missing: string[] = [];
  if (need.cli && !findTemporalCli(config)) missing.push(`Temporal CLI v${TEMPORAL_CLI_VERSION}`);
  if (need.testServer && !findTestServer(config)) {
    // Only "missing" if setup could provide it; otherwise tests use the SDK's download.
    const p = toolPaths(config);
    const canInstall =
      findOnPath(config, 'java') && (findOnPath(config, 'mvn') || fs.existsSync(p.testServerCacheStamp));
    if (canInstall) missing.push(`Temporal test server ${p.testServerVersion}`);
  } else if (
    need.testServer &&
    findTestServer(config)?.source === 'tools-dir' &&
    !testServerLauncherBuilt(config) &&
    findOnPath(config, 'javac')
  ) {
    missing.push('Temporal test-server launcher (start-at)');
  }
  if (prismaState() === 'stale') missing.push('Prisma client');
  const web = webBundleState();
  if (web !== 'fresh' && canBuildWeb()) missing.push(web === 'missing' ? 'web bundle' : 'web bundle (web/ changed)');
  if (scope.forTests) missing.push(...planSystemPackages(systemFacts(config)).packages);
  if (scope.cluster && !findTemporalServer(config)) missing.push('Temporal server (npm run cluster)');
  return missing;
}

async function step<T>(log: Log, fn: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  const started = Date.now();
  const result = await fn();
  log(`${describe(result)} [${formatDuration(Date.now() - started)}]`);
  return result;
}

function runPrismaGenerate(): Promise<void> {
  return new Promise((resolve, reject) => {
    // env(1) adds the variables without this module touching process.env.
    const child = spawn(
      'env',
      ['CHECKPOINT_DISABLE=1', 'PRISMA_HIDE_UPDATE_MESSAGE=1', 'npx', '--no-install', 'prisma', 'generate'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const last = output
          .trim()
          .split('\n')
          .slice(-20)
          .map((l) => `    ${l}`)
          .join('\n');
        reject(new Error(`npx prisma generate failed (exit code ${code}):\n${last}`));
      }
    });
  });
}

async function setupSteps(
  config: AppConfig,
  log: Log,
  opts: { alwaysGenerate: boolean } & SetupScope,
): Promise<SetupResult> {
  const need = needs(config);
  const detailLog: Log = (line) => log(line);

  let temporalCli: string | undefined;
  if (need.cli) {
    const cli = await step(
      log,
      () => locateTemporalCli(config, { install: true, log: detailLog }),
      (r) => `✓ Temporal CLI v${TEMPORAL_CLI_VERSION}: ${r?.path} (${r?.detail})`,
    );
    temporalCli = cli?.path;
  } else {
    log('– Temporal CLI: not needed (production, TEMPORAL_ADDRESS is set)');
  }

  let testServer: string | undefined;
  if (need.testServer) {
    const version = toolPaths(config).testServerVersion;
    const ts = await step(
      log,
      () => locateTestServer(config, { install: true, log: detailLog }),
      (r) =>
        r
          ? `✓ Temporal test server ${version}: ${r.path} (${r.detail})`
          : `– Temporal test server: not installed (needs java and mvn); time-skipping tests will use the SDK's download`,
    );
    testServer = ts?.path;
  }

  if (opts.cluster) {
    await step(
      log,
      () => resolveTemporalServer(config, { install: true, log: detailLog }),
      (r) => `✓ Temporal server v${r.version} and temporal-sql-tool (npm run cluster): ${r.dir} (${r.detail})`,
    );
  }

  let prisma: SetupResult['prisma'];
  const state = prismaState();
  if (state === 'missing-config') {
    log('– Prisma client: skipped, prisma.config.ts does not exist yet');
    prisma = 'skipped';
  } else if (state === 'up to date' && !opts.alwaysGenerate) {
    log('✓ Prisma client: up to date');
    prisma = 'up to date';
  } else {
    await step(log, runPrismaGenerate, () => `✓ Prisma client: generated from prisma/schema.prisma`);
    prisma = 'generated';
  }

  await step(
    log,
    () => ensureWebBundle(log),
    (r) =>
      r === 'built'
        ? '✓ Web bundle: built into web/dist'
        : r === 'fresh'
          ? '✓ Web bundle: up to date'
          : '– Web bundle: Vite is not installed; the dashboard answers 503 until `npm run build:web`',
  );
  if (opts.forTests) {
    const still = await ensureSystemPackages(config, log);
    if (still.length === 0) log('✓ System packages for the tests: Chromium, a CJK font, PostgreSQL');
  }
  return { temporalCli, testServer, prisma };
}

function setupLock(config: AppConfig): string {
  return path.join(config.toolsDir, '.setup.lock');
}

/** The full, idempotent setup (what `npm run setup` runs). Throws on failure. */
export async function runSetup(
  config: AppConfig,
  log: Log,
  scope: Pick<SetupScope, 'cluster'> = {},
): Promise<SetupResult> {
  const started = Date.now();
  log(`Setup: tools in ${config.toolsDir}, machine cache ${config.toolsCacheDir}`);
  const result = await withLock(setupLock(config), log, () =>
    setupSteps(config, log, { alwaysGenerate: true, forTests: config.env !== 'production', ...scope }),
  );
  log(`Setup complete [${formatDuration(Date.now() - started)}]`);
  return result;
}

/**
 * Quick check; runs the full setup only when something is missing (e.g. first `npm start` or
 * `npm test` after a clone). Silent when everything is there. Throws on failure.
 */
export async function ensureSetup(config: AppConfig, log: Log, scope: SetupScope = {}): Promise<void> {
  const missing = missingSetup(config, scope);
  if (missing.length === 0) return;
  log(`Setup needed (${missing.join(', ')} missing); running it now…`);
  await withLock(setupLock(config), log, async () => {
    if (missingSetup(config, scope).length === 0) return; // another process did it while we waited
    const started = Date.now();
    await setupSteps(config, log, { alwaysGenerate: false, ...scope });
    log(`Setup complete [${formatDuration(Date.now() - started)}]`);
  });
}
