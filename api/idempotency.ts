/**
 * Idempotency-Key support for POST routes: a repeated request with the same key and the
 * same body gets the first response again, and nothing is written twice.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { RequestHandler } from 'express';
import { caller } from './auth';
import { ApiError } from './errors';

export function idempotency(prisma: PrismaClient): RequestHandler {
  return (req, res, next) => {
    const given = req.get('Idempotency-Key');
    // A new API key is shown once and only its digest kept: its response is never stored.
    if (req.method !== 'POST' || !given || /\/api-keys\/?$/.test(req.path)) return next();
    // Keys are the caller's own: another user's key never replays someone else's response.
    const key = `${caller(res).id}:${given}`;
    if (given.length > 200) return next(ApiError.badRequest('Idempotency-Key', 'At most 200 characters'));
    const requestHash = createHash('sha256')
      .update(JSON.stringify([req.method, req.originalUrl, req.body ?? null]))
      .digest('hex');
    prisma.idempotencyRecord
      .findUnique({ where: { key } })
      .then((found) => {
        if (found) {
          if (found.requestHash !== requestHash) {
            throw new ApiError(
              422,
              'idempotency_key_reused',
              'Idempotency-Key was used with a different request',
              'Idempotency-Key',
            );
          }
          res.status(found.statusCode).json(found.responseBody);
          return;
        }
        const json = res.json.bind(res);
        res.json = (body: unknown) => {
          if (res.statusCode >= 200 && res.statusCode < 300) {
            prisma.idempotencyRecord
              .create({
                data: {
                  key,
                  method: req.method,
                  path: req.originalUrl,
                  requestHash,
                  statusCode: res.statusCode,
                  responseBody: body as object,
                },
              })
              .catch(() => undefined) // a concurrent twin stored it first
              .finally(() => json(body));
            return res;
          }
          return json(body);
        };
        next();
      })
      .catch(next);
  };
}
