/** Leaders, departments and visits as the API answers them (api/routes/entries.ts). */
import type { Leader } from '@prisma/client';
import type { z } from 'zod';
import { leaderVisitWorkflowId } from '../../domain/workflow-ids';
import type { Caller } from '../../records/scope';
import type { leaderObligation } from '../../services/visits';
import type { department, leader, visit } from '../contract/entries';

export function leaderView(l: Leader): z.infer<typeof leader> {
  return {
    id: l.id,
    code: l.code,
    name: l.name,
    title: l.title,
    email: l.email,
    phone: l.phone,
    locale: l.locale as z.infer<typeof leader>['locale'],
    secretaryName: l.secretaryName,
    secretaryEmail: l.secretaryEmail,
    communityId: l.communityId,
    createdAt: l.createdAt.toISOString(),
    obligationWorkflowId: leaderVisitWorkflowId(l.id),
  };
}

/**
 * A department as a reader sees it: its contact email only for supervisors, admins and the
 * convener of a community it is paired with (`showEmail`); null for everyone else.
 */
export function departmentView(
  d: {
    id: string;
    code: string;
    name: string;
    contactName: string;
    contactEmail: string;
    locale: string;
  },
  showEmail: boolean,
): z.infer<typeof department> {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    contactName: d.contactName,
    contactEmail: showEmail ? d.contactEmail : null,
    locale: d.locale as z.infer<typeof department>['locale'],
  };
}

export function visitView(v: {
  id: string;
  leaderId: string;
  communityId: string;
  visitedOn: Date;
  periodKey: string;
  purposes: unknown;
  notes: string | null;
  meetingId: string | null;
  recordedBy: string;
}): z.infer<typeof visit> {
  return {
    id: v.id,
    leaderId: v.leaderId,
    communityId: v.communityId,
    visitedOn: v.visitedOn.toISOString().slice(0, 10),
    periodKey: v.periodKey,
    purposes: v.purposes as z.infer<typeof visit>['purposes'],
    notes: v.notes,
    meetingId: v.meetingId,
    recordedBy: v.recordedBy,
  };
}

type ObligationStatus = Awaited<ReturnType<typeof leaderObligation>>['status'];

/** The leader's current period, from the workflow's status query. */
export function leaderObligationView(leader: Pick<Leader, 'id' | 'communityId'>, status: ObligationStatus) {
  return {
    workflowId: status.workflowId,
    leaderId: leader.id,
    communityId: leader.communityId,
    state: status.state,
    periodKey: status.periodKey,
    dueDate: status.dueDate,
    visits: status.meetingsHeld,
    minVisits: status.minMeetings,
    outcome: status.outcome,
    nextNotice: status.nextNotice,
  };
}

/**
 * A community's paired leaders and departments: the departments' contact emails for supervisors,
 * admins and the community's own convener.
 */
export function communityPairingsView(
  unit: { id: string },
  leaders: Leader[],
  pairings: { pairedOn: Date; department: Parameters<typeof departmentView>[0] }[],
  who: Caller,
) {
  const showEmail =
    who.role === 'admin' || who.role === 'supervisor' || (who.role === 'convener' && who.unitId === unit.id);
  return {
    communityId: unit.id,
    leaders: leaders.map(leaderView),
    departments: pairings.map((p) => ({
      ...departmentView(p.department, showEmail),
      pairedOn: p.pairedOn.toISOString().slice(0, 10),
    })),
  };
}
