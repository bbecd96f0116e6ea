/**
 * Telling running workflows that the working-day calendar changed (a year was entered): the
 * obligations of the units and leaders whose current plans moved, the escalated items whose
 * deadlines or steps fall in that year, and the calendar's own reminder. Record first (the
 * caller stored the year), then notify; a workflow that is not running needs nothing (it plans
 * from the record when it starts); a failed signal is logged and counted — the workflow keeps its
 * old plan until its next period (or, for an escalation, its next change).
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from '../infra/log';
import { forEachConcurrently, type Obligations, startOptions } from './gateway';
import { startIndex } from './search-attributes';
import { calendarWatchWorkflow } from '../workflows/calendar-watch';
import { escalationChangedSignal } from '../workflows/escalation';
import { calendarChangedSignal } from '../workflows/obligation-period';
import {
  CALENDAR_WATCH_WORKFLOW_ID,
  escalationWorkflowId,
  leaderVisitWorkflowId,
  meetingCadenceWorkflowId,
  servingFeedbackWorkflowId,
  servingParticipationWorkflowId,
} from '../domain/workflow-ids';

export interface CalendarChangeTargets {
  unitIds: readonly string[];
  leaderIds: readonly string[];
  /** Serving Party members whose participation obligation's plan moved. */
  memberIds?: readonly string[];
  /** Communities whose quarterly feedback (to employers) runs. */
  feedbackCommunityIds?: readonly string[];
  agendaItemIds: readonly string[];
}

export interface CalendarChangeTold {
  told: number;
  notRunning: number;
  failed: string[];
}

export async function tellCalendarChanged(
  temporal: Client,
  year: number,
  targets: CalendarChangeTargets,
  log: Logger,
): Promise<CalendarChangeTold> {
  const calls: { workflowId: string; signal: () => Promise<void> }[] = [
    ...[
      CALENDAR_WATCH_WORKFLOW_ID,
      ...targets.unitIds.map(meetingCadenceWorkflowId),
      ...targets.leaderIds.map(leaderVisitWorkflowId),
      ...(targets.memberIds ?? []).map(servingParticipationWorkflowId),
      ...(targets.feedbackCommunityIds ?? []).map(servingFeedbackWorkflowId),
    ].map((workflowId) => ({
      workflowId,
      signal: () => temporal.workflow.getHandle(workflowId).signal(calendarChangedSignal, { year }),
    })),
    ...targets.agendaItemIds.map(escalationWorkflowId).map((workflowId) => ({
      workflowId,
      signal: () => temporal.workflow.getHandle(workflowId).signal(escalationChangedSignal, { change: 'calendar' }),
    })),
  ];
  const result: CalendarChangeTold = { told: 0, notRunning: 0, failed: [] };
  await forEachConcurrently(calls, 8, async ({ workflowId, signal }) => {
    try {
      await signal();
      result.told += 1;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        result.notRunning += 1;
        return;
      }
      result.failed.push(workflowId);
      log.warn('Could not tell a workflow that the calendar changed', { workflowId, err: String(err) });
    }
  });
  return result;
}

/** The calendar's own reminder (to enter next year's holiday notice), once per deployment. */
export async function startCalendarWatch(gw: Pick<Obligations, 'temporal' | 'taskQueue'>): Promise<void> {
  await gw.temporal.workflow.start(calendarWatchWorkflow, {
    ...startOptions(gw, CALENDAR_WATCH_WORKFLOW_ID),
    args: [{}],
    ...startIndex(gw.temporal, 'calendar-watch', null),
  });
}
