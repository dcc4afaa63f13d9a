import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../collectors/http/fetch-error.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { closedPortUrl, startLocalServer, type LocalServer } from './local-server.ts';

const fetcher = createFetcher({ timeoutMs: 300, retries: 2, maxBodyBytes: 1024, userAgent: 'talentpulse-test', baseDelayMs: 5 });

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((req, res, hit) => {
    switch (req.url) {
      case '/flaky':
        if (hit === 1) {
          res.writeHead(500).end('oops');
        } else {
          res.writeHead(200, { 'content-type': 'text/plain', 'x-ua': req.headers['user-agent'] ?? '' }).end('fine');
        }
        return;
      case '/busy':
        if (hit === 1) res.writeHead(429, { 'retry-after': '0' }).end();
        else res.writeHead(200).end('served');
        return;
      case '/slow-down':
        if (hit === 1) res.writeHead(429, { 'retry-after': '3600' }).end();
        else res.writeHead(200).end('after the wait');
        return;
      case '/always-503':
        res.writeHead(503).end();
        return;
      case '/big':
        res.writeHead(200).end(Buffer.alloc(4096, 'x'));
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/moved':
        res.writeHead(301, { location: '/flaky' }).end();
        return;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 2000);
        return;
      default:
        res.writeHead(404).end('no such page');
    }
  });
});
afterAll(() => server.close());

async function failure(url: string): Promise<FetchError> {
  const error = await fetcher.fetch(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('createFetcher', () => {
  it('retries a 500 and returns the later success with its body and headers', async () => {
    const result = await fetcher.fetch(`${server.url}/flaky`);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toBe('fine');
    expect(result.headers['x-ua']).toBe('talentpulse-test');
    expect(server.hits.get('/flaky')).toBe(2);
  });

  it('honours a 429 and tries again', async () => {
    expect((await fetcher.fetch(`${server.url}/busy`)).body.toString()).toBe('served');
    expect(server.hits.get('/busy')).toBe(2);
  });

  it('caps a long Retry-After at the maximum delay', async () => {
    const capped = createFetcher({ timeoutMs: 300, retries: 1, maxBodyBytes: 1024, userAgent: 't', baseDelayMs: 5, maxDelayMs: 50 });
    const started = Date.now();
    expect((await capped.fetch(`${server.url}/slow-down`)).body.toString()).toBe('after the wait');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a persistent 5xx after the configured retries, as retryable', async () => {
    const error = await failure(`${server.url}/always-503`);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`${server.url}/always-503`);
    expect(error.message).toContain('503');
    expect(server.hits.get('/always-503')).toBe(3);
  });

  it('treats a 404 as final, without retrying', async () => {
    const error = await failure(`${server.url}/missing`);
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(404);
    expect(error.message).toContain('/missing');
    expect(server.hits.get('/missing')).toBe(1);
  });

  it('refuses bodies over the limit and redirect loops as final', async () => {
    const big = await failure(`${server.url}/big`);
    expect(big.retryable).toBe(false);
    expect(big.message).toMatch(/larger than the limit/);
    const loop = await failure(`${server.url}/loop`);
    expect(loop.retryable).toBe(false);
    expect(loop.message).toMatch(/redirect/);
  });

  it('follows a redirect and reports the final URL', async () => {
    const result = await fetcher.fetch(`${server.url}/moved`);
    expect(result.url).toBe(`${server.url}/flaky`);
  });

  it('reports timeouts and refused connections as retryable, naming the URL', async () => {
    const slow = await failure(`${server.url}/slow`);
    expect(slow.retryable).toBe(true);
    expect(slow.message).toMatch(/timed out/);
    const url = await closedPortUrl();
    const refused = await failure(url);
    expect(refused.retryable).toBe(true);
    expect(refused.message).toContain(url);
    expect(refused.message).toContain('ECONNREFUSED');
  });
});
