import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../collectors/http/fetch-error.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { rejection, startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { virtualClock } from './virtual-clock.ts';

const timers: NodeJS.Timeout[] = [];
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/slow-headers': (_req, res) => void timers.push(setTimeout(() => res.writeHead(200).end('late'), 1500)),
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part…');
      timers.push(setTimeout(() => res.end('rest'), 1500));
    },
    '/big-announced': (_req, res) => res.writeHead(200, { 'content-length': '4096' }).end(Buffer.alloc(4096, 'x')),
    '/big-streamed': (_req, res) => {
      // No Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512, 'y'));
      res.end();
    },
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(301, { location: '/loop-a' }).end(),
    '/chain-1': (_req, res) => res.writeHead(302, { location: '/chain-2' }).end(),
    '/chain-2': (_req, res) => res.writeHead(302, { location: '/chain-3' }).end(),
    '/chain-3': (_req, res) => res.writeHead(302, { location: '/ua' }).end(),
    '/moved': (_req, res) => res.writeHead(301, { location: '/ua' }).end(),
    '/ua': (req, res) => res.writeHead(200).end(req.headers['user-agent']),
    '/reset': (_req, res, hit) => {
      if (hit > 1) return void res.writeHead(200).end('whole');
      res.writeHead(200, { 'content-length': '100' });
      res.write('half');
      res.socket?.destroy();
    },
  });
});
afterAll(async () => {
  timers.forEach(clearTimeout);
  await server.close();
});

const fetcher = createFetcher({ timeoutMs: 3000, connectTimeoutMs: 300, readTimeoutMs: 300, retries: 1, maxBodyBytes: 1024, userAgent: 'talentpulse-test/1.0 (+ops@example.org)', baseDelayMs: 10, hostDelayMs: 0, clock: virtualClock() });

async function fetchError(url: string, fetch = fetcher.fetch): Promise<FetchError> {
  const error = await rejection(fetch(url));
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('limits', () => {
  it('fails a response whose headers come after the connect timeout as retryable, after retrying', async () => {
    const error = await fetchError(`${server.url}/slow-headers`);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`${server.url}/slow-headers: timed out: no response headers within 300 ms (gave up after 2 attempts)`);
    expect(server.hits('/slow-headers')).toBe(2);
  });

  it('fails a body that stalls past the read timeout as retryable', async () => {
    const error = await fetchError(`${server.url}/slow-body`);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out: no data for 300 ms while reading the body/);
  });

  it('stops at the overall timeout when the read timeout is longer', async () => {
    const strict = createFetcher({ timeoutMs: 400, readTimeoutMs: 10_000, retries: 0, maxBodyBytes: 1024, userAgent: 't', hostDelayMs: 0 });
    const error = await fetchError(`${server.url}/slow-body`, strict.fetch);
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/timed out: no complete response within 400 ms/);
  });

  it.each(['/big-announced', '/big-streamed'])('refuses %s over the body cap as final, naming the URL and the cap', async (path) => {
    const error = await fetchError(`${server.url}${path}`);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`${server.url}${path}: body larger than the limit of 1024 bytes`);
    expect(server.hits(path)).toBe(1);
  });

  it('stops a redirect loop at once, as final, showing the loop', async () => {
    const error = await fetchError(`${server.url}/loop-a`);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`${server.url}/loop-a: redirect loop: ${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a`);
    expect(server.hits('/loop-a')).toBe(1);
  });

  it('follows redirects up to the limit and reports the final URL', async () => {
    expect((await fetcher.fetch(`${server.url}/moved`)).url).toBe(`${server.url}/ua`);
    expect((await fetcher.fetch(`${server.url}/chain-1`)).url).toBe(`${server.url}/ua`);
    const short = createFetcher({ timeoutMs: 1000, retries: 0, maxBodyBytes: 1024, userAgent: 't', hostDelayMs: 0, maxRedirects: 2 });
    const error = await fetchError(`${server.url}/chain-1`, short.fetch);
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/more than 2 redirects/);
  });

  it('retries a connection cut off in the middle of the body', async () => {
    expect((await fetcher.fetch(`${server.url}/reset`)).body.toString()).toBe('whole');
    expect(server.hits('/reset')).toBe(2);
  });

  it('sends the configured user agent', async () => {
    expect((await fetcher.fetch(`${server.url}/ua`)).body.toString()).toBe('talentpulse-test/1.0 (+ops@example.org)');
  });
});
