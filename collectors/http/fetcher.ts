import { backoffDelayMs, parseRetryAfterMs, retryWaitMs } from './backoff.ts';
import { systemClock, type Clock } from './clock.ts';
import { FetchError, RobotsDisallowedError } from './fetch-error.ts';
import { createHostGate } from './host-gate.ts';
import { createHttpClient, requestOnce, type RawResponse, type RequestLimits } from './http-request.ts';
import { createRobotsRules } from './robots-rules.ts';
import { conditionalHeaders, type HttpValidators, type ValidatorStore } from './validator-store.ts';

export interface FetcherOptions {
  /** Ceiling on one attempt; also the default for the connect and read timeouts. */
  timeoutMs: number;
  /** How many times a retryable failure is tried again (0 = one attempt only). */
  retries: number;
  maxBodyBytes: number;
  userAgent: string;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** Redirects followed before giving up (default 5); a redirect back to a URL already visited fails at once. */
  maxRedirects?: number;
  /** Backoff ceiling of the first retry; doubles per retry, with full jitter. */
  baseDelayMs?: number;
  /** Longest wait between attempts, also the cap on a server's Retry-After. */
  maxDelayMs?: number;
  /** Requests in flight per host (default 1). */
  hostConcurrency?: number;
  /** Least time between the starts of two requests to one host (default 1000 ms); a larger Crawl-delay wins. */
  hostDelayMs?: number;
  /** A robots.txt Crawl-delay is honoured up to this (default 60 s), so one site cannot stall a run. */
  maxCrawlDelayMs?: number;
  /** Obey robots.txt (default true). */
  robots?: boolean;
  /** Where conditional GETs keep ETag / Last-Modified. */
  validators?: ValidatorStore;
  clock?: Clock;
  random?: () => number;
}

export interface FetchOptions {
  /** Send the stored validators and accept a 304; needs a validator store, here or in the fetcher options. */
  conditional?: boolean;
  /** The store for this request (a crawl passes one bound to its own database handle). */
  validators?: ValidatorStore;
  /**
   * Store the response's validators as soon as it arrives (default true). A caller that can still
   * fail on the body passes false and stores `result.validators` itself once the body is safe, so a
   * failed run does not leave a validator that makes the next run skip the content with a 304.
   */
  saveValidators?: boolean;
  /**
   * Extra request headers (an API's Authorization, Accept). They are sent to the URL's own origin
   * only: a redirect to another origin goes without them, so a token never leaks to a third party.
   */
  headers?: Record<string, string>;
}

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Empty on a 304. */
  body: Buffer;
  /** True when the server confirmed that the stored version is current (304). */
  notModified?: boolean;
  /** The validators of this response, merged with the stored ones on a 304. */
  validators?: HttpValidators;
}

export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

const ROBOTS_MAX_BYTES = 500 * 1024; // the most of a robots.txt Google reads (RFC 9309 asks for at least 500 KiB)

/**
 * A careful crawler's GET: robots.txt obeyed, per-host politeness, retries with backoff for what
 * may pass (timeouts, resets, 429, 5xx), final errors for what will not (404, other 4xx, loops,
 * oversized bodies), and conditional requests against a validator store.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const hostDelayMs = options.hostDelayMs ?? 1000;
  const maxCrawlDelayMs = options.maxCrawlDelayMs ?? 60_000;
  const limits: RequestLimits = {
    timeoutMs: options.timeoutMs,
    connectTimeoutMs: Math.min(options.connectTimeoutMs ?? options.timeoutMs, options.timeoutMs),
    readTimeoutMs: Math.min(options.readTimeoutMs ?? options.timeoutMs, options.timeoutMs),
    maxBodyBytes: options.maxBodyBytes,
  };
  const client = createHttpClient(options.userAgent);
  const gate = createHostGate({ concurrency: options.hostConcurrency ?? 1, delayMs: hostDelayMs, clock });
  const robots = createRobotsRules(
    async (robotsUrl) => (await follow(robotsUrl, {}, { ...limits, maxBodyBytes: Math.min(limits.maxBodyBytes, ROBOTS_MAX_BYTES) }, false)).body,
    options.userAgent,
  );

  /** One URL with retries; returns 2xx, 304 and 3xx responses, throws a FetchError for the rest. */
  async function withRetries(url: string, headers: Record<string, string>, requestLimits: RequestLimits): Promise<RawResponse> {
    const host = new URL(url).hostname;
    for (let attempt = 1; ; attempt++) {
      let failure: FetchError;
      let retryAfterMs: number | undefined;
      const release = await gate.acquire(host);
      try {
        const response = await requestOnce(client, url, headers, requestLimits);
        const status = response.status;
        if (status < 400) return response;
        retryAfterMs = parseRetryAfterMs(response.headers['retry-after'], clock.now());
        failure = new FetchError(url, `HTTP ${status}`, status === 408 || status === 429 || status >= 500, status);
      } catch (error) {
        if (!(error instanceof FetchError)) throw error;
        failure = error;
      } finally {
        release();
      }
      if (!failure.retryable) throw failure;
      if (attempt > options.retries) {
        throw attempt === 1 ? failure : new FetchError(url, `${failure.reason} (gave up after ${attempt} attempts)`, true, failure.status);
      }
      const waitMs = retryWaitMs(backoffDelayMs(attempt - 1, baseDelayMs, maxDelayMs, random), retryAfterMs, maxDelayMs);
      // The server asked the host to slow down, not just this URL.
      if (retryAfterMs !== undefined) gate.pauseUntil(host, clock.now() + waitMs);
      await clock.sleep(waitMs);
    }
  }

  /** Follows redirects one hop at a time, so each hop is checked against robots.txt and waits its turn at its host. */
  async function follow(
    url: string,
    headers: Record<string, string>,
    requestLimits: RequestLimits,
    checkRobots: boolean,
    ownHeaders: Record<string, string> = {},
  ): Promise<RawResponse & { url: string }> {
    const visited = [url];
    const origin = new URL(url).origin;
    let current = url;
    for (;;) {
      const protocol = new URL(current).protocol;
      if (protocol !== 'http:' && protocol !== 'https:') throw new FetchError(url, `cannot fetch ${protocol} URLs (${current})`, false);
      if (checkRobots) await obeyRobots(current);
      const sameOrigin = new URL(current).origin === origin;
      const response = await withRetries(current, sameOrigin ? { ...ownHeaders, ...headers } : headers, requestLimits);
      if (response.status < 300 || response.status === 304) return { ...response, url: current };
      const location = response.headers.location;
      if (!location) throw new FetchError(url, `HTTP ${response.status} without a Location header`, false, response.status);
      const next = new URL(location, current).href;
      if (visited.includes(next)) throw new FetchError(url, `redirect loop: ${[...visited, next].join(' → ')}`, false, response.status);
      if (visited.length > maxRedirects) throw new FetchError(url, `more than ${maxRedirects} redirects (last to ${next})`, false, response.status);
      visited.push(next);
      current = next;
    }
  }

  async function obeyRobots(url: string): Promise<void> {
    if (options.robots === false) return;
    const verdict = await robots.check(url);
    if (!verdict.allowed) {
      if (!verdict.unavailable) throw new RobotsDisallowedError(url, verdict.robotsUrl);
      // A host that does not answer at all is a failed fetch, not a site that keeps us out.
      if (verdict.cause.status === undefined) throw new FetchError(url, `not fetched: ${verdict.robotsUrl} unreachable (${verdict.cause.reason})`, verdict.cause.retryable);
      throw new RobotsDisallowedError(url, verdict.robotsUrl, verdict.cause.reason);
    }
    if (verdict.crawlDelayMs !== undefined) gate.slowDown(new URL(url).hostname, Math.min(verdict.crawlDelayMs, maxCrawlDelayMs));
  }

  return {
    async fetch(url, fetchOptions = {}) {
      const store = fetchOptions.conditional ? (fetchOptions.validators ?? options.validators) : undefined;
      if (fetchOptions.conditional && !store) throw new Error(`conditional fetch of ${url} needs a validator store`);
      const stored = store ? await store.get(url) : undefined;
      const response = await follow(url, conditionalHeaders(stored), limits, true, fetchOptions.headers);
      const notModified = response.status === 304;
      if (notModified && !stored) throw new FetchError(url, 'HTTP 304 to a request that was not conditional', false, 304);
      const validators: HttpValidators = {
        etag: response.headers.etag ?? (notModified ? stored?.etag : undefined),
        lastModified: response.headers['last-modified'] ?? (notModified ? stored?.lastModified : undefined),
      };
      if (store && fetchOptions.saveValidators !== false) await store.put(url, { ...validators, status: response.status });
      return { url: response.url, status: response.status, headers: response.headers, body: response.body, notModified, validators };
    },
  };
}
