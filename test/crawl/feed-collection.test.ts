import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../collectors/mentions/crawl/crawl-source.ts';
import { feedSourceSchema } from '../../config/schema.ts';
import { closedPortUrl, type FixtureServer, startFixtureServer } from '../http/fixture-server.ts';
import { countRows } from '../collectors/table-counts.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { fixtureDeps } from './fixture-site.ts';

// A feed source whose items' own text is the mention (no article pages fetched): what the old
// feed collector did, now done by the crawl.

const rss = readFileSync(resolve(import.meta.dirname, '../fixtures/collectors/community-news.rss'));
const gbkRss = iconv.encode(
  `<?xml version="1.0" encoding="gbk"?><rss version="2.0"><channel><title>泉城资讯</title>
   <item><title>外籍人才点赞济南办事效率</title><link>https://quancheng.example.cn/a/1</link>
   <description>外国专家表示，工作许可三天即可办结，非常满意。</description></item></channel></rss>`,
  'gbk',
);
const now = new Date('2026-03-04T00:00:00Z');

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/news.rss': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss),
    '/gbk.rss': (_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=gbk' }).end(gbkRss),
    '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>not a feed</body></html>'),
  });
});
afterAll(() => server.close());

const feed = (url: string) => feedSourceSchema.parse({ id: 'news-lixia', kind: 'feed', community: 'lixia-intl', url, name: 'Lixia news', reach: 2.5, fetch_articles: false });

describe.each(drivers)('crawling a feed source on $name', (driver) => {
  // One database per driver (opening PGlite is the slow part); each test starts from empty crawl tables.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    for (const table of ['rejects', 'collector_runs', 'mentions', 'sources', 'http_cache'] as const) await database.db.deleteFrom(table).execute();
  });

  it('stores zh and en items as redacted plain-text mentions under canonical URLs', async () => {
    const { db } = database;
    const url = `${server.url}/news.rss`;
    const report = await crawlSource(db, feed(url), fixtureDeps(), { now });
    expect(report).toMatchObject({ source_id: 'news-lixia', status: 'partial' });
    expect(report.stats).toMatchObject({ read: 4, fetched: 1, new: 3, near_duplicate: 0, duplicate: 0, failed: 1, rejected: 1 });

    const mentions = await db.selectFrom('mentions').selectAll().orderBy('published_at').execute();
    const [oneStop, waits, market] = mentions;
    expect(oneStop).toMatchObject({
      url: 'https://news.example.org/2026/03/one-stop.html',
      title: '国际人才社区“一站式”服务窗口正式启用',
      text: '外籍人才可在一个窗口办理签证、居留和工作许可。 咨询电话：[PHONE]',
      lang: 'zh',
      reach: 2.5,
      source_id: 'news-lixia',
      is_original: true,
    });
    expect(oneStop?.published_at.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(oneStop?.author).toMatch(/^[0-9a-f]{16}$/);
    expect(oneStop?.url_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(waits).toMatchObject({
      url: 'https://news.example.org/2026/03/waits.html?id=42',
      text: 'Residents said the queue took four hours. One wrote to [EMAIL] from [PHONE].',
      lang: 'en',
      reach: 2.5,
    });
    expect(waits?.author).toMatch(/^[0-9a-f]{16}$/);
    // Relative links resolve against the site the feed names; undated items get the crawl time.
    expect(market).toMatchObject({ url: 'https://news.example.org/2026/03/market.html', text: 'Food & crafts from 20 countries.', lang: 'en', author: null });
    expect(market?.published_at.toISOString()).toBe(now.toISOString());

    // The linkless item is a failed item of the run, rejected under the feed's URL.
    expect(report.items.filter((i) => i.outcome === 'failed')).toEqual([{ url, title: 'An item without a link', outcome: 'failed', reason: 'item has no http(s) link' }]);
    const reject = await db.selectFrom('rejects').selectAll().executeTakeFirstOrThrow();
    expect(reject).toMatchObject({ run_id: report.run_id, source_id: 'news-lixia', location: url, value: 'An item without a link', reason: 'item has no http(s) link' });
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: report.run_id, status: 'partial', error: null });
  });

  it('collects the same feed twice without duplicates', async () => {
    const { db } = database;
    const source = feed(`${server.url}/news.rss`);
    await crawlSource(db, source, fixtureDeps(), { now });
    const before = await countRows(db, ['mentions', 'sources', 'communities']);
    const second = await crawlSource(db, source, fixtureDeps(), { now });
    expect(second.stats).toMatchObject({ read: 4, new: 0, near_duplicate: 0, duplicate: 3, failed: 1 });
    expect(second.items.filter((i) => i.outcome === 'duplicate').map((i) => i.reason)).toEqual(Array(3).fill('URL already stored; not fetched again'));
    expect(await countRows(db, ['mentions', 'sources', 'communities'])).toEqual(before);
  });

  it('decodes a GBK feed', async () => {
    const { db } = database;
    const report = await crawlSource(db, feed(`${server.url}/gbk.rss`), fixtureDeps(), { now });
    expect(report.stats).toMatchObject({ new: 1, failed: 0, rejected: 0 });
    const mention = await db.selectFrom('mentions').selectAll().executeTakeFirstOrThrow();
    expect(mention).toMatchObject({ title: '外籍人才点赞济南办事效率', text: '外国专家表示，工作许可三天即可办结，非常满意。', lang: 'zh' });
  });

  it('records an unreachable feed as a failed run naming the URL, returned rather than thrown', async () => {
    const { db } = database;
    const url = await closedPortUrl();
    const report = await crawlSource(db, feed(url), fixtureDeps(), { now });
    expect(report.status).toBe('failed');
    // The crawl's fetcher asks robots.txt first, so the error names the feed and the robots.txt it could not reach.
    expect(report.error?.startsWith(`${url}: not fetched: `)).toBe(true);
    expect(report.error).toMatch(/robots\.txt unreachable \(ECONNREFUSED/);
    expect(report.stats).toMatchObject({ read: 0, fetched: 0, new: 0, failed: 1 });
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: report.run_id, status: 'failed', error: report.error });
    expect(run.finished_at).toBeInstanceOf(Date);
    expect((await db.selectFrom('rejects').select('location').execute()).map((r) => r.location)).toEqual([url]);
    const sourceRow = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
    expect(sourceRow.last_success_at).toBeNull();
  });

  it('records a 404 (final: requested once) and a page that is not a feed as failed runs', async () => {
    const { db } = database;
    const hitsBefore = server.hits('/gone.rss');
    const missing = await crawlSource(db, feed(`${server.url}/gone.rss`), fixtureDeps(), { now });
    expect(missing).toMatchObject({ status: 'failed', error: `${server.url}/gone.rss: HTTP 404` });
    expect(server.hits('/gone.rss')).toBe(hitsBefore + 1);
    const page = await crawlSource(db, feed(`${server.url}/page.html`), fixtureDeps(), { now });
    expect(page.status).toBe('failed');
    expect(page.error).toMatch(/\/page\.html: not an RSS or Atom feed/);
    const runs = await db.selectFrom('collector_runs').select(['status', 'error']).orderBy('id').execute();
    expect(runs).toEqual([
      { status: 'failed', error: missing.error },
      { status: 'failed', error: page.error },
    ]);
  });
});
