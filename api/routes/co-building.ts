/**
 * Community co-building (社区联建, one of the three links): each community's co-building body
 * (社区联建治理服务共同体) with its four functions, the units stationed in the community that
 * joined it, their commitment letters (驻社区单位承诺书: people, goods or money pledged) and the
 * practical things done (办实事) — and the totals the liaison office reports ("18 co-building
 * communities, 109 member units, 450+ practical things done, 700k+ yuan"), as JSON and as an XLSX
 * ledger (台账). Money is yuan in the API and fen (分) in the record. The acts are in
 * services/co-building.ts; the routes by sub-area in api/routes/co-building/.
 */
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { coBuildingBodyRouter } from './co-building/body';
import { coBuildingRecordsRouter } from './co-building/records';
import { coBuildingSummaryRouter } from './co-building/summary';

export function coBuildingRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(coBuildingBodyRouter(deps));
  router.use(coBuildingRecordsRouter(deps));
  router.use(coBuildingSummaryRouter(deps));
  return router;
}
