/**
 * Access control. Authentication: a signed login token (`Authorization: Bearer …`) or an API
 * key (`X-API-Key: …`). Authorization at three depths:
 * - function: `allow(...roles)` on a route;
 * - object: a unit outside the caller's scope is not found (404), never shown;
 * - property: each role's input schema carries only the fields it may set.
 */
import { actorOf as actorOfCaller, type Caller } from '../records/scope';
import type { Role, User } from '@prisma/client';
import { type RequestHandler, type Response, Router } from 'express';
import { digestApiKey, hashPassword, signToken, verifyPassword, verifyToken } from '../infra/auth';
import { userView } from './views/access';
import { ApiError, parseInput } from './errors';
import { createLoginThrottle } from '../records/login-throttle';
import { loginInput } from './contract/access';
import { type ApiDeps } from './deps';

export function caller(res: Response): Caller {
  const c = res.locals.caller as Caller | undefined;
  if (!c) throw new ApiError(401, 'unauthenticated', 'Log in first (Authorization: Bearer <token>) or send X-API-Key');
  return c;
}

/** The audit trail's "who". */
export function actorOf(res: Response): string {
  return actorOfCaller(caller(res));
}

const asCaller = (u: User): Caller => ({
  id: u.id,
  username: u.username,
  role: u.role,
  unitId: u.unitId,
  leaderId: u.leaderId,
  departmentId: u.departmentId,
  servingMemberId: u.servingMemberId,
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

// --- Login (me, users and API keys: api/routes/users.ts) -----------------------------------------------------------

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
