/**
 * The group-robot webhook channel: a JSON POST of a text message, in the shape WeCom
 * (企业微信) and DingTalk (钉钉) group robots accept. A non-2xx answer or a non-zero
 * `errcode` is a failure (the caller falls back to email).
 */
export type WebhookPoster = (url: string, content: string) => Promise<void>;

export function createWebhookPoster(timeoutMs = 5_000): WebhookPoster {
  return async (url, content) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'text', text: { content } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
    let errcode: unknown = 0;
    try {
      errcode = (JSON.parse(body) as { errcode?: unknown }).errcode ?? 0;
    } catch {
      // not JSON: a 2xx is enough
    }
    if (errcode !== 0) throw new Error(`webhook answered errcode ${String(errcode)}`);
  };
}
