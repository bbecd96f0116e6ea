/**
 * Every workflow's business key (its workflow ID) and the reverse where one is needed. The IDs are
 * vocabulary shared by both sides: workflows and activities stamp them on ledger rows, and
 * `obligations/` — the only client-side Temporal code — starts, signals and queries by them. Pure.
 */

/** The meeting obligation of one unit (it continues as new each period). */
export function meetingCadenceWorkflowId(unitId: string): string {
  return `meeting-cadence:${unitId}`;
}

/** The unit whose meeting obligation this business key names, or null (another obligation). */
export function unitOfMeetingObligation(obligation: string): string | null {
  const prefix = meetingCadenceWorkflowId('');
  return obligation.startsWith(prefix) ? obligation.slice(prefix.length) : null;
}

/** The visit obligation of one city leader (基层联系点). */
export function leaderVisitWorkflowId(leaderId: string): string {
  return `leader-visit:${leaderId}`;
}

/** The leader whose visit obligation this business key names, or null (another obligation). */
export function leaderOfVisitObligation(obligation: string): string | null {
  const prefix = leaderVisitWorkflowId('');
  return obligation.startsWith(prefix) ? obligation.slice(prefix.length) : null;
}

/** The escalation of one agenda item (吹哨报到), from its first escalation to closing. */
export function escalationWorkflowId(agendaItemId: string): string {
  return `escalation:${agendaItemId}`;
}

/** The agenda item whose escalation this business key names, or null. */
export function itemOfEscalation(workflowId: string): string | null {
  const prefix = escalationWorkflowId('');
  return workflowId.startsWith(prefix) ? workflowId.slice(prefix.length) : null;
}

/** One community's evaluation campaign (民主评议) of one year. */
export function evaluationWorkflowId(communityId: string, year: number): string {
  return `evaluation:${communityId}:${year}`;
}

/** The community and year of an evaluation campaign's business key, or null. */
export function campaignOfEvaluation(workflowId: string): { communityId: string; year: number } | null {
  const m = /^evaluation:(.+):(\d{4})$/.exec(workflowId);
  return m ? { communityId: m[1]!, year: Number(m[2]) } : null;
}

/** The paired departments' attendance check of one community meeting. */
export function attendanceCheckWorkflowId(meetingId: string): string {
  return `attendance-check:${meetingId}`;
}

/** A meeting planned ahead: invitations, then the wait for its minutes. */
export function plannedMeetingWorkflowId(plannedMeetingId: string): string {
  return `planned-meeting:${plannedMeetingId}`;
}

/** The working-day calendar's reminder, one per deployment. */
export const CALENDAR_WATCH_WORKFLOW_ID = 'working-calendar';

/** The weekly digest to the liaison office, one per deployment. */
export const WEEKLY_DIGEST_WORKFLOW_ID = 'weekly-digest';

/** The participation obligation of one in-service Party member (在职党员, continues as new each period). */
export function servingParticipationWorkflowId(memberId: string): string {
  return `serving-participation:${memberId}`;
}

/** The member whose participation obligation this business key names, or null. */
export function memberOfParticipation(workflowId: string): string | null {
  const prefix = servingParticipationWorkflowId('');
  return workflowId.startsWith(prefix) ? workflowId.slice(prefix.length) : null;
}

/** One claim (认领) of a community's need, from the claim until the community confirms it done. */
export function needClaimWorkflowId(claimId: string): string {
  return `need-claim:${claimId}`;
}

/** The claim this business key names, or null. */
export function claimOfNeedClaim(workflowId: string): string | null {
  const prefix = needClaimWorkflowId('');
  return workflowId.startsWith(prefix) ? workflowId.slice(prefix.length) : null;
}

/** One community's quarterly feedback (反馈) to its members' employers (continues as new each quarter). */
export function servingFeedbackWorkflowId(communityId: string): string {
  return `serving-feedback:${communityId}`;
}

/** The community whose feedback this business key names, or null. */
export function communityOfServingFeedback(workflowId: string): string | null {
  const prefix = servingFeedbackWorkflowId('');
  return workflowId.startsWith(prefix) ? workflowId.slice(prefix.length) : null;
}
