/**
 * Workflow bundle of the bench's in-process worker (its workflowsPath): the service's real
 * workflows, plus a no-op that is the baseline of the start-rate comparison.
 */
export * from '../workflows';

/** Does nothing: what a start costs when the workflow itself costs (almost) nothing. */
export function benchNoopWorkflow(_input: { unitId: string }): Promise<void> {
  return Promise.resolve();
}
