/** Paired departments' attendance at the community joint meetings: the pairings and meetings it is counted over. */
import type { PrismaClient } from '@prisma/client';

/** The pairings in force (department and community not removed) within a scope, narrowed by the filters. */
export function pairingsForAttendance(
  prisma: PrismaClient,
  scope: { departmentId?: string; communityIds: 'all' | Set<string> },
  filter: { communityId?: string; departmentId?: string },
) {
  return prisma.departmentPairing.findMany({
    where: {
      endedAt: null,
      department: { removedAt: null },
      community: { removedAt: null },
      // The filters narrow the caller's scope, never widen it (every condition holds).
      AND: [
        scope.departmentId !== undefined
          ? { departmentId: scope.departmentId }
          : scope.communityIds === 'all'
            ? {}
            : { communityId: { in: [...scope.communityIds] } },
        filter.communityId ? { communityId: filter.communityId } : {},
        filter.departmentId ? { departmentId: filter.departmentId } : {},
      ],
    },
    include: { department: true, community: true },
  });
}

/** The meetings of these communities, by date held (then recorded), with their attendees. */
export function meetingsOfCommunities(prisma: PrismaClient, communityIds: string[]) {
  return prisma.meeting.findMany({
    where: { unitId: { in: communityIds } },
    orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
    select: { unitId: true, heldOn: true, attendees: true },
  });
}
