/** An agenda item as the API answers it (api/routes/agenda/*.ts). */
import type { z } from 'zod';
import { escalationWorkflowId } from '../../domain/workflow-ids';
import { isOverdue, type ItemRecord, localDate, topHop } from '../../records/agenda-items';
import type { agendaItem } from '../contract/agenda';
import type { ItemActResult } from '../../services/agenda-items';

type Item = z.infer<typeof agendaItem>;

/** `overdueBefore`: the overdue cut-off of today (domain/calendar.ts `overdueCutoff`). */
export function itemView(item: ItemRecord, overdueBefore: string): z.infer<typeof agendaItem> {
  const hop = topHop(item);
  return {
    id: item.id,
    meetingId: item.meetingId,
    unitId: item.unitId,
    unitName: item.unit.name,
    title: item.title,
    description: item.description,
    raisedBy: item.raisedBy,
    category: item.category,
    state: item.state,
    currentUnitId: item.currentUnitId,
    resolution: item.resolution,
    resolvedAt: item.resolvedAt?.toISOString() ?? null,
    closedAt: item.closedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    overdue: hop ? isOverdue(hop, overdueBefore) : false,
    workflowId: hop ? escalationWorkflowId(item.id) : null,
    escalations: item.escalations.map((e) => ({
      id: e.id,
      hop: e.hop,
      fromUnitId: e.fromUnitId,
      toUnitId: e.toUnitId,
      what: e.what,
      whyNotSolvable: e.whyNotSolvable,
      ask: e.ask,
      minutes: e.minutes,
      sourceMeetingId: e.sourceMeetingId,
      escalatedAt: e.escalatedAt.toISOString(),
      escalatedBy: e.escalatedBy,
      escalatedByRule: e.escalatedByRule,
      scheduleBy: localDate(e.scheduleBy),
      answerBy: localDate(e.answerBy),
      takenUpMeetingId: e.takenUpMeetingId,
      takenUpAt: e.takenUpAt?.toISOString() ?? null,
      round: e.round,
      state: e.state as Item['escalations'][number]['state'],
      extensions: e.extensions.map((x) => ({
        round: x.round,
        fromDate: localDate(x.fromDate),
        toDate: localDate(x.toDate),
        reason: x.reason,
        approvedBy: x.approvedBy,
        at: x.createdAt.toISOString(),
      })),
    })),
    feedback: item.feedback.map((f) => ({
      id: f.id,
      escalationId: f.escalationId,
      round: f.round,
      outcome: f.outcome as Item['feedback'][number]['outcome'],
      text: f.text,
      handleBy: f.handleBy ? localDate(f.handleBy) : null,
      reason: f.reason,
      answeredBy: f.answeredBy,
      answeredAt: f.answeredAt.toISOString(),
      response: f.response as Item['feedback'][number]['response'],
      responseReason: f.responseReason,
      respondedBy: f.respondedBy,
      respondedAt: f.respondedAt?.toISOString() ?? null,
    })),
  };
}

/** What an act on an item answers: the item, and what its workflow was told (when there was something to tell). */
export function itemActView(r: ItemActResult) {
  return {
    ...itemView(r.item, r.overdueBefore),
    ...(r.workflowNotified !== undefined ? { workflowNotified: r.workflowNotified } : {}),
    ...(r.workflow !== undefined ? { workflow: r.workflow } : {}),
  };
}
