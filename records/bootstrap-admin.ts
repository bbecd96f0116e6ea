/** The first admin's rows: whether there are users yet, and the admin with its audit row. */
import type { PrismaClient } from '@prisma/client';

export async function hasUsers(prisma: Pick<PrismaClient, 'user'>): Promise<boolean> {
  return (await prisma.user.count()) > 0;
}

/** The bootstrap admin and its `user.create` audit row (actor `system`), both stamped `at`. */
export async function createBootstrapAdmin(
  prisma: Pick<PrismaClient, 'user' | 'auditEvent'>,
  admin: { username: string; passwordHash: string; at: Date },
): Promise<void> {
  const user = await prisma.user.create({
    data: {
      username: admin.username,
      displayName: '系统管理员 / Administrator',
      role: 'admin',
      passwordHash: admin.passwordHash,
      createdAt: admin.at,
    },
  });
  await prisma.auditEvent.create({
    data: {
      at: admin.at,
      actor: 'system',
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      after: { username: admin.username, role: 'admin' },
    },
  });
}
