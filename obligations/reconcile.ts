/**
 * One reconciliation, run at every start of the API: every workflow the record says should run is
 * started where it is not (a start that finds it running is harmless). It makes good whatever a
 * notify that failed left behind (`obligations/gateway.ts`): a workflow re-reads the record when it
 * starts. Each workflow kind is one row of the table below; a kind that fails is logged and the
 * others go on.
 */
import { startCalendarWatch } from './calendar';
import { startWeeklyDigest } from './digest';
import { startEscalations } from './escalation';
import { startCampaign } from './evaluation';
import { forEachConcurrently, type Obligations } from './gateway';
import { startVisitObligations } from './leader-visit';
import { startMeetingObligations } from './meeting-cadence';
import { reconcileNeedClaims } from './need-claim';
import { startParticipationObligations } from './serving-participation';
import { activeServingMemberIds } from '../records/serving-participation';
import { reconcileFeedbackObligations } from './serving-feedback';
import { activeLeaderIds, activeUnitIds, campaignsNotOver, openEscalationItemIds } from '../records/expected-workflows';
import { unitIndexes } from '../records/unit-index';

export interface WorkflowKind {
  /** What the log calls it. */
  name: string;
  /** Start every workflow of this kind the record says should run; how many that was. */
  reconcile(gw: Obligations): Promise<number>;
}

export const WORKFLOW_KINDS: readonly WorkflowKind[] = [
  {
    // The calendar's own reminder (to enter next year's holiday notice) runs once per deployment.
    name: 'Working-calendar reminder',
    reconcile: async (gw) => (await startCalendarWatch(gw), 1),
  },
  {
    // The weekly digest to the liaison office (Monday 09:00 on working weeks, rule as data).
    name: 'Weekly digest',
    reconcile: async (gw) => (await startWeeklyDigest(gw), 1),
  },
  {
    name: 'Meeting obligations',
    reconcile: async (gw) => {
      const unitIds = await activeUnitIds(gw.prisma);
      await startMeetingObligations(gw, unitIds, { concurrency: 8 });
      return unitIds.length;
    },
  },
  {
    // Escalated items not closed yet (a signal lost when the item changed is made good here).
    name: 'Escalation workflows',
    reconcile: async (gw) => {
      const itemIds = await openEscalationItemIds(gw.prisma);
      await startEscalations(gw, itemIds);
      return itemIds.length;
    },
  },
  {
    name: 'Leader visit obligations',
    reconcile: async (gw) => {
      const leaderIds = await activeLeaderIds(gw.prisma);
      await startVisitObligations(gw, leaderIds);
      return leaderIds.length;
    },
  },
  {
    // Each registered serving Party member not removed (the third entry).
    name: 'Participation obligations',
    reconcile: async (gw) => {
      const memberIds = await activeServingMemberIds(gw.prisma);
      await startParticipationObligations(gw, memberIds);
      return memberIds.length;
    },
  },
  {
    // Claims of needs not done nor cancelled (their reminders to the member, then the community).
    name: 'Need claims',
    reconcile: reconcileNeedClaims,
  },
  {
    // Campaigns recorded and not over (the rows for this year are ensured by services/evaluation).
    name: 'Evaluation campaigns',
    reconcile: async (gw) => {
      const campaigns = await campaignsNotOver(gw.prisma);
      const indexes = await unitIndexes(
        gw.prisma,
        campaigns.map((c) => c.communityId),
      );
      const failed: string[] = [];
      await forEachConcurrently(campaigns, 8, async (c) => {
        if (!(await startCampaign(gw, c.communityId, c.year, indexes.get(c.communityId) ?? null)))
          failed.push(`${c.communityId}:${c.year}`);
      });
      if (failed.length) gw.log.warn('Evaluation campaigns not started', { failed });
      return campaigns.length;
    },
  },
  {
    // Every community with registered in-service members or employers feeds back each quarter.
    name: 'Serving feedback',
    reconcile: reconcileFeedbackObligations,
  },
];

/** Start what should run, kind by kind. Never throws: what could not be checked is logged. */
export async function reconcileObligations(gw: Obligations, kinds = WORKFLOW_KINDS): Promise<void> {
  for (const kind of kinds) {
    try {
      const count = await kind.reconcile(gw);
      if (count) gw.log.info(`${kind.name} checked`, { count });
    } catch (err) {
      gw.log.warn(`Could not check the ${kind.name.toLowerCase()} at start`, { err: String(err) });
    }
  }
}
