/** The escalation of each agenda item (`escalation:<itemId>`): tell it what changed, ask where it stands, extend its deadline. */
import { escalationWorkflowId } from '../domain/workflow-ids';
import { itemIndexed } from '../records/unit-index';
import {
  deadlineExtendedUpdate,
  type EscalationChange,
  escalationChangedSignal,
  escalationStatusQuery,
  escalationWorkflow,
} from '../workflows/escalation';
import { askStarting, forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

export type { EscalationChange };

/** How long an answer waits for the workflow to confirm an extension before it goes on without. */
const UPDATE_WAIT_MS = 5_000;
const LATE = Symbol('late');

/** An escalation's workflow is indexed by the unit that raised the item; its memo names the item too. */
async function escalationIndex(gw: Obligations, itemId: string) {
  const item = await itemIndexed(gw.prisma, itemId);
  if (!item) return {};
  return startIndex(gw.temporal, 'escalation', item.unit, { memo: { itemTitle: item.itemTitle } });
}

/** Tell the item's workflow what changed (starting it on the first escalation). The record is written first. */
export async function tellEscalation(
  gw: Obligations,
  itemId: string,
  change: EscalationChange['change'],
): Promise<boolean> {
  const index = await escalationIndex(gw, itemId).catch(() => ({}));
  // The record is safe; the workflow re-reads it before every notice.
  return tell(gw, 'Agenda item changed but its workflow was not signalled', { itemId, change }, () =>
    gw.temporal.workflow.signalWithStart(escalationWorkflow, {
      workflowId: escalationWorkflowId(itemId),
      taskQueue: gw.taskQueue,
      args: [{ agendaItemId: itemId }],
      ...index,
      signal: escalationChangedSignal,
      signalArgs: [{ change }],
    }),
  );
}

/** Start the workflows of these items where they are not running (reconciliation). */
export async function startEscalations(gw: Obligations, itemIds: readonly string[]): Promise<void> {
  await forEachConcurrently(itemIds, 8, async (id) => {
    await gw.temporal.workflow.start(escalationWorkflow, {
      ...startOptions(gw, escalationWorkflowId(id)),
      args: [{ agendaItemId: id }],
      ...(await escalationIndex(gw, id)),
    });
  });
}

/**
 * The item's workflow: the next notice it is owed and the deadlines in force. Never started (its
 * signal failed when the item changed): the record is the truth, so it is started now and asked again.
 */
export async function escalationStatus(gw: Obligations, itemId: string) {
  const handle = gw.temporal.workflow.getHandle(escalationWorkflowId(itemId));
  const status = await askStarting(
    () => handle.query(escalationStatusQuery),
    () => tellEscalation(gw, itemId, 'escalated'),
  );
  return { workflowId: handle.workflowId, ...status };
}

/**
 * The supervisor extended the answer deadline (recorded already): the timer is updated in the
 * workflow, and the answer says where it stands now. The workflow may be busy (a notice being
 * retried while the mail server is down) or have no worker: this waits at most UPDATE_WAIT_MS; a
 * signal (durable) then makes it replan from the record when it can. Null when not confirmed.
 */
export async function extendEscalationDeadline(gw: Obligations, itemId: string, answerBy: string): Promise<unknown> {
  const update = gw.temporal.workflow
    .getHandle(escalationWorkflowId(itemId))
    .executeUpdate(deadlineExtendedUpdate, { args: [{ answerBy }] });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), UPDATE_WAIT_MS);
  });
  try {
    const outcome = await Promise.race([update, late]);
    if (outcome !== LATE) return outcome;
    update.catch(() => undefined);
    gw.log.warn('Extension recorded; the workflow has not confirmed it yet', { itemId });
  } catch (err) {
    gw.log.warn('Extension recorded but the workflow was not updated', { itemId, err: String(err) });
  } finally {
    clearTimeout(timer);
  }
  await tellEscalation(gw, itemId, 'taken-up');
  return null;
}
