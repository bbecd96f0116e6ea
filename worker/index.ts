/** Builds the worker: the workflow bundle plus activities made from their dependencies. */
import { type NativeConnection, Worker } from '@temporalio/worker';
import { type ActivityDeps, createActivities } from '../activities';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Workflows kept in memory (SDK default: derived from the heap size, ~2,300 here). */
  maxCachedWorkflows?: number;
  /** On shutdown, how long running activities may finish before they are cancelled (ms). */
  shutdownGraceTimeMs?: number;
}

export const workflowsPath = require.resolve('../workflows');

export async function createGovernanceWorker({
  connection,
  namespace,
  taskQueue,
  deps,
  maxCachedWorkflows,
  shutdownGraceTimeMs,
}: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath,
    activities: createActivities(deps),
    ...(maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows }),
    ...(shutdownGraceTimeMs === undefined ? {} : { shutdownGraceTime: shutdownGraceTimeMs }),
  });
}
