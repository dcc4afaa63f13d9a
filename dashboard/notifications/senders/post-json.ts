/** A failed send whose message says what the receiver answered; the dispatcher retries it. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Strips the query (WeCom keys, DingTalk signatures) from a URL shown in an error. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** POSTs a JSON body; a non-2xx answer or a timeout fails. Returns the parsed answer when it is JSON. */
export async function postJson(url: string, body: string, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'talentpulse-notifier', ...options.headers },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new DeliveryError(`POST ${safeUrl(url)}: ${reason}`);
  }
  const text = await res.text();
  if (!res.ok) throw new DeliveryError(`POST ${safeUrl(url)}: HTTP ${res.status} ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** WeCom and DingTalk robots answer 200 with {"errcode": non-zero, "errmsg"} when they refuse a message. */
export function checkRobotAnswer(url: string, answer: unknown): void {
  const { errcode, errmsg } = (answer ?? {}) as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode === 'number' && errcode !== 0) throw new DeliveryError(`POST ${safeUrl(url)}: robot refused the message: errcode ${errcode} ${String(errmsg ?? '')}`);
}
