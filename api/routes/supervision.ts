/**
 * The liaison office (联络办公室): its members (supervisors) and their questions — which
 * units are overdue now, and the compliance rate per level per period.
 */
import { Router } from 'express';
import { Prisma } from '@prisma/client';
import { actorOf, allow, caller } from '../auth';
import { DEFAULT_WEBHOOK_POLICY, maskWebhookUrl, webhookUrlProblem } from '../../domain/webhook-policy';
import { ApiError, parseInput } from '../errors';
import { complianceQuery, overdueQuery, supervisorInput } from '../contract/supervision';
import { type ApiDeps } from '../deps';

export function supervisionRouter({ prisma, webhookPolicy = DEFAULT_WEBHOOK_POLICY }: ApiDeps): Router {
  const router = Router();

  router.get('/supervisors', allow('admin', 'supervisor'), async (_req, res) => {
    const items = await prisma.supervisor.findMany({ where: { active: true }, orderBy: { email: 'asc' } });
    // A robot's key is a credential: admins only see it whole.
    const admin = caller(res).role === 'admin';
    res.json({ items: items.map((s) => (admin ? s : { ...s, webhookUrl: maskWebhookUrl(s.webhookUrl) })) });
  });

  /** Add a member of the liaison office; repeating it with the same email updates the member. */
  router.post('/supervisors', allow('admin'), async (req, res) => {
    const input = parseInput(supervisorInput, req.body);
    const webhookProblem = input.webhookUrl && webhookUrlProblem(input.webhookUrl, webhookPolicy);
    if (webhookProblem) throw ApiError.badRequest('webhookUrl', webhookProblem);
    const existing = await prisma.supervisor.findUnique({ where: { email: input.email } });
    const saved = await prisma.supervisor.upsert({
      where: { email: input.email },
      create: input,
      update: { ...input, active: true },
    });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: existing ? 'supervisor.update' : 'supervisor.create',
        entity: 'supervisor',
        entityId: saved.id,
        before: existing ?? undefined,
        after: input,
      },
    });
    res.status(existing ? 200 : 201).json(saved);
  });

  router.delete('/supervisors/:id', allow('admin'), async (req, res) => {
    const found = await prisma.supervisor.findUnique({ where: { id: String(req.params.id) } });
    if (!found) throw ApiError.notFound(`Supervisor ${String(req.params.id)}`);
    await prisma.supervisor.update({ where: { id: found.id }, data: { active: false } });
    await prisma.auditEvent.create({
      data: {
        actor: actorOf(res),
        action: 'supervisor.remove',
        entity: 'supervisor',
        entityId: found.id,
        before: { active: true },
        after: { active: false },
      },
    });
    res.status(204).end();
  });

  /** Units whose most recently closed period is overdue (and not corrected since). */
  router.get('/supervision/overdue', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(overdueQuery, req.query, 'query');
    const filters = Prisma.sql`
      l.status = 'overdue' AND u."removedAt" IS NULL
      ${q.level ? Prisma.sql`AND u.level::text = ${q.level}` : Prisma.empty}
      ${q.streetId ? Prisma.sql`AND u."streetId" = ${q.streetId}` : Prisma.empty}`;
    const latest = Prisma.sql`
      SELECT DISTINCT ON ("unitId") "unitId", "periodKey", status, "dueAt", "meetingsHeld", "closedAt"
      FROM "PeriodOutcome" WHERE obligation LIKE 'meeting-cadence:%'
      ORDER BY "unitId", "dueAt" DESC`;
    const [rows, counted] = await Promise.all([
      prisma.$queryRaw<
        {
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
        }[]
      >`
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
    res.json({
      items: rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt).toISOString() })),
      total: counted[0]?.total ?? 0,
      limit: q.limit,
      offset: q.offset,
    });
  });

  /** Compliance per level per period: closed periods met versus overdue. */
  router.get('/supervision/compliance', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(complianceQuery, req.query, 'query');
    const rows = await prisma.$queryRaw<
      { level: string; periodKey: string; total: number; met: number; overdue: number }[]
    >`
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
    res.json({
      items: rows.map((r) => ({ ...r, rate: r.total ? Math.round((r.met / r.total) * 1000) / 1000 : null })),
      limit: q.limit,
      offset: q.offset,
    });
  });

  return router;
}
