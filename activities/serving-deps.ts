/**
 * What the third entry's activities (activities/serving-*.ts) are built with: the record, the
 * ledger, the clock, the working calendar, the dashboard's pages, and the key of the employers'
 * receipt links.
 */
import type { PrismaClient, Unit } from '@prisma/client';
import type { DashboardLinks } from '../domain/links';
import type { UnitIndex } from '../domain/search-attributes';
import type { CalendarReader } from './calendar';
import type { Recipient, SendOnce } from './ledger';

export interface ServingActivityDeps {
  prisma: PrismaClient;
  sendOnce: SendOnce;
  clock: () => Date;
  calendarFor: CalendarReader;
  pages: DashboardLinks;
  unitRef: (u: Unit) => { name: string; level: Unit['level']; url: string };
  convener: (u: Unit) => Recipient;
  /** The unit's search attributes for a period plan, when the namespace has them. */
  indexOf: (unit: Pick<Unit, 'code' | 'level' | 'streetId'>) => Promise<UnitIndex | undefined>;
  /**
   * The key of the employers' receipt links: a link's token is an HMAC of its business key, so a
   * retried activity mails the same link; only its hash is stored.
   */
  receiptSecret: string;
}
