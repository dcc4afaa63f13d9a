import axios, { AxiosError, type AxiosResponse } from 'axios';
import { FetchError } from './fetch-error.ts';

export interface FetcherOptions {
  timeoutMs: number;
  /** How many times a retryable failure is tried again (0 = one attempt only). */
  retries: number;
  maxBodyBytes: number;
  userAgent: string;
  maxRedirects?: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMs?: number;
  /** Longest wait between attempts, also the cap on a server's Retry-After. */
  maxDelayMs?: number;
}

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Fetcher {
  fetch(url: string): Promise<FetchResult>;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const client = axios.create({
    responseType: 'arraybuffer',
    timeout: options.timeoutMs,
    maxContentLength: options.maxBodyBytes,
    maxRedirects: options.maxRedirects ?? 5,
    headers: { 'User-Agent': options.userAgent, Accept: '*/*' },
    // Statuses are judged below, so a 404 is a final FetchError and not an AxiosError.
    validateStatus: () => true,
    decompress: true,
  });

  async function attempt(url: string): Promise<FetchResult | { retryAfterMs?: number; error: FetchError }> {
    let response: AxiosResponse<ArrayBuffer>;
    try {
      response = await client.get<ArrayBuffer>(url);
    } catch (error) {
      return { error: classify(url, error) };
    }
    const status = response.status;
    const headers = flattenHeaders(response.headers as Record<string, unknown>);
    if (status >= 200 && status < 300) {
      const finalUrl = (response.request as { res?: { responseUrl?: string } } | undefined)?.res?.responseUrl ?? url;
      return { url: finalUrl, status, headers, body: Buffer.from(response.data) };
    }
    const retryable = status === 429 || status === 408 || status >= 500;
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    return {
      error: new FetchError(url, `HTTP ${status}`, retryable, status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }

  return {
    async fetch(url) {
      for (let tried = 0; ; tried++) {
        const outcome = await attempt(url);
        if (!('error' in outcome)) return outcome;
        if (!outcome.error.retryable || tried >= options.retries) throw outcome.error;
        const backoff = baseDelayMs * 2 ** tried * (0.5 + Math.random());
        await sleep(Math.min(maxDelayMs, Math.max(backoff, outcome.retryAfterMs ?? 0)));
      }
    },
  };
}

const RETRYABLE_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH']);

function classify(url: string, error: unknown): FetchError {
  if (!(error instanceof AxiosError)) return new FetchError(url, String(error), false);
  const code = error.code ?? '';
  if (code === 'ERR_FR_TOO_MANY_REDIRECTS') return new FetchError(url, `too many redirects (a redirect loop?)`, false);
  if (/maxContentLength/.test(error.message)) return new FetchError(url, `body larger than the limit (${error.message})`, false);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return new FetchError(url, `timed out (${error.message})`, true);
  const cause = [code, error.message].filter(Boolean).join(' ');
  return new FetchError(url, cause || 'request failed', RETRYABLE_CODES.has(code));
}

/** Retry-After is either seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function flattenHeaders(headers: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
