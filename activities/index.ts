/**
 * Activities: the only code that touches the record and sends notices. Built from a factory
 * so the worker supplies the dependencies (and tests supply their own).
 */
import type { PrismaClient, Unit } from '@prisma/client';
import { dashboardLinks } from '../domain/links';
import type { Mailer } from '../infra/mailer';
import { createWebhookPoster, type WebhookPoster } from '../infra/webhook';
import type { UnitIndex } from '../domain/search-attributes';
import { createCadenceActivities } from './cadence';
import { createCalendarActivities, createCalendarReader } from './calendar';
import { createDigestActivities } from './digest';
import { createEntriesActivities } from './entries';
import { createEscalationActivities } from './escalation';
import { createEvaluationActivities } from './evaluation';
import { createLedger, type Recipient } from './ledger';
import { createPlannedMeetingActivities } from './planned-meeting';
import type { ServingActivityDeps } from './serving-deps';
import { createServingFeedbackActivities } from './serving-feedback';
import { createServingNeedsActivities } from './serving-needs';
import { createServingParticipationActivities } from './serving-participation';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  clock: () => Date;
  links: { publicUrl: string; mailDomain: string };
  /** Group-robot webhook channel; defaults to a real HTTP poster. */
  webhook?: WebhookPoster;
  /**
   * The namespace has the custom search attributes (infra/search-attributes.ts): period plans
   * carry the unit's index, which the periodic workflows upsert. Off (no upsert) by default.
   */
  searchAttributes?: boolean;
  /**
   * The key of the employers' receipt links (activities/serving-deps.ts); the worker passes the
   * deployment's token secret. Tests may leave it out (a fixed key).
   */
  receiptSecret?: string;
}

export function createActivities({
  prisma,
  mailer,
  clock,
  links,
  webhook = createWebhookPoster(),
  searchAttributes = false,
  receiptSecret = 'receipt-links-key-for-tests-only',
}: ActivityDeps) {
  const sendOnce = createLedger({ prisma, mailer, webhook, clock, mailDomain: links.mailDomain });
  const pages = dashboardLinks(links.publicUrl);
  const unitRef = (u: Unit) => ({ name: u.name, level: u.level, url: pages.unit(u.id) });
  const convener = (u: Unit): Recipient => ({
    name: u.convenerName,
    email: u.convenerEmail,
    locale: u.locale,
    webhookUrl: u.webhookUrl,
  });

  const calendarFor = createCalendarReader(prisma);

  /** The unit's search attributes for a period plan, when the namespace has them. */
  async function indexOf(unit: Pick<Unit, 'code' | 'level' | 'streetId'>): Promise<UnitIndex | undefined> {
    if (!searchAttributes) return undefined;
    const street = unit.streetId
      ? await prisma.unit.findUnique({ where: { id: unit.streetId }, select: { code: true } })
      : null;
    return { unitCode: unit.code, unitLevel: unit.level, streetCode: street?.code ?? null };
  }

  const serving: ServingActivityDeps = {
    prisma,
    sendOnce,
    clock,
    calendarFor,
    pages,
    unitRef,
    convener,
    indexOf,
    receiptSecret,
  };

  return {
    ...createServingNeedsActivities(serving),
    ...createServingParticipationActivities(serving),
    ...createServingFeedbackActivities(serving),
    ...createCalendarActivities({ prisma, sendOnce, calendarUrl: pages.calendar() }),
    ...createDigestActivities({ prisma, sendOnce, deskUrl: pages.desk(), clock }),
    ...createEscalationActivities({
      prisma,
      calendarFor,
      sendOnce,
      unitRef,
      convener,
      itemUrl: pages.item,
    }),
    ...createEvaluationActivities({
      prisma,
      sendOnce,
      unitRef,
      convener,
      campaignUrl: pages.evaluation,
      calendarFor,
    }),
    ...createEntriesActivities({ prisma, sendOnce, clock, unitRef, calendarFor, indexOf }),
    ...createCadenceActivities({
      prisma,
      sendOnce,
      clock,
      unitRef,
      convener,
      calendarFor,
      indexOf,
      searchAttributes,
    }),
    ...createPlannedMeetingActivities({
      prisma,
      sendOnce,
      unitRef,
      convener,
      calendarFor,
      mailDomain: links.mailDomain,
      unitUrl: pages.unit,
    }),
  };
}

export type GovernanceActivities = ReturnType<typeof createActivities>;
