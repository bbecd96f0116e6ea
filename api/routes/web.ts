/**
 * The dashboard (督办工作台): the web UI built by Vite from web/ into web/dist, served at `/` with
 * the single-page app's fallback to index.html for every other non-/api page, and
 * GET /api/ui-config, what the UI needs to know about the deployment (the Temporal Web UI to
 * link each obligation's workflow to).
 *
 * The bundle is built at build time (`npm run build:web`; `npm start`, `npm test` and CI rebuild
 * it through `ensureSetup` when web/ is newer than the bundle): nothing is fetched from a CDN at
 * run time. Without a bundle, `/` answers a 503 page that says how to build it.
 *
 * Cache: index.html is `no-cache` (it names the assets of the current build); the assets under
 * /assets/ carry a content hash in their names and are `immutable` for a year.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import express, { type RequestHandler, type Response, Router } from 'express';
import { type Log, withLock } from '../../infra/tools';
import type { ApiDeps } from '../app';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The Vite project: web/index.html, web/vite.config.mts, web/src/. */
export const WEB_ROOT = path.join(REPO_ROOT, 'web');
/** The built bundle (git-ignored). */
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
const INDEX_HTML = path.join(WEB_DIST, 'index.html');
/** Inputs of the build besides web/src: a change to any of them makes the bundle stale. */
const BUILD_INPUTS = ['index.html', 'vite.config.mts', 'tsconfig.json', 'public'].map((f) => path.join(WEB_ROOT, f));
const LOCKFILE = path.join(REPO_ROOT, 'package-lock.json');
const BUILD_LOCK = path.join(REPO_ROOT, 'node_modules', '.cache', 'donggang-web-build.lock');

/**
 * The page's policy: everything from this origin, nothing from elsewhere (no CDN, no fonts from
 * the internet). Inline styles are allowed because ECharts positions its tooltip with them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>督办工作台尚未构建 / The dashboard is not built</title>
  </head>
  <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
    <h1>督办工作台尚未构建</h1>
    <p>网页界面的文件还没有生成。请在项目目录运行 <code>npm run build:web</code>，然后刷新本页。
      （<code>npm start</code> 与 <code>npm test</code> 会自动构建。）接口 <code>/api</code> 与文档 <a href="/docs">/docs</a> 不受影响。</p>
    <h2 lang="en">The dashboard is not built</h2>
    <p lang="en">The web UI's files have not been built yet. Run <code>npm run build:web</code> in the project folder,
      then reload this page (<code>npm start</code> and <code>npm test</code> build it by themselves).
      The API under <code>/api</code> and its documentation at <a href="/docs">/docs</a> work as usual.</p>
  </body>
</html>
`;

// --- The bundle: is it there and fresh, and building it -------------------------------------

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

function sendIndex(res: Response, dist: string): void {
  const index = path.join(dist, 'index.html');
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.set('Cache-Control', 'no-cache');
  if (!fs.existsSync(index)) {
    res.status(503).type('html').send(NOT_BUILT_HTML);
    return;
  }
  res.type('html').sendFile(index, { cacheControl: false, lastModified: true });
}

/** A page of the app (/, /units/…, /evaluations): not the API, not a file with an extension. */
function spaFallback(dist: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/assets/')) return next();
    if (/\.[a-z0-9]+$/i.test(req.path) || !req.accepts('html')) return next();
    sendIndex(res, dist);
  };
}

/**
 * GET / (the dashboard), its assets, the app's other pages, and GET /api/ui-config. Mount it
 * after the API's routers (its fallback serves every other page) and before the 404 handler.
 * `dist`: the bundle's folder (web/dist; tests give another).
 */
export function webRouter(deps: Pick<ApiDeps, 'temporalUiUrl'>, dist: string = WEB_DIST): Router {
  const router = Router();

  router.get('/api/ui-config', (_req, res) => {
    res.json({ temporalUiUrl: deps.temporalUiUrl ?? null, namespace: 'default' });
  });

  router.get('/', (_req, res) => sendIndex(res, dist));

  // Hashed file names: cached for good. A name from an older build is a 404, never index.html.
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true }),
  );
  // Other files of the bundle's root (the icon): revalidated each time.
  router.use(
    express.static(dist, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.use(spaFallback(dist));
  return router;
}
