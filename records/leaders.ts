/** The record of the city leaders (三进: each paired with one community): reads and changes. */
import { isRecordId } from './scope';
import { writeAudit } from './audit-trail';
import type { Leader, Prisma, PrismaClient, Unit } from '@prisma/client';

/** A leader not removed, by id or code, with their community. */
export function leaderByRef(prisma: PrismaClient, ref: string): Promise<(Leader & { community: Unit }) | null> {
  return prisma.leader.findFirst({
    where: isRecordId(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    include: { community: true },
  });
}

/** A unit not removed, by id (any level). */
export function liveUnitById(prisma: PrismaClient, id: string): Promise<Unit | null> {
  return prisma.unit.findFirst({ where: { id, removedAt: null } });
}

/** A community not removed, by code. */
export function communityByCode(prisma: PrismaClient, code: string): Promise<Unit | null> {
  return prisma.unit.findFirst({ where: { code, level: 'community', removedAt: null } });
}

/** A page of the leaders (not removed) within a scope, by code. */
export async function leaderPage(
  prisma: PrismaClient,
  scope: { leaderId?: string; communityIds?: 'all' | Set<string>; communityId?: string },
  page: { limit: number; offset: number },
): Promise<{ items: Leader[]; total: number }> {
  // The filter narrows the caller's scope, never widens it (both conditions hold).
  const where: Prisma.LeaderWhereInput = {
    removedAt: null,
    AND: [
      scope.leaderId !== undefined
        ? { id: scope.leaderId }
        : scope.communityIds === 'all' || !scope.communityIds
          ? {}
          : { communityId: { in: [...scope.communityIds] } },
      scope.communityId ? { communityId: scope.communityId } : {},
    ],
  };
  const [items, total] = await Promise.all([
    prisma.leader.findMany({ where, orderBy: { code: 'asc' }, take: page.limit, skip: page.offset }),
    prisma.leader.count({ where }),
  ]);
  return { items, total };
}

/** The leaders (not removed) paired with a community, by code. */
export function leadersOfCommunity(prisma: PrismaClient, communityId: string): Promise<Leader[]> {
  return prisma.leader.findMany({ where: { communityId, removedAt: null }, orderBy: { code: 'asc' } });
}

/**
 * Change a leader's details (and, paired with another community, the users acting for them follow:
 * their scope is the paired community), audited.
 */
export async function updateLeader(
  prisma: PrismaClient,
  leaderId: string,
  change: { before: Record<string, string | null>; after: Record<string, string | null> },
  by: { actor: string; now: Date },
): Promise<Leader> {
  const newCommunityId = change.after.communityId;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.leader.update({ where: { id: leaderId }, data: { ...change.after, updatedAt: by.now } });
    if (newCommunityId) await tx.user.updateMany({ where: { leaderId }, data: { unitId: newCommunityId } });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'leader.update',
      entity: 'leader',
      entityId: leaderId,
      before: change.before,
      after: change.after,
    });
    return updated;
  });
}

/** Remove a leader (kept in the record), audited. */
export async function removeLeader(
  prisma: PrismaClient,
  leaderId: string,
  by: { actor: string; now: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.leader.update({ where: { id: leaderId }, data: { removedAt: by.now, updatedAt: by.now } });
    await writeAudit(tx, {
      at: by.now,
      actor: by.actor,
      action: 'leader.remove',
      entity: 'leader',
      entityId: leaderId,
      after: { removedAt: by.now.toISOString() },
    });
  });
}
