/**
 * Bulk import of the entries' pairings (三进结对) from a spreadsheet: POST /api/pairings/import
 * with the file as the body — city leaders each paired with one community, city departments
 * paired with communities (3 to 5 per community by the entries rule). Columns: see
 * domain/pairing-import.ts.
 *
 * - `Content-Type: text/csv` (charset honoured) or the XLSX type (first sheet), as the unit
 *   import (api/routes/imports.ts); any other type → 415; at most 20 MB (413) and 50,000 rows.
 * - All or nothing: every row is checked, then everything is registered in one transaction,
 *   then each leader's visit obligation (`leader-visit:<leaderId>`) is started.
 * - Accepted → 200 `{created: {leaders, departments, pairings}, total: {…}}` (total: in the
 *   file). The same file again creates nothing and starts what is not running.
 * - Rejected → 400 `{error: {code: 'import_rejected', message, field: 'file'}, rows: [{row, column, message}]}`,
 *   every problem at once: the rows' own (a bad email, an unknown type, a department repeated
 *   with other details) and the record's (an unknown community, a code registered with other
 *   details, a community left outside 3–5 departments); nothing written.
 * - The answer is always JSON (files are small: no progress stream).
 *
 * Mounted ahead of the Idempotency-Key middleware (which cannot see a raw body): an import is
 * idempotent by itself.
 */
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ImportRejected } from '../../domain/org-import';
import { importPairings } from '../../services/pairings';
import { caller } from '../auth';
import { departmentInput, leaderInput } from '../contract/entries';
import { rawFileUpload, rejection, uploadedFile } from './imports';
import { type ApiDeps } from '../deps';

const noNul = (v: string) => !v.includes('\u0000');
/** Free text of a cell: 1 to `max` characters, no NUL (it cannot be stored). */
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, 'Text must not contain NUL (U+0000)');

const locale = z.enum(['zh-CN', 'en']).optional();

/** One row of the file: a leader or a department, told apart by `type`; cells of the other kind are refused. */
export const pairingRowSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject(
      {
        type: z.literal('leader'),
        code: leaderInput.shape.code,
        name: text(100),
        title: text(100).optional(),
        email: leaderInput.shape.email,
        phone: leaderInput.shape.phone,
        secretaryName: text(100).optional(),
        secretaryEmail: leaderInput.shape.secretaryEmail,
        community: leaderInput.shape.code,
        locale,
      },
      { error: (iss) => (iss.code === 'unrecognized_keys' ? 'Not used on a leader row: leave it empty' : undefined) },
    ),
    z.strictObject(
      {
        type: z.literal('department'),
        code: departmentInput.shape.code,
        name: text(100),
        contactName: text(100),
        contactEmail: departmentInput.shape.contactEmail,
        community: departmentInput.shape.code,
        locale,
      },
      {
        error: (iss) => (iss.code === 'unrecognized_keys' ? 'Not used on a department row: leave it empty' : undefined),
      },
    ),
  ],
  {
    error: (iss) => (iss.code === 'invalid_union' ? 'Type must be leader (领导) or department (部门)' : undefined),
  },
);

export function pairingImportRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post('/', ...rawFileUpload, async (req: Request, res: Response) => {
    const { type, data } = uploadedFile(req, res);
    try {
      res.json(await importPairings(deps, caller(res), { data, ...type, rowSchema: pairingRowSchema }));
    } catch (err) {
      if (!(err instanceof ImportRejected)) throw err;
      res.status(400).json(rejection(err));
    }
  });

  return router;
}
