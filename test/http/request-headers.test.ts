import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

let api: FixtureServer;
let elsewhere: FixtureServer;
beforeAll(async () => {
  elsewhere = await startFixtureServer({ '/landing': (_req, res) => res.writeHead(200).end('moved') });
  api = await startFixtureServer({
    '/data': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
    '/here': (_req, res) => res.writeHead(302, { location: '/data' }).end(),
    '/away': (_req, res) => res.writeHead(302, { location: `${elsewhere.url}/landing` }).end(),
  });
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

const fetcher = createFetcher({ timeoutMs: 2000, retries: 0, maxBodyBytes: 1024, userAgent: 'talentpulse-test/1.0', hostDelayMs: 0, robots: false });
const headers = { Authorization: 'Token s3cret', Accept: 'application/json' };

describe('caller headers', () => {
  it('are sent with the request and with a redirect within the same origin', async () => {
    await fetcher.fetch(`${api.url}/here`, { headers });
    const sent = api.log.filter((entry) => entry.path === '/here' || entry.path === '/data');
    expect(sent.map((entry) => [entry.path, entry.headers.authorization, entry.headers.accept])).toEqual([
      ['/here', 'Token s3cret', 'application/json'],
      ['/data', 'Token s3cret', 'application/json'],
    ]);
  });

  it('are dropped on a redirect to another origin, so a token never reaches a third party', async () => {
    expect((await fetcher.fetch(`${api.url}/away`, { headers })).body.toString()).toBe('moved');
    const landed = elsewhere.log.find((entry) => entry.path === '/landing');
    expect(landed?.headers.authorization).toBeUndefined();
  });
});
