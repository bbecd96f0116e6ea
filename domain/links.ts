/**
 * The links inside notices: always a page of the dashboard a person opens in a browser (never the
 * API, which answers a browser with 401 JSON). A person who is not logged in sees the login form
 * on that page and stays on it after logging in. Pure.
 */
export interface DashboardLinks {
  /** The unit's page. */
  unit: (unitId: string) => string;
  /** An agenda item on a unit's page (the page scrolls to it and highlights it). */
  item: (unitId: string, itemId: string) => string;
  /** The year-end evaluation's progress page, with the campaign's row highlighted. */
  evaluation: (year: number, campaignId: string) => string;
  /** The working-day calendar page (where the State Council's holiday notice is entered). */
  calendar: () => string;
  /** The liaison office's desk (the weekly digest). */
  desk: () => string;
  /** A community's page of the third entry (在职党员: members, needs, feedback), optionally at a need. */
  serving: (communityId: string, needId?: string) => string;
  /** An in-service Party member's service card. */
  servingCard: (memberId: string) => string;
  /** The employer's receipt page of a quarterly feedback: opens without a login (its token). */
  receipt: (token: string) => string;
}

export function dashboardLinks(publicUrl: string): DashboardLinks {
  const base = publicUrl.replace(/\/+$/, '');
  const id = encodeURIComponent;
  return {
    unit: (unitId) => `${base}/units/${id(unitId)}`,
    item: (unitId, itemId) => `${base}/units/${id(unitId)}?item=${id(itemId)}`,
    evaluation: (year, campaignId) => `${base}/evaluations?year=${year}&campaign=${id(campaignId)}`,
    calendar: () => `${base}/calendar`,
    desk: () => `${base}/`,
    serving: (communityId, needId) => `${base}/serving/${id(communityId)}${needId ? `?need=${id(needId)}` : ''}`,
    servingCard: (memberId) => `${base}/serving/card/${id(memberId)}`,
    receipt: (token) => `${base}/receipts/${id(token)}`,
  };
}
