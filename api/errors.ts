/** The one error type of the API and its one Express error handler. */
import { ServiceError } from '../services/errors';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Prisma } from '@prisma/client';
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

/** Prisma codes for "the database cannot be reached / went away": P1001 can't reach, P1002 timed out
 *  reaching, P1008 operation timed out, P1017 server closed the connection, P2037 too many connections. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2037']);
/** The driver adapter's kinds for the same (@prisma/adapter-pg's mapping of socket errors). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors of node-postgres while the server is down or restarting. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** SQLSTATE: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash, cannot connect now), 53300. */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Cannot use a pool after calling end/i;

/**
 * Whether an error means PostgreSQL is unreachable (down, restarting, connections cut) rather
 * than a fault of the request or the code: Prisma's known codes, the driver adapter's error
 * (`meta.driverAdapterError`, `cause`), node-postgres socket and pool errors, anywhere in the chain.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e) || depth > 6) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const k of ['code', 'errorCode', 'originalCode']) {
      const v = o[k];
      if (typeof v !== 'string') continue;
      if (UNAVAILABLE_PRISMA_CODES.has(v) || UNAVAILABLE_ERRNOS.has(v) || UNAVAILABLE_SQLSTATE.test(v)) return true;
    }
    if (typeof o.kind === 'string' && UNAVAILABLE_KINDS.has(o.kind)) return true;
    for (const k of ['message', 'originalMessage']) {
      const v = o[k];
      if (typeof v === 'string' && UNAVAILABLE_MESSAGE.test(v)) return true;
    }
    const meta = o.meta as Record<string, unknown> | undefined;
    return [o.cause, meta?.driverAdapterError, ...(Array.isArray(o.errors) ? (o.errors as unknown[]) : [])].some((c) =>
      visit(c, depth + 1),
    );
  };
  return visit(err, 0);
}

/** Seconds a client should wait before retrying while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: ApiError;
    if (err instanceof ApiError) e = err;
    else if (err instanceof SyntaxError && 'body' in err)
      e = ApiError.badRequest('body', 'Request body is not valid JSON');
    else if (clientErrorOf(err)) e = clientErrorOf(err)!;
    else if (isNulRefusal(err)) e = ApiError.badRequest('body', NUL_MESSAGE);
    else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      e = ApiError.conflict('duplicate', 'A record with the same key already exists');
    } else if (isDatabaseUnavailable(err)) {
      // Not logged as an error per request: the outage is the news, not each call that met it.
      e = new ApiError(
        503,
        'database_unavailable',
        '数据库暂时不可用，请稍后重试 / The database is unavailable for the moment: retry shortly',
      );
      res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    } else {
      log('Unhandled error', err);
      e = new ApiError(500, 'internal', 'Internal error');
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    res.status(e.status).json(body);
  };
}
