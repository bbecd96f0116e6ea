/** The third entry's rule and each member's participation obligation; members below the minimum (owner while being built: H3). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function participationRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
