import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher, type FetcherOptions } from '../../collectors/http/fetcher.ts';
import { startFixtureServer, type FixtureServer, type Route } from './fixture-server.ts';
import { virtualClock } from './virtual-clock.ts';

// Each page takes a little real time, so requests that are allowed to overlap do overlap.
const page: Route = (_req, res) => void setTimeout(() => res.writeHead(200).end('page'), 20);
const routes = { '/1': page, '/2': page, '/3': page, '/4': page };
const paths = Object.keys(routes);

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setUp(extra: Partial<FetcherOptions>, hosts = ['127.0.0.1']) {
  const clock = virtualClock();
  for (const host of hosts) servers.push(await startFixtureServer(routes, { host, now: clock.now }));
  const fetcher = createFetcher({ timeoutMs: 1000, retries: 0, maxBodyBytes: 1024, userAgent: 't', robots: false, clock, ...extra });
  return { fetcher, clock };
}

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);

describe('per-host politeness', () => {
  it('spaces requests to one host by the delay and keeps one in flight by default', async () => {
    const { fetcher } = await setUp({ hostDelayMs: 1000 });
    const [server] = servers;
    await Promise.all(paths.map((path) => fetcher.fetch(`${server!.url}${path}`)));
    expect(gaps(server!.log.map((entry) => entry.at))).toEqual([1000, 1000, 1000]);
    expect(Math.max(...server!.log.map((entry) => entry.inFlight))).toBe(1);
  });

  it('lets up to N requests run at once per host when configured', async () => {
    const { fetcher } = await setUp({ hostDelayMs: 0, hostConcurrency: 2 });
    const [server] = servers;
    await Promise.all(paths.map((path) => fetcher.fetch(`${server!.url}${path}`)));
    expect(Math.max(...server!.log.map((entry) => entry.inFlight))).toBe(2);
  });

  it('does not make one host wait for another', async () => {
    const { fetcher, clock } = await setUp({ hostDelayMs: 1000 }, ['127.0.0.1', '127.0.0.2']);
    const started = clock.now();
    await Promise.all(servers.flatMap((server) => paths.slice(0, 2).map((path) => fetcher.fetch(`${server.url}${path}`))));
    for (const server of servers) expect(server.log.map((entry) => entry.at - started)).toEqual([0, 1000]);
  });

  it('spaces retries of a busy host by its Retry-After for every URL on that host', async () => {
    const clock = virtualClock();
    const server = await startFixtureServer(
      {
        '/busy': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '5' }).end() : res.writeHead(200).end()),
        '/other': page,
      },
      { now: clock.now },
    );
    servers.push(server);
    const fetcher = createFetcher({ timeoutMs: 1000, retries: 1, maxBodyBytes: 1024, userAgent: 't', robots: false, hostDelayMs: 0, baseDelayMs: 1, clock });
    const started = clock.now();
    await fetcher.fetch(`${server.url}/busy`);
    await fetcher.fetch(`${server.url}/other`);
    expect(server.log.map((entry) => [entry.path, entry.at - started])).toEqual([
      ['/busy', 0],
      ['/busy', 5000],
      ['/other', 5000],
    ]);
  });
});
