/** What every act needs: the record, the one clock, the log, and the way to tell the workflows (obligations/). */
import type { WebhookPolicy } from '../domain/webhook-policy';
import type { Obligations } from '../obligations/gateway';

export interface ServiceDeps extends Obligations {
  /** The one clock: every timestamp an act writes comes from it. */
  clock: () => Date;
  /** Which group-robot webhooks units and supervisors may register (default: WeCom and DingTalk robots). */
  webhookPolicy?: WebhookPolicy;
}
