/** The notification ledger (督办 receipts) and, in embedded mode, the captured mail. */
import { Router } from 'express';
import { allow, caller } from '../auth';
import { ApiError, parseInput } from '../errors';
import { ledgerQuery } from '../contract/ledger';
import { listReceipts } from '../../records/notification-receipts';
import { readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

export function ledgerRouter({ prisma, mailSink }: ApiDeps): Router {
  const router = Router();

  router.get('/notifications', async (req, res) => {
    const q = parseInput(ledgerQuery, req.query, 'query');
    // Conveners and leaders see the receipts of their own units only.
    const readable = await readableUnitIds(prisma, caller(res));
    const { items, total } = await listReceipts(prisma, { ...q, readable });
    res.json({ items, total, limit: q.limit, offset: q.offset });
  });

  router.get('/mail-sink/messages', allow('admin'), (_req, res) => {
    if (!mailSink)
      throw new ApiError(404, 'no_mail_sink', 'The local mail sink runs only in embedded mode (no SMTP_URL)');
    res.json({ items: mailSink.messages() });
  });

  return router;
}
