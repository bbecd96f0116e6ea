/**
 * The participation obligation of each serving Party member (`serving-participation:<memberId>`):
 * starts, the signals (a service recorded, the member removed) and the status query.
 */
import { servingParticipationWorkflowId } from '../domain/workflow-ids';
import {
  memberRemovedSignal,
  participationStatusQuery,
  serviceRecordedSignal,
  servingParticipationWorkflow,
} from '../workflows/serving-participation';
import { type IndexedUnit, servingMembersIndexed } from '../records/unit-index';
import { askStarting, forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/** A participation workflow is found by the member's home community; its memo names the member. */
function memberIndex(gw: Obligations, member: { memberName: string; unit: IndexedUnit | null } | undefined) {
  return startIndex(gw.temporal, 'serving-participation', member?.unit ?? null, {
    memo: member ? { memberName: member.memberName } : {},
  });
}

/** Start the participation obligations of these members; repeats are harmless. */
export async function startParticipationObligations(gw: Obligations, memberIds: readonly string[]): Promise<void> {
  const indexed = await servingMembersIndexed(gw.prisma, memberIds);
  await forEachConcurrently(memberIds, 8, async (memberId) => {
    await gw.temporal.workflow.start(servingParticipationWorkflow, {
      ...startOptions(gw, servingParticipationWorkflowId(memberId)),
      ...memberIndex(gw, indexed.get(memberId)),
      args: [{ memberId }],
    });
  });
}

/**
 * Tell the member's obligation (starting it if it is not running) that a service was recorded.
 * The workflow counts it in the period containing `servedOn` (`periodKey`, if given, is only
 * logged with a failure).
 */
export async function tellServiceRecorded(
  gw: Obligations,
  v: { memberId: string; serviceId: string; periodKey?: string; servedOn: string },
): Promise<boolean> {
  const indexed = (await servingMembersIndexed(gw.prisma, [v.memberId])).get(v.memberId);
  return tell(gw, 'Service recorded but the participation obligation was not signalled', v, () =>
    gw.temporal.workflow.signalWithStart(servingParticipationWorkflow, {
      workflowId: servingParticipationWorkflowId(v.memberId),
      taskQueue: gw.taskQueue,
      ...memberIndex(gw, indexed),
      args: [{ memberId: v.memberId }],
      signal: serviceRecordedSignal,
      signalArgs: [{ serviceId: v.serviceId, servedOn: v.servedOn }],
    }),
  );
}

/** The member was removed: the participation obligation ends (not running: nothing to tell). */
export async function tellMemberRemoved(gw: Obligations, memberId: string): Promise<boolean> {
  return tell(
    gw,
    'Could not signal the removal to the participation obligation',
    { memberId },
    () => gw.temporal.workflow.getHandle(servingParticipationWorkflowId(memberId)).signal(memberRemovedSignal),
    { notRunning: 'ignore' },
  );
}

/** The member's current period, from the workflow (started from the record if it is not running). */
export async function participationStatus(gw: Obligations, memberId: string) {
  const handle = gw.temporal.workflow.getHandle(servingParticipationWorkflowId(memberId));
  const status = await askStarting(
    () => handle.query(participationStatusQuery),
    () => startParticipationObligations(gw, [memberId]),
  );
  return { workflowId: handle.workflowId, ...status };
}
