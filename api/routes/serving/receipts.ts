/** The employer's receipt of the quarterly feedback: a single-use link, no login (mounted before authentication) (owner while being built: H4). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function receiptsRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
