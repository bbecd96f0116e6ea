/** What a workflow about a unit is indexed by (its search attributes and memo): the unit's code, level, street and name. */
import type { PrismaClient } from '@prisma/client';
import type { UnitIndex } from '../domain/search-attributes';

export type IndexedUnit = UnitIndex & { unitId: string; unitName: string };

/** The index of these units (code, level, their street's code, name), by unit id. */
export async function unitIndexes(prisma: PrismaClient, unitIds: readonly string[]): Promise<Map<string, IndexedUnit>> {
  const units = await prisma.unit.findMany({
    where: { id: { in: [...new Set(unitIds)] } },
    select: { id: true, code: true, name: true, level: true, streetId: true },
  });
  const streetIds = [...new Set(units.flatMap((u) => (u.streetId ? [u.streetId] : [])))];
  const streets = new Map(
    (await prisma.unit.findMany({ where: { id: { in: streetIds } }, select: { id: true, code: true } })).map((s) => [
      s.id,
      s.code,
    ]),
  );
  return new Map(
    units.map((u) => [
      u.id,
      {
        unitId: u.id,
        unitCode: u.code,
        unitName: u.name,
        unitLevel: u.level,
        streetCode: u.streetId ? (streets.get(u.streetId) ?? null) : null,
      },
    ]),
  );
}

export async function unitIndex(prisma: PrismaClient, unitId: string): Promise<IndexedUnit | null> {
  return (await unitIndexes(prisma, [unitId])).get(unitId) ?? null;
}

/** A leader's visit workflow is indexed by their community; its memo names the leader. */
export async function leadersIndexed(
  prisma: PrismaClient,
  leaderIds: readonly string[],
): Promise<Map<string, { leaderName: string; unit: IndexedUnit | null }>> {
  const leaders = await prisma.leader.findMany({
    where: { id: { in: [...leaderIds] } },
    select: { id: true, name: true, communityId: true },
  });
  const units = await unitIndexes(
    prisma,
    leaders.map((l) => l.communityId),
  );
  return new Map(leaders.map((l) => [l.id, { leaderName: l.name, unit: units.get(l.communityId) ?? null }]));
}

/** An escalation's workflow is indexed by the unit that raised the item; its memo names the item. */
export async function itemIndexed(
  prisma: PrismaClient,
  itemId: string,
): Promise<{ itemTitle: string; unit: IndexedUnit | null } | null> {
  const item = await prisma.agendaItem.findUnique({ where: { id: itemId }, select: { unitId: true, title: true } });
  return item ? { itemTitle: item.title, unit: await unitIndex(prisma, item.unitId) } : null;
}

/** A need claim's workflow is indexed by the need's community; its memo names the need. */
export async function claimsIndexed(
  prisma: PrismaClient,
  claimIds: readonly string[],
): Promise<Map<string, { needTitle: string; unit: IndexedUnit | null }>> {
  const claims = await prisma.needClaim.findMany({
    where: { id: { in: [...claimIds] } },
    select: { id: true, need: { select: { title: true, communityId: true } } },
  });
  const units = await unitIndexes(
    prisma,
    claims.map((c) => c.need.communityId),
  );
  return new Map(claims.map((c) => [c.id, { needTitle: c.need.title, unit: units.get(c.need.communityId) ?? null }]));
}

/** A serving member's participation workflow is indexed by their home community; its memo names the member. */
export async function servingMembersIndexed(
  prisma: PrismaClient,
  memberIds: readonly string[],
): Promise<Map<string, { memberName: string; unit: IndexedUnit | null }>> {
  const members = await prisma.servingMember.findMany({
    where: { id: { in: [...memberIds] } },
    select: { id: true, name: true, communityId: true },
  });
  const units = await unitIndexes(
    prisma,
    members.map((m) => m.communityId),
  );
  return new Map(members.map((m) => [m.id, { memberName: m.name, unit: units.get(m.communityId) ?? null }]));
}
