/**
 * Users and their API keys in the record (services/users.ts): reads, and each change written
 * together with its audit row.
 */
import type { ApiKey, Prisma, PrismaClient, Role, User } from '@prisma/client';

/** What the audit trail keeps of a created user: the fields the API shows (no password hash). */
export function userAuditView(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    leaderId: u.leaderId,
    departmentId: u.departmentId,
    servingMemberId: u.servingMemberId,
    disabled: !!u.disabledAt,
    mustChangePassword: u.mustChangePassword,
  };
}

export interface AuditOf {
  actor: string;
  action: string;
  at: Date;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export function userById(prisma: PrismaClient, id: string): Promise<User | null> {
  return prisma.user.findUnique({ where: { id } });
}

export function userByUsername(prisma: PrismaClient, username: string): Promise<User | null> {
  return prisma.user.findUnique({ where: { username } });
}

/** Every user, by username. */
export function listUsers(prisma: PrismaClient): Promise<User[]> {
  return prisma.user.findMany({ orderBy: { username: 'asc' } });
}

/** A leader, department or unit that exists (not removed), for a new user to act for. */
export function activeLeader(prisma: PrismaClient, id: string) {
  return prisma.leader.findFirst({ where: { id, removedAt: null } });
}
export function activeDepartment(prisma: PrismaClient, id: string) {
  return prisma.department.findFirst({ where: { id, removedAt: null } });
}
export function activeUnit(prisma: PrismaClient, id: string) {
  return prisma.unit.findFirst({ where: { id, removedAt: null } });
}

/** Change a user (password, disabled, token version …) and write the audit row, in one transaction. */
export async function updateUser(
  prisma: PrismaClient,
  userId: string,
  data: Prisma.UserUpdateInput,
  audit: AuditOf,
): Promise<User> {
  const [updated] = await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data }),
    prisma.auditEvent.create({ data: { ...audit, entity: 'user', entityId: userId } }),
  ]);
  return updated;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  leaderId?: string;
  departmentId?: string;
  servingMemberId?: string;
  passwordHash: string | null;
}

/** A new user and its audit row (`user.create`, after: the user as shown), in one transaction. */
export function insertUser(prisma: PrismaClient, row: NewUserRow, actor: string, at: Date): Promise<User> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...row, createdAt: at } });
    await tx.auditEvent.create({
      data: { at, actor, action: 'user.create', entity: 'user', entityId: user.id, after: userAuditView(user) },
    });
    return user;
  });
}

/** A new API key of a user (only its digest is kept) and its audit row, in one transaction. */
export function insertApiKey(
  prisma: PrismaClient,
  key: { userId: string; prefix: string; hash: string },
  actor: string,
  at: Date,
): Promise<ApiKey> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.apiKey.create({ data: { ...key, createdAt: at } });
    await tx.auditEvent.create({
      data: {
        at,
        actor,
        action: 'apikey.create',
        entity: 'apiKey',
        entityId: row.id,
        after: { userId: key.userId, prefix: key.prefix },
      },
    });
    return row;
  });
}

/** A user's API key. */
export function apiKeyOf(prisma: PrismaClient, userId: string, keyId: string): Promise<ApiKey | null> {
  return prisma.apiKey.findFirst({ where: { id: keyId, userId } });
}

/** Revoke an API key at `at`, with its audit row, in one transaction. */
export async function revokeApiKey(prisma: PrismaClient, keyId: string, actor: string, at: Date): Promise<void> {
  await prisma.$transaction([
    prisma.apiKey.update({ where: { id: keyId }, data: { revokedAt: at } }),
    prisma.auditEvent.create({
      data: { at, actor, action: 'apikey.revoke', entity: 'apiKey', entityId: keyId, before: { revokedAt: null } },
    }),
  ]);
}
