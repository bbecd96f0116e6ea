/** Routes for the logged-in: /me, and the admin's users and API keys. Thin routes over services/users.ts. */
import { Router } from 'express';
import { signToken } from '../../infra/auth';
import { allow, caller } from '../auth';
import { parseInput } from '../errors';
import { userInput } from '../contract/access';
import { passwordChangeInput, temporaryPasswordInput } from '../contract/users';
import { userView } from '../views/access';
import {
  changeOwnPassword,
  createApiKey,
  createUser,
  me,
  revokeApiKey,
  setTemporaryPassword,
  setUserDisabled,
  users,
} from '../../services/users';
import { type ApiDeps } from '../deps';

/** The caller's own user and password. */
function meRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/me', async (_req, res) => {
    res.json(userView(await me(deps, caller(res))));
  });

  /**
   * Change one's own password (the current one required). Every session of the user ends (the
   * token version rises); the answer carries a new token for this one.
   */
  router.post('/me/password', async (req, res) => {
    const input = parseInput(passwordChangeInput, req.body);
    const updated = await changeOwnPassword(deps, caller(res), input);
    const { tokenSecret, tokenTtlSeconds } = deps.auth;
    const now = deps.clock().getTime();
    const { token, expiresAt } = signToken(updated.id, tokenSecret, tokenTtlSeconds, now, updated.tokenVersion);
    res.json({ token, expiresAt: expiresAt.toISOString(), user: userView(updated) });
  });

  return router;
}

/** The admin's users: list, create, disable / enable, temporary password. */
function adminUsersRouter(deps: ApiDeps): Router {
  const router = Router();

  /** Disable (sessions and API keys stop at once) or enable a user. */
  for (const action of ['disable', 'enable'] as const) {
    router.post(`/users/:id/${action}`, allow('admin'), async (req, res) => {
      const input = { userId: String(req.params.id), disabled: action === 'disable' };
      res.json(userView(await setUserDisabled(deps, caller(res), input)));
    });
  }

  /** An admin sets a temporary password: every session ends; it must be changed at the next login. */
  router.post('/users/:id/temporary-password', allow('admin'), async (req, res) => {
    const { temporaryPassword } = parseInput(temporaryPasswordInput, req.body);
    const input = { userId: String(req.params.id), temporaryPassword };
    res.json(userView(await setTemporaryPassword(deps, caller(res), input)));
  });

  router.get('/users', allow('admin'), async (_req, res) => {
    res.json({ items: (await users(deps)).map(userView) });
  });

  router.post('/users', allow('admin'), async (req, res) => {
    const input = parseInput(userInput, req.body);
    res.status(201).json(userView(await createUser(deps, caller(res), input)));
  });

  return router;
}

/** The admin's API keys of a user: create (shown once), revoke. */
function apiKeysRouter(deps: ApiDeps): Router {
  const router = Router();

  /** A new API key for a user (machine clients): the key is shown once. */
  router.post('/users/:id/api-keys', allow('admin'), async (req, res) => {
    res.status(201).json(await createApiKey(deps, caller(res), { userId: String(req.params.id) }));
  });

  router.delete('/users/:id/api-keys/:keyId', allow('admin'), async (req, res) => {
    await revokeApiKey(deps, caller(res), { userId: String(req.params.id), keyId: String(req.params.keyId) });
    res.status(204).end();
  });

  return router;
}

/** Routes for the logged-in: /me, and the admin's users and API keys. */
export function usersRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(meRouter(deps));
  router.use(adminUsersRouter(deps));
  router.use(apiKeysRouter(deps));
  return router;
}
