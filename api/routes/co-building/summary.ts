/** The co-building totals over the caller's readable communities: as JSON and as an XLSX ledger (台账). */
import { type Response, Router } from 'express';
import { shanghaiDateOf } from '../../../domain/period';
import { coBuildingSummaryRecords } from '../../../records/co-building';
import { readableUnitIds } from '../../../records/scope';
import { caller } from '../../auth';
import { coBuildingSummaryQuery } from '../../contract/co-building';
import { XLSX_TYPE } from '../../contract/types';
import { parseInput } from '../../errors';
import { coBuildingWorkbook } from '../../exports/co-building';
import { coBuildingSummaryView } from '../../views/co-building';
import type { ApiDeps } from '../../deps';

export function coBuildingSummaryRouter(deps: ApiDeps): Router {
  const { prisma, clock } = deps;
  const router = Router();

  /** The totals over the caller's readable communities, per community, and the things done. */
  async function summarise(res: Response, q: { year?: number; streetId?: string }) {
    const records = await coBuildingSummaryRecords(prisma, await readableUnitIds(prisma, caller(res)), q);
    return coBuildingSummaryView(records, q, shanghaiDateOf(clock()));
  }

  router.get('/co-building/summary', async (req, res) => {
    const q = parseInput(coBuildingSummaryQuery, req.query, 'query');
    res.json((await summarise(res, q)).summary);
  });

  /** The same as an Excel workbook: the totals and communities, then every thing done. */
  router.get('/co-building/summary.xlsx', async (req, res) => {
    const q = parseInput(coBuildingSummaryQuery, req.query, 'query');
    const view = await summarise(res, q);
    const book = await coBuildingWorkbook(view, q.year, clock());
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="co-building-${q.year ?? 'all'}.xlsx"`);
    res.send(book);
  });

  return router;
}
