/**
 * The dashboard's bundle (web/ → web/dist, git-ignored): whether it is missing, stale or fresh,
 * and building it with Vite (type-check, then `vite build` into a temporary folder swapped in
 * under a lock). Used by `npm run setup` (so `npm start`, `npm test` and CI build it when
 * web/ or the lockfile is newer) and by the dashboard's test; the API only serves the result.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Log, withLock } from './embedded/tools';

const REPO_ROOT = path.resolve(__dirname, '..');
/** The Vite project: web/index.html, web/vite.config.mts, web/src/. */
export const WEB_ROOT = path.join(REPO_ROOT, 'web');
/** The built bundle (git-ignored). */
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
const INDEX_HTML = path.join(WEB_DIST, 'index.html');
/** Inputs of the build besides web/src: a change to any of them makes the bundle stale. */
const BUILD_INPUTS = ['index.html', 'vite.config.mts', 'tsconfig.json', 'public'].map((f) => path.join(WEB_ROOT, f));
const LOCKFILE = path.join(REPO_ROOT, 'package-lock.json');
const BUILD_LOCK = path.join(REPO_ROOT, 'node_modules', '.cache', 'donggang-web-build.lock');

/** Newest modification time (ms) of a file, or of every file under a folder; 0 when absent. */
function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a removed file changes its folder's time
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * 'missing' (no bundle), 'stale' (web/ or the dependency lock changed after the bundle was
 * built) or 'fresh'. Cheap: a stat of each source file.
 */
export function webBundleState(): 'missing' | 'stale' | 'fresh' {
  let built: number;
  try {
    built = fs.statSync(INDEX_HTML).mtimeMs;
  } catch {
    return 'missing';
  }
  const sources = Math.max(
    newestMtime(path.join(WEB_ROOT, 'src')),
    ...BUILD_INPUTS.map(newestMtime),
    newestMtime(LOCKFILE),
  );
  return sources > built ? 'stale' : 'fresh';
}

/** Vite's command-line entry, or undefined when dev dependencies are not installed. */
function viteBin(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('vite/package.json', { paths: [REPO_ROOT] })), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

/** Whether this checkout can build the bundle (Vite is installed). */
export function canBuildWeb(): boolean {
  const bin = viteBin();
  return bin !== undefined && fs.existsSync(bin);
}

function runNode(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // A production build whatever the caller's NODE_ENV (jest's global setup runs with `test`).
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const lastLines = (text: string, n = 25) =>
  text
    .trim()
    .split('\n')
    .slice(-n)
    .map((l) => `    ${l}`)
    .join('\n');

/**
 * `npm run build:web` in-process terms: type-check web/ (tsc -p web), then `vite build` into a
 * temporary folder that replaces web/dist in one rename, so a running server never serves half a
 * build. Returns the bundle's size in bytes. Throws with the compiler's last lines on failure.
 */
export async function buildWebBundle(): Promise<number> {
  const vite = viteBin();
  if (!vite || !fs.existsSync(vite)) throw new Error('Vite is not installed: run `npm install` first');
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json', { paths: [REPO_ROOT] })), 'bin', 'tsc');
  const checked = await runNode([tsc, '--noEmit', '-p', WEB_ROOT]);
  if (checked.code !== 0)
    throw new Error(`tsc -p web failed (exit code ${checked.code}):\n${lastLines(checked.output)}`);
  const tmp = path.join(REPO_ROOT, 'node_modules', '.cache', `donggang-web-dist-${process.pid}`);
  await fsp.rm(tmp, { recursive: true, force: true });
  try {
    const built = await runNode([vite, 'build', WEB_ROOT, '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn']);
    if (built.code !== 0 || !fs.existsSync(path.join(tmp, 'index.html'))) {
      throw new Error(`vite build failed (exit code ${built.code}):\n${lastLines(built.output)}`);
    }
    const old = `${WEB_DIST}.old-${process.pid}`;
    await fsp.rm(old, { recursive: true, force: true });
    if (fs.existsSync(WEB_DIST)) await fsp.rename(WEB_DIST, old);
    await fsp.rename(tmp, WEB_DIST).catch(async () => {
      await fsp.cp(tmp, WEB_DIST, { recursive: true }); // another file system
    });
    await fsp.rm(old, { recursive: true, force: true });
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  return bundleBytes(WEB_DIST);
}

function bundleBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? bundleBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/**
 * Build the bundle when it is missing or older than web/ (under a lock, so concurrent setups and
 * test files build it once). 'fresh' when nothing needed doing; 'unavailable' when Vite is not
 * installed (the dashboard then answers 503 until it is built).
 */
export async function ensureWebBundle(log: Log): Promise<'fresh' | 'built' | 'unavailable'> {
  if (webBundleState() === 'fresh') return 'fresh';
  if (!canBuildWeb()) return 'unavailable';
  return withLock(BUILD_LOCK, log, async () => {
    if (webBundleState() === 'fresh') return 'fresh'; // another process built it while we waited
    await buildWebBundle();
    return 'built';
  });
}

// --- Serving it -----------------------------------------------------------------------------
