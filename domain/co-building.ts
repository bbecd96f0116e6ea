/** Community co-building (社区联建): money pledged and given. Pure. */

/** Money in the record is kept in fen (分): yuan with at most two decimals in the API. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;

/** The four functions of a co-building body. */
export const CO_BUILDING_FUNCTIONS = [
  'party_resources',
  'security_governance',
  'facilities_welfare',
  'culture_customs',
] as const;
export type CoBuildingFunction = (typeof CO_BUILDING_FUNCTIONS)[number];

/** What a commitment letter pledges. */
export const PLEDGE_KINDS = ['people', 'goods', 'money'] as const;

/** A Json array of known values, in their canonical order. */
export function knownValues<T extends string>(stored: unknown, values: readonly T[]): T[] {
  const given = new Set(Array.isArray(stored) ? stored : []);
  return values.filter((v) => given.has(v));
}
