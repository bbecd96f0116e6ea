/** The audit trail: every write, who, what, when, before and after. Supervisors and admins read it. */
import { Router } from 'express';
import { allow } from '../auth';
import { parseInput } from '../errors';
import { auditQuery } from '../contract/audit';
import { type ApiDeps } from '../deps';

export function auditRouter({ prisma }: ApiDeps): Router {
  const router = Router();

  router.get('/audit', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(auditQuery, req.query, 'query');
    const where = {
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
    };
    const [items, total] = await Promise.all([
      prisma.auditEvent.findMany({ where, orderBy: { at: 'desc' }, take: q.limit, skip: q.offset }),
      prisma.auditEvent.count({ where }),
    ]);
    res.json({ items: items.map((e) => ({ ...e, at: e.at.toISOString() })), total, limit: q.limit, offset: q.offset });
  });

  return router;
}
