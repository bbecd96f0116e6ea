/**
 * Opens the database: PGlite (embedded PostgreSQL, a data folder or in memory) or PostgreSQL
 * through node-postgres. The known defects of the two driver adapters (see
 * shared/notes/prisma-offline.md) are worked around here and nowhere else; prisma.config.ts
 * reuses the adapter factories below for the Prisma CLI.
 */
import fs from 'node:fs';
import { PGlite, messages, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
// Types only: the driver adapter interfaces of Prisma 6.19 (a dependency of @prisma/adapter-pg).
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { AppConfig } from './config';

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** Disconnects Prisma and closes PGlite or the pool. Safe to call twice. */
  close(): Promise<void>;
}

export const IN_MEMORY = ':memory:';

export async function openDatabase(db: AppConfig['database']): Promise<Database> {
  if (db.kind === 'postgres') {
    const pool = createPool(db.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      kind: 'postgres',
      close: once(async () => {
        await prisma.$disconnect();
        await pool.end();
      }),
    };
  }
  const pglite = await openPGlite(db.dataDir);
  const prisma = new PrismaClient({ adapter: pgliteAdapterFactory(pglite) });
  return {
    prisma,
    kind: 'pglite',
    close: once(async () => {
      await prisma.$disconnect(); // does not close PGlite (pglite-prisma-adapter 0.6.1)
      await pglite.close();
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// PGlite

/** Opens PGlite in `dataDir` (created if missing), or in memory for ':memory:'. */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  if (dataDir === IN_MEMORY) return PGlite.create();
  fs.mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir });
}

/**
 * pglite-prisma-adapter 0.6.1 with its defects fixed:
 * - argument-less raw statements and scripts go through `exec` (simple protocol), so a
 *   migration with several statements works, and `executeScript` awaits it;
 * - PostgreSQL errors are mapped like @prisma/adapter-pg does (23505 → P2002, 23503 → P2003,
 *   23502 → P2011), instead of surfacing as untyped P2010 errors;
 * - the shadow database (`migrate diff --from-migrations`) is a fresh in-memory PGlite, closed
 *   when the CLI disposes it.
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => fixPGliteAdapter(await inner.connect()),
    connectToShadowDb: async () => {
      const shadow = await PGlite.create();
      const adapter = fixPGliteAdapter(await new PrismaPGlite(shadow).connect());
      adapter.dispose = () => shadow.close();
      return adapter;
    },
  };
}

/** What the adapter's instances (adapter and transactions) keep internally. */
interface PGliteInternals {
  client: PGlite | PGliteTransaction;
  onError(error: unknown): never;
}

/**
 * pglite-prisma-adapter 0.6.1 is typed against driver-adapter-utils 6.10, whose types differ
 * nominally from 6.19's; at run time the protocol is the one Prisma 6.19 uses.
 */
function fixPGliteAdapter(pgliteAdapter: unknown): SqlDriverAdapter {
  const adapter = pgliteAdapter as SqlDriverAdapter;
  const internals = fixPGliteQueryable(adapter);
  adapter.executeScript = async (script) => {
    await internals.client.exec(script).catch((e: unknown) => internals.onError(e));
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx: Transaction = await startTransaction(isolationLevel);
    fixPGliteQueryable(tx);
    return tx;
  };
  return adapter;
}

function fixPGliteQueryable(queryable: SqlQueryable): PGliteInternals {
  const internals = queryable as unknown as PGliteInternals;
  internals.onError = (error) => {
    throw toDriverAdapterError(error);
  };
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    const results = await internals.client.exec(query.sql).catch((e: unknown) => internals.onError(e));
    return results.at(-1)?.affectedRows ?? 0;
  };
  return internals;
}

/** The mapping of @prisma/adapter-pg 6.19 (src/errors.ts), for the codes Prisma turns into P20xx. */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof messages.DatabaseError)) return error;
  const fields = error.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ');
  let cause: Record<string, unknown>;
  switch (error.code) {
    case '23505':
      cause = { kind: 'UniqueConstraintViolation', constraint: fields && { fields } };
      break;
    case '23502':
      cause = { kind: 'NullConstraintViolation', constraint: fields && { fields } };
      break;
    case '23503':
      cause = {
        kind: 'ForeignKeyConstraintViolation',
        constraint: error.column
          ? { fields: [error.column] }
          : error.constraint
            ? { index: error.constraint }
            : undefined,
      };
      break;
    default:
      cause = {
        kind: 'postgres',
        code: error.code ?? 'N/A',
        severity: error.severity ?? 'N/A',
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      };
  }
  cause = { originalCode: error.code, originalMessage: error.message, ...cause };
  // Prisma recognises driver errors by shape: name 'DriverAdapterError' and an object `cause`.
  return Object.assign(new Error(error.message), { name: 'DriverAdapterError', cause });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** A pool whose clients report catalog types the adapter cannot map as text (see below). */
export function createPool(config: string | pg.PoolConfig): pg.Pool {
  const options = typeof config === 'string' ? { connectionString: config } : config;
  // A connection attempt to an unreachable server fails after 10 s (pg waits forever by default):
  // callers retry, and a notice attempt stays inside its heartbeat timeout.
  const pool = new pg.Pool({ connectionTimeoutMillis: 10_000, ...options, Client: CatalogTypesAsTextClient });
  // An idle connection that the server ends (restart, failover, admin) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
  });
  return pool;
}

/**
 * @prisma/adapter-pg 6.19 rejects the catalog types that the schema engine's introspection
 * queries return ("Column type 'name' could not be deserialized", prisma/orm#27403); `$queryRaw`
 * selecting a `name` column fails the same way. Report them as text, and name[] as text[].
 */
const AS_TEXT = new Set([
  18 /* "char" */, 19 /* name */, 24 /* regproc */, 194 /* pg_node_tree */, 2205 /* regclass */, 2206 /* regtype */,
]);
const TEXT = 25;
const NAME_ARRAY = 1003;
const TEXT_ARRAY = 1009;
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => unknown)(TEXT_ARRAY);

class CatalogTypesAsTextClient extends pg.Client {
  // One override for every overload of pg.Client#query: callback style (pg.Pool) and promise style.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const query = super.query.bind(this) as (...a: unknown[]) => unknown;
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (err: Error | null, res: unknown) => void;
      args[callbackAt] = (err: Error | null, res: unknown) => callback(err, err ? res : retype(res));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(retype) : result;
  }
}

function retype(result: unknown): unknown {
  for (const r of (Array.isArray(result) ? result : [result]) as Partial<pg.QueryResult>[]) {
    r.fields?.forEach((field, i) => {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      if (field.dataTypeID !== NAME_ARRAY) return;
      field.dataTypeID = TEXT_ARRAY;
      for (const row of (r.rows ?? []) as Record<string | number, unknown>[]) {
        const key = Array.isArray(row) ? i : field.name;
        const value = row[key];
        if (typeof value === 'string') row[key] = parseTextArray(value);
      }
    });
  }
  return result;
}

/**
 * A PostgreSQL adapter factory for the Prisma CLI (prisma.config.ts): a pool per connect().
 * The CLI never disposes it, so let the process exit once the pool is idle.
 */
export function postgresAdapterFactory(url: string): PrismaPg {
  return new PrismaPg({ connectionString: url, Client: CatalogTypesAsTextClient, allowExitOnIdle: true });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
