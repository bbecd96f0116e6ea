/**
 * Idempotency-Key support for POST routes: a repeated request with the same key and the
 * same body gets the first response again, and nothing is written twice.
 *
 * The key is claimed before the route runs, atomically (an insert that only one request can
 * win): a twin arriving while the first is still running is answered 409 `in_progress`; after
 * it, the stored response. A failed request (not 2xx) releases its claim, so it may be retried.
 */
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { RequestHandler } from 'express';
import { caller } from './auth';
import { ApiError } from './errors';
import { claimKey, dropClaim, findClaim, IN_PROGRESS, storeAnswer, takeOverClaim } from '../records/idempotency';

/** A claim older than this is from a process that died mid-request: it may be taken over. */
const STALE_CLAIM_MS = 5 * 60_000;

/** A failed release (the database was down) is tried again this often, for this long. */
const RELEASE_RETRY_MS = 1_000;
const RELEASE_RETRY_FOR_MS = 2 * 60_000;

/**
 * Release a claim whose request failed. When the database is down (the request failed because of
 * it, typically) the release is tried again in the background until it is back, so a client's
 * retry is not answered `in_progress` until the claim goes stale.
 */
function releaseClaim(prisma: PrismaClient, key: string): Promise<void> {
  const started = Date.now();
  const attempt = (): Promise<void> =>
    dropClaim(prisma, key).catch(() => {
      if (Date.now() - started > RELEASE_RETRY_FOR_MS) return;
      setTimeout(() => void attempt(), RELEASE_RETRY_MS).unref();
    });
  return attempt();
}

export function idempotency(prisma: PrismaClient, clock: () => Date): RequestHandler {
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

    const claim = () => claimKey(prisma, { key, method: req.method, path: req.originalUrl, requestHash, at: clock() });

    const run = async (): Promise<void> => {
      let won = await claim();
      if (!won) {
        const found = await findClaim(prisma, key);
        if (!found) {
          won = await claim(); // released between the two: try once more
        } else if (found.requestHash !== requestHash) {
          throw new ApiError(
            422,
            'idempotency_key_reused',
            'Idempotency-Key was used with a different request',
            'Idempotency-Key',
          );
        } else if (found.statusCode !== IN_PROGRESS) {
          res.status(found.statusCode).json(found.responseBody);
          return;
        } else if (clock().getTime() - found.createdAt.getTime() > STALE_CLAIM_MS) {
          won = await takeOverClaim(prisma, key, found.createdAt, clock()); // a dead claim: only one taker wins
        }
        if (!won) {
          res.set('Retry-After', '1');
          throw ApiError.conflict(
            'in_progress',
            '相同 Idempotency-Key 的请求正在处理，请稍后重试 / A request with this Idempotency-Key is still being processed: retry shortly',
            'Idempotency-Key',
          );
        }
      }
      let settled = false;
      const release = () => {
        if (settled) return Promise.resolve();
        settled = true;
        return releaseClaim(prisma, key);
      };
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        if (!settled && res.statusCode >= 200 && res.statusCode < 300) {
          settled = true;
          storeAnswer(prisma, key, res.statusCode, body)
            .catch(() => undefined)
            .finally(() => json(body));
          return res;
        }
        void release().finally(() => json(body));
        return res;
      };
      // A response sent without a JSON body (204, a file, a closed connection): the claim is released.
      res.on('finish', () => void release());
      res.on('close', () => void release());
      next();
    };
    run().catch(next);
  };
}
