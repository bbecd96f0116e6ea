/**
 * The audit trail: every write, who, what, when, before and after. An act writes its rows in its
 * own transaction with the time of the one clock; supervisors and admins read them, newest first.
 */
import { Prisma, type AuditEvent, type PrismaClient } from '@prisma/client';

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

/** Write one row of the trail (in the act's transaction). */
export async function writeAudit(tx: Db, row: AuditRow): Promise<void> {
  await tx.auditEvent.create({ data: row });
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
}

/**
 * A page of the trail, newest first. Rows of one instant (a simulated clock stands still; one act
 * writes several rows) come newest written first: the trail is only ever appended to, so the
 * rows' physical order is the order they were written in.
 */
export async function listAuditEvents(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  f: AuditFilter,
): Promise<{ items: AuditEvent[]; total: number }> {
  const conditions = [
    f.entity !== undefined ? Prisma.sql`entity = ${f.entity}` : null,
    f.entityId !== undefined ? Prisma.sql`"entityId" = ${f.entityId}` : null,
    f.actor !== undefined ? Prisma.sql`actor = ${f.actor}` : null,
    f.action !== undefined ? Prisma.sql`action = ${f.action}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const [items, counted] = await Promise.all([
    prisma.$queryRaw<AuditEvent[]>`
      SELECT id, at, actor, action, entity, "entityId", before, after FROM "AuditEvent" ${where}
      ORDER BY at DESC, ctid DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "AuditEvent" ${where}`,
  ]);
  return { items: items.map((e) => ({ ...e, at: new Date(e.at) })), total: counted[0]?.total ?? 0 };
}
