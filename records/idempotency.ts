/** The Idempotency-Key claims: one row per (caller, key), claimed before the request runs, then holding its answer. */
import type { PrismaClient } from '@prisma/client';
import { isUniqueViolation } from './errors';

/** statusCode of a claim whose request is still running. */
export const IN_PROGRESS = 0;

/** Claim a key (an insert only one request can win): false when it is claimed already. */
export async function claimKey(
  prisma: PrismaClient,
  claim: { key: string; method: string; path: string; requestHash: string; at: Date },
): Promise<boolean> {
  try {
    await prisma.idempotencyRecord.create({
      data: {
        key: claim.key,
        method: claim.method,
        path: claim.path,
        requestHash: claim.requestHash,
        statusCode: IN_PROGRESS,
        responseBody: {},
        createdAt: claim.at,
      },
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export function findClaim(prisma: PrismaClient, key: string) {
  return prisma.idempotencyRecord.findUnique({ where: { key } });
}

/** Take over a dead claim (only one taker wins the update). */
export async function takeOverClaim(prisma: PrismaClient, key: string, claimedAt: Date, at: Date): Promise<boolean> {
  const taken = await prisma.idempotencyRecord.updateMany({
    where: { key, statusCode: IN_PROGRESS, createdAt: claimedAt },
    data: { createdAt: at },
  });
  return taken.count === 1;
}

/** The request succeeded: its answer is kept for the repeats. */
export async function storeAnswer(prisma: PrismaClient, key: string, statusCode: number, body: unknown): Promise<void> {
  await prisma.idempotencyRecord.update({ where: { key }, data: { statusCode, responseBody: body as object } });
}

/** The request failed: its claim goes, so it may be retried. */
export async function dropClaim(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.idempotencyRecord.deleteMany({ where: { key, statusCode: IN_PROGRESS } });
}
