/** What the API's routes are built with: the services' dependencies and the HTTP side's own. */
import type { MailSink } from '../infra/embedded/mail-sink';
import type { LoginThrottle } from '../records/login-throttle';
import type { ServiceDeps } from '../services/deps';

export interface ApiDeps extends ServiceDeps {
  /** Present in embedded mode only. */
  mailSink?: MailSink;
  auth: { tokenSecret: string; tokenTtlSeconds: number };
  /** The Temporal Web UI, for the dashboard's links to the workflow behind each obligation. */
  temporalUiUrl?: string;
  /** Failed-login throttle (default: in the database, 5 attempts per user and address). */
  loginThrottle?: LoginThrottle;
  /** Express's `trust proxy`: the reverse proxies whose X-Forwarded-For names the client (default: none). */
  trustProxy?: false | number | string[];
}
