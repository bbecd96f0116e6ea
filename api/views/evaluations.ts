/** An evaluation campaign, its progress and a ballot as the API answers them (api/routes/evaluations/). */
import type { z } from 'zod';
import { closesOnOf, opensOnOf } from '../../records/campaigns';
import type { CampaignRecord } from '../../records/campaigns';
import { evaluationWorkflowId } from '../../domain/workflow-ids';
import type { CampaignDetail, CastBallot } from '../../services/evaluation';
import {
  RATER_KINDS,
  type evaluationBallot,
  type evaluationCampaign,
  type evaluationCampaignDetail,
} from '../contract/evaluations';

export type { CampaignRecord } from '../../records/campaigns';

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

/** One campaign with its ballots by rater kind and its departments' results. */
export function campaignDetailView(d: CampaignDetail): z.infer<typeof evaluationCampaignDetail> {
  return {
    ...campaignView(d.campaign),
    final: d.final,
    raterKinds: Object.fromEntries(
      RATER_KINDS.map((k) => [k, d.raterKinds.find((g) => g.raterKind === k)?.count ?? 0]),
    ) as Record<(typeof RATER_KINDS)[number], number>,
    departments: d.departments,
  };
}

export function ballotView(b: CastBallot): z.infer<typeof evaluationBallot> {
  return {
    id: b.id,
    campaignId: b.campaignId,
    raterKind: b.raterKind as z.infer<typeof evaluationBallot>['raterKind'],
    raterName: b.raterName,
    recordedBy: b.recordedBy,
    createdAt: b.createdAt.toISOString(),
    scores: b.scores,
    raters: b.raters,
    quorum: b.quorum,
  };
}
