/** The notification ledger's rows as the supervisors read them (督办 receipts), oldest first. */
import type { Notification, PrismaClient } from '@prisma/client';

export interface ReceiptFilter {
  /** Units the caller may read, or all. */
  readable: 'all' | Set<string>;
  unitId?: string;
  limit: number;
  offset: number;
}

export async function listReceipts(
  prisma: Pick<PrismaClient, 'notification'>,
  f: ReceiptFilter,
): Promise<{ items: Notification[]; total: number }> {
  const scope = f.readable === 'all' ? undefined : [...f.readable];
  const where = {
    ...(f.unitId ? { unitId: f.unitId } : {}),
    ...(scope ? { AND: [{ unitId: { in: scope } }] } : {}),
  };
  const [items, total] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: { createdAt: 'asc' }, take: f.limit, skip: f.offset }),
    prisma.notification.count({ where }),
  ]);
  return { items, total };
}
