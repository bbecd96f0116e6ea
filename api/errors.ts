/** The one error type of the API and its one Express error handler. */
import type { ErrorRequestHandler } from 'express';
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

export function errorHandler(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: ApiError;
    if (err instanceof ApiError) e = err;
    else if (err instanceof SyntaxError && 'body' in err)
      e = ApiError.badRequest('body', 'Request body is not valid JSON');
    else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      e = ApiError.conflict('duplicate', 'A record with the same key already exists');
    } else if (typeof err === 'object' && err && 'type' in err && err.type === 'entity.too.large') {
      e = new ApiError(413, 'payload_too_large', 'Request body is too large', 'body');
    } else {
      log('Unhandled error', err);
      e = new ApiError(500, 'internal', 'Internal error');
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
    res.status(e.status).json(body);
  };
}
