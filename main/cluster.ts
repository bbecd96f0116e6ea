/**
 * `npm run cluster`: the service on a Temporal cluster on this machine — PostgreSQL, the Temporal
 * server with PostgreSQL persistence and visibility (infra/embedded/cluster.ts), then the worker and
 * the API against it, as `npm start` runs them against the dev server. The service's database is the
 * cluster PostgreSQL's `governance` (unless DATABASE_URL is set); mail goes to the embedded sink
 * unless SMTP_URL is set.
 *
 * `npm run cluster -- --server-only`: PostgreSQL and the Temporal server only; prints the address
 * (a line `TEMPORAL_ADDRESS=host:port`) and stays in the foreground until SIGTERM/SIGINT/SIGHUP.
 */
import { loadConfig, type AppConfig } from '../infra/config';
import { type Cluster, serviceConfigOn, startCluster } from '../infra/embedded/cluster';
import { ensureSetup } from '../infra/embedded/setup';
import { createLogger, type Logger } from '../infra/log';
import { announce, run, stopOnSignal } from './runtime';

const USAGE = 'Usage: npm run cluster [-- --server-only]';

function webUiNote(cluster: Cluster): string {
  return (
    `  Temporal Web UI  not bundled with the server: run temporalio/ui-server with TEMPORAL_ADDRESS=${cluster.address}\n` +
    "                   (docs/DEPLOYMENT.md; the CLI's `temporal server start-dev` UI serves only its own dev server)"
  );
}

function clusterLines(cluster: Cluster): string {
  return [
    `  Temporal server  v${cluster.version}, PostgreSQL persistence and visibility, namespace ${cluster.namespace}`,
    `  Cluster logs     ${cluster.dir}/temporal.log${cluster.processes.postgres ? ', postgres.log' : ''}`,
    webUiNote(cluster),
  ].join('\n');
}

async function serverOnly(config: AppConfig, log: Logger, started: () => void): Promise<void> {
  const cluster = await startCluster(config, log);
  started();
  process.stdout.write(
    `\nTemporal cluster is running:\n  Temporal         ${cluster.address}\n${clusterLines(cluster)}\n  Ctrl-C to stop.\n` +
      `TEMPORAL_ADDRESS=${cluster.address}\n\n`,
  );
  stopOnSignal({ urls: { temporal: cluster.address }, stop: () => cluster.stop() }, config, log);
}

async function all(config: AppConfig, log: Logger, started: () => void): Promise<void> {
  await ensureSetup(config, (m) => process.stdout.write(m + '\n'));
  const cluster = await startCluster(config, log);
  let running;
  try {
    running = await run('all', serviceConfigOn(config, cluster), log);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  const service = running;
  const both = {
    urls: service.urls,
    stop: async () => {
      try {
        await service.stop();
      } finally {
        await cluster.stop();
      }
    },
  };
  started();
  announce('all', both);
  process.stdout.write(`${clusterLines(cluster)}\n\n`);
  stopOnSignal(both, config, log);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--server-only');
  if (unknown.length) throw new Error(`Unknown argument ${unknown.join(' ')}. ${USAGE}`);
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'cluster');
  // A signal while starting: exit, and the exit hooks of infra/embedded/cluster.ts stop the
  // server and PostgreSQL started so far (the handlers of a running cluster replace these).
  const whileStarting = (signal: NodeJS.Signals) => {
    log.warn(`${signal} received while starting: stopping`);
    process.exit(130);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, whileStarting);
  const started = () => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(s, whileStarting);
  };
  if (args.includes('--server-only')) await serverOnly(config, log, started);
  else await all(config, log, started);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
