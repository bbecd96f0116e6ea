/**
 * Failed-login throttling, per (username, client address), in the database (rate-limiter-flexible's
 * Prisma store: one atomic upsert-increment per attempt, shared by every API process).
 *
 * - An attempt is counted before the password is verified, atomically: of many parallel guesses
 *   at most `maxFailures` are verified, the others are refused.
 * - After `maxFailures` attempts without success the pair is locked: 15 minutes the first time,
 *   doubling with each further lockout within a day (exponential back-off, at most a day).
 * - Only that pair is locked: the same user from another address, and other users from the same
 *   address, are not affected. A correct password clears only its own pair's counters.
 */
import type { PrismaClient } from '@prisma/client';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottleOptions {
  maxFailures: number;
  /** First lockout, seconds; each further lockout within `strikeWindowSeconds` doubles it. */
  lockSeconds: number;
  maxLockSeconds: number;
  strikeWindowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  maxFailures: 5,
  lockSeconds: 15 * 60,
  maxLockSeconds: 24 * 3600,
  strikeWindowSeconds: 24 * 3600,
};

export interface LoginThrottle {
  /** Count an attempt; 0 when it may be verified, else the seconds to wait. */
  attempt(username: string, address: string): Promise<number>;
  /** A correct password: this pair starts afresh. */
  succeeded(username: string, address: string): Promise<void>;
}

const pairKey = (username: string, address: string) => JSON.stringify([username.toLowerCase(), address]);

export function createLoginThrottle(
  prisma: PrismaClient,
  options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
): LoginThrottle {
  const attempts = new RateLimiterPrisma({
    storeClient: prisma,
    tableName: 'loginThrottle',
    keyPrefix: 'login',
    points: options.maxFailures,
    duration: options.lockSeconds,
  });
  const strikes = new RateLimiterPrisma({
    storeClient: prisma,
    tableName: 'loginThrottle',
    keyPrefix: 'lockouts',
    points: 1_000,
    duration: options.strikeWindowSeconds,
    clearExpiredByTimeout: false,
  });

  return {
    async attempt(username, address) {
      const key = pairKey(username, address);
      const res = await attempts.consume(key).catch((r: unknown) => {
        if (r instanceof RateLimiterRes) return r;
        throw r;
      });
      if (res.consumedPoints <= options.maxFailures) return 0;
      if (res.consumedPoints === options.maxFailures + 1) {
        // The attempt that crosses the line (exactly one, the count being atomic) sets the lock.
        const strike = await strikes.consume(key);
        const seconds = Math.min(options.lockSeconds * 2 ** (strike.consumedPoints - 1), options.maxLockSeconds);
        await attempts.block(key, seconds);
        return seconds;
      }
      return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    },
    async succeeded(username, address) {
      const key = pairKey(username, address);
      await Promise.all([attempts.delete(key), strikes.delete(key)]);
    },
  };
}
