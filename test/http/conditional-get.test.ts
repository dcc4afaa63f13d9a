import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { createMemoryValidatorStore, type ValidatorStore } from '../../collectors/http/validator-store.ts';
import { createHttpCacheStore, httpCacheKey, readHttpValidators, writeHttpValidators } from '../../warehouse/http-cache.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

const feed = '<rss version="2.0"><channel><title>泉城资讯</title></channel></rss>';
const lastModified = 'Tue, 03 Mar 2026 08:00:00 GMT';

function byEtag(req: IncomingMessage, res: ServerResponse) {
  if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
  else res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(feed);
}
function byDate(req: IncomingMessage, res: ServerResponse) {
  if (req.headers['if-modified-since'] === lastModified) res.writeHead(304).end();
  else res.writeHead(200, { 'last-modified': lastModified }).end(feed);
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ '/feed.rss': byEtag, '/dated.rss': byDate, '/plain.rss': byEtag });
});
afterAll(() => server.close());

const fetcherWith = (validators: ValidatorStore) => createFetcher({ timeoutMs: 1000, retries: 0, maxBodyBytes: 4096, userAgent: 't', hostDelayMs: 0, validators });

describe('conditional GET with an in-memory store', () => {
  it('sends If-None-Match on the second fetch and returns an empty 304', async () => {
    const store = createMemoryValidatorStore();
    const fetcher = fetcherWith(store);
    const first = await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true });
    expect(first).toMatchObject({ status: 200, notModified: false, validators: { etag: '"v1"' } });
    expect(first.body.toString()).toBe(feed);
    const second = await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true });
    expect(second).toMatchObject({ status: 304, notModified: true, validators: { etag: '"v1"' } });
    expect(second.body.length).toBe(0);
    const requests = server.log.filter((entry) => entry.path === '/feed.rss');
    expect(requests.map((entry) => entry.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    expect(store.entries.get(`${server.url}/feed.rss`)).toEqual({ etag: '"v1"', lastModified: undefined, status: 304 });
  });

  it('sends If-Modified-Since from a stored Last-Modified', async () => {
    const fetcher = fetcherWith(createMemoryValidatorStore());
    await fetcher.fetch(`${server.url}/dated.rss`, { conditional: true });
    expect(await fetcher.fetch(`${server.url}/dated.rss`, { conditional: true })).toMatchObject({ status: 304, notModified: true, validators: { lastModified } });
  });

  it('leaves storing to the caller when asked, so a failed run does not turn the next one into a 304', async () => {
    const store = createMemoryValidatorStore();
    const fetcher = fetcherWith(store);
    const result = await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true, saveValidators: false });
    expect(store.entries.size).toBe(0);
    await store.put(`${server.url}/feed.rss`, { ...result.validators, status: result.status });
    expect((await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true })).notModified).toBe(true);
  });

  it('fetches in full without the option, as existing callers do', async () => {
    const fetcher = fetcherWith(createMemoryValidatorStore());
    await fetcher.fetch(`${server.url}/plain.rss`, { conditional: true });
    const again = await fetcher.fetch(`${server.url}/plain.rss`);
    expect(again).toMatchObject({ status: 200, notModified: false });
    expect(again.body.toString()).toBe(feed);
  });
});

describe.each(drivers)('http_cache store on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('upserts validators keyed by the sha256 of the URL', async () => {
    const { db } = database;
    const url = 'https://news.example.cn/rss?column=talent';
    expect(await readHttpValidators(db, url)).toBeUndefined();
    await writeHttpValidators(db, url, { etag: '"a"', status: 200 }, new Date('2026-03-04T00:00:00Z'));
    await writeHttpValidators(db, url, { etag: '"b"', lastModified, status: 304 }, new Date('2026-03-04T01:00:00Z'));
    expect(await readHttpValidators(db, url)).toEqual({ etag: '"b"', lastModified });
    const rows = await db.selectFrom('http_cache').selectAll().execute();
    expect(rows).toEqual([{ url_hash: httpCacheKey(url), url, etag: '"b"', last_modified: lastModified, status: 304, checked_at: new Date('2026-03-04T01:00:00Z') }]);
    expect(httpCacheKey(url)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('turns the second crawl of an unchanged feed into a 304', async () => {
    const fetcher = fetcherWith(createHttpCacheStore(database.db));
    expect((await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true })).status).toBe(200);
    const second = await fetcher.fetch(`${server.url}/feed.rss`, { conditional: true });
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
    const rows = await database.db.selectFrom('http_cache').select(['etag', 'status']).execute();
    expect(rows).toEqual([{ etag: '"v1"', status: 304 }]);
  });
});
