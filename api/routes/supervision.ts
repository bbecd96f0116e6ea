/**
 * The liaison office (联络办公室): its members (supervisors) and their questions — which
 * units are overdue now, and the compliance rate per level per period.
 */
import { Router } from 'express';
import { allow, caller } from '../auth';
import { maskWebhookUrl } from '../../domain/webhook-policy';
import { parseInput } from '../errors';
import { complianceQuery, overdueQuery, supervisorInput } from '../contract/supervision';
import { complianceRows, overdueUnits } from '../../records/compliance';
import { activeSupervisors } from '../../records/supervisors';
import { removeSupervisor, saveSupervisor } from '../../services/supervisors';
import { type ApiDeps } from '../deps';

function supervisorsRouter(deps: ApiDeps): Router {
  const router = Router();

  router.get('/supervisors', allow('admin', 'supervisor'), async (_req, res) => {
    const items = await activeSupervisors(deps.prisma);
    // A robot's key is a credential: admins only see it whole.
    const admin = caller(res).role === 'admin';
    res.json({ items: items.map((s) => (admin ? s : { ...s, webhookUrl: maskWebhookUrl(s.webhookUrl) })) });
  });

  /** Add a member of the liaison office; repeating it with the same email updates the member. */
  router.post('/supervisors', allow('admin'), async (req, res) => {
    const input = parseInput(supervisorInput, req.body);
    const { saved, created } = await saveSupervisor(deps, caller(res), input);
    res.status(created ? 201 : 200).json(saved);
  });

  router.delete('/supervisors/:id', allow('admin'), async (req, res) => {
    await removeSupervisor(deps, caller(res), { id: String(req.params.id) });
    res.status(204).end();
  });

  return router;
}

function complianceRouter({ prisma }: ApiDeps): Router {
  const router = Router();

  /** Units whose most recently closed period is overdue (and not corrected since). */
  router.get('/supervision/overdue', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(overdueQuery, req.query, 'query');
    const { rows, total } = await overdueUnits(prisma, q);
    res.json({
      items: rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt).toISOString() })),
      total,
      limit: q.limit,
      offset: q.offset,
    });
  });

  /** Compliance per level per period: closed periods met versus overdue. */
  router.get('/supervision/compliance', allow('admin', 'supervisor'), async (req, res) => {
    const q = parseInput(complianceQuery, req.query, 'query');
    const rows = await complianceRows(prisma, q);
    res.json({
      items: rows.map((r) => ({ ...r, rate: r.total ? Math.round((r.met / r.total) * 1000) / 1000 : null })),
      limit: q.limit,
      offset: q.offset,
    });
  });

  return router;
}

export function supervisionRouter(deps: ApiDeps): Router {
  const router = Router();
  router.use(supervisorsRouter(deps));
  router.use(complianceRouter(deps));
  return router;
}
