/** Test callers: a user of any role, and a supertest agent that sends their token. */
import { randomUUID } from 'node:crypto';
import type { PrismaClient, Role } from '@prisma/client';
import type { Express } from 'express';
import request from 'supertest';
import { signToken } from '../../infra/auth';

export const TEST_AUTH = { tokenSecret: 'test-token-secret-that-is-long-enough-0123456789', tokenTtlSeconds: 3600 };

export type Agent = ReturnType<typeof request.agent>;

/** The Authorization header of a new user of this role (and unit, for conveners and leaders). */
export async function authHeaderFor(
  prisma: PrismaClient,
  role: Role,
  unitId?: string,
  /** For an API on simulated time: when the token is issued and how long it lives. */
  at: { nowMs: number; ttlSeconds: number } = { nowMs: Date.now(), ttlSeconds: TEST_AUTH.tokenTtlSeconds },
): Promise<{ Authorization: string }> {
  const user = await prisma.user.create({
    data: { username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role, role, unitId },
  });
  const { token } = signToken(user.id, TEST_AUTH.tokenSecret, at.ttlSeconds, at.nowMs);
  return { Authorization: `Bearer ${token}` };
}

/** A supertest agent acting as a new user of this role. */
export async function agentFor(
  app: Express,
  prisma: PrismaClient,
  role: Role,
  unitId?: string,
  at?: { nowMs: number; ttlSeconds: number },
): Promise<Agent> {
  return request.agent(app).set(await authHeaderFor(prisma, role, unitId, at));
}
