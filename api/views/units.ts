/** A unit as the API answers it (api/routes/units.ts, api/routes/due.ts). */
import type { Unit } from '@prisma/client';
import type { z } from 'zod';
import { maskWebhookUrl } from '../../domain/webhook-policy';
import { meetingCadenceWorkflowId } from '../../domain/workflow-ids';
import type { unit } from '../contract/units';
import { canWrite, type Caller } from '../../records/scope';

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
