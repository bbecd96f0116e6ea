/**
 * After a community joint meeting is recorded (ID `attendance-check:<meetingId>`): the paired
 * departments absent from N meetings in a row are told, with the liaison office. A workflow, not
 * a call from the API, so the notice is retried until delivered and sent once. An absence found on
 * a day off is told at the next working day's notice hour (unless the entries rule says at once):
 * a local activity computes when, the workflow sleeps until then
 * (`patched('attendance-notice-on-working-day')`; histories from before told at once).
 */
import { patched, proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

const { planAttendanceNotice } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { noticeDepartmentAbsences } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function attendanceCheckWorkflow({ meetingId }: { meetingId: string }): Promise<string[]> {
  let scheduledFor = Date.now();
  if (patched('attendance-notice-on-working-day')) {
    const { at } = await planAttendanceNotice({ meetingId, now: scheduledFor });
    if (at > Date.now()) await sleep(at - Date.now());
    scheduledFor = Math.max(at, scheduledFor);
  }
  const { noticed } = await noticeDepartmentAbsences({ meetingId, scheduledFor });
  return noticed;
}
