/** An evaluation campaign as the API answers it (api/routes/evaluations.ts). */
import type { EvaluationCampaign, Unit } from '@prisma/client';
import type { z } from 'zod';
import { closesOnOf, opensOnOf } from '../../activities/evaluation';
import { evaluationWorkflowId } from '../../domain/workflow-ids';
import type { evaluationCampaign } from '../contract/evaluations';

export type CampaignRecord = EvaluationCampaign & { community: Unit; _count: { ballots: number } };

export function campaignView(c: CampaignRecord): z.infer<typeof evaluationCampaign> {
  return {
    id: c.id,
    communityId: c.communityId,
    communityName: c.community.name,
    streetId: c.community.streetId,
    year: c.year,
    status: c.status as z.infer<typeof evaluationCampaign>['status'],
    quorum: c.quorum,
    raters: c._count.ballots,
    quorumMet: c._count.ballots >= c.quorum,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    opensOn: opensOnOf(c),
    closesOn: closesOnOf(c),
    closedAt: c.closedAt?.toISOString() ?? null,
    workflowId: evaluationWorkflowId(c.communityId, c.year),
  };
}
