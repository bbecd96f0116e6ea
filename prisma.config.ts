/**
 * Prisma CLI configuration. Offline-safe: the JavaScript schema engine ('js', WASM shipped in
 * the npm package) talks to the database through a driver adapter, so no engine binary is
 * ever downloaded (see shared/notes/prisma-offline.md).
 *
 * Database: the app's, from loadConfig(): DATABASE_URL=postgresql://… → PostgreSQL through
 * @prisma/adapter-pg; unset → PGlite in DATA_DIR/pglite (the app must not be running: PGlite
 * is one process at a time).
 *
 * New migrations: `npm run db:migrate:dev -- --name <name>` (infra/migrate.ts `create`) runs
 * `prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel …`, which
 * replays the migrations into a throwaway in-memory PGlite shadow database and prints the
 * difference to schema.prisma; no server is needed and the configured database is never
 * touched. (`prisma migrate dev` itself cannot be used with the JS engine in 6.19 once a
 * migration exists: its data-loss check fails with "PostgreSQL shadow DB must be provided
 * through an external factory".) Migrations are applied to the configured database by the
 * app at start or by `npm run db:migrate` (infra/migrate.ts), both as Prisma would record them.
 */
import type { PGlite } from '@electric-sql/pglite';
import { defineConfig } from 'prisma/config';
import { loadConfig } from './infra/config';
import { IN_MEMORY, openPGlite, pgliteAdapterFactory, postgresAdapterFactory } from './infra/db';

const database = loadConfig().database;
// `migrate diff` (files only: with an adapter the CLI refuses --from-schema-datasource) and
// `migrate dev` get a throwaway in-memory PGlite instead of the configured database.
// Commands that need no database (`generate` — run by @prisma/client's postinstall at every
// `npm install` —, `validate`, `format`, `version`) get one too, so that npm install writes
// nothing under DATA_DIR; only `migrate` (deploy, status, resolve…), `db` and `studio` open the
// configured database.
const [command, subcommand] = process.argv.slice(2);
const throwaway =
  (command === 'migrate' && (subcommand === 'diff' || subcommand === 'dev')) ||
  !['migrate', 'db', 'studio'].includes(command ?? '');

// schema.prisma's datasource reads DATABASE_URL; when it is unset the CLI falls back to
// downloading a query engine (so it does when `url` is removed from the datasource), so give
// it a placeholder. The adapter (below) decides where queries go.
process.env.DATABASE_URL ??= 'postgresql://pglite.invalid/embedded';

// The CLI asks for the adapter more than once: open PGlite only once per process.
let factory: ReturnType<typeof createFactory> | undefined;

async function createFactory() {
  if (throwaway) return pgliteAdapterFactory(await openCliPGlite(IN_MEMORY));
  if (database.kind === 'postgres') return postgresAdapterFactory(database.url);
  return pgliteAdapterFactory(await openCliPGlite(database.dataDir));
}

function openCliPGlite(dataDir: string): Promise<PGlite> {
  unrefPGliteTimers();
  return openPGlite(dataDir);
}

/**
 * The CLI never disposes the adapter, and an open PGlite keeps re-arming a timer, so the CLI
 * would never exit. Unref the timers PGlite creates (CLI only; the app closes PGlite).
 */
function unrefPGliteTimers(): void {
  const setTimeout = globalThis.setTimeout;
  globalThis.setTimeout = Object.assign((...args: Parameters<typeof setTimeout>) => {
    const timer = setTimeout(...args);
    if (/[\\/]@electric-sql[\\/]pglite[\\/]/.test(new Error().stack ?? '')) timer.unref();
    return timer;
  }, setTimeout);
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: () => (factory ??= createFactory()),
});
