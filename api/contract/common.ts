/**
 * What every area of the contract shares: the list and page query fields, the roles, the
 * error codes and error bodies, the import rejection, and the scalar shapes of the responses
 * (dates are ISO strings `2026-11-28T01:00:00.000Z`, calendar days `YYYY-MM-DD`, Asia/Shanghai).
 */
import { z } from 'zod';
import { component } from './types';
import { ERROR_CODES, type ErrorStatus } from './codes';
import { UNIT_LEVELS } from '../../domain/org';

export { ERROR_CODES, type ErrorStatus, ROLES } from './codes';

export const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const listQuery = z.object({
  ...page,
  level: z.enum(UNIT_LEVELS).optional(),
  streetId: z.string().optional(),
  parentId: z.string().optional(),
});

export const instant = z.iso.datetime().describe('ISO 8601 instant (UTC)');
export const localDate = z.iso.date().describe('Calendar date YYYY-MM-DD (Asia/Shanghai)');
export const id = z.uuid();
export const count = z.number().int().min(0);
export const level = z.enum(UNIT_LEVELS);
export const locale = z.enum(['zh-CN', 'en']);
export const pageFields = { total: count, limit: z.number().int().min(1), offset: count };

// --- Errors ----------------------------------------------------------------------------------

function errorObject<C extends readonly [string, ...string[]]>(codes: C) {
  return z.object({
    code: z.enum(codes).describe('Stable, machine-readable error code'),
    message: z.string().describe('For people: zh-CN and/or English'),
    field: z
      .string()
      .optional()
      .describe('The invalid field: a body path (`invitees.0.email`), `query.limit`, `path.level` or a header name'),
  });
}

/** `{error: {code, message, field?}}` with the codes of one status (components Error400, Error401, …). */
export const errorBodies = {} as Record<ErrorStatus, z.ZodType>;
for (const status of Object.keys(ERROR_CODES).map(Number) as ErrorStatus[]) {
  errorBodies[status] = component(`Error${status}`, z.object({ error: errorObject(ERROR_CODES[status]) }));
}

/** Any error body (every code). */
export const errorBody = component(
  'Error',
  z.object({
    error: errorObject(Object.values(ERROR_CODES).flat() as unknown as readonly [string, ...string[]]),
  }),
);

export const rowProblem = z.object({
  row: z.number().int().min(1).describe('Spreadsheet row, the header is row 1'),
  column: z.string().describe('The column header as written in the file'),
  message: z.string().describe('zh-CN / English'),
});

/** 400 of the import: nothing was written; `rows` lists each row's problems (at most 1000). */
export const importRejection = component(
  'ImportRejection',
  z.object({
    error: z.object({ code: z.literal('import_rejected'), message: z.string(), field: z.literal('file') }),
    rows: z.array(rowProblem),
  }),
);

/** Path parameter of every /api/units/{unitRef}… operation. */
export const unitRef = {
  unitRef: {
    schema: z.string().min(1).max(200),
    description: '单位 id（UUID）或编码 / The unit’s id (UUID) or code',
    example: 'bihai',
  },
};
export const pageQuery = listQuery.pick({ limit: true, offset: true });
