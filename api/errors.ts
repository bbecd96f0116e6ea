/** The one error type of the API and its one Express error handler. */
import { isTemporalUnavailable, ServiceError } from '../services/errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDatabaseUnavailable, isUniqueViolation } from '../records/errors';
import { z } from 'zod';

/** The one error type (services/errors.ts): routes throw it as ApiError, acts as ServiceError. */
export const ApiError = ServiceError;
export type ApiError = ServiceError;

/** Validate a request part with zod; the first problem becomes a 400 naming its field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'body';
  throw ApiError.badRequest(field, issue.message);
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** Errors from Express and its body parser that carry their own 4xx status. */
function clientErrorOf(err: unknown): ApiError | undefined {
  if (typeof err !== 'object' || !err) return undefined;
  const { status, expose, type } = err as { status?: unknown; expose?: unknown; type?: unknown };
  const message = err instanceof Error ? err.message : undefined;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (type === 'entity.too.large') return new ApiError(413, 'payload_too_large', 'Request body is too large', 'body');
  if (status === 415) {
    const field = type === 'encoding.unsupported' ? 'Content-Encoding' : 'Content-Type';
    return new ApiError(415, 'unsupported_media_type', message ?? 'Unsupported media type', field);
  }
  if (typeof message === 'string' && message.startsWith('Failed to decode param')) {
    return ApiError.badRequest('path', 'The path is not valid percent-encoding');
  }
  if (expose === true && status === 400) return ApiError.badRequest('body', message ?? 'Bad request body');
  return undefined;
}

/** PostgreSQL refuses the NUL character (SQLSTATE 22021): the input is at fault, not the server. */
function isNulRefusal(err: unknown): boolean {
  return err instanceof Error && /22021|invalid byte sequence|\\u0000|0x00/.test(err.message);
}

const NUL = '\u0000';
/** A UTF-16 surrogate without its pair: not text, and PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** JSON bodies nest far less than this; deeper ones are refused before anything walks them. */
const MAX_DEPTH = 32;

const NUL_MESSAGE = '文本不得包含 NUL 字符 / Text must not contain NUL (U+0000)';
const SURROGATE_MESSAGE =
  '文本含有不成对的代理字符（无效 Unicode）/ Text contains a lone surrogate (not valid Unicode)';
const DEPTH_MESSAGE = `JSON 嵌套过深（最多 ${MAX_DEPTH} 层）/ JSON nested too deeply (at most ${MAX_DEPTH} levels)`;

const textProblem = (text: string): string | undefined =>
  text.includes(NUL) ? NUL_MESSAGE : LONE_SURROGATE.test(text) ? SURROGATE_MESSAGE : undefined;

/**
 * The first text a request cannot be stored with, in a query or JSON body — NUL, a lone
 * surrogate, or nesting deeper than MAX_DEPTH — as [field, message]. Iterative: a deeply nested
 * body cannot exhaust the stack.
 */
function badText(root: unknown): [string, string] | undefined {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length) {
    const [value, at, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return [at, problem];
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      // Named by its top-level field (a path 32 levels long helps nobody).
      if (depth >= MAX_DEPTH) return [Array.isArray(root) ? '' : at.split('.')[0]!, DEPTH_MESSAGE];
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [k, v] of entries.reverse()) {
        const problem = textProblem(k);
        if (problem) return [at, problem];
        stack.push([v, at ? `${at}.${k}` : k, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Text that cannot be stored (NUL, lone surrogates) or a body nested too deeply: 400 naming the field. */
export const rejectNul: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(ApiError.badRequest('path', 'The path is not valid percent-encoding'));
  }
  const pathProblem = textProblem(path);
  if (pathProblem) return next(ApiError.badRequest('path', pathProblem));
  const found = badText(req.query) ?? badText(req.body);
  next(found ? ApiError.badRequest(found[0] || 'body', found[1]) : undefined);
};

/** Seconds a client should wait before retrying while the database or Temporal is unavailable. */
const RETRY_AFTER_SECONDS = 5;

export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: ApiError;
    if (err instanceof ApiError) e = err;
    else if (err instanceof SyntaxError && 'body' in err)
      e = ApiError.badRequest('body', 'Request body is not valid JSON');
    else if (clientErrorOf(err)) e = clientErrorOf(err)!;
    else if (isNulRefusal(err)) e = ApiError.badRequest('body', NUL_MESSAGE);
    else if (isUniqueViolation(err)) {
      e = ApiError.conflict('duplicate', 'A record with the same key already exists');
    } else if (isDatabaseUnavailable(err)) {
      // Not logged as an error per request: the outage is the news, not each call that met it.
      e = new ApiError(
        503,
        'database_unavailable',
        '数据库暂时不可用，请稍后重试 / The database is unavailable for the moment: retry shortly',
      );
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    } else if (isTemporalUnavailable(err)) {
      // What was recorded stays recorded; the reconciliation at the next start, or the client's
      // retry (the same Idempotency-Key), tells the workflow.
      log('Temporal unavailable', err);
      e = new ApiError(
        503,
        'temporal_unavailable',
        '工作流服务暂时不可用，请稍后重试 / The workflow service is unavailable for the moment: retry shortly',
      );
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    } else {
      log('Unhandled error', err);
      e = new ApiError(500, 'internal', 'Internal error');
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    res.status(e.status).json(body);
  };
}
