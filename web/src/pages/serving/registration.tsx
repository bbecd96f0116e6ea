/** The third entry's page of a community: the registration section (owner while being built: H1). */
import type { Unit } from '../../api';

export function RegistrationSection({ community }: { community: Unit }) {
  void community;
  return null;
}
