/**
 * Which group-robot webhooks the service may call (pure rules). A webhook is a robot's URL:
 * https, on an allowed host (WeCom and DingTalk group robots by default, configurable), and the
 * address it resolves to must be a public unicast one — never loopback, private, link-local,
 * multicast, unspecified or reserved, of either family. The address check is applied at send
 * time to the very address connected to (infra/webhook.ts).
 */
import ipaddr from 'ipaddr.js';

export interface WebhookPolicy {
  /** Hostnames a webhook may point at (exact, lower case). */
  allowedHosts: readonly string[];
  /** Tests only: plain http allowed. */
  allowHttp?: boolean;
  /** Tests only: loopback and private addresses allowed (a robot on 127.0.0.1). */
  allowPrivateAddresses?: boolean;
  /** Give up after this long (connect, send and answer). */
  timeoutMs: number;
}

/** The hosts of the WeCom (企业微信) and DingTalk (钉钉) group robots. */
export const ROBOT_HOSTS = ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'] as const;

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { allowedHosts: ROBOT_HOSTS, timeoutMs: 5_000 };

/** Why a webhook URL may not be used (zh-CN / English), or undefined when it may. */
export function webhookUrlProblem(raw: string, policy: Pick<WebhookPolicy, 'allowedHosts' | 'allowHttp'>) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址 / Not a valid URL';
  }
  if (!(url.protocol === 'https:' || (policy.allowHttp && url.protocol === 'http:'))) {
    return '群机器人网址须以 https:// 开头 / A robot webhook must be an https:// URL';
  }
  if (url.username || url.password) return '网址不得包含用户名或密码 / The URL must not carry credentials';
  const host = url.hostname.toLowerCase();
  if (!policy.allowedHosts.includes(host)) {
    return `只允许企业微信、钉钉群机器人（${policy.allowedHosts.join(', ')}）/ Only group-robot hosts are allowed: ${policy.allowedHosts.join(', ')}`;
  }
  return undefined;
}

/** Whether an address (IPv4 or IPv6, IPv4-mapped included) is a public unicast one. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** A URL's key (`?key=…`, `access_token=…`, any query value) masked, for readers who may not use it. */
export function maskWebhookUrl(raw: string | null): string | null {
  if (!raw) return raw;
  try {
    const url = new URL(raw);
    for (const name of [...url.searchParams.keys()]) url.searchParams.set(name, '***');
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '***';
  }
}
