import { createHmac } from 'node:crypto';
import { postJson } from './post-json.ts';
import type { Notice } from './sender.ts';

/** The signature header's value: "sha256=" and the hex HMAC-SHA256 of the exact body bytes. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * A generic signed webhook: a JSON body (event, subject, markdown text, the alerts with their
 * dashboard links, and `sent_at`, so a receiver can refuse replays under the signature),
 * X-Talentpulse-Timestamp (Unix seconds) and X-Talentpulse-Signature.
 */
export async function sendWebhook(url: string, secret: string, notice: Notice, timeoutMs: number, now: Date): Promise<void> {
  const body = JSON.stringify({
    event: notice.payload.event,
    delivery_id: notice.id,
    subject: notice.subject,
    text: notice.body,
    alerts: notice.payload.alerts,
    sent_at: now.toISOString(),
  });
  await postJson(url, body, {
    timeoutMs,
    headers: { 'x-talentpulse-timestamp': String(Math.floor(now.getTime() / 1000)), 'x-talentpulse-signature': webhookSignature(body, secret) },
  });
}
