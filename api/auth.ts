/**
 * Access control. Authentication: a signed login token (`Authorization: Bearer …`) or an API
 * key (`X-API-Key: …`). Authorization at three depths:
 * - function: `allow(...roles)` on a route;
 * - object: a unit outside the caller's scope is not found (404), never shown;
 * - property: each role's input schema carries only the fields it may set.
 */
import type { Role, User } from '@prisma/client';
import { type RequestHandler, type Response, Router } from 'express';
import { digestApiKey, hashPassword, newApiKey, signToken, verifyPassword, verifyToken } from '../infra/auth';
import { userView } from './views/access';
import { ApiError, parseInput } from './errors';
import { createLoginThrottle } from '../records/login-throttle';
import type { Caller } from '../records/scope';
import { loginInput, userInput } from './contract/access';
import { passwordChangeInput, temporaryPasswordInput } from './contract/users';
import { type ApiDeps } from './deps';

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

/** What a user with a temporary password may still do. */
const MAY_CALL_BEFORE_CHANGE = new Set(['GET /me', 'POST /me/password', 'GET /ui-config']);

export function authenticate({ prisma, auth, clock }: ApiDeps): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const apiKey = req.get('x-api-key');
    const find = async (): Promise<User | null> => {
      if (bearer) {
        const claims = verifyToken(bearer, auth.tokenSecret, clock().getTime());
        if (!claims) return null;
        const user = await prisma.user.findUnique({ where: { id: claims.sub } });
        // A token issued before the user was disabled or changed their password is void.
        return user && (claims.ver ?? 0) === user.tokenVersion ? user : null;
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
        // A temporary password (set by an admin) must be changed before anything else.
        if (user.mustChangePassword && !MAY_CALL_BEFORE_CHANGE.has(`${req.method} ${req.path}`)) {
          throw new ApiError(
            403,
            'password_change_required',
            '请先修改临时密码 / Change your temporary password first (POST /api/me/password)',
          );
        }
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

// --- Login, me, users, API keys -----------------------------------------------------------

/** Routes that need no login: POST /auth/login. */
export function loginRouter({ prisma, auth, clock, loginThrottle }: ApiDeps): Router {
  const router = Router();
  const throttle = loginThrottle ?? createLoginThrottle(prisma);
  // A hash to verify against when the user does not exist, so both cases take as long.
  const decoy = hashPassword('decoy password that matches nothing');

  router.post('/auth/login', async (req, res) => {
    const input = parseInput(loginInput, req.body);
    const address = req.ip ?? '?';
    // Counted before the password is verified, atomically, per (username, address).
    const wait = await throttle.attempt(input.username, address);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw new ApiError(
        429,
        'rate_limited',
        `登录失败次数过多，请 ${wait} 秒后再试 / Too many failed logins: try again in ${wait} s`,
      );
    }
    const user = await prisma.user.findUnique({ where: { username: input.username } });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
    if (!user || !user.passwordHash || user.disabledAt || !ok) {
      throw new ApiError(401, 'invalid_credentials', '用户名或密码错误 / Wrong username or password');
    }
    await throttle.succeeded(input.username, address);
    const { token, expiresAt } = signToken(
      user.id,
      auth.tokenSecret,
      auth.tokenTtlSeconds,
      now(clock),
      user.tokenVersion,
    );
    res.json({ token, expiresAt: expiresAt.toISOString(), user: userView(user) });
  });

  return router;
}

const now = (clock: () => Date) => clock().getTime();

/** Routes for the logged-in: /me, and the admin's users and API keys. */
export function usersRouter({ prisma, auth, clock }: ApiDeps): Router {
  const router = Router();

  router.get('/me', async (_req, res) => {
    res.json(userView(await prisma.user.findUniqueOrThrow({ where: { id: caller(res).id } })));
  });

  /**
   * Change one's own password (the current one required). Every session of the user ends (the
   * token version rises); the answer carries a new token for this one.
   */
  router.post('/me/password', async (req, res) => {
    const input = parseInput(passwordChangeInput, req.body);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: caller(res).id } });
    if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw ApiError.badRequest('currentPassword', '当前密码不正确 / The current password is wrong');
    }
    const passwordHash = await hashPassword(input.newPassword);
    const [updated] = await prisma.$transaction([
      prisma.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, tokenVersion: { increment: 1 } },
      }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'user.password.change',
          entity: 'user',
          entityId: user.id,
          before: { mustChangePassword: user.mustChangePassword, tokenVersion: user.tokenVersion },
          after: { mustChangePassword: false, tokenVersion: user.tokenVersion + 1 },
        },
      }),
    ]);
    const { token, expiresAt } = signToken(
      updated.id,
      auth.tokenSecret,
      auth.tokenTtlSeconds,
      clock().getTime(),
      updated.tokenVersion,
    );
    res.json({ token, expiresAt: expiresAt.toISOString(), user: userView(updated) });
  });

  /** A user by id, for the admin's off-boarding routes. */
  async function findUser(id: string): Promise<User> {
    const user = await prisma.user.findUnique({ where: { id } });
    if (!user) throw ApiError.notFound(`User ${id}`);
    return user;
  }

  /** Disable (sessions and API keys stop at once) or enable a user. */
  for (const action of ['disable', 'enable'] as const) {
    router.post(`/users/:id/${action}`, allow('admin'), async (req, res) => {
      const user = await findUser(String(req.params.id));
      if (action === 'disable' && user.id === caller(res).id) {
        throw ApiError.badRequest('id', '不能停用自己的账号 / You cannot disable your own account');
      }
      const disabledAt = action === 'disable' ? (user.disabledAt ?? clock()) : null;
      const [updated] = await prisma.$transaction([
        prisma.user.update({
          where: { id: user.id },
          // Disabling ends every session: tokens issued before carry the old version.
          data: { disabledAt, ...(action === 'disable' ? { tokenVersion: { increment: 1 } } : {}) },
        }),
        prisma.auditEvent.create({
          data: {
            actor: actorOf(res),
            action: `user.${action}`,
            entity: 'user',
            entityId: user.id,
            before: { disabled: !!user.disabledAt },
            after: { disabled: !!disabledAt },
          },
        }),
      ]);
      res.json(userView(updated));
    });
  }

  /** An admin sets a temporary password: every session ends; it must be changed at the next login. */
  router.post('/users/:id/temporary-password', allow('admin'), async (req, res) => {
    const input = parseInput(temporaryPasswordInput, req.body);
    const user = await findUser(String(req.params.id));
    if (user.id === caller(res).id) {
      throw ApiError.badRequest(
        'id',
        '请用 POST /api/me/password 修改自己的密码 / Change your own password with POST /api/me/password',
      );
    }
    const passwordHash = await hashPassword(input.temporaryPassword);
    const [updated] = await prisma.$transaction([
      prisma.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: true, tokenVersion: { increment: 1 } },
      }),
      prisma.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'user.password.reset',
          entity: 'user',
          entityId: user.id,
          before: { mustChangePassword: user.mustChangePassword },
          after: { mustChangePassword: true },
        },
      }),
    ]);
    res.json(userView(updated));
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
