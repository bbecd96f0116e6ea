/**
 * The two HTTP servers that part `api` of `npm run bench` loads, alone in a child process so that
 * the load generator (autocannon, in the bench process) does not share their event loop:
 *
 * - full: the service's Express app (createApp, as `npm run api` composes it, on PostgreSQL):
 *   JSON body parser, login (token check and user lookup), scope, validation, idempotency, the
 *   routes and the error handler;
 * - bare: an Express app with nothing but three routes that run the same Prisma queries as the
 *   three routes measured, with the same response shaping, and no middleware at all (no login,
 *   no validation, no scope).
 *
 * Both share one Prisma client (one pool); only one is loaded at a time. Driven over IPC by
 * bench/api.ts: {type:'start', databaseUrl, tokenSecret} → {type:'ready', fullPort, barePort}.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { PrismaClient } from '@prisma/client';
import { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import { createApp } from '../api/app';
import { itemView } from '../api/views/agenda';
import { unitView } from '../api/views/units';
import { periodFromKey, shanghaiDateOf } from '../domain/period';
import { openDatabase } from '../infra/db';
import { createLogger } from '../infra/log';
import { loadItem } from '../records/agenda-items';
import { loadFigureRows } from '../records/figures';
import type { UnitLevel } from '../domain/org';

export type ToApiServer = { type: 'start'; databaseUrl: string; tokenSecret: string } | { type: 'stop' };
export type FromApiServer =
  { type: 'ready'; fullPort: number; barePort: number } | { type: 'stopped' } | { type: 'error'; message: string };

/** The same queries as GET /api/units, /api/supervision/figures and /api/agenda-items, for a caller who reads all. */
const ADMIN_VIEWER = {
  id: 'bench',
  username: 'bench',
  role: 'admin',
  unitId: null,
  leaderId: null,
  departmentId: null,
} as const;

function bareApp(prisma: PrismaClient): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/units', async (req, res) => {
    const level = req.query.level as UnitLevel;
    const where = { removedAt: null, level };
    const [items, total] = await Promise.all([
      prisma.unit.findMany({ where, orderBy: { code: 'asc' }, take: 50, skip: 0 }),
      prisma.unit.count({ where }),
    ]);
    res.json({ items: items.map((u) => unitView(u, ADMIN_VIEWER)), total, limit: 50, offset: 0 });
  });

  app.get('/figures', async (req, res) => {
    const today = shanghaiDateOf(new Date());
    const period = periodFromKey(req.query.period as string);
    const rows = await loadFigureRows(prisma, period, { units: 'all' }, today);
    res.json({ period: period.key, from: period.firstDay, to: period.lastDay, asOf: today, rows });
  });

  app.get('/agenda-items', async (req, res) => {
    const currentUnitId = req.query.currentUnitId as string;
    const where = { AND: [{}, {}, { currentUnitId }, {}] };
    const [ids, total] = await Promise.all([
      prisma.agendaItem.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 50,
        skip: 0,
        select: { id: true },
      }),
      prisma.agendaItem.count({ where }),
    ]);
    const today = shanghaiDateOf(new Date());
    const items = await Promise.all(ids.map(async ({ id }) => itemView((await loadItem(prisma, id))!, today)));
    res.json({ items, total, limit: 50, offset: 0 });
  });
  return app;
}

function listen(app: Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

function send(message: FromApiServer): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

let stop: (() => Promise<void>) | undefined;

async function start(databaseUrl: string, tokenSecret: string): Promise<void> {
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl });
  // GET routes never reach Temporal: a lazy client that is never connected.
  const temporal = new Client({ namespace: 'default' });
  const full = createApp({
    prisma: db.prisma,
    temporal,
    taskQueue: 'bench',
    clock: () => new Date(),
    log: createLogger('error', 'bench-api'),
    auth: { tokenSecret, tokenTtlSeconds: 8 * 3600 },
  });
  const servers = [await listen(full), await listen(bareApp(db.prisma))];
  stop = async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    await db.close();
  };
  const [fullPort, barePort] = servers.map((s) => (s.address() as AddressInfo).port) as [number, number];
  await send({ type: 'ready', fullPort, barePort });
}

function fail(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`bench API server failed: ${message}\n`);
  void send({ type: 'error', message }).finally(() => process.exit(1));
}

async function shutdown(): Promise<void> {
  await stop?.();
  await send({ type: 'stopped' });
  process.exit(0);
}

process.on('message', (message: ToApiServer) => {
  if (message.type === 'start') start(message.databaseUrl, message.tokenSecret).catch(fail);
  if (message.type === 'stop') shutdown().catch(fail);
});
process.on('disconnect', () => {
  shutdown().catch(() => process.exit(1));
});
