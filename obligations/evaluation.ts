/** Each community's evaluation campaign of a year (`evaluation:<communityId>:<year>`): start it, tell it of a ballot. */
import { evaluationWorkflowId } from '../domain/workflow-ids';
import type { IndexedUnit } from '../records/unit-index';
import { ballotRecordedSignal, evaluationCampaignWorkflow } from '../workflows/evaluation';
import { type Obligations, startOptions, tell } from './gateway';
import { startIndex } from './search-attributes';

/** Start (or find running) the campaign's workflow; false when it could not be started (the record is safe: made good later). */
export async function startCampaign(
  gw: Pick<Obligations, 'temporal' | 'taskQueue'>,
  communityId: string,
  year: number,
  index: IndexedUnit | null,
): Promise<boolean> {
  try {
    await gw.temporal.workflow.start(evaluationCampaignWorkflow, {
      ...startOptions(gw, evaluationWorkflowId(communityId, year)),
      args: [{ communityId, year }],
      ...startIndex(gw.temporal, 'evaluation', index, { periodKey: String(year) }),
    });
    return true;
  } catch {
    return false;
  }
}

/** A ballot was recorded: the campaign hears how many raters it has (it re-reads the record before any reminder). */
export async function tellBallotRecorded(
  gw: Obligations,
  campaign: { id: string; communityId: string; year: number },
  raters: number,
): Promise<boolean> {
  return tell(gw, 'Ballot recorded but the campaign workflow was not signalled', { campaignId: campaign.id }, () =>
    gw.temporal.workflow
      .getHandle(evaluationWorkflowId(campaign.communityId, campaign.year))
      .signal(ballotRecordedSignal, { raters }),
  );
}
