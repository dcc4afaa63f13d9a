import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { collectFeed } from '../../collectors/mentions/collect-feed.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { closedPortUrl, startLocalServer, type LocalServer } from './local-server.ts';
import { countRows } from './table-counts.ts';

const rss = readFileSync(resolve(import.meta.dirname, '../fixtures/collectors/community-news.rss'));
const gbkRss = iconv.encode(
  `<?xml version="1.0" encoding="gbk"?><rss version="2.0"><channel><title>泉城资讯</title>
   <item><title>外籍人才点赞济南办事效率</title><link>https://quancheng.example.cn/a/1</link>
   <description>外国专家表示，工作许可三天即可办结，非常满意。</description></item></channel></rss>`,
  'gbk',
);
const fetcher = createFetcher({ timeoutMs: 1000, retries: 1, maxBodyBytes: 1 << 20, userAgent: 'talentpulse-test', baseDelayMs: 5 });
const now = new Date('2026-03-04T00:00:00Z');

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url === '/news.rss') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
    else if (req.url === '/gbk.rss') res.writeHead(200, { 'content-type': 'text/xml; charset=gbk' }).end(gbkRss);
    else if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>not a feed</body></html>');
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

describe.each(drivers)('collectFeed on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  const source = (path: string) => ({ id: 'news-lixia', community: 'lixia-intl', url: `${server.url}${path}`, reach: 2.5, name: 'Lixia news' });

  it('stores zh and en items as redacted plain-text mentions under canonical URLs', async () => {
    const { db } = database;
    const summary = await collectFeed(db, { source: source('/news.rss'), fetcher, pseudonymKey: 'k-123456', now });
    expect(summary).toMatchObject({ source_id: 'news-lixia', read: 4, new: 3, duplicate: 0, rejected: 1 });

    const mentions = await db.selectFrom('mentions').selectAll().orderBy('published_at').execute();
    const [oneStop, waits, market] = mentions;
    expect(oneStop).toMatchObject({
      url: 'https://news.example.org/2026/03/one-stop.html',
      title: '国际人才社区“一站式”服务窗口正式启用',
      text: '外籍人才可在一个窗口办理签证、居留和工作许可。 咨询电话：[PHONE]',
      lang: 'zh',
      reach: 2.5,
    });
    expect(oneStop?.published_at.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(oneStop?.author).toMatch(/^[0-9a-f]{16}$/);
    expect(waits).toMatchObject({
      url: 'https://news.example.org/2026/03/waits.html?id=42',
      text: 'Residents said the queue took four hours. One wrote to [EMAIL] from [PHONE].',
      lang: 'en',
    });
    // Relative links resolve against the site the feed names; undated items get the collection time.
    expect(market).toMatchObject({ url: 'https://news.example.org/2026/03/market.html', text: 'Food & crafts from 20 countries.' });
    expect(market?.published_at.toISOString()).toBe(now.toISOString());
    expect(oneStop?.url_hash).toMatch(/^[0-9a-f]{64}$/);

    const reject = await db.selectFrom('rejects').selectAll().executeTakeFirstOrThrow();
    expect(reject).toMatchObject({ run_id: summary.run_id, field: 'link', row: 4, location: `${server.url}/news.rss` });
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run.status).toBe('partial');
  });

  it('collects the same feed twice without duplicates', async () => {
    const { db } = database;
    await collectFeed(db, { source: source('/news.rss'), fetcher, now });
    const before = await countRows(db, ['mentions', 'sources']);
    const second = await collectFeed(db, { source: source('/news.rss'), fetcher, now });
    expect(second).toMatchObject({ read: 4, new: 0, duplicate: 3 });
    expect(await countRows(db, ['mentions', 'sources'])).toEqual(before);
  });

  it('decodes a GBK feed', async () => {
    const { db } = database;
    expect(await collectFeed(db, { source: source('/gbk.rss'), fetcher, now })).toMatchObject({ new: 1, rejected: 0 });
    const mention = await db.selectFrom('mentions').selectAll().executeTakeFirstOrThrow();
    expect(mention.title).toBe('外籍人才点赞济南办事效率');
    expect(mention.text).toBe('外国专家表示，工作许可三天即可办结，非常满意。');
  });

  it('records an unreachable feed as a failed run naming the URL, without throwing', async () => {
    const { db } = database;
    const url = await closedPortUrl();
    const summary = await collectFeed(db, { source: { ...source(''), url }, fetcher, now });
    expect(summary.error).toContain(url);
    expect(summary.error).toMatch(/ECONNREFUSED/);
    expect(summary).toMatchObject({ read: 0, new: 0 });
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: summary.run_id, status: 'failed' });
    expect(run.error).toContain(url);
    expect(run.finished_at).toBeInstanceOf(Date);
    const sourceRow = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
    expect(sourceRow.last_success_at).toBeNull();
  });

  it('records a 404 and a page that is not a feed as failed runs', async () => {
    const { db } = database;
    const hitsBefore = server.hits.get('/gone.rss') ?? 0;
    const missing = await collectFeed(db, { source: source('/gone.rss'), fetcher, now });
    expect(missing.error).toMatch(/\/gone\.rss: HTTP 404/);
    expect(server.hits.get('/gone.rss')).toBe(hitsBefore + 1); // final: not retried
    const page = await collectFeed(db, { source: source('/page.html'), fetcher, now });
    expect(page.error).toMatch(/\/page\.html: not an RSS or Atom feed/);
    const statuses = await db.selectFrom('collector_runs').select('status').execute();
    expect(statuses.map((s) => s.status)).toEqual(['failed', 'failed']);
  });
});
