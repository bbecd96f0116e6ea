/** (owner while being built: H2) */
import type { ServingActivityDeps } from './serving-deps';

export function createServingNeedsActivities(deps: ServingActivityDeps) {
  void deps;
  return {};
}
