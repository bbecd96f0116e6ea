/** The third entry's figures per community and street, and the city total, as JSON and as an XLSX workbook. */
import { type Request, type Response, Router } from 'express';
import { servingFigures } from '../../../services/serving-figures';
import { allow, caller } from '../../auth';
import { servingFiguresQuery } from '../../contract/serving-figures';
import { XLSX_TYPE } from '../../contract/types';
import { parseInput } from '../../errors';
import { servingFiguresWorkbook } from '../../exports/serving-figures';
import { servingFiguresView } from '../../views/serving-figures';
import type { ApiDeps } from '../../deps';

const READERS = ['admin', 'supervisor', 'convener', 'leader'] as const;

export function servingFiguresRouter(deps: ApiDeps): Router {
  const router = Router();

  async function figuresOf(req: Request, res: Response) {
    const q = parseInput(servingFiguresQuery, req.query, 'query');
    return servingFiguresView(await servingFigures(deps, caller(res), q));
  }

  router.get('/serving/figures', allow(...READERS), async (req, res) => {
    res.json(await figuresOf(req, res));
  });

  /** The same as an Excel workbook (Chinese headers, figures only). */
  router.get('/serving/figures.xlsx', allow(...READERS), async (req, res) => {
    const view = await figuresOf(req, res);
    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="serving-figures-${view.year}.xlsx"`);
    res.send(await servingFiguresWorkbook(view, deps.clock()));
  });

  return router;
}
