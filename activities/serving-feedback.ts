/** (owner while being built: H4) */
import type { ServingActivityDeps } from './serving-deps';

export function createServingFeedbackActivities(deps: ServingActivityDeps) {
  void deps;
  return {};
}
