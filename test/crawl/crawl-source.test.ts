import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSource } from '../../collectors/mentions/crawl/crawl-source.ts';
import { countRows } from '../collectors/table-counts.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { fixtureDeps, type FixtureSite, sources, startFixtureSite } from './fixture-site.ts';

const now = new Date('2026-03-04T00:00:00Z');
const tables = ['mentions', 'collector_runs', 'rejects', 'sources', 'communities'] as const;

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

describe.each(drivers)('crawlSource on $name', (driver) => {
  // One database per driver (opening PGlite is the slow part); each test starts from empty crawl tables.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    for (const table of ['rejects', 'collector_runs', 'mentions', 'sources'] as const) await database.db.deleteFrom(table).execute();
  });

  const path = (url: string) => url.replace(site.url, '');

  it('crawls a paginated list: clean article text, rules, failures and robots.txt, each counted', async () => {
    const { db } = database;
    const report = await crawlSource(db, sources(site.url).list, fixtureDeps(), { now });
    expect(report.stats).toMatchObject({ read: 7, fetched: 5, new: 2, near_duplicate: 0, duplicate: 1, filtered_out: 1, disallowed: 1, failed: 2, rejected: 2 });
    expect(report.status).toBe('partial');
    expect(report.items.map((i) => [i.outcome, path(i.url)])).toEqual([
      ['new', '/news/a.html'],
      ['filtered_out', '/news/ad.html'],
      ['failed', '/news/gone.html'],
      ['new', '/news/en.html'],
      ['failed', '/news/broken.html'],
      ['duplicate', '/news/a.html'],
      ['disallowed', '/private/internal.html'],
    ]);
    // max_pages 2: the third list page and its article are never requested; robots.txt's /private/ neither.
    expect(site.hits('/list-3.html')).toBe(0);
    expect(site.hits('/private/internal.html')).toBe(0);

    const mentions = await db.selectFrom('mentions').selectAll().orderBy('id').execute();
    expect(mentions.map((m) => path(m.url))).toEqual(['/news/a.html', '/news/en.html']);
    const [a, en] = mentions;
    expect(a).toMatchObject({ title: '历下国际人才社区推出居留许可续签预约加急服务', lang: 'zh', reach: 5, is_original: true, source_id: 'lixia-times' });
    expect(a?.story_key).toBe(a?.url_hash);
    expect(a?.text).toMatch(/^近日，历下国际人才社区/);
    // Navigation, related links, comments and the footer (with its phone number) are not the article.
    for (const noise of ['登录', '外籍人士论坛', '相关阅读', '网友评论', '版权所有', '0531']) expect(a?.text).not.toContain(noise);
    expect(a?.published_at.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(a?.author).toMatch(/^[0-9a-f]{16}$/);
    expect(a?.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(en).toMatchObject({ lang: 'en', title: 'English service line opens on the 12345 hotline' });

    const rejects = await db.selectFrom('rejects').select(['location', 'reason', 'run_id']).orderBy('id').execute();
    expect(rejects.map((r) => [path(r.location), r.reason, r.run_id])).toEqual([
      ['/news/gone.html', 'HTTP 404', report.run_id],
      ['/news/broken.html', 'HTTP 500 (gave up after 2 attempts)', report.run_id],
    ]);
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ id: report.run_id, status: 'partial', error: null });
    expect(run.stats).toMatchObject({ new: 2, filtered_out: 1, disallowed: 1, failed: 2 });
    const source = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
    expect(source.last_new_at?.toISOString()).toBe(now.toISOString());
  });

  it('a feed whose items link to article pages: exact duplicate dropped, repost joins the story, stored URLs not fetched again', async () => {
    const { db } = database;
    const { list, feed } = sources(site.url);
    await crawlSource(db, list, fixtureDeps(), { now });
    const enHits = site.hits('/news/en.html');
    const report = await crawlSource(db, feed, fixtureDeps(), { now });
    expect(report.stats).toMatchObject({ read: 5, new: 1, near_duplicate: 1, duplicate: 2, failed: 1 });
    expect(report.items.map((i) => [i.outcome, path(i.url)])).toEqual([
      ['failed', '/feed.xml'],
      ['duplicate', '/site2/copy.html'],
      ['near_duplicate', '/site3/repost.html'],
      ['new', '/forum/complaint.html'],
      ['duplicate', '/news/en.html'],
    ]);
    expect(report.items[1]?.reason).toBe(`same text as ${site.url}/news/a.html`);
    expect(site.hits('/news/en.html')).toBe(enHits);

    const a = await db.selectFrom('mentions').selectAll().where('url', '=', `${site.url}/news/a.html`).executeTakeFirstOrThrow();
    const repost = await db.selectFrom('mentions').selectAll().where('url', '=', `${site.url}/site3/repost.html`).executeTakeFirstOrThrow();
    expect(repost).toMatchObject({ story_key: a.url_hash, is_original: false, source_id: 'aggregator', reach: 2 });
    // The canonical URL dropped the tracking parameters the feed carried.
    expect(report.items[2]?.story_key).toBe(a.url_hash);
  });

  it('replay: crawling again adds nothing and fetches no stored article again', async () => {
    const { db } = database;
    const { list, feed } = sources(site.url);
    await crawlSource(db, list, fixtureDeps(), { now });
    await crawlSource(db, feed, fixtureDeps(), { now });
    const before = await countRows(db, ['mentions', 'sources', 'communities']);
    const stored = ['/news/a.html', '/news/en.html', '/site3/repost.html', '/forum/complaint.html'];
    const hits = stored.map((p) => site.hits(p));

    const again = [await crawlSource(db, list, fixtureDeps(), { now }), await crawlSource(db, feed, fixtureDeps(), { now })];
    expect(again.map((r) => r.stats.new + r.stats.near_duplicate)).toEqual([0, 0]);
    expect(again[0]?.stats).toMatchObject({ duplicate: 3, filtered_out: 1, failed: 2 });
    expect(stored.map((p) => site.hits(p))).toEqual(hits);
    expect(await countRows(db, ['mentions', 'sources', 'communities'])).toEqual(before);
  });

  it('an unchanged feed costs one conditional request answered 304, and a dry run still shows its items', async () => {
    const { db } = database;
    const { feed } = sources(site.url);
    await crawlSource(db, feed, fixtureDeps(), { now });
    const cached = await db.selectFrom('http_cache').select(['url', 'etag', 'status']).where('url', '=', `${site.url}/feed.xml`).executeTakeFirstOrThrow();
    expect(cached).toMatchObject({ etag: '"feed-v1"', status: 200 });
    const feedHits = site.hits('/feed.xml');

    const again = await crawlSource(db, feed, fixtureDeps(), { now });
    expect(again.stats).toMatchObject({ not_modified: 1, fetched: 0, new: 0 });
    expect(site.hits('/feed.xml')).toBe(feedHits + 1);
    const dry = await crawlSource(db, feed, fixtureDeps(), { now, dryRun: true });
    expect(dry.stats.not_modified).toBe(0);
    expect(dry.items.length).toBeGreaterThan(1);
  });

  it('twenty reposts of one story: one story, twenty mentions, one original', async () => {
    const { db } = database;
    const report = await crawlSource(db, sources(site.url).reposts, fixtureDeps(), { now });
    expect(report.stats).toMatchObject({ new: 1, near_duplicate: 19, duplicate: 0 });
    const stories = await db
      .selectFrom('mentions')
      .select(['story_key', (eb) => eb.fn.countAll<number>().as('mentions'), (eb) => eb.fn.count<number>('id').filterWhere('is_original', '=', true).as('originals')])
      .groupBy('story_key')
      .execute();
    expect(stories.map((s) => ({ mentions: Number(s.mentions), originals: Number(s.originals) }))).toEqual([{ mentions: 20, originals: 1 }]);
    const original = await db.selectFrom('mentions').select(['url', 'url_hash', 'story_key']).where('is_original', '=', true).executeTakeFirstOrThrow();
    expect(path(original.url)).toBe('/reposts/1.html');
    expect(original.story_key).toBe(original.url_hash);
  });

  it('a dry run writes nothing and says what would happen to each item and why', async () => {
    const { db } = database;
    const before = await countRows(db, [...tables]);
    const { list, reposts } = sources(site.url);
    const report = await crawlSource(db, list, fixtureDeps(), { now, dryRun: true });
    expect(report).toMatchObject({ dry_run: true, run_id: null });
    expect(report.stats).toMatchObject({ new: 2, filtered_out: 1, failed: 2, disallowed: 1 });
    expect(report.items.find((i) => i.outcome === 'filtered_out')?.reason).toBe('exclude rule "广告 OR 促销" matched ("广告", "促销")');
    expect(report.items.find((i) => path(i.url) === '/news/gone.html')?.reason).toBe('HTTP 404');
    // Within one dry run the repost still groups with what the run would have stored before it.
    const feedDry = await crawlSource(db, reposts, fixtureDeps(), { now, dryRun: true });
    expect(feedDry.stats).toMatchObject({ new: 1, near_duplicate: 19 });
    expect(await countRows(db, [...tables])).toEqual(before);
  });

  it('a watched page is stored again only when its text changes', async () => {
    const { db } = database;
    const { notice } = sources(site.url);
    expect((await crawlSource(db, notice, fixtureDeps(), { now })).stats).toMatchObject({ new: 1 });
    expect((await crawlSource(db, notice, fixtureDeps(), { now })).stats).toMatchObject({ new: 0, duplicate: 1 });
    site.setNotice('<html><body><article><h1>关于暂停一站式服务窗口的紧急通知</h1><p>因系统升级，一站式服务窗口三月五日至三月七日暂停办理居留许可和工作许可业务，给大家带来不便，敬请谅解。</p></article></body></html>');
    try {
      const changed = await crawlSource(db, notice, fixtureDeps(), { now });
      expect(changed.stats).toMatchObject({ new: 1 });
    } finally {
      site.resetNotice();
    }
    const versions = await db.selectFrom('mentions').select(['title', 'url']).orderBy('id').execute();
    expect(versions.map((v) => v.title)).toEqual(['关于调整一站式服务窗口办公时间的通知', '关于暂停一站式服务窗口的紧急通知']);
    expect(new Set(versions.map((v) => v.url)).size).toBe(1);
  });

  it('an unreachable feed fails the run with its URL, recorded and returned, not thrown', async () => {
    const { db } = database;
    const feed = { ...sources(site.url).feed, url: `${site.url}/missing.xml` };
    const report = await crawlSource(db, feed, fixtureDeps(), { now });
    expect(report).toMatchObject({ status: 'failed', error: `${site.url}/missing.xml: HTTP 404` });
    const run = await db.selectFrom('collector_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'failed', error: `${site.url}/missing.xml: HTTP 404` });
    expect((await db.selectFrom('rejects').select('location').execute()).map((r) => r.location)).toEqual([`${site.url}/missing.xml`]);
    const source = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
    expect(source).toMatchObject({ last_success_at: null, last_new_at: null });
  });
});
