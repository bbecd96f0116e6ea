/** The third entry's page of a community: the feedback section (owner while being built: H4). */
import type { Unit } from '../../api';

export function FeedbackSection({ community }: { community: Unit }) {
  void community;
  return null;
}
