/**
 * Access control. Authentication: a signed login token (`Authorization: Bearer …`) or an API
 * key (`X-API-Key: …`). Authorization at three depths:
 * - function: `allow(...roles)` on a route;
 * - object: a unit outside the caller's scope is not found (404), never shown;
 * - property: each role's input schema carries only the fields it may set.
 */
import type { PrismaClient, Role, Unit, User } from '@prisma/client';
import { type RequestHandler, type Response, Router } from 'express';
import { digestApiKey, hashPassword, newApiKey, signToken, verifyPassword, verifyToken } from '../infra/auth';
import type { ApiDeps } from './app';
import { ApiError, parseInput } from './errors';
import { loginInput, userInput } from './schemas';

export interface Caller {
  id: string;
  username: string;
  role: Role;
  /** convener: their unit; leader: their paired community */
  unitId: string | null;
  /** leader: the leader they are */
  leaderId: string | null;
  /** department: the department they act for */
  departmentId: string | null;
}

export function caller(res: Response): Caller {
  const c = res.locals.caller as Caller | undefined;
  if (!c) throw new ApiError(401, 'unauthenticated', 'Log in first (Authorization: Bearer <token>) or send X-API-Key');
  return c;
}

/** The audit trail's "who". */
export function actorOf(res: Response): string {
  const c = caller(res);
  return `${c.role}:${c.username}`;
}

const asCaller = (u: User): Caller => ({
  id: u.id,
  username: u.username,
  role: u.role,
  unitId: u.unitId,
  leaderId: u.leaderId,
  departmentId: u.departmentId,
});

export function authenticate({ prisma, auth, clock }: ApiDeps): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const apiKey = req.get('x-api-key');
    const find = async (): Promise<User | null> => {
      if (bearer) {
        const claims = verifyToken(bearer, auth.tokenSecret, clock().getTime());
        return claims ? prisma.user.findUnique({ where: { id: claims.sub } }) : null;
      }
      if (apiKey) {
        const key = await prisma.apiKey.findUnique({ where: { hash: digestApiKey(apiKey) }, include: { user: true } });
        if (!key || key.revokedAt) return null;
        void prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: clock() } }).catch(() => undefined);
        return key.user;
      }
      return null;
    };
    find()
      .then((user) => {
        if (!user || user.disabledAt) {
          const message =
            bearer || apiKey
              ? 'The token or API key is not valid (expired, revoked or unknown)'
              : 'Log in first (Authorization: Bearer <token>) or send X-API-Key';
          throw new ApiError(401, 'unauthenticated', message);
        }
        res.locals.caller = asCaller(user);
        next();
      })
      .catch(next);
  };
}

/** Function-level authorization: only these roles may call the route. */
export function allow(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const c = caller(res);
    next(roles.includes(c.role) ? undefined : new ApiError(403, 'forbidden', `A ${c.role} may not do this`));
  };
}

// --- Object scope -------------------------------------------------------------------------

/** All units at or below a unit. */
async function subtreeOf(prisma: PrismaClient, rootId: string): Promise<Set<string>> {
  const all = new Set([rootId]);
  let frontier = [rootId];
  while (frontier.length) {
    const children = await prisma.unit.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !all.has(id));
    for (const id of frontier) all.add(id);
  }
  return all;
}

/** The units a caller may read: every unit, or a set. */
export async function readableUnitIds(prisma: PrismaClient, c: Caller): Promise<'all' | Set<string>> {
  if (c.role === 'admin' || c.role === 'supervisor') return 'all';
  if ((c.role === 'convener' || c.role === 'leader') && c.unitId) return subtreeOf(prisma, c.unitId);
  return new Set();
}

/** Whether a caller may read a unit: it is theirs or lies under theirs. */
export async function canRead(prisma: PrismaClient, c: Caller, unit: Unit): Promise<boolean> {
  if (c.role === 'admin' || c.role === 'supervisor') return true;
  if (!(c.role === 'convener' || c.role === 'leader') || !c.unitId) return false;
  let current: { id: string; parentId: string | null } | null = unit;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.id === c.unitId) return true;
    current = current.parentId
      ? await prisma.unit.findUnique({ where: { id: current.parentId }, select: { id: true, parentId: true } })
      : null;
  }
  return false;
}

/** Whether a caller may write a unit's record (meetings, plans): admins, and its own convener. */
export function canWrite(c: Caller, unit: Unit): boolean {
  return c.role === 'admin' || (c.role === 'convener' && c.unitId === unit.id);
}

// --- Login, me, users, API keys -----------------------------------------------------------

/** A small fixed-window limiter of failed logins, per client address and per username. */
class LoginLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  retryAfter(keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
      this.failures.set(key, recent);
      if (recent.length >= this.max) wait = Math.max(wait, recent[0]! + this.windowMs - now);
    }
    return Math.ceil(wait / 1000);
  }
  fail(keys: string[], now: number): void {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }
  reset(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}

function userView(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    leaderId: u.leaderId,
    departmentId: u.departmentId,
    disabled: !!u.disabledAt,
  };
}

/** Routes that need no login: POST /auth/login. */
export function loginRouter({ prisma, auth, clock }: ApiDeps): Router {
  const router = Router();
  const limiter = new LoginLimiter(5, 15 * 60_000);
  // A hash to verify against when the user does not exist, so both cases take as long.
  const decoy = hashPassword('decoy password that matches nothing');

  router.post('/auth/login', async (req, res) => {
    const input = parseInput(loginInput, req.body);
    const now = clock().getTime();
    const keys = [`ip:${req.ip ?? '?'}`, `user:${input.username}`];
    const wait = limiter.retryAfter(keys, now);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw new ApiError(429, 'rate_limited', `Too many failed logins: try again in ${wait} s`);
    }
    const user = await prisma.user.findUnique({ where: { username: input.username } });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
    if (!user || !user.passwordHash || user.disabledAt || !ok) {
      limiter.fail(keys, now);
      throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
    }
    limiter.reset(keys);
    const { token, expiresAt } = signToken(user.id, auth.tokenSecret, auth.tokenTtlSeconds, now);
    res.json({ token, expiresAt: expiresAt.toISOString(), user: userView(user) });
  });

  return router;
}

/** Routes for the logged-in: /me, and the admin's users and API keys. */
export function usersRouter({ prisma }: ApiDeps): Router {
  const router = Router();

  router.get('/me', async (_req, res) => {
    res.json(userView(await prisma.user.findUniqueOrThrow({ where: { id: caller(res).id } })));
  });

  router.get('/users', allow('admin'), async (_req, res) => {
    res.json({ items: (await prisma.user.findMany({ orderBy: { username: 'asc' } })).map(userView) });
  });

  router.post('/users', allow('admin'), async (req, res) => {
    const input = parseInput(userInput, req.body);
    if (input.leaderId) {
      // A leader's user acts for that leader: their unit is the paired community.
      if (input.role !== 'leader') throw ApiError.badRequest('leaderId', 'Only a leader acts for a leader');
      const leader = await prisma.leader.findFirst({ where: { id: input.leaderId, removedAt: null } });
      if (!leader) throw ApiError.badRequest('leaderId', `Leader ${input.leaderId} does not exist`);
      input.unitId ??= leader.communityId;
      if (input.unitId !== leader.communityId)
        throw ApiError.badRequest('unitId', "A leader's unit is their paired community");
    }
    if (input.departmentId) {
      if (input.role !== 'department')
        throw ApiError.badRequest('departmentId', 'Only a department user acts for a department');
      const department = await prisma.department.findFirst({ where: { id: input.departmentId, removedAt: null } });
      if (!department) throw ApiError.badRequest('departmentId', `Department ${input.departmentId} does not exist`);
    }
    if ((input.role === 'convener' || input.role === 'leader') && !input.unitId) {
      throw ApiError.badRequest('unitId', `A ${input.role} needs the unit they act for`);
    }
    if (input.unitId) {
      const unit = await prisma.unit.findFirst({ where: { id: input.unitId, removedAt: null } });
      if (!unit) throw ApiError.badRequest('unitId', `Unit ${input.unitId} does not exist`);
      if (input.role === 'leader' && unit.level !== 'community')
        throw ApiError.badRequest('unitId', 'A leader is paired with a community');
    }
    if (await prisma.user.findUnique({ where: { username: input.username } })) {
      throw ApiError.conflict('username_taken', `Username ${input.username} is taken`, 'username');
    }
    const { password, ...rest } = input;
    const user = await prisma.user.create({
      data: { ...rest, passwordHash: password ? await hashPassword(password) : null },
    });
    await prisma.auditEvent.create({
      data: { actor: actorOf(res), action: 'user.create', entity: 'user', entityId: user.id, after: userView(user) },
    });
    res.status(201).json(userView(user));
  });

  /** A new API key for a user (machine clients): the key is shown once. */
  router.post('/users/:id/api-keys', allow('admin'), async (req, res) => {
    const user = await prisma.user.findUnique({ where: { id: String(req.params.id) } });
    if (!user) throw ApiError.notFound(`User ${String(req.params.id)}`);
    const { key, prefix, hash } = newApiKey();
    const row = await prisma.apiKey.create({ data: { userId: user.id, prefix, hash } });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: 'apikey.create',
        entity: 'apiKey',
        entityId: row.id,
        after: { userId: user.id, prefix },
      },
    });
    res.status(201).json({ id: row.id, prefix, key });
  });

  router.delete('/users/:id/api-keys/:keyId', allow('admin'), async (req, res) => {
    const row = await prisma.apiKey.findFirst({
      where: { id: String(req.params.keyId), userId: String(req.params.id) },
    });
    if (!row) throw ApiError.notFound(`API key ${String(req.params.keyId)}`);
    await prisma.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: 'apikey.revoke',
        entity: 'apiKey',
        entityId: row.id,
        before: { revokedAt: null },
      },
    });
    res.status(204).end();
  });

  return router;
}
