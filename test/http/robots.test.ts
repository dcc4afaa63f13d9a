import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, RobotsDisallowedError } from '../../collectors/http/fetch-error.ts';
import { createFetcher, type FetcherOptions } from '../../collectors/http/fetcher.ts';
import { rejection, startFixtureServer, type FixtureServer, type Route } from './fixture-server.ts';
import { virtualClock } from './virtual-clock.ts';

const ok: Route = (_req, res) => res.writeHead(200).end('page');
const robotsTxt =
  (text: string): Route =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end(text);

let server: FixtureServer;
afterEach(() => server.close());

function fetcherFor(extra: Partial<FetcherOptions> = {}) {
  const clock = virtualClock();
  return { fetcher: createFetcher({ timeoutMs: 1000, retries: 1, maxBodyBytes: 4096, userAgent: 'talentpulse/0.1 (+community monitor)', baseDelayMs: 10, hostDelayMs: 0, clock, ...extra }) };
}

describe('robots.txt', () => {
  it('never requests a disallowed path, and raises a final RobotsDisallowedError', async () => {
    server = await startFixtureServer({
      '/robots.txt': robotsTxt('User-agent: *\nDisallow: /private/\n'),
      '/private/report.html': ok,
      '/news/1.html': ok,
    });
    const { fetcher } = fetcherFor();
    const error = await rejection(fetcher.fetch(`${server.url}/private/report.html`));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ retryable: false, robotsUrl: `${server.url}/robots.txt` });
    expect((error as Error).message).toBe(`${server.url}/private/report.html: not fetched: disallowed by ${server.url}/robots.txt`);
    expect((await fetcher.fetch(`${server.url}/news/1.html`)).body.toString()).toBe('page');
    expect(server.log.map((entry) => entry.path)).toEqual(['/robots.txt', '/news/1.html']);
  });

  it('obeys the group for our product token over the * group', async () => {
    server = await startFixtureServer({
      '/robots.txt': robotsTxt('User-agent: *\nAllow: /\n\nUser-agent: talentpulse\nDisallow: /forum/\n'),
      '/forum/thread-1': ok,
    });
    const { fetcher } = fetcherFor();
    expect(await rejection(fetcher.fetch(`${server.url}/forum/thread-1`))).toBeInstanceOf(RobotsDisallowedError);
    expect(server.hits('/forum/thread-1')).toBe(0);
  });

  it('checks every redirect hop, so a redirect into a disallowed path is not followed', async () => {
    server = await startFixtureServer({
      '/robots.txt': robotsTxt('User-agent: *\nDisallow: /private/\n'),
      '/short/1': (_req, res) => res.writeHead(302, { location: '/private/1' }).end(),
      '/private/1': ok,
    });
    const { fetcher } = fetcherFor();
    expect(await rejection(fetcher.fetch(`${server.url}/short/1`))).toBeInstanceOf(RobotsDisallowedError);
    expect(server.hits('/private/1')).toBe(0);
  });

  it('reads robots.txt once per host for the life of the fetcher', async () => {
    server = await startFixtureServer({ '/robots.txt': robotsTxt('User-agent: *\nDisallow:\n'), '/a': ok, '/b': ok, '/c': ok });
    const { fetcher } = fetcherFor();
    await Promise.all(['/a', '/b', '/c'].map((path) => fetcher.fetch(`${server.url}${path}`)));
    expect(server.hits('/robots.txt')).toBe(1);
    expect(server.hits('/a') + server.hits('/b') + server.hits('/c')).toBe(3);
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    server = await startFixtureServer({ '/anything/at/all': ok });
    const { fetcher } = fetcherFor();
    expect((await fetcher.fetch(`${server.url}/anything/at/all`)).status).toBe(200);
    expect(server.hits('/robots.txt')).toBe(1);
  });

  it('holds back from the whole site while robots.txt answers 5xx, without requesting the page', async () => {
    server = await startFixtureServer({ '/robots.txt': (_req, res) => res.writeHead(503).end(), '/news/1.html': ok });
    const { fetcher } = fetcherFor();
    const error = await rejection(fetcher.fetch(`${server.url}/news/1.html`));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    // Retryable: a later run may find robots.txt readable again.
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toContain('could not be read (HTTP 503 (gave up after 2 attempts))');
    expect(server.hits('/news/1.html')).toBe(0);
    expect(server.hits('/robots.txt')).toBe(2);
  });

  it('honours a Crawl-delay longer than our own delay', async () => {
    const clock = virtualClock();
    server = await startFixtureServer({ '/robots.txt': robotsTxt('User-agent: *\nCrawl-delay: 3\n'), '/a': ok, '/b': ok }, { now: clock.now });
    const { fetcher } = fetcherFor({ hostDelayMs: 500, clock });
    await fetcher.fetch(`${server.url}/a`);
    await fetcher.fetch(`${server.url}/b`);
    const [, a, b] = server.log.map((entry) => entry.at);
    expect(b! - a!).toBe(3000);
  });

  it('can be switched off for sites we run ourselves', async () => {
    server = await startFixtureServer({ '/robots.txt': robotsTxt('User-agent: *\nDisallow: /\n'), '/a': ok });
    const { fetcher } = fetcherFor({ robots: false });
    expect((await fetcher.fetch(`${server.url}/a`)).status).toBe(200);
    expect(server.hits('/robots.txt')).toBe(0);
  });
});
