/**
 * The audit trail: every write, who, what, when, before and after. An act writes its rows in its
 * own transaction with the time of the one clock; supervisors and admins read them, newest first.
 */
import type { AuditEvent, Prisma, PrismaClient } from '@prisma/client';

type Db = Pick<PrismaClient, 'auditEvent'>;

export interface AuditRow {
  /** From the one clock (deps.clock()). */
  at: Date;
  /** `<role>:<username>`, or `rule` for what the rules did. */
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Write one row of the trail (in the act's transaction). One entity's trail is strictly ordered:
 * a row whose instant is not later than that entity's last row (a simulated clock stands still;
 * one act writes several rows) is stamped 1 ms after it.
 */
export async function writeAudit(tx: Db, row: AuditRow): Promise<void> {
  const last = await tx.auditEvent.findFirst({
    where: { entity: row.entity, entityId: row.entityId },
    orderBy: { at: 'desc' },
    select: { at: true },
  });
  const at = last && last.at.getTime() >= row.at.getTime() ? new Date(last.at.getTime() + 1) : row.at;
  await tx.auditEvent.create({ data: { ...row, at } });
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
}

/** A page of the trail, newest first. */
export async function listAuditEvents(prisma: Db, f: AuditFilter): Promise<{ items: AuditEvent[]; total: number }> {
  const where = {
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: f.limit, skip: f.offset }),
    prisma.auditEvent.count({ where }),
  ]);
  return { items, total };
}
