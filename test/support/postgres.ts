/**
 * A throwaway database on a real PostgreSQL server, for tests that need one.
 *
 * Server: TEST_POSTGRES_URL (an admin URL: a role with CREATEDB), else the local default
 * postgresql://postgres:postgres@127.0.0.1:5432/postgres. When that cannot be reached and
 * Debian's pg_ctlcluster exists (dev machines, CI), cluster 15/main is started and the
 * postgres role given the password 'postgres'. Never skips silently: throws if no server.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';

const LOCAL_ADMIN_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = await reachableAdminUrl();
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

let adminUrlPromise: Promise<string> | undefined;

function reachableAdminUrl(): Promise<string> {
  return (adminUrlPromise ??= findAdminUrl());
}

async function findAdminUrl(): Promise<string> {
  const explicit = process.env.TEST_POSTGRES_URL;
  if (explicit) {
    const error = await tryConnect(explicit);
    if (error) throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL cannot be reached: ${error.message}`);
    return explicit;
  }
  const first = await tryConnect(LOCAL_ADMIN_URL);
  if (!first) return LOCAL_ADMIN_URL;
  if (hasPgCtlCluster()) {
    startLocalCluster();
    const second = await tryConnect(LOCAL_ADMIN_URL);
    if (!second) return LOCAL_ADMIN_URL;
    throw howToProvide(second);
  }
  throw howToProvide(first);
}

function hasPgCtlCluster(): boolean {
  return fs.existsSync('/usr/bin/pg_ctlcluster');
}

/** Starts Debian's cluster 15/main (if down) and sets the postgres role's password. */
function startLocalCluster(): void {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe', timeout: 60_000 });
  try {
    run('pg_ctlcluster', ['15', 'main', 'start']);
  } catch {
    // already running (exit 2), or it cannot start: the next connection attempt tells.
  }
  try {
    // Peer authentication as the postgres OS user (we run as root on dev machines and CI).
    run('su', ['postgres', '-c', `psql -q -c "ALTER ROLE postgres WITH PASSWORD 'postgres'"`]);
  } catch {
    // not root, or no such user: the next connection attempt tells.
  }
}

function howToProvide(cause: Error): Error {
  return new Error(
    `PostgreSQL is needed for this test but cannot be reached (${cause.message}). ` +
      'Set TEST_POSTGRES_URL to an admin URL (a role with CREATEDB), e.g. ' +
      'postgresql://user:password@host:5432/postgres, or install PostgreSQL locally ' +
      "(apt-get install -y postgresql; pg_ctlcluster 15 main start; role postgres with password 'postgres').",
  );
}

async function tryConnect(url: string): Promise<Error | undefined> {
  try {
    await withClient(url, (c) => c.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
