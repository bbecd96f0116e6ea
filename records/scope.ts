/** Who may read and write which unit: the caller, and the scope queries over the organisation tree. */
import type { PrismaClient, Role, Unit } from '@prisma/client';

/** The logged-in user an act is done for. */
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
  /** member: the in-service Party member they are (their own service card) */
  servingMemberId?: string | null;
}

/** The audit trail's "who" of an act done for a caller: `<role>:<username>`. */
export const actorOf = (c: Pick<Caller, 'role' | 'username'>): string => `${c.role}:${c.username}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a reference to a unit, leader or campaign is a record id (else it is a code). */
export const isRecordId = (ref: string): boolean => UUID.test(ref);

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
