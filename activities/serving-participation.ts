/** (owner while being built: H3) */
import type { ServingActivityDeps } from './serving-deps';

export function createServingParticipationActivities(deps: ServingActivityDeps) {
  void deps;
  return {};
}
