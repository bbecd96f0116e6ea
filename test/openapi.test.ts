/**
 * The OpenAPI document: valid OpenAPI 3.1, in step with the routes the Express app mounts
 * (both ways), served at /openapi.json with the interactive page at /docs. No server, no
 * database: the app is built with stub clients and only its route table is read.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Express } from 'express';
import express from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { DOCS_ASSETS, docsRouter } from '../api/docs';
import { buildOpenApiDocument } from '../api/openapi';
import { CONTRACT_OPERATIONS as OPERATIONS } from '../api/contract';
import { requestRegistry } from '../api/contract/types';
import { createLogger } from '../infra/log';
import { type ApiDeps } from '../api/deps';

/** The app with stub clients: routes are only listed or, for the public docs, called. */
function stubApp(): Express {
  const deps = {
    prisma: {},
    temporal: {},
    taskQueue: 'openapi-test',
    clock: () => new Date(),
    log: createLogger('error', 'test'),
    auth: { tokenSecret: 'openapi-test-secret-openapi-test-secret', tokenTtlSeconds: 3600 },
  };
  return createApp(deps as unknown as ApiDeps);
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[];
}

/** Every "METHOD /path" the app routes, paths in OpenAPI style (/api/units/{unitRef}). */
function mountedRoutes(app: Express): string[] {
  const out = new Set<string>();
  const join = (a: string, b: string) => (a + '/' + b).replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          const full = join(prefix, path);
          if (/[*?{}()]/.test(full)) throw new Error(`Cannot map the Express path ${full} to OpenAPI`);
          const openapiPath = full.replace(/:(\w+)/g, '{$1}');
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') out.add(`${method.toUpperCase()} ${openapiPath}`);
          }
        }
      } else if (layer.handle?.stack) {
        const mount = [layer.rawPath ?? '/'].flat();
        if (mount.length !== 1 || typeof mount[0] !== 'string') throw new Error('Routers mounted on several paths');
        walk(layer.handle.stack, join(prefix, mount[0]));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...out].sort();
}

/** The page's own files (scripts, CSS) are not API operations. */
const isDocsAsset = (route: string) => route.split(' ')[1]!.startsWith(`${DOCS_ASSETS}/`);

const documented = () => OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument() as {
    openapi: string;
    info: { version: string };
    paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
  };

  it('is valid OpenAPI 3.1', () => {
    // The validator is an ES module: it runs in a child Node process rather than in Jest's CommonJS.
    const script = `
      import { Validator } from '@seriousme/openapi-schema-validator';
      const chunks = [];
      for await (const c of process.stdin) chunks.push(c);
      const validator = new Validator();
      const result = await validator.validate(JSON.parse(Buffer.concat(chunks).toString()));
      process.stdout.write(JSON.stringify({ version: validator.version, ...result }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.resolve(__dirname, '..'),
      input: JSON.stringify(doc),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ version: '3.1', valid: true });
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(jest.requireActual<{ version: string }>('../package.json').version);
  });

  it('has every $ref pointing at a component', () => {
    const text = JSON.stringify(doc);
    const components = (doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    const refs = [...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(components[ref.slice('#/components/schemas/'.length)]).toBeDefined();
    }
  });

  it('documents every route the app mounts, and nothing it does not', () => {
    const mounted = mountedRoutes(stubApp()).filter((r) => !isDocsAsset(r));
    expect(documented().filter((r) => !mounted.includes(r))).toEqual([]); // documented, not mounted
    expect(mounted.filter((r) => !documented().includes(r))).toEqual([]); // mounted, not documented
  });

  it('lists the error responses of every operation, 401 on every non-public one', () => {
    for (const op of OPERATIONS) {
      const responses = doc.paths[op.path]![op.method]!.responses;
      for (const status of op.errors) expect(Object.keys(responses)).toContain(String(status));
      if (op.access === 'public') expect(doc.paths[op.path]![op.method]!.security).toEqual([]);
      else expect(Object.keys(responses)).toContain('401');
      if (op.roles) expect(Object.keys(responses)).toContain('403');
    }
  });

  it('has request examples that pass their own schemas', () => {
    for (const op of OPERATIONS) {
      if (!op.body || !('schema' in op.body) || op.body.example === undefined) continue;
      expect(requestRegistry.get(op.body.schema)).toBeDefined();
      const parsed = op.body.schema.safeParse(op.body.example);
      expect({ op: op.operationId, issues: parsed.error?.issues ?? [] }).toEqual({ op: op.operationId, issues: [] });
    }
  });
});

describe('GET /openapi.json and /docs', () => {
  it('are served by the app, without a login', async () => {
    const app = stubApp();
    const json = await request(app).get('/openapi.json').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect((json.body as { openapi: string }).openapi).toBe('3.1.0');
    const html = await request(app).get('/docs').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('/openapi.json');
  });

  it('serve the page’s scripts from node_modules (no CDN)', async () => {
    const app = express().use(docsRouter());
    const html = await request(app).get('/docs').expect(200);
    expect(html.text).not.toMatch(/https?:\/\//);
    const assets = [...html.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(
      expect.arrayContaining([`${DOCS_ASSETS}/swagger-ui-bundle.js`, `${DOCS_ASSETS}/swagger-ui.css`]),
    );
    for (const asset of assets) await request(app).get(asset).expect(200);
    const init = await request(app).get(`${DOCS_ASSETS}/init.js`).expect(200);
    expect(init.text).toContain("url: '/openapi.json'");
    expect(init.text).toContain('validatorUrl: null');
  });
});
