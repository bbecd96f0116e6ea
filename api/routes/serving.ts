/**
 * The third entry (在职党员普遍进, 双报到): employers and members register with communities, the
 * communities' needs lists and service cards, each member's participation obligation, the
 * quarterly feedback to employers and the year-end evaluation, and the figures. The acts are in
 * services/serving-*.ts; the routes by sub-area in api/routes/serving/.
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { feedbackRouter } from './serving/feedback';
import { servingFiguresRouter } from './serving/figures';
import { needsRouter } from './serving/needs';
import { participationRouter } from './serving/participation';
import { registrationRouter } from './serving/registration';

export function servingRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(registrationRouter(deps));
  router.use(needsRouter(deps));
  router.use(participationRouter(deps));
  router.use(feedbackRouter(deps));
  router.use(servingFiguresRouter(deps));
  return router;
}
