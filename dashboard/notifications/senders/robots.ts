import { createHmac } from 'node:crypto';
import { checkRobotAnswer, postJson } from './post-json.ts';
import type { Notice } from './sender.ts';

// WeCom group robots take at most 4096 bytes of markdown; DingTalk's limit is larger but similar.
const MAX_MARKDOWN_BYTES = 4000;

function fit(markdown: string): string {
  if (Buffer.byteLength(markdown) <= MAX_MARKDOWN_BYTES) return markdown;
  let cut = markdown;
  while (Buffer.byteLength(cut) > MAX_MARKDOWN_BYTES - 8) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut}\n…`;
}

/** 企业微信 group robot: {"msgtype":"markdown","markdown":{"content":…}} to the robot's webhook URL (its key in the query). */
export async function sendWecom(url: string, notice: Notice, timeoutMs: number): Promise<void> {
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { content: fit(notice.body) } });
  checkRobotAnswer(url, await postJson(url, body, { timeoutMs }));
}

/** DingTalk's signature: HMAC-SHA256 of `timestamp + "\n" + secret` keyed by the secret, base64, then URL-encoded. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  const digest = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  return encodeURIComponent(digest);
}

/** 钉钉 group robot: markdown with a title (shown in the chat list) and text; signed when a secret is set. */
export async function sendDingtalk(url: string, secret: string | undefined, notice: Notice, timeoutMs: number, now: Date): Promise<void> {
  let target = url;
  if (secret) {
    const timestamp = now.getTime();
    target = `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSign(timestamp, secret)}`;
  }
  const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: notice.subject.slice(0, 64), text: fit(notice.body) } });
  checkRobotAnswer(target, await postJson(target, body, { timeoutMs }));
}
