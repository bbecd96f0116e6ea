/**
 * The meeting obligation of each unit (`meeting-cadence:<unitId>`), the meetings planned ahead
 * (`planned-meeting:<id>`) and the paired departments' attendance check of a community meeting
 * (`attendance-check:<meetingId>`): starts, signals and the status query.
 */
import { attendanceCheckWorkflowId, meetingCadenceWorkflowId, plannedMeetingWorkflowId } from '../domain/workflow-ids';
import { type IndexedUnit, unitIndex, unitIndexes } from '../records/unit-index';
import { attendanceCheckWorkflow } from '../workflows/attendance-check';
import {
  cadenceStatusQuery,
  meetingCadenceWorkflow,
  meetingRecordedSignal,
  unitRemovedSignal,
} from '../workflows/meeting-cadence';
import { minutesRecordedSignal, plannedMeetingWorkflow } from '../workflows/planned-meeting';
import { askStarting, forEachConcurrently, type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/**
 * Start the meeting obligations of these units; repeated starts are harmless. Each starts with its
 * unit's search attributes and name (memo) unless `indexed: false` (the benches, which have no units).
 */
export async function startMeetingObligations(
  gw: Pick<Obligations, 'temporal' | 'taskQueue'> & Partial<Pick<Obligations, 'prisma'>>,
  unitIds: readonly string[],
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  let done = 0;
  const indexes = gw.prisma ? await unitIndexes(gw.prisma, unitIds) : new Map<string, IndexedUnit>();
  await forEachConcurrently(unitIds, options.concurrency ?? 16, async (unitId) => {
    await gw.temporal.workflow.start(meetingCadenceWorkflow, {
      ...startOptions(gw, meetingCadenceWorkflowId(unitId)),
      args: [{ unitId }],
      ...startIndex(gw.temporal, 'meeting-cadence', indexes.get(unitId) ?? null),
    });
    options.onProgress?.(++done, unitIds.length);
  });
}

export interface MeetingRecorded {
  unitId: string;
  meetingId: string;
  periodKey: string;
  kind: 'regular' | 'adhoc';
  /** The planned meeting whose minutes these are: its reminder stops. */
  plannedMeetingId?: string;
}

/** Tell the unit's obligation (starting it if it is not running) that a meeting was recorded. */
export async function tellMeetingRecorded(gw: Obligations, m: MeetingRecorded): Promise<boolean> {
  const index = await unitIndex(gw.prisma, m.unitId).catch(() => null);
  return tell(
    gw,
    'Meeting recorded but the obligation workflow was not signalled',
    { meetingId: m.meetingId },
    async () => {
      await gw.temporal.workflow.signalWithStart(meetingCadenceWorkflow, {
        workflowId: meetingCadenceWorkflowId(m.unitId),
        taskQueue: gw.taskQueue,
        args: [{ unitId: m.unitId }],
        ...startIndex(gw.temporal, 'meeting-cadence', index),
        signal: meetingRecordedSignal,
        signalArgs: [{ meetingId: m.meetingId, periodKey: m.periodKey, kind: m.kind }],
      });
      if (m.plannedMeetingId) {
        await gw.temporal.workflow
          .getHandle(plannedMeetingWorkflowId(m.plannedMeetingId))
          .signal(minutesRecordedSignal)
          .catch(() => undefined); // already finished: the record says held
      }
    },
  );
}

/** The unit was removed: its obligation ends (not running: nothing to end; unreachable: its next activity sees the removal). */
export async function tellUnitRemoved(gw: Obligations, unitId: string): Promise<boolean> {
  return tell(gw, 'Could not signal the removal to the obligation', { unitId }, () =>
    gw.temporal.workflow.getHandle(meetingCadenceWorkflowId(unitId)).signal(unitRemovedSignal),
  );
}

/** The current period of the unit's obligation, from its workflow (started from the record if it is not running). */
export async function meetingObligationStatus(gw: Obligations, unitId: string) {
  const handle = gw.temporal.workflow.getHandle(meetingCadenceWorkflowId(unitId));
  const status = await askStarting(
    () => handle.query(cadenceStatusQuery),
    () => startMeetingObligations(gw, [unitId]),
  );
  return { workflowId: handle.workflowId, ...status };
}

/** A meeting planned ahead: its workflow sends the invitations and waits for the minutes. */
export async function startPlannedMeeting(gw: Obligations, plannedMeetingId: string, unitId: string): Promise<void> {
  await gw.temporal.workflow.start(plannedMeetingWorkflow, {
    ...startOptions(gw, plannedMeetingWorkflowId(plannedMeetingId)),
    args: [{ plannedMeetingId }],
    ...startIndex(gw.temporal, 'planned-meeting', await unitIndex(gw.prisma, unitId)),
  });
}

/** A community meeting: the paired departments' attendance is checked in a workflow (its notices are retried and sent once). */
export async function startAttendanceCheck(gw: Obligations, meetingId: string, unitId: string): Promise<boolean> {
  const index = await unitIndex(gw.prisma, unitId).catch(() => null);
  return tell(gw, 'Attendance check not started', { meetingId }, () =>
    gw.temporal.workflow.start(attendanceCheckWorkflow, {
      ...startOptions(gw, attendanceCheckWorkflowId(meetingId)),
      args: [{ meetingId }],
      ...startIndex(gw.temporal, 'attendance-check', index),
    }),
  );
}
