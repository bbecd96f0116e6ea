/** The one error type of the API and its one Express error handler. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Prisma } from '@prisma/client';
import { z } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static badRequest(field: string, message: string): ApiError {
    return new ApiError(400, 'invalid_input', message, field);
  }
  static notFound(what: string): ApiError {
    return new ApiError(404, 'not_found', `${what} not found`);
  }
  static conflict(code: string, message: string, field?: string): ApiError {
    return new ApiError(409, code, message, field);
  }
}

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

/** The first place a NUL character hides in a request: path, query or JSON body. */
function nulField(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? at : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulField(v, `${at}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes(NUL)) return at;
      const found = nulField(v, at ? `${at}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/** Text containing NUL (U+0000) cannot be stored: refuse it up front, naming the field. */
export const rejectNul: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(ApiError.badRequest('path', 'The path is not valid percent-encoding'));
  }
  const field = path.includes(NUL) ? 'path' : (nulField(req.query, '') ?? nulField(req.body, ''));
  next(
    field !== undefined
      ? ApiError.badRequest(field || 'body', '文本不得包含 NUL 字符 / Text must not contain NUL (U+0000)')
      : undefined,
  );
};

export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: ApiError;
    if (err instanceof ApiError) e = err;
    else if (err instanceof SyntaxError && 'body' in err)
      e = ApiError.badRequest('body', 'Request body is not valid JSON');
    else if (clientErrorOf(err)) e = clientErrorOf(err)!;
    else if (isNulRefusal(err))
      e = ApiError.badRequest('body', '文本不得包含 NUL 字符 / Text must not contain NUL (U+0000)');
    else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      e = ApiError.conflict('duplicate', 'A record with the same key already exists');
    } else {
      log('Unhandled error', err);
      e = new ApiError(500, 'internal', 'Internal error');
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    res.status(e.status).json(body);
  };
}
