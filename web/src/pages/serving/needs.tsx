/** The third entry's page of a community: the needs section (owner while being built: H2). */
import type { Unit } from '../../api';

export function NeedsSection({ community }: { community: Unit }) {
  void community;
  return null;
}
