/** The third entry's page of a community: the figures section (owner while being built: H5). */
import type { Unit } from '../../api';

export function ServingFiguresSection({ community }: { community: Unit }) {
  void community;
  return null;
}
