/**
 * Import of employers and members from a CSV or XLSX file with Chinese headers
 * (domain/serving-import.ts): POST /api/serving/import/employers and /api/serving/import/members
 * with the file as the body (`text/csv`, UTF-8 or GBK as Excel saves it, or XLSX; 415 otherwise;
 * at most 20 MB). `?dryRun=true` only checks. Accepted → 200 `{dryRun, created, unchanged, total}`;
 * rejected → 400 `{error: {code: 'import_rejected', …}, rows: [{row, column, message}]}`, nothing
 * written. An admin imports any rows, a convener their own community's. Mounted ahead of the
 * Idempotency-Key middleware (which cannot see a raw body): an import is idempotent by itself.
 */
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { z } from 'zod';
import { ImportRejected, MAX_IMPORT_BYTES } from '../../../domain/org-import';
import { importServingEmployers, importServingMembers } from '../../../services/serving-import';
import { allow, caller } from '../../auth';
import { employerRowSchema, importQuery, memberRowSchema } from '../../contract/serving-registration';
import { parseInput } from '../../errors';
import { importFormatOf, rejection, uploadedFile } from '../imports';
import type { ApiDeps } from '../../deps';

/** An admin's or convener's raw CSV or XLSX body: its format from Content-Type, then the bytes. */
const upload: RequestHandler[] = [
  allow('admin', 'convener'),
  (req, res, next) => {
    res.locals.importType = importFormatOf(req.get('Content-Type'));
    next();
  },
  express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
];

export function servingImportRouter(deps: ApiDeps): Router {
  const router = Router();

  /** The file of the request, as an import act takes it. */
  function fileOf<T>(req: Request, res: Response, rowSchema: z.ZodType<T>) {
    const { dryRun } = parseInput(importQuery, req.query, 'query');
    const { type, data } = uploadedFile(req, res);
    return { data, format: type.format, charset: type.charset, rowSchema, dryRun };
  }

  /** Run an import; a rejected file is a 400 listing its rows' problems. */
  async function answer(res: Response, act: () => Promise<unknown>) {
    try {
      res.json(await act());
    } catch (err) {
      if (!(err instanceof ImportRejected)) throw err;
      res.status(400).json(rejection(err));
    }
  }

  router.post('/employers', ...upload, async (req, res) => {
    const file = fileOf(req, res, employerRowSchema);
    await answer(res, () => importServingEmployers(deps, caller(res), file));
  });

  router.post('/members', ...upload, async (req, res) => {
    const file = fileOf(req, res, memberRowSchema);
    await answer(res, () => importServingMembers(deps, caller(res), file));
  });

  return router;
}
