import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../collectors/http/fetch-error.ts';
import { createFetcher, type FetcherOptions } from '../../collectors/http/fetcher.ts';
import { closedPortUrl, rejection, startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { virtualClock } from './virtual-clock.ts';

const clock = virtualClock();
const retryAt = new Date(clock.now() + 7000).toUTCString();
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(
    {
      '/busy': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '2' }).end() : res.writeHead(200).end('served')),
      '/busy-until': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': retryAt }).end() : res.writeHead(200).end('later')),
      '/slow-down': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '3600' }).end() : res.writeHead(200).end('after the wait')),
      '/flaky': (_req, res, hit) => (hit === 1 ? res.writeHead(500).end('oops') : res.writeHead(200, { 'content-type': 'text/plain' }).end('fine')),
      '/always-503': (_req, res) => res.writeHead(503).end(),
      '/gone': (_req, res) => res.writeHead(410).end(),
      '/forbidden': (_req, res) => res.writeHead(403).end(),
    },
    { now: clock.now },
  );
});
afterAll(() => server.close());

// Small real timeouts; the virtual clock makes backoff and politeness instant.
const options: FetcherOptions = { timeoutMs: 2000, retries: 2, maxBodyBytes: 1024, userAgent: 'talentpulse-test/1.0', baseDelayMs: 100, hostDelayMs: 0, clock };
const fetcher = createFetcher(options);
const arrivals = (path: string) => server.log.filter((entry) => entry.path === path).map((entry) => entry.at);

async function fetchError(url: string, fetch = fetcher.fetch): Promise<FetchError> {
  const error = await rejection(fetch(url));
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('retries', () => {
  it('waits as long as a 429 Retry-After in seconds asks, then returns the success', async () => {
    expect((await fetcher.fetch(`${server.url}/busy`)).body.toString()).toBe('served');
    const [first, second] = arrivals('/busy');
    expect(second! - first!).toBeGreaterThanOrEqual(2000);
  });

  it('understands Retry-After as an HTTP-date', async () => {
    expect((await fetcher.fetch(`${server.url}/busy-until`)).body.toString()).toBe('later');
    const [, second] = arrivals('/busy-until');
    // HTTP-dates have whole seconds, so the retry comes no earlier than that second.
    expect(second!).toBeGreaterThanOrEqual(Date.parse(retryAt));
  });

  it('caps a long Retry-After at the maximum delay', async () => {
    const capped = createFetcher({ ...options, maxDelayMs: 5000 });
    expect((await capped.fetch(`${server.url}/slow-down`)).body.toString()).toBe('after the wait');
    const [first, second] = arrivals('/slow-down');
    expect(second! - first!).toBe(5000);
  });

  it('retries a 500 and returns the later success with its body and headers', async () => {
    const result = await fetcher.fetch(`${server.url}/flaky`);
    expect(result).toMatchObject({ status: 200, url: `${server.url}/flaky`, notModified: false });
    expect(result.body.toString()).toBe('fine');
    expect(result.headers['content-type']).toBe('text/plain');
    expect(server.hits('/flaky')).toBe(2);
  });

  it('gives up on a persistent 503 after retries + 1 attempts, as retryable, naming the URL', async () => {
    const error = await fetchError(`${server.url}/always-503`);
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(503);
    expect(error.message).toBe(`${server.url}/always-503: HTTP 503 (gave up after 3 attempts)`);
    expect(server.hits('/always-503')).toBe(3);
  });

  it('backs off exponentially with full jitter between attempts', async () => {
    const sleeps: number[] = [];
    const recording = { now: clock.now, sleep: (ms: number) => (sleeps.push(ms), clock.sleep(ms)) };
    // random() = 0.999…: the top of each jitter range shows the doubling ceiling.
    const jittered = createFetcher({ ...options, retries: 3, clock: recording, random: () => 0.9999 });
    await fetchError(`${server.url}/always-503`, jittered.fetch);
    expect(sleeps).toEqual([99, 199, 399]);
  });

  it.each([
    ['/missing', 404],
    ['/gone', 410],
    ['/forbidden', 403],
  ])('treats %s (HTTP %i) as final after one request', async (path, status) => {
    const error = await fetchError(`${server.url}${path}`);
    expect(error).toMatchObject({ retryable: false, status, url: `${server.url}${path}` });
    expect(error.message).toBe(`${server.url}${path}: HTTP ${status}`);
    expect(server.hits(path)).toBe(1);
  });

  it('reports a refused connection as retryable, naming the URL', async () => {
    const url = await closedPortUrl();
    const error = await fetchError(url);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(url);
    expect(error.message).toContain('ECONNREFUSED');
  });
});
