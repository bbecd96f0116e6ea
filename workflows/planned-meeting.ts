/**
 * A meeting planned ahead (ID `planned-meeting:<id>`): invitations with an .ics go out, then
 * it waits for the minutes; if the meeting passes without them, the convener is reminded.
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';

export const minutesRecordedSignal = defineSignal('minutesRecorded');

const { sendInvitations, remindToRecordMinutes } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function plannedMeetingWorkflow({ plannedMeetingId }: { plannedMeetingId: string }): Promise<string> {
  let minutesRecorded = false;
  setHandler(minutesRecordedSignal, () => {
    minutesRecorded = true;
  });
  const { minutesDueAt } = await sendInvitations({ plannedMeetingId, scheduledFor: Date.now() });
  const wait = minutesDueAt - Date.now();
  if (minutesRecorded || (wait > 0 && (await condition(() => minutesRecorded, wait)))) return 'held';
  return remindToRecordMinutes({ plannedMeetingId, scheduledFor: Date.now() });
}
