/**
 * The group-robot webhook channel: a JSON POST of a text message, in the shape WeCom
 * (企业微信) and DingTalk (钉钉) group robots accept. A non-2xx answer or a non-zero
 * `errcode` is a failure (the caller falls back to email).
 *
 * Guarded against server-side request forgery: the URL must pass the policy (https, an allowed
 * robot host); the name is resolved here and every address it resolves to must be public
 * unicast — the socket connects to the address that was checked (a custom `lookup`), so a
 * DNS answer cannot change between the check and the connection; redirects are never followed;
 * the whole exchange has a short timeout. The error's message is generic (what the ledger and
 * the convener see); its `detail` is for the operator's log only.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import {
  DEFAULT_WEBHOOK_POLICY,
  isPublicAddress,
  maskWebhookUrl,
  type WebhookPolicy,
  webhookUrlProblem,
} from '../domain/webhook-policy';

export type WebhookPoster = (url: string, content: string) => Promise<void>;

/** A refused or failed webhook: `message` is generic, `detail` the full answer (operator's log). */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

/** A `lookup` that answers only with public addresses (all of them checked), else fails. */
export function guardedLookup(policy: Pick<WebhookPolicy, 'allowPrivateAddresses'>): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses;
      const refused = list.find((a) => !policy.allowPrivateAddresses && !isPublicAddress(a.address));
      if (!list.length || refused) {
        const e = Object.assign(
          new Error(`address ${refused?.address ?? '(none)'} of ${hostname} is not a public address`),
          { code: 'EADDRREFUSED' },
        );
        return callback(e, '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export function createWebhookPoster(policy: WebhookPolicy = DEFAULT_WEBHOOK_POLICY): WebhookPoster {
  const lookup = guardedLookup(policy);
  return async (url, content) => {
    const problem = webhookUrlProblem(url, policy);
    if (problem) throw new WebhookError('webhook refused: URL not allowed', `${maskWebhookUrl(url)}: ${problem}`);
    const target = new URL(url);
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !policy.allowPrivateAddresses && !isPublicAddress(literal)) {
      throw new WebhookError(
        'webhook refused: address not allowed',
        `${maskWebhookUrl(url)}: ${literal} is not a public address`,
      );
    }
    const body = JSON.stringify({ msgtype: 'text', text: { content } });
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          lookup,
          // A fresh connection each time: no pooled socket to an address checked earlier.
          agent: false,
          timeout: policy.timeoutMs,
        },
        (res) => {
          let answer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (answer.length < 4096) answer += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: answer }));
          res.on('error', reject);
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${policy.timeoutMs} ms`)),
        policy.timeoutMs,
      );
      request.on('close', () => clearTimeout(timer));
      request.on('timeout', () => request.destroy(new Error(`no answer within ${policy.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    }).catch((err: unknown) => {
      const detail = `${maskWebhookUrl(url)}: ${err instanceof Error ? err.message : String(err)}`;
      const refused = (err as { code?: string }).code === 'EADDRREFUSED';
      throw new WebhookError(refused ? 'webhook refused: address not allowed' : 'webhook refused: no answer', detail);
    });
    if (status < 200 || status >= 300) {
      // Redirects are not followed: a 3xx is a failure like any other non-2xx.
      throw new WebhookError(
        `webhook refused: HTTP ${Math.floor(status / 100)}xx`,
        `${maskWebhookUrl(url)}: HTTP ${status} ${text}`,
      );
    }
    let errcode: unknown = 0;
    try {
      errcode = (JSON.parse(text) as { errcode?: unknown }).errcode ?? 0;
    } catch {
      // not JSON: a 2xx is enough
    }
    if (errcode !== 0)
      throw new WebhookError(
        'webhook refused: robot error',
        `${maskWebhookUrl(url)}: errcode ${String(errcode)} ${text}`,
      );
  };
}
