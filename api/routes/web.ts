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
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response, Router } from 'express';
import { WEB_DIST } from '../../infra/web-bundle';
import { workflowLinksOf } from '../../services/workflow-links';
import { type ApiDeps } from '../deps';

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
export function webRouter(deps: Partial<Pick<ApiDeps, 'temporalUiUrl' | 'temporal'>>, dist: string = WEB_DIST): Router {
  const router = Router();

  router.get('/api/ui-config', (_req, res) => {
    res.json(workflowLinksOf(deps));
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
