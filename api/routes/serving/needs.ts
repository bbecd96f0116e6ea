/** A community's needs list (服务需求 / 微心愿): publish, claim, cancel, confirm done; the service card (owner while being built: H2). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function needsRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
