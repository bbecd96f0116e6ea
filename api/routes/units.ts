/** Units (the organisation tree), their meetings, planned meetings and meeting obligation. */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { unitMeetingsRouter } from './units/meetings';
import { unitRegistryRouter } from './units/registry';

export function unitsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(unitRegistryRouter(deps));
  router.use(unitMeetingsRouter(deps));
  return router;
}
