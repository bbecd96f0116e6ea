/**
 * The one way the service tells Temporal about an act. What the service records comes first; the
 * workflows hear of it after, and every workflow re-reads the record before it sends a notice. So
 * there is one failure policy: a notify that fails is logged (with the workflow and the act),
 * reported to the caller as `false`, and made good by the reconciliation at the next start
 * (`obligations/reconcile.ts`) or by the workflow's own next read of the record.
 */
import type { PrismaClient } from '@prisma/client';
import { type Client, WorkflowIdConflictPolicy, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from '../infra/log';

/** What the client-side Temporal code needs: the client, the task queue, the record (for indexes), a log. */
export interface Obligations {
  temporal: Client;
  taskQueue: string;
  prisma: PrismaClient;
  log: Logger;
}

/**
 * Notify a workflow of what was recorded. True when told; false when it failed (logged as `what`
 * with `context`). A workflow that is not running counts as told when `notRunning` is 'ignore'
 * (nothing to tell: it reads the record when it starts).
 */
export async function tell(
  gw: Pick<Obligations, 'log'>,
  what: string,
  context: Record<string, unknown>,
  notify: () => Promise<unknown>,
  options: { notRunning?: 'ignore' | 'fail' } = {},
): Promise<boolean> {
  try {
    await notify();
    return true;
  } catch (err) {
    if (options.notRunning === 'ignore' && err instanceof WorkflowNotFoundError) return true;
    gw.log.warn(what, { ...context, err: String(err) });
    return false;
  }
}

/** Start options shared by every start: the task queue, and a start that finds its workflow running is harmless. */
export function startOptions(gw: Pick<Obligations, 'taskQueue'>, workflowId: string) {
  return {
    workflowId,
    taskQueue: gw.taskQueue,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
  } as const;
}

/**
 * Ask a workflow's status query; a workflow not running (never started, or its start was lost) is
 * started from the record and asked again (a start that reports false leaves the not-found error); a run that has just started and not loaded its plan
 * yet (`state: 'starting'`) gets up to 5 s.
 */
export async function askStarting<S extends { state: string }>(
  ask: () => Promise<S>,
  start: () => Promise<boolean | void>,
): Promise<S> {
  let status = await ask().catch(async (err: unknown) => {
    if (!(err instanceof WorkflowNotFoundError) || (await start()) === false) throw err;
    return ask();
  });
  for (let i = 0; status.state === 'starting' && i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = await ask();
  }
  return status;
}

/** Run `fn` over the items, at most `concurrency` at a time. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
