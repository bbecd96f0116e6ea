/** The notification ledger (督办 receipts) and, in embedded mode, the captured mail. */
import { Router } from 'express';
import type { ApiDeps } from '../app';
import { ApiError, parseInput } from '../errors';
import { ledgerQuery } from '../schemas';

export function ledgerRouter({ prisma, mailSink }: ApiDeps): Router {
  const router = Router();

  router.get('/notifications', async (req, res) => {
    const q = parseInput(ledgerQuery, req.query, 'query');
    const where = q.unitId ? { unitId: q.unitId } : {};
    const [items, total] = await Promise.all([
      prisma.notification.findMany({ where, orderBy: { createdAt: 'asc' }, take: q.limit, skip: q.offset }),
      prisma.notification.count({ where }),
    ]);
    res.json({ items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/mail-sink/messages', (_req, res) => {
    if (!mailSink)
      throw new ApiError(404, 'no_mail_sink', 'The local mail sink runs only in embedded mode (no SMTP_URL)');
    res.json({ items: mailSink.messages() });
  });

  return router;
}
