/**
 * The worker whose memory `npm run bench` measures, alone in its process so that its RSS is
 * the worker's: composed as `npm run worker` composes it (main/runtime.ts, role worker) —
 * PostgreSQL, SMTP, the default Runtime and logger, the real createGovernanceWorker — and
 * driven by bench/cadence.ts over IPC (see ./protocol.ts). Not meant to be run by hand.
 */
import v8 from 'node:v8';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { loadConfig } from '../infra/config';
import { openDatabase } from '../infra/db';
import { createSmtpMailer } from '../infra/mailer';
import { connectWorker } from '../infra/temporal';
import { createGovernanceWorker } from '../worker';
import type { FromWorker, ToWorker, WorkerSample } from './protocol';
import { countFinishedActivities } from './support';

const SAMPLE_EVERY_MS = 250;

/** Sends to the parent; resolves once handed over (so it is not lost if we exit right after). */
function send(message: FromWorker): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

let stop: (() => Promise<void>) | undefined;

async function start(
  env: Record<string, string>,
  maxCachedWorkflows: number | undefined,
  benchBundle: boolean,
): Promise<void> {
  // As `npm run worker` composes it: the cache limit from config (WORKER_MAX_CACHED_WORKFLOWS),
  // unless --max-cached-workflows asks what another limit would do.
  const config = loadConfig(env);
  if (config.database.kind !== 'postgres' || !config.temporal.address || !config.mail.smtpUrl) {
    throw new Error('The bench worker needs DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL');
  }
  const db = await openDatabase(config.database);
  const mailer = createSmtpMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from });
  const connection = await connectWorker({ address: config.temporal.address, namespace: config.temporal.namespace });
  const deps = {
    prisma: db.prisma,
    mailer,
    clock: () => new Date(),
    links: { publicUrl: config.http.publicUrl, mailDomain: config.mail.domain },
  };
  const options = {
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: maxCachedWorkflows ?? config.temporal.maxCachedWorkflows,
  };
  const worker: Worker = benchBundle
    ? // The bench's bundle: the options createGovernanceWorker passes, with another workflowsPath.
      await Worker.create({
        ...options,
        workflowsPath: require.resolve('./workflows'),
        activities: createActivities(deps),
      })
    : await createGovernanceWorker({ ...options, deps });
  const activitiesDone = countFinishedActivities(worker);
  const running = worker.run();

  const sample = (): WorkerSample => {
    const m = process.memoryUsage();
    const s = worker.getStatus();
    return {
      at: Date.now(),
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      activitiesDone: activitiesDone(),
      inFlightActivities: s.numInFlightActivities,
      inFlightActivations: s.numInFlightWorkflowActivations,
      cachedWorkflows: s.numCachedWorkflows,
    };
  };
  const timer = setInterval(() => void send({ type: 'sample', sample: sample() }), SAMPLE_EVERY_MS);

  process.on('message', (message: ToWorker) => {
    if (message.type !== 'gc') return;
    (globalThis as { gc?: () => void }).gc?.();
    void send({ type: 'gc-done', sample: sample() });
  });

  stop = async () => {
    clearInterval(timer);
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await db.close();
    mailer.close();
  };
  running.catch((err: unknown) => fail(err));

  await send({
    type: 'ready',
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    heapLimit: v8.getHeapStatistics().heap_size_limit,
    sample: sample(),
  });
}

function fail(err: unknown): void {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`bench worker failed: ${message}\n`);
  void send({ type: 'error', message }).finally(() => process.exit(1));
}

async function shutdown(): Promise<void> {
  await stop?.();
  await send({ type: 'stopped' });
  process.exit(0);
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'start') start(message.env, message.maxCachedWorkflows, !!message.benchBundle).catch(fail);
  if (message.type === 'stop') shutdown().catch(fail);
});
// The parent went away: do not linger.
process.on('disconnect', () => {
  shutdown().catch(() => process.exit(1));
});
