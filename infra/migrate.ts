/**
 * Applies prisma/migrations to the database at app start (and `npm run db:migrate`), on PGlite
 * and PostgreSQL alike, without the Prisma CLI. Each pending migration.sql runs in its own
 * transaction together with its `_prisma_migrations` row, written as `prisma migrate deploy`
 * would write it, so `prisma migrate status` reports the database up to date. Concurrent
 * starts against one PostgreSQL are serialised by a transaction-scoped advisory lock.
 *
 * Because each migration runs inside a transaction, a migration.sql must not contain its own
 * BEGIN/COMMIT or statements that cannot run in one (CREATE INDEX CONCURRENTLY, …).
 *
 * CLI:
 *   tsx infra/migrate.ts                        apply pending migrations (npm run db:migrate)
 *   tsx infra/migrate.ts create --name <name>   write a new migration from schema.prisma
 *                                               (npm run db:migrate:dev -- --name <name>)
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { loadConfig } from './config';
import { openDatabase, type Database } from './db';

const REPO_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');

/** Arbitrary constant key for pg_advisory_xact_lock ("migr" in ASCII). */
const LOCK_KEY = 0x6d696772;

/** The table as Prisma creates it (schema-engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type Queryable = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | '$executeRawUnsafe'>;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function applyMigrations(
  database: Database,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): Promise<{ applied: string[] }> {
  const { prisma } = database;
  const applied: string[] = [];
  const isPending = (state: MigrationState, name: string) => {
    if (state.failed.has(name) && !state.done.has(name)) {
      throw new Error(
        `Migration ${name} failed earlier (row in _prisma_migrations without finished_at). ` +
          'Fix the database, then mark it with `npx prisma migrate resolve`.',
      );
    }
    return !state.done.has(name);
  };

  const before = await migrationState(prisma); // fast path, without the lock
  for (const migration of readMigrations(migrationsDir)) {
    if (!isPending(before, migration.name)) continue;
    const ran = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
        await tx.$executeRawUnsafe(CREATE_MIGRATIONS_TABLE);
        if (!isPending(await migrationState(tx), migration.name)) return false; // done meanwhile
        await tx.$executeRawUnsafe(migration.sql);
        await tx.$executeRaw`
          INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name",
            "logs", "rolled_back_at", "started_at", "applied_steps_count")
          VALUES (${randomUUID()}, ${migration.checksum}, clock_timestamp(), ${migration.name},
            NULL, NULL, now(), 1)`;
        return true;
      },
      // The lock may be held by another starting process: wait for it, and for long migrations.
      { maxWait: 60_000, timeout: 10 * 60_000 },
    );
    if (ran) applied.push(migration.name);
  }
  return { applied };
}

function readMigrations(migrationsDir: string): Migration[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(migrationsDir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

interface MigrationState {
  done: Set<string>;
  failed: Set<string>;
}

async function migrationState(db: Queryable): Promise<MigrationState> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`;
  if (!table?.exists) return { done: new Set(), failed: new Set() };
  const rows = await db.$queryRaw<{ migration_name: string; finished: boolean }[]>`
    SELECT "migration_name", "finished_at" IS NOT NULL AS "finished"
    FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`;
  return {
    done: new Set(rows.filter((r) => r.finished).map((r) => r.migration_name)),
    failed: new Set(rows.filter((r) => !r.finished).map((r) => r.migration_name)),
  };
}

/**
 * Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL that takes the
 * existing migrations to schema.prisma, computed by `prisma migrate diff` against throwaway
 * in-memory PGlite databases (see prisma.config.ts). Returns the folder, or undefined when the
 * schema has no changes.
 */
export function createMigration(name: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): string | undefined {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) throw new Error('Give the migration a name: npm run db:migrate:dev -- --name <name>');
  const from = readMigrations(migrationsDir).length > 0 ? ['--from-migrations', migrationsDir] : ['--from-empty'];
  const schema = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
  const diff = spawnSync(
    process.execPath,
    [
      require.resolve('prisma/build/index.js'),
      'migrate',
      'diff',
      ...from,
      '--to-schema-datamodel',
      schema,
      '--script',
      '--exit-code',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 5 * 60_000 },
  );
  if (diff.status === 0) return undefined; // --exit-code: 0 = no difference, 2 = difference
  if (diff.status !== 2) throw new Error(`prisma migrate diff failed (exit ${diff.status ?? diff.signal})`);

  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), diff.stdout);
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}

async function main(args: string[]): Promise<void> {
  if (args[0] === 'create') {
    const nameAt = args.indexOf('--name');
    const dir = createMigration(nameAt >= 0 ? (args[nameAt + 1] ?? '') : '');
    console.log(
      dir ? `Created ${path.relative(process.cwd(), dir)}/migration.sql` : 'No schema changes: no migration created.',
    );
    return;
  }
  const database = await openDatabase(loadConfig().database);
  try {
    const { applied } = await applyMigrations(database);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
