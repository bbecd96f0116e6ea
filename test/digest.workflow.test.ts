/**
 * Workflow weekly-digest on the time-skipping test server with stand-in activities: it waits for
 * each planned instant, sends, continues as new with the previous instant, and plans again when
 * the rule changes (signal) instead of sending on the old plan.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '../infra/config';
import { testServerExecutable } from '../infra/embedded/tools';
import { workflowsPath } from '../worker';
import { digestRuleChangedSignal, weeklyDigestWorkflow } from '../workflows/weekly-digest';

jest.setTimeout(120_000);

const DAY = 86_400_000;

test('waits for each digest, sends it, continues as new; a rule change plans again', async () => {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: testServerExecutable(loadConfig({})) },
  });
  try {
    const plans: { now: number; after?: number }[] = [];
    const sent: { week: string; scheduledFor: number }[] = [];
    let enabled = true;
    const taskQueue = `digest-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: {
        planWeeklyDigest: (req: { now: number; after?: number }) => {
          plans.push(req);
          const at = (req.after ?? req.now) + 2 * DAY;
          return Promise.resolve({ enabled, week: `W${plans.length}`, at: enabled ? at : req.now + DAY });
        },
        sendWeeklyDigest: (req: { week: string; scheduledFor: number }) => {
          sent.push(req);
          return Promise.resolve({ sent: 1, skipped: 0 });
        },
      },
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(weeklyDigestWorkflow, {
        workflowId: `weekly-digest-${randomUUID()}`,
        taskQueue,
        args: [{}],
      });
      await env.sleep(5 * DAY);
      expect(sent).toHaveLength(2);
      expect(sent[1]!.scheduledFor - sent[0]!.scheduledFor).toBe(2 * DAY);
      expect(plans[1]!.after).toBe(sent[0]!.scheduledFor); // continued as new with the previous instant
      // The rule is switched off: the workflow plans again at once and sends nothing more.
      enabled = false;
      const before = plans.length;
      await handle.signal(digestRuleChangedSignal);
      await env.sleep(3 * DAY);
      expect(plans.length).toBeGreaterThan(before);
      expect(sent).toHaveLength(2);
      await handle.terminate();
    });
  } finally {
    await env.teardown();
  }
});
