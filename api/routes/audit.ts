/** The audit trail: every write, who, what, when, before and after. Supervisors and admins read it. */
import { Router } from 'express';
import { allow } from '../auth';
import { parseInput } from '../errors';
import { auditQuery } from '../contract/audit';
import { listAuditEvents } from '../../records/audit-trail';
import { type ApiDeps } from '../deps';

export function auditRouter({ prisma }: ApiDeps): Router {
  const router = Router();

  router.get('/audit', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(auditQuery, req.query, 'query');
    const { items, total } = await listAuditEvents(prisma, q);
    res.json({ items: items.map((e) => ({ ...e, at: e.at.toISOString() })), total, limit: q.limit, offset: q.offset });
  });

  return router;
}
