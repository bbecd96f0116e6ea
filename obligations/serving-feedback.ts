/** Each community's quarterly feedback to employers (`serving-feedback:<communityId>`): starts, the receipt signal, the status query. */
import { servingFeedbackWorkflowId } from '../domain/workflow-ids';
import { communitiesWithServing } from '../records/service-feedback';
import { unitIndexes } from '../records/unit-index';
import {
  receiptConfirmedSignal,
  servingFeedbackStatusQuery,
  servingFeedbackWorkflow,
} from '../workflows/serving-feedback';
import { askStarting, forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/** Start the feedback workflows of these communities; repeats are harmless. */
export async function startFeedbackObligations(
  gw: Pick<Obligations, 'prisma' | 'temporal' | 'taskQueue'>,
  communityIds: readonly string[],
): Promise<void> {
  const units = await unitIndexes(gw.prisma, communityIds);
  await forEachConcurrently(communityIds, 8, async (communityId) => {
    await gw.temporal.workflow.start(servingFeedbackWorkflow, {
      ...startOptions(gw, servingFeedbackWorkflowId(communityId)),
      ...startIndex(gw.temporal, 'serving-feedback', units.get(communityId) ?? null),
      args: [{ communityId }],
    });
  });
}

/** Every community with registered members or employers (the reconciliation's row). */
export async function reconcileFeedbackObligations(gw: Obligations): Promise<number> {
  const ids = await communitiesWithServing(gw.prisma);
  await startFeedbackObligations(gw, ids);
  return ids.length;
}

/** An employer confirmed its receipt: the community's feedback stops reminding it (a run not going is fine: it reads the record). */
export async function tellReceiptConfirmed(
  gw: Obligations,
  r: { communityId: string; employerId: string; periodKey: string },
): Promise<boolean> {
  return tell(
    gw,
    'Receipt confirmed but the feedback workflow was not signalled',
    r,
    () =>
      gw.temporal.workflow
        .getHandle(servingFeedbackWorkflowId(r.communityId))
        .signal(receiptConfirmedSignal, { employerId: r.employerId, periodKey: r.periodKey }),
    { notRunning: 'ignore' },
  );
}

/** The community's current feedback run (started from the record if it is not running). */
export async function feedbackStatus(gw: Obligations, communityId: string) {
  const handle = gw.temporal.workflow.getHandle(servingFeedbackWorkflowId(communityId));
  const status = await askStarting(
    () => handle.query(servingFeedbackStatusQuery),
    () => startFeedbackObligations(gw, [communityId]),
  );
  return { workflowId: handle.workflowId, ...status };
}
