/** Meetings recorded and planned as the API answers them (api/routes/units.ts). */
import type { z } from 'zod';
import { plannedMeetingWorkflowId } from '../../domain/workflow-ids';
import type { meeting, plannedMeeting } from '../contract/meetings';

type Meeting = z.infer<typeof meeting>;
type Planned = z.infer<typeof plannedMeeting>;

export function meetingView(m: {
  id: string;
  unitId: string;
  heldOn: Date;
  kind: string;
  periodKey: string;
  attendees: unknown;
  minutes: string | null;
  plannedMeetingId: string | null;
}): z.infer<typeof meeting> {
  return {
    id: m.id,
    unitId: m.unitId,
    heldOn: m.heldOn.toISOString().slice(0, 10),
    kind: m.kind as Meeting['kind'],
    periodKey: m.periodKey,
    attendees: m.attendees as Meeting['attendees'],
    minutes: m.minutes,
    plannedMeetingId: m.plannedMeetingId,
  };
}

export function plannedView(p: {
  id: string;
  unitId: string;
  plannedFor: Date;
  place: string;
  invitees: unknown;
  status: string;
}): z.infer<typeof plannedMeeting> {
  return {
    id: p.id,
    unitId: p.unitId,
    plannedFor: p.plannedFor.toISOString(),
    place: p.place,
    invitees: p.invitees as Planned['invitees'],
    status: p.status as Planned['status'],
    workflowId: plannedMeetingWorkflowId(p.id),
  };
}
