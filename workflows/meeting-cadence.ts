/**
 * The meeting obligation of one unit's joint meeting: one long-lived workflow per unit
 * (ID `meeting-cadence:<unitId>`). Each run watches one period: it waits for "meeting
 * recorded" signals, reminds the convener before the due date, sends an overdue notice
 * after it if the minimum was not met, records the outcome, then continues as new into
 * the next period.
 */
import {
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  log,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { GovernanceActivities } from '../activities';
import { type CadenceStep, noticeSchedule } from '../domain/cadence';
import { nextPeriod, periodContaining, periodFromKey } from '../domain/period';

export interface MeetingCadenceInput {
  unitId: string;
  /** The period this run watches; omitted on the first run (→ the current period). */
  periodKey?: string;
}

export interface MeetingRecorded {
  meetingId: string;
  periodKey: string;
}

export interface CadenceStatus {
  unitId: string;
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  minMeetings: number;
  nextNotice: { step: CadenceStep; at: string } | null;
}

export const meetingRecordedSignal = defineSignal<[MeetingRecorded]>('meetingRecorded');
export const cadenceStatusQuery = defineQuery<CadenceStatus>('cadenceStatus');

/** Reads of the record: quick, retried freely. */
const { loadCadenceContext, listMeetingsInPeriod, recordPeriodOutcome } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Notices: talk to SMTP; retried until delivered (the ledger keeps them to one each). */
const { sendCadenceNotice } = proxyActivities<GovernanceActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function meetingCadenceWorkflow(input: MeetingCadenceInput): Promise<string> {
  const { unitId } = input;
  // Handlers first: a signal or query may arrive before the first activity returns.
  const recorded = new Map<string, string>(); // meetingId → periodKey
  let watched: { periodKey: string; dueDate: string; minMeetings: number } | undefined = undefined;
  let nextNotice: CadenceStatus['nextNotice'] = null;
  const held = () => [...recorded.values()].filter((k) => k === watched?.periodKey).length;
  setHandler(meetingRecordedSignal, ({ meetingId, periodKey }) => {
    recorded.set(meetingId, periodKey);
  });
  setHandler(cadenceStatusQuery, () => ({
    unitId,
    periodKey: watched?.periodKey ?? input.periodKey ?? '',
    dueDate: watched?.dueDate ?? '',
    meetingsHeld: held(),
    minMeetings: watched?.minMeetings ?? 0,
    nextNotice,
  }));

  const { active, rule } = await loadCadenceContext({ unitId });
  if (!active) return 'unit-removed';
  const period = input.periodKey ? periodFromKey(input.periodKey) : periodContaining(Date.now(), rule.period);
  const schedule = noticeSchedule(period, rule);
  watched = { periodKey: period.key, dueDate: schedule.dueDate, minMeetings: rule.minMeetings };
  for (const id of await listMeetingsInPeriod({ unitId, periodKey: period.key })) recorded.set(id, period.key);

  const met = () => held() >= rule.minMeetings;

  /** Wait until `at` (or the obligation is met); if still unmet, send the notice once. */
  async function noticeAt(step: CadenceStep, at: Date): Promise<'sent' | 'met' | 'removed'> {
    nextNotice = { step, at: at.toISOString() };
    const wait = at.getTime() - Date.now();
    if (wait > 0) await condition(met, wait);
    nextNotice = null;
    if (met()) return 'met';
    const result = await sendCadenceNotice({
      unitId,
      periodKey: period.key,
      step,
      dueDate: schedule.dueDate,
      minMeetings: rule.minMeetings,
      scheduledFor: Date.now(),
    });
    for (const id of result.meetingIds) recorded.set(id, period.key);
    if (result.outcome === 'unit-removed') return 'removed';
    return met() ? 'met' : 'sent';
  }

  if ((await noticeAt('reminder', schedule.reminderAt)) === 'removed') return 'unit-removed';
  if ((await noticeAt('overdue', schedule.overdueAt)) === 'removed') return 'unit-removed';
  // Met early: the period still runs its course before it is closed.
  const untilClose = schedule.overdueAt.getTime() - Date.now();
  if (untilClose > 0) await sleep(untilClose);
  const closing = met() ? 'met' : 'overdue';

  await recordPeriodOutcome({
    unitId,
    periodKey: period.key,
    dueAt: period.endsAt.getTime(),
    meetingsHeld: held(),
    status: closing,
  });
  log.info('Period closed', { unitId, periodKey: period.key, status: closing, meetingsHeld: held() });
  return continueAsNew<typeof meetingCadenceWorkflow>({ unitId, periodKey: nextPeriod(period).key });
}
