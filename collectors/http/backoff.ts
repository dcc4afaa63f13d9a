/**
 * Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^retry)). Jitter over
 * the whole range spreads the retries of many clients, so a recovering server is not hit in waves.
 * `retry` counts from 0 for the first retry.
 */
export function backoffDelayMs(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3); a date in the past means now. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait before the next attempt: the server's Retry-After when it asks for longer than our backoff, never past the cap. */
export function retryWaitMs(backoffMs: number, retryAfterMs: number | undefined, capMs: number): number {
  return Math.min(capMs, Math.max(backoffMs, retryAfterMs ?? 0));
}
