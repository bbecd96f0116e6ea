/**
 * Bulk import of units from a spreadsheet: POST /api/units/import with the file as the body.
 *
 * - `Content-Type: text/csv` (`; charset=gbk` and the like are honoured; without one UTF-8, BOM
 *   optional, or GBK/GB18030 is detected from the bytes) or
 *   `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first sheet); any other
 *   type → 415. At most 20 MB (413) and 50,000 data rows. Columns: see domain/org-import.ts.
 * - All or nothing: every row is checked, then the units are registered in one transaction,
 *   then their meeting obligations are started.
 * - Accepted → 200 `{created, unchanged, total}`. The same file again is harmless (created 0)
 *   and restarts any obligation that is not running.
 * - Rejected → 400 `{error: {code: 'import_rejected', message, field: 'file'}, rows: [{row, column, message}]}`
 *   (row: spreadsheet row, header = 1; column: the header as written in the file); nothing written.
 * - With `Accept: application/x-ndjson` the answer is 200 and a stream of progress lines, the
 *   last of which is the outcome: `{"phase":"received","bytes"}`, `{"phase":"validated","total"}`,
 *   `{"phase":"registering","total"}` (repeated while it lasts), `{"phase":"registered","created","unchanged","total"}`,
 *   `{"phase":"obligations","done","total"}`…, then `{"phase":"done","created","unchanged","total"}`,
 *   `{"phase":"rejected","error","rows"}` or `{"phase":"error","error"}`.
 *
 * The route is mounted ahead of the Idempotency-Key middleware (which cannot see a raw body):
 * an import is idempotent by itself.
 */
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import { bilingual, type ImportFormat, ImportRejected, MAX_IMPORT_BYTES } from '../../domain/org-import';
import { knownEncoding } from '../../domain/text-encoding';
import { actorOf, allow } from '../auth';
import { ApiError } from '../errors';
import { unitFields } from '../contract/units';
import { type ApiDeps } from '../deps';
import { type ImportProgress, type ImportRejection, importUnits } from '../../services/org-import';

export type { ImportProgress, ImportRejection, ImportSummary } from '../../services/org-import';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NDJSON_TYPE = 'application/x-ndjson';

/** One row of the file, as the registry takes it. */
export const importRowSchema = z
  .object({ ...unitFields, parentCode: unitFields.code.optional() })
  .superRefine((row, ctx) => {
    // Text with NUL (U+0000) cannot be stored: that cell is the row's problem.
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'string' && value.includes('\u0000')) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: '文本不得包含 NUL 字符 / Text must not contain NUL (U+0000)',
        });
      }
    }
  });

/** Rows listed in a rejection; the message gives the full count. */
const MAX_REPORTED_PROBLEMS = 1000;

/** The file format named by a Content-Type header, or a 415. */
export function importFormatOf(contentType: string | undefined): { format: ImportFormat; charset?: string } {
  const [type = '', ...params] = (contentType ?? '').split(';').map((s) => s.trim());
  const mime = type.toLowerCase();
  const unsupported = (why: string) =>
    new ApiError(
      415,
      'unsupported_media_type',
      bilingual(
        `${why}：请以 Content-Type ${CSV_TYPE} 或 ${XLSX_TYPE} 上传文件`,
        `${why}: send the file as ${CSV_TYPE} or ${XLSX_TYPE}`,
      ),
      'Content-Type',
    );
  if (mime === XLSX_TYPE) return { format: 'xlsx' };
  if (mime !== CSV_TYPE && mime !== 'application/csv') throw unsupported(mime || 'No Content-Type');
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((c) => c !== undefined)
    ?.toLowerCase();
  if (charset && !knownEncoding(charset)) throw unsupported(`Unknown charset ${charset}`);
  return { format: 'csv', ...(charset ? { charset } : {}) };
}

/** An admin's raw CSV or XLSX body: its format from Content-Type, then the bytes. */
export const rawFileUpload: RequestHandler[] = [
  allow('admin'),
  (req, res, next) => {
    res.locals.importType = importFormatOf(req.get('Content-Type'));
    next();
  },
  express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
];

/** The file uploaded through `rawFileUpload`. */
export function uploadedFile(req: Request, res: Response): { type: ReturnType<typeof importFormatOf>; data: Buffer } {
  const type = res.locals.importType as ReturnType<typeof importFormatOf>;
  return { type, data: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
}

export function importsRouter(deps: ApiDeps): Router {
  const { log } = deps;
  const router = Router();

  /** The import act (services/org-import.ts): register, start the obligations, ensure the communities' campaigns. */
  async function runImport(req: Request, res: Response, emit: (p: ImportProgress) => void) {
    const { type, data } = uploadedFile(req, res);
    const actor = actorOf(res);
    const file = { data, format: type.format, charset: type.charset, rowSchema: importRowSchema };
    return importUnits(deps, { actor }, file, emit);
  }

  router.post('/', ...rawFileUpload, async (req: Request, res: Response) => {
    if (req.accepts(['application/json', NDJSON_TYPE]) !== NDJSON_TYPE) {
      try {
        res.json(await runImport(req, res, () => undefined));
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        res.status(400).json(rejection(err));
      }
      return;
    }

    // Progress as NDJSON: once streaming the status is 200 and the last line is the outcome.
    res.status(200).type(NDJSON_TYPE).set({ 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    const emit = (p: ImportProgress) => {
      if (!res.writableEnded) res.write(JSON.stringify(p) + '\n');
    };
    try {
      emit({ phase: 'done', ...(await runImport(req, res, emit)) });
    } catch (err) {
      if (err instanceof ImportRejected) emit({ phase: 'rejected', ...rejection(err) });
      else {
        if (!(err instanceof ApiError)) log.error('Import failed', err);
        const e = err instanceof ApiError ? err : new ApiError(500, 'internal', 'Internal error');
        emit({ phase: 'error', error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } });
      }
    }
    res.end();
  });

  return router;
}

/** The 400 body of a rejected file: the problems by row and column (the first 1,000). */
export function rejection(err: ImportRejected): ImportRejection {
  const shown = err.problems.slice(0, MAX_REPORTED_PROBLEMS);
  const more =
    err.problems.length > shown.length
      ? bilingual(`（仅列出前 ${shown.length} 处）`, `(the first ${shown.length} are listed)`)
      : '';
  return {
    error: { code: 'import_rejected', message: more ? `${err.message} ${more}` : err.message, field: 'file' },
    rows: shown,
  };
}
