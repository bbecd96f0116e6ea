/**
 * The API's documentation, public: GET /openapi.json (the OpenAPI 3.1 document generated from
 * the zod schemas) and GET /docs (Swagger UI). Swagger UI is served from the swagger-ui-dist
 * package in node_modules: nothing is loaded from a CDN, and its online validator is off, so the
 * page works without internet access.
 */
import path from 'node:path';
import express, { Router } from 'express';
import { buildOpenApiDocument } from './openapi';

/** swagger-ui-dist's folder: its prebuilt bundle, CSS and icons. */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Where the page's own files live: /docs/<file of swagger-ui-dist>, /docs/init.js. */
export const DOCS_ASSETS = '/docs';

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>东港联席会议服务 API 文档 / Donggang joint-meeting API docs</title>
    <link rel="stylesheet" href="${DOCS_ASSETS}/swagger-ui.css" />
    <link rel="icon" type="image/png" href="${DOCS_ASSETS}/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <noscript>本页需要 JavaScript；文档原文见 /openapi.json / This page needs JavaScript; the document itself is at /openapi.json</noscript>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS}/init.js"></script>
  </body>
</html>
`;

// A file of its own rather than an inline script, so a Content-Security-Policy without
// 'unsafe-inline' still allows the page. BaseLayout: no top bar that would load other URLs.
const INIT_JS = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  displayRequestDuration: true,
  tryItOutEnabled: false,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** GET /openapi.json and GET /docs (with its assets under /docs/). Mount it ahead of authentication. */
export function docsRouter(): Router {
  const router = Router();
  let document: string | undefined; // built on first use: creating the app stays cheap

  router.get('/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument());
    res.set('Cache-Control', 'no-cache').type('application/json').send(document);
  });
  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(INDEX_HTML);
  });
  router.get(`${DOCS_ASSETS}/init.js`, (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/javascript').send(INIT_JS);
  });
  router.use(DOCS_ASSETS, express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d', fallthrough: true }));
  return router;
}
