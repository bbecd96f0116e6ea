/** The organisation tree's rules. Pure. */

/** The levels of the organisation tree, top down. */
export const UNIT_LEVELS = ['city', 'street', 'community', 'compound', 'building'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Each level's name, zh and en, as notices and pages say it. */
export const LEVEL_NAMES: Record<UnitLevel, { zh: string; en: string }> = {
  city: { zh: '市', en: 'city' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  compound: { zh: '居民小区', en: 'residential compound' },
  building: { zh: '楼栋', en: 'building' },
};

/** Each level's parent level: city → street → community → compound → building. */
export const PARENT_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  city: null,
  street: 'city',
  community: 'street',
  compound: 'community',
  building: 'compound',
};

/** Levels that may be registered without a parent (a community may stand alone until its street is imported). */
export const MAY_STAND_ALONE: readonly UnitLevel[] = ['city', 'community'];

/** Why a unit cannot sit under a parent, or null when it can. */
export function parentProblem(level: UnitLevel, parentLevel: UnitLevel | null): string | null {
  if (parentLevel === null) {
    return MAY_STAND_ALONE.includes(level) ? null : `A ${level} needs its parent ${PARENT_LEVEL[level]}`;
  }
  if (PARENT_LEVEL[level] !== parentLevel) {
    return `A ${level} belongs under a ${PARENT_LEVEL[level] ?? 'no'} unit, not a ${parentLevel}`;
  }
  return null;
}

/** The street a unit lies in: itself for a street, its parent's street otherwise. */
export function streetIdFor(level: UnitLevel, id: string, parent: { streetId: string | null } | null): string | null {
  if (level === 'street') return id;
  return parent?.streetId ?? null;
}
