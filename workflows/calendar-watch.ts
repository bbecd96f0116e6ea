/**
 * The working-day calendar's own workflow (ID `working-calendar`, one per deployment): while this
 * year's or, from November 1, next year's holiday notice is missing, it reminds the liaison office
 * every 5 working days to enter it ("2027年节假日安排尚未录入"); entering the year stops it. Each
 * run plans one reminder (an activity reads the calendar), waits for it or for a calendar change,
 * sends it, and continues as new.
 */
import { condition, continueAsNew, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { NOTICE_HEARTBEAT_TIMEOUT } from './notice-profile';
import { calendarChangedSignal } from './obligation-period';

export interface CalendarWatchInput {
  /** The previous reminder's instant (omitted on the first run). */
  after?: number;
}

const { planCalendarReminder } = proxyLocalActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { sendCalendarReminder } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: NOTICE_HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function calendarWatchWorkflow(input: CalendarWatchInput = {}): Promise<void> {
  let changed = false;
  setHandler(calendarChangedSignal, () => {
    changed = true;
  });
  const plan = await planCalendarReminder({ now: Date.now(), after: input.after });
  const wait = plan.at - Date.now();
  // A year entered meanwhile: plan again (the reminder may no longer be owed).
  if (wait > 0 && (await condition(() => changed, wait))) {
    return continueAsNew<typeof calendarWatchWorkflow>({ after: input.after });
  }
  if (plan.year !== null && plan.step !== null) {
    await sendCalendarReminder({ year: plan.year, step: plan.step, scheduledFor: Date.now() });
    return continueAsNew<typeof calendarWatchWorkflow>({ after: plan.at });
  }
  return continueAsNew<typeof calendarWatchWorkflow>({ after: input.after });
}
