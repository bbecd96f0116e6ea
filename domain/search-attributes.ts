/**
 * The custom search attributes of this service's workflows, defined once for the workflows (which
 * upsert them each period) and the clients (which set them at start, and list by them). All are
 * Keyword attributes; a namespace must have them registered (the embedded dev server is started
 * with them, a cluster gets them from `ensureSearchAttributes` or from the commands in README.md).
 * Deterministic and free of Node imports: part of the workflow bundle.
 */
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';

/** The unit's code (`bihai`): for a leader's visits, their community's. */
export const UNIT_CODE = defineSearchAttributeKey('UnitCode', SearchAttributeType.KEYWORD);
/** city | street | community | compound. */
export const UNIT_LEVEL = defineSearchAttributeKey('UnitLevel', SearchAttributeType.KEYWORD);
/** The code of the unit's street (the street's own for a street; absent for the city). */
export const STREET_CODE = defineSearchAttributeKey('StreetCode', SearchAttributeType.KEYWORD);
/** What the workflow watches: the workflow ID's prefix (meeting-cadence, leader-visit, escalation, …). */
export const OBLIGATION = defineSearchAttributeKey('Obligation', SearchAttributeType.KEYWORD);
/** The period the current run watches (`2026-Q2`, `2026-05`; the year for an evaluation). */
export const PERIOD_KEY = defineSearchAttributeKey('PeriodKey', SearchAttributeType.KEYWORD);

/** Every key, with the type to register it as (`temporal operator search-attribute create --type Keyword`). */
export const SEARCH_ATTRIBUTE_KEYS = [UNIT_CODE, UNIT_LEVEL, STREET_CODE, OBLIGATION, PERIOD_KEY] as const;

export type Obligation =
  | 'meeting-cadence'
  | 'leader-visit'
  | 'escalation'
  | 'planned-meeting'
  | 'attendance-check'
  | 'evaluation'
  | 'calendar-watch'
  | 'need-claim'
  | 'serving-participation'
  | 'serving-feedback';

/** What a workflow is indexed by: its unit, and what it watches. */
export interface UnitIndex {
  unitCode: string;
  unitLevel: string;
  streetCode: string | null;
}

/** The pairs to start a workflow with (`typedSearchAttributes`). */
export function searchAttributesOf(
  obligation: Obligation,
  unit: UnitIndex | null,
  periodKey?: string,
): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [{ key: OBLIGATION, value: obligation }];
  if (unit) {
    pairs.push({ key: UNIT_CODE, value: unit.unitCode }, { key: UNIT_LEVEL, value: unit.unitLevel });
    if (unit.streetCode) pairs.push({ key: STREET_CODE, value: unit.streetCode });
  }
  if (periodKey) pairs.push({ key: PERIOD_KEY, value: periodKey });
  return pairs;
}

/** The update a periodic workflow upserts when it opens a period (a street code that went away is removed). */
export function periodSearchAttributes(
  obligation: Obligation,
  unit: UnitIndex,
  periodKey: string,
): SearchAttributeUpdatePair[] {
  return [
    ...searchAttributesOf(obligation, { ...unit, streetCode: null }, periodKey),
    { key: STREET_CODE, value: unit.streetCode },
  ];
}
