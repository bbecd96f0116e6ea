/**
 * The types the activities share with each other and with the workflows: a period plan of an
 * obligation (a unit's meetings, a leader's visits), its meetings, its notices and its outcome.
 */
import type { Audience, CadenceStep, ScheduledStep } from '../domain/cadence';
import type { UnitIndex } from '../domain/search-attributes';

export interface RecordedMeeting {
  meetingId: string;
  periodKey: string;
  kind: 'regular' | 'adhoc';
}

export type PeriodPlan =
  | { active: false }
  | {
      active: true;
      periodKey: string;
      nextPeriodKey: string;
      dueDate: string;
      closeAt: number;
      minMeetings: number;
      countAdhoc: boolean;
      steps: ScheduledStep[];
      meetings: RecordedMeeting[];
      /** What the workflow upserts as its search attributes; only when the namespace has them. */
      index?: UnitIndex;
    };

export interface CadenceNoticeRequest {
  unitId: string;
  periodKey: string;
  step: CadenceStep;
  audience: Audience;
  dueDate: string;
  minMeetings: number;
  countAdhoc: boolean;
  /** Workflow time at which the step fell due. */
  scheduledFor: number;
}

export interface CadenceNoticeResult {
  outcome: 'sent' | 'meeting-recorded' | 'unit-removed' | 'no-recipients';
  meetings: RecordedMeeting[];
}

export interface PeriodOutcomeRecord {
  unitId: string;
  periodKey: string;
  dueDate: string;
  meetingsHeld: number;
  status: 'met' | 'overdue';
}
