/** The quarterly feedback (反馈) to employers and the year-end evaluation (评议), for logged-in users (owner while being built: H4). */
import { Router } from 'express';
import type { ApiDeps } from '../../deps';

export function feedbackRouter(deps: ApiDeps): Router {
  void deps;
  const router = Router();
  return router;
}
