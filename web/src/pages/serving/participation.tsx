/** The third entry's page of a community: the participation section (owner while being built: H3). */
import type { Unit } from '../../api';

export function ParticipationSection({ community }: { community: Unit }) {
  void community;
  return null;
}
