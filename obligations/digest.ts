/** The weekly digest to the liaison office (`weekly-digest`, one per deployment). */
import { WEEKLY_DIGEST_WORKFLOW_ID } from '../domain/workflow-ids';
import { digestRuleChangedSignal, weeklyDigestWorkflow } from '../workflows/weekly-digest';
import { type Obligations, startOptions, tell } from './gateway';

export async function startWeeklyDigest(gw: Pick<Obligations, 'temporal' | 'taskQueue'>): Promise<void> {
  await gw.temporal.workflow.start(weeklyDigestWorkflow, {
    ...startOptions(gw, WEEKLY_DIGEST_WORKFLOW_ID),
    args: [{}],
  });
}

/** The digest's rule changed: it plans again (not started yet: it reads the rule when it starts). */
export async function tellDigestRuleChanged(gw: Obligations): Promise<boolean> {
  return tell(gw, 'The weekly digest workflow was not signalled', {}, () =>
    gw.temporal.workflow.getHandle(WEEKLY_DIGEST_WORKFLOW_ID).signal(digestRuleChangedSignal),
  );
}
