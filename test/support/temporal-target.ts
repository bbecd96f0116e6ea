/**
 * Where the tests' Temporal runs. By default every test file starts its own embedded dev server.
 * With TEMPORAL_TEST_ADDRESS=host:port (e.g. the address `npm run cluster -- --server-only`
 * prints) the tests run against that server instead — a real cluster with PostgreSQL persistence
 * and visibility — which they share with each other and with earlier runs: nothing is stopped
 * at teardown, and each test runs its workflows on a task queue of its own (workflow IDs carry
 * the database's random record IDs, so they do not collide either).
 *
 * The test support modules are the only test code that reads process.env for this.
 */
import { randomUUID } from 'node:crypto';
import { freePort } from '../../infra/net';

export interface ClusterTarget {
  address: string;
  namespace: string;
}

/** The shared Temporal server the tests are pointed at, or undefined (embedded dev servers). */
export function testCluster(env: NodeJS.ProcessEnv = process.env): ClusterTarget | undefined {
  const address = env.TEMPORAL_TEST_ADDRESS?.trim();
  if (!address) return undefined;
  if (!/^[^\s:/]+:\d{1,5}$/.test(address)) {
    throw new Error(
      `TEMPORAL_TEST_ADDRESS must be host:port (e.g. 127.0.0.1:7233, as npm run cluster -- --server-only prints), got "${address}"`,
    );
  }
  return { address, namespace: env.TEMPORAL_TEST_NAMESPACE?.trim() || 'default' };
}

/** A task queue no other test (or earlier run on the same cluster) polls. */
export function testTaskQueue(): string {
  return `tq-${randomUUID()}`;
}

/**
 * The environment variables that point `run('all', loadConfig(...))` at the tests' Temporal: the
 * cluster (TEMPORAL_ADDRESS, its namespace, the given task queue), or an embedded dev server on
 * free ports. Call again for each start: the dev server's ports are chosen anew.
 */
export async function temporalEnvFor(taskQueue: string): Promise<Record<string, string>> {
  const cluster = testCluster();
  if (cluster) {
    return { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_NAMESPACE: cluster.namespace, TEMPORAL_TASK_QUEUE: taskQueue };
  }
  return {
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
  };
}
