/** The liaison office's questions of the meeting cadence: units overdue now, compliance per level per period. */
import { Prisma, type PrismaClient } from '@prisma/client';

export interface OverdueFilter {
  level?: string;
  streetId?: string;
  limit: number;
  offset: number;
}

export interface OverdueUnitRow {
  id: string;
  code: string;
  name: string;
  level: string;
  streetId: string | null;
  convenerName: string;
  convenerEmail: string;
  periodKey: string;
  dueAt: Date;
  meetingsHeld: number;
}

/** Units whose most recently closed period is overdue (and not corrected since). */
export async function overdueUnits(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  q: OverdueFilter,
): Promise<{ rows: OverdueUnitRow[]; total: number }> {
  const filters = Prisma.sql`
      l.status = 'overdue' AND u."removedAt" IS NULL
      ${q.level ? Prisma.sql`AND u.level::text = ${q.level}` : Prisma.empty}
      ${q.streetId ? Prisma.sql`AND u."streetId" = ${q.streetId}` : Prisma.empty}`;
  const latest = Prisma.sql`
      SELECT DISTINCT ON ("unitId") "unitId", "periodKey", status, "dueAt", "meetingsHeld", "closedAt"
      FROM "PeriodOutcome" WHERE obligation LIKE 'meeting-cadence:%'
      ORDER BY "unitId", "dueAt" DESC`;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<OverdueUnitRow[]>`
        WITH latest AS (${latest})
        SELECT u.id, u.code, u.name, u.level::text AS level, u."streetId", u."convenerName", u."convenerEmail",
               l."periodKey", l."dueAt", l."meetingsHeld"
        FROM latest l JOIN "Unit" u ON u.id = l."unitId"
        WHERE ${filters}
        ORDER BY l."dueAt", u.code
        LIMIT ${q.limit} OFFSET ${q.offset}`,
    prisma.$queryRaw<{ total: number }[]>`
        WITH latest AS (${latest})
        SELECT count(*)::int AS total FROM latest l JOIN "Unit" u ON u.id = l."unitId" WHERE ${filters}`,
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}

export interface ComplianceFilter {
  period?: string;
  year?: string | number;
  level?: string;
  limit: number;
  offset: number;
}

/** Compliance per level per period: closed periods met versus overdue. */
export function complianceRows(prisma: Pick<PrismaClient, '$queryRaw'>, q: ComplianceFilter) {
  return prisma.$queryRaw<{ level: string; periodKey: string; total: number; met: number; overdue: number }[]>`
      SELECT u.level::text AS level, p."periodKey",
             count(*)::int AS total,
             count(*) FILTER (WHERE p.status = 'met')::int AS met,
             count(*) FILTER (WHERE p.status = 'overdue')::int AS overdue
      FROM "PeriodOutcome" p JOIN "Unit" u ON u.id = p."unitId"
      WHERE p.obligation LIKE 'meeting-cadence:%'
        ${q.period ? Prisma.sql`AND p."periodKey" = ${q.period}` : Prisma.empty}
        ${q.year ? Prisma.sql`AND p."periodKey" LIKE ${`${q.year}%`}` : Prisma.empty}
        ${q.level ? Prisma.sql`AND u.level::text = ${q.level}` : Prisma.empty}
      GROUP BY u.level, p."periodKey"
      ORDER BY p."periodKey", u.level
      LIMIT ${q.limit} OFFSET ${q.offset}`;
}
