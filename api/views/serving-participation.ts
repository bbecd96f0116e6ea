/** What the participation routes answer: a member's current period, the members below the minimum (phones masked). */
import type { z } from 'zod';
import { maskTail } from '../../domain/serving';
import type { memberParticipation as participationAct } from '../../services/serving-participation';
import type { belowMinimumList, memberParticipation } from '../contract/serving-participation';

export function memberParticipationView(
  member: { id: string; communityId: string },
  status: Awaited<ReturnType<typeof participationAct>>['status'],
): z.infer<typeof memberParticipation> {
  return {
    workflowId: status.workflowId,
    memberId: member.id,
    communityId: member.communityId,
    state: status.state,
    periodKey: status.periodKey,
    dueDate: status.dueDate,
    services: status.meetingsHeld,
    minServices: status.minMeetings,
    outcome: status.outcome,
    nextNotice: status.nextNotice,
  };
}

export function belowMinimumView(list: {
  periodKey: string;
  firstDay: string;
  lastDay: string;
  minServices: number;
  communityId: string | null;
  items: {
    memberId: string;
    name: string;
    phone: string;
    communityId: string;
    employerId: string;
    employerName: string;
    registeredOn: string;
    services: number;
  }[];
}): z.infer<typeof belowMinimumList> {
  return {
    ...list,
    items: list.items.map((m) => ({
      ...m,
      phone: maskTail(m.phone) ?? '',
      missing: Math.max(0, list.minServices - m.services),
    })),
  };
}
