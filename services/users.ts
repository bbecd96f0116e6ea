/**
 * The acts on users and API keys: one's own password, and the admin's users (create, disable /
 * enable, temporary password) and API keys (create, revoke). Each change and its audit row are
 * one write (records/users.ts); every timestamp comes from the one clock.
 */
import { actorOf, type Caller } from '../records/scope';
import type { Role, User } from '@prisma/client';
import { hashPassword, newApiKey, verifyPassword } from '../infra/auth';
import {
  activeDepartment,
  activeLeader,
  activeUnit,
  apiKeyOf,
  insertApiKey,
  insertUser,
  listUsers,
  revokeApiKey as revokeApiKeyRow,
  updateUser,
  userById,
  userByUsername,
} from '../records/users';
import { activeServingMember } from '../records/serving-members';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

type Deps = Pick<ServiceDeps, 'prisma' | 'clock'>;

/** The audit trail's "who". */

/** The caller's own user. */
export async function me(deps: Pick<ServiceDeps, 'prisma'>, caller: Caller): Promise<User> {
  const user = await userById(deps.prisma, caller.id);
  if (!user) throw ServiceError.notFound(`User ${caller.id}`);
  return user;
}

/** Every user, by username. */
export function users(deps: Pick<ServiceDeps, 'prisma'>): Promise<User[]> {
  return listUsers(deps.prisma);
}

/** A user by id, for the admin's acts on users. */
async function findUser(deps: Pick<ServiceDeps, 'prisma'>, id: string): Promise<User> {
  const user = await userById(deps.prisma, id);
  if (!user) throw ServiceError.notFound(`User ${id}`);
  return user;
}

/**
 * Change one's own password (the current one required). Every session of the user ends (the
 * token version rises): the caller signs a new token for this one with the user answered.
 */
export async function changeOwnPassword(
  deps: Deps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
): Promise<User> {
  const user = await me(deps, caller);
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw ServiceError.badRequest('currentPassword', '当前密码不正确 / The current password is wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return updateUser(
    deps.prisma,
    user.id,
    { passwordHash, mustChangePassword: false, tokenVersion: { increment: 1 } },
    {
      actor: actorOf(caller),
      action: 'user.password.change',
      at: deps.clock(),
      before: { mustChangePassword: user.mustChangePassword, tokenVersion: user.tokenVersion },
      after: { mustChangePassword: false, tokenVersion: user.tokenVersion + 1 },
    },
  );
}

/** Disable (sessions and API keys stop at once) or enable a user. An admin cannot disable themself. */
export async function setUserDisabled(
  deps: Deps,
  caller: Caller,
  input: { userId: string; disabled: boolean },
): Promise<User> {
  const user = await findUser(deps, input.userId);
  if (input.disabled && user.id === caller.id) {
    throw ServiceError.badRequest('id', '不能停用自己的账号 / You cannot disable your own account');
  }
  const disabledAt = input.disabled ? (user.disabledAt ?? deps.clock()) : null;
  return updateUser(
    deps.prisma,
    user.id,
    // Disabling ends every session: tokens issued before carry the old version.
    { disabledAt, ...(input.disabled ? { tokenVersion: { increment: 1 } } : {}) },
    {
      actor: actorOf(caller),
      action: input.disabled ? 'user.disable' : 'user.enable',
      at: deps.clock(),
      before: { disabled: !!user.disabledAt },
      after: { disabled: !!disabledAt },
    },
  );
}

/** An admin sets a temporary password: every session ends; it must be changed at the next login. */
export async function setTemporaryPassword(
  deps: Deps,
  caller: Caller,
  input: { userId: string; temporaryPassword: string },
): Promise<User> {
  const user = await findUser(deps, input.userId);
  if (user.id === caller.id) {
    throw ServiceError.badRequest(
      'id',
      '请用 POST /api/me/password 修改自己的密码 / Change your own password with POST /api/me/password',
    );
  }
  const passwordHash = await hashPassword(input.temporaryPassword);
  return updateUser(
    deps.prisma,
    user.id,
    { passwordHash, mustChangePassword: true, tokenVersion: { increment: 1 } },
    {
      actor: actorOf(caller),
      action: 'user.password.reset',
      at: deps.clock(),
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true },
    },
  );
}

export interface NewUser {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  unitId?: string;
  /** leader: the leader this user is (their unit becomes the paired community). */
  leaderId?: string;
  /** department: the department this user acts for. */
  departmentId?: string;
  /** member: the in-service Party member this user is. */
  servingMemberId?: string;
}

/** What a new user acts for is consistent with their role and exists; a leader's unit is filled in. */
async function checkActsFor(deps: Pick<ServiceDeps, 'prisma'>, input: NewUser): Promise<NewUser> {
  const u = { ...input };
  if (u.leaderId) {
    // A leader's user acts for that leader: their unit is the paired community.
    if (u.role !== 'leader') throw ServiceError.badRequest('leaderId', 'Only a leader acts for a leader');
    const leader = await activeLeader(deps.prisma, u.leaderId);
    if (!leader) throw ServiceError.badRequest('leaderId', `Leader ${u.leaderId} does not exist`);
    u.unitId ??= leader.communityId;
    if (u.unitId !== leader.communityId)
      throw ServiceError.badRequest('unitId', "A leader's unit is their paired community");
  }
  if (u.departmentId) {
    if (u.role !== 'department')
      throw ServiceError.badRequest('departmentId', 'Only a department user acts for a department');
    if (!(await activeDepartment(deps.prisma, u.departmentId)))
      throw ServiceError.badRequest('departmentId', `Department ${u.departmentId} does not exist`);
  }
  if (u.servingMemberId || u.role === 'member') {
    if (u.role !== 'member')
      throw ServiceError.badRequest('servingMemberId', 'Only a member user is an in-service Party member');
    const member = u.servingMemberId ? await activeServingMember(deps.prisma, u.servingMemberId) : null;
    if (!member)
      throw ServiceError.badRequest('servingMemberId', `Member ${u.servingMemberId ?? '(none)'} does not exist`);
    u.unitId ??= member.communityId;
  }
  if ((u.role === 'convener' || u.role === 'leader') && !u.unitId) {
    throw ServiceError.badRequest('unitId', `A ${u.role} needs the unit they act for`);
  }
  if (u.unitId) {
    const unit = await activeUnit(deps.prisma, u.unitId);
    if (!unit) throw ServiceError.badRequest('unitId', `Unit ${u.unitId} does not exist`);
    if (u.role === 'leader' && unit.level !== 'community')
      throw ServiceError.badRequest('unitId', 'A leader is paired with a community');
  }
  return u;
}

/** A new user (audited); the username must be free. */
export async function createUser(deps: Deps, caller: Caller, input: NewUser): Promise<User> {
  const checked = await checkActsFor(deps, input);
  if (await userByUsername(deps.prisma, checked.username)) {
    throw ServiceError.conflict('username_taken', `Username ${checked.username} is taken`, 'username');
  }
  const { password, ...rest } = checked;
  const passwordHash = password ? await hashPassword(password) : null;
  return insertUser(deps.prisma, { ...rest, passwordHash }, actorOf(caller), deps.clock());
}

/** A new API key for a user (machine clients): the key is answered once, only its digest kept. */
export async function createApiKey(
  deps: Deps,
  caller: Caller,
  input: { userId: string },
): Promise<{ id: string; prefix: string; key: string }> {
  const user = await findUser(deps, input.userId);
  const { key, prefix, hash } = newApiKey();
  const row = await insertApiKey(deps.prisma, { userId: user.id, prefix, hash }, actorOf(caller), deps.clock());
  return { id: row.id, prefix, key };
}

/** Revoke a user's API key (audited); it stops working at once. */
export async function revokeApiKey(deps: Deps, caller: Caller, input: { userId: string; keyId: string }) {
  const row = await apiKeyOf(deps.prisma, input.userId, input.keyId);
  if (!row) throw ServiceError.notFound(`API key ${input.keyId}`);
  await revokeApiKeyRow(deps.prisma, row.id, actorOf(caller), deps.clock());
}
