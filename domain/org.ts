/** The organisation tree's rules. Pure. */
import type { UnitLevel } from './cadence';

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
