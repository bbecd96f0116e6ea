/** A unit's page (see ./page.tsx); what the app's router shows at /units/<id>. */
export { UnitPage } from './page';
