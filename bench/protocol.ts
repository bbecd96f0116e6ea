/** Messages between bench/cadence.ts (parent) and bench/worker-process.ts (child), over Node IPC. */

/** One look at the child worker. Bytes and counts. */
export interface WorkerSample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Activities finished (completed or failed) since the worker started. */
  activitiesDone: number;
  inFlightActivities: number;
  inFlightActivations: number;
  cachedWorkflows: number;
}

export type ToWorker =
  | {
      type: 'start';
      /** Handed to loadConfig() in the child (TEMPORAL_ADDRESS, DATABASE_URL, SMTP_URL, …). */
      env: Record<string, string>;
      /** What-if: this maxCachedWorkflows instead of the SDK default (see --max-cached-workflows). */
      maxCachedWorkflows?: number;
      /**
       * The bench's workflow bundle (bench/workflows.ts: the real workflows plus the bench's own)
       * instead of the service's; the rest as createGovernanceWorker builds it.
       */
      benchBundle?: boolean;
    }
  | { type: 'gc' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; maxCachedWorkflows: number; heapLimit: number; sample: WorkerSample }
  | { type: 'sample'; sample: WorkerSample }
  | { type: 'gc-done'; sample: WorkerSample }
  | { type: 'stopped' }
  | { type: 'error'; message: string };
