/** Leaders, departments and visits as the API answers them (api/routes/entries.ts). */
import type { Leader } from '@prisma/client';
import type { z } from 'zod';
import { leaderVisitWorkflowId } from '../../domain/workflow-ids';
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
