/** The visit obligation of each city leader (`leader-visit:<leaderId>`): starts, signals and the status query. */
import { leaderVisitWorkflowId } from '../domain/workflow-ids';
import { leadersIndexed } from '../records/unit-index';
import {
  leaderRemovedSignal,
  leaderVisitWorkflow,
  visitRecordedSignal,
  visitStatusQuery,
} from '../workflows/leader-visit';
import { askStarting, forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/** Start the visit obligations of these leaders; repeats are harmless. Indexed by their community, memo: the leader's name. */
export async function startVisitObligations(
  gw: Pick<Obligations, 'temporal' | 'taskQueue'> & Partial<Pick<Obligations, 'prisma'>>,
  leaderIds: readonly string[],
): Promise<void> {
  const indexed = gw.prisma ? await leadersIndexed(gw.prisma, leaderIds) : new Map<string, never>();
  await forEachConcurrently(leaderIds, 8, async (leaderId) => {
    const leader = indexed.get(leaderId);
    await gw.temporal.workflow.start(leaderVisitWorkflow, {
      ...startOptions(gw, leaderVisitWorkflowId(leaderId)),
      args: [{ leaderId }],
      ...startIndex(gw.temporal, 'leader-visit', leader?.unit ?? null, {
        memo: leader ? { leaderName: leader.leaderName } : {},
      }),
    });
  });
}

/** What a leader's visit workflow starts with: the community's attributes, the names of both. */
async function visitIndex(gw: Obligations, leaderId: string) {
  const leader = (await leadersIndexed(gw.prisma, [leaderId])).get(leaderId);
  if (!leader) return {};
  return startIndex(gw.temporal, 'leader-visit', leader.unit, { memo: { leaderName: leader.leaderName } });
}

/** Tell the leader's obligation (starting it if it is not running) that a visit counts in a period. */
export async function tellVisitRecorded(
  gw: Obligations,
  v: { leaderId: string; visitId: string; periodKey: string },
  what = 'Visit recorded but the obligation was not signalled',
): Promise<boolean> {
  const index = await visitIndex(gw, v.leaderId).catch(() => ({}));
  return tell(gw, what, v, () =>
    gw.temporal.workflow.signalWithStart(leaderVisitWorkflow, {
      workflowId: leaderVisitWorkflowId(v.leaderId),
      taskQueue: gw.taskQueue,
      args: [{ leaderId: v.leaderId }],
      ...index,
      signal: visitRecordedSignal,
      signalArgs: [{ visitId: v.visitId, periodKey: v.periodKey }],
    }),
  );
}

/** The leader was removed: the visit obligation ends. */
export async function tellLeaderRemoved(gw: Obligations, leaderId: string): Promise<boolean> {
  return tell(gw, 'Could not signal the removal to the visit obligation', { leaderId }, () =>
    gw.temporal.workflow.getHandle(leaderVisitWorkflowId(leaderId)).signal(leaderRemovedSignal),
  );
}

/** The leader's current period, from the workflow (started from the record if it is not running). */
export async function visitObligationStatus(gw: Obligations, leaderId: string) {
  const handle = gw.temporal.workflow.getHandle(leaderVisitWorkflowId(leaderId));
  const status = await askStarting(
    () => handle.query(visitStatusQuery),
    () => startVisitObligations(gw, [leaderId]),
  );
  return { workflowId: handle.workflowId, ...status };
}
