/**
 * After a community joint meeting is recorded (ID `attendance-check:<meetingId>`): the paired
 * departments absent from N meetings in a row are told, with the liaison office. A workflow, not
 * a call from the API, so the notice is retried until delivered and sent once.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

const { noticeDepartmentAbsences } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function attendanceCheckWorkflow({ meetingId }: { meetingId: string }): Promise<string[]> {
  const { noticed } = await noticeDepartmentAbsences({ meetingId, scheduledFor: Date.now() });
  return noticed;
}
