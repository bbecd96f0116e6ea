/**
 * A community registered (one, or in an import) gets its evaluation campaign once it is evaluable.
 * The one place the unit routes reach the evaluation act, called after the registering act returns.
 */
export { ensureCommunityCampaigns } from '../evaluations';
