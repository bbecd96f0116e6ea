/** The workflow of each claim of a need (`need-claim:<claimId>`): its start and the signals that end it. */
import { needClaimWorkflowId } from '../domain/workflow-ids';
import { claimCancelledSignal, claimDoneSignal, needClaimWorkflow } from '../workflows/need-claim';
import { openClaimIds } from '../records/service-needs';
import { claimsIndexed } from '../records/unit-index';
import { forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/** Start the claims' workflows (a start that finds one running is harmless); false when one failed. */
export async function startNeedClaims(
  gw: Pick<Obligations, 'prisma' | 'temporal' | 'taskQueue' | 'log'>,
  claimIds: readonly string[],
): Promise<boolean> {
  let told = true;
  const indexed = await claimsIndexed(gw.prisma, claimIds);
  await forEachConcurrently(claimIds, 8, async (claimId) => {
    const claim = indexed.get(claimId);
    const ok = await tell(gw, 'Claim recorded but its workflow was not started', { claimId }, () =>
      gw.temporal.workflow.start(needClaimWorkflow, {
        ...startOptions(gw, needClaimWorkflowId(claimId)),
        ...startIndex(gw.temporal, 'need-claim', claim?.unit ?? null, {
          memo: claim ? { needTitle: claim.needTitle } : {},
        }),
        args: [{ claimId }],
      }),
    );
    told &&= ok;
  });
  return told;
}

/** The community confirmed the service: the claim's reminders end. */
export function tellClaimDone(gw: Obligations, claimId: string): Promise<boolean> {
  return tell(
    gw,
    'Claim done but its workflow was not signalled',
    { claimId },
    () => gw.temporal.workflow.getHandle(needClaimWorkflowId(claimId)).signal(claimDoneSignal),
    { notRunning: 'ignore' },
  );
}

/** The claim (or its need) was cancelled: the claim's reminders end. */
export function tellClaimCancelled(gw: Obligations, claimId: string): Promise<boolean> {
  return tell(
    gw,
    'Claim cancelled but its workflow was not signalled',
    { claimId },
    () => gw.temporal.workflow.getHandle(needClaimWorkflowId(claimId)).signal(claimCancelledSignal),
    { notRunning: 'ignore' },
  );
}

/**
 * The reconciliation's row for claims (obligations/reconcile.ts WORKFLOW_KINDS, name 'Need
 * claims'): every claim still open on a need not cancelled has its workflow started.
 */
export async function reconcileNeedClaims(gw: Obligations): Promise<number> {
  const claimIds = await openClaimIds(gw.prisma);
  await startNeedClaims(gw, claimIds);
  return claimIds.length;
}
