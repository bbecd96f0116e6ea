/** A unit and a unit's history as the API answers them (api/routes/units/*.ts, api/routes/due.ts). */
import type { Unit } from '@prisma/client';
import type { z } from 'zod';
import { shanghaiDateOf } from '../../domain/period';
import { maskWebhookUrl } from '../../domain/webhook-policy';
import { leaderOfVisitObligation, meetingCadenceWorkflowId } from '../../domain/workflow-ids';
import type { unit, unitHistory } from '../contract/units';
import { canWrite, type Caller } from '../../records/scope';
import type { UnitHistory } from '../../records/units';

type History = z.infer<typeof unitHistory>;

/**
 * A unit as a reader sees it. The webhook URL's key is a credential: only admins and the unit's
 * own convener see it whole; everyone else sees it masked.
 */
export function unitView(u: Unit, viewer: Caller): z.infer<typeof unit> {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    streetId: u.streetId,
    convenerName: u.convenerName,
    convenerEmail: u.convenerEmail,
    convenerPhone: u.convenerPhone,
    locale: u.locale as z.infer<typeof unit>['locale'],
    webhookUrl: canWrite(viewer, u) ? u.webhookUrl : maskWebhookUrl(u.webhookUrl),
    createdAt: u.createdAt.toISOString(),
    obligationWorkflowId: meetingCadenceWorkflowId(u.id),
  };
}

/** The unit's history: how each period closed (a community's also its paired leaders' visit periods), with the notices sent. */
export function unitHistoryView(
  u: Unit,
  viewer: Caller,
  { periods, notices, leaders, total }: UnitHistory,
  page: { limit: number; offset: number },
): History {
  return {
    unit: unitView(u, viewer),
    periods: periods.map((p) => {
      const leaderId = leaderOfVisitObligation(p.obligation);
      return {
        obligation: leaderId ? ('leader-visit' as const) : ('meeting' as const),
        leader: (leaderId && leaders.get(leaderId)) || null,
        periodKey: p.periodKey,
        dueDate: shanghaiDateOf(p.dueAt),
        status: p.status as History['periods'][number]['status'],
        meetingsHeld: p.meetingsHeld,
        closedAt: p.closedAt.toISOString(),
        correctedAt: p.correctedAt?.toISOString() ?? null,
        notices: notices
          .filter((n) => n.periodKey === p.periodKey && n.obligation === p.obligation)
          .map((n) => ({
            step: n.step,
            recipient: n.recipient,
            channel: n.channel,
            status: n.status,
            sentAt: n.sentAt?.toISOString() ?? null,
          })),
      };
    }),
    total,
    limit: page.limit,
    offset: page.offset,
  };
}
