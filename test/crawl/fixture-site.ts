import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { feedSourceSchema, listSourceSchema, pageSourceSchema } from '../../config/schema.ts';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import type { CrawlDeps } from '../../collectors/mentions/crawl/crawl-source.ts';
import { createCrawlPorts } from '../../collectors/mentions/crawl/ports.ts';

const dir = resolve(import.meta.dirname, '../fixtures/crawl');
const fixture = (name: string) => readFileSync(resolve(dir, name), 'utf8');
export const storyA = fixture('story-a.txt').trim();

const FEED_ETAG = '"feed-v1"';

const PAGES: Record<string, [string, string]> = {
  '/list-1.html': ['text/html; charset=utf-8', 'list-1.html'],
  '/list-2.html': ['text/html; charset=utf-8', 'list-2.html'],
  '/list-3.html': ['text/html; charset=utf-8', 'list-3.html'],
  '/news/a.html': ['text/html; charset=utf-8', 'news-a.html'],
  '/news/ad.html': ['text/html; charset=utf-8', 'news-ad.html'],
  '/news/en.html': ['text/html; charset=utf-8', 'news-en.html'],
  '/site2/copy.html': ['text/html; charset=utf-8', 'site2-copy.html'],
  '/site3/repost.html': ['text/html; charset=utf-8', 'site3-repost.html'],
  '/forum/complaint.html': ['text/html; charset=utf-8', 'forum-complaint.html'],
  '/feed.xml': ['application/rss+xml', 'feed.xml'],
};

/** Twenty sites reposting story A, each with its own small edit: a source line, a changed word, an editor's note. */
function repostsFeed(): string {
  const items = Array.from({ length: 20 }, (_, i) => {
    const text = `（来源：站点${i + 1}）${storyA.replace('非常方便', i % 2 ? '特别方便' : '非常方便')}${i % 3 === 0 ? `（编辑：${i + 1}号）` : ''}`;
    return `<item><title>转载${i + 1}：居留许可续签预约加急</title><link>/reposts/${i + 1}.html</link><description>${text}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Reposts</title><link>/</link><description>r</description>${items.join('')}</channel></rss>`;
}

export interface FixtureSite {
  url: string;
  /** Requests per path (query strings ignored). */
  hits(path: string): number;
  /** Replaces the watched notice page's text. */
  setNotice(html: string): void;
  resetNotice(): void;
  close(): Promise<void>;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  let notice = fixture('notice.html');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const page = PAGES[path];
    if (path === '/feed.xml' && req.headers['if-none-match'] === FEED_ETAG) return res.writeHead(304, { etag: FEED_ETAG }).end();
    if (path === '/feed.xml' && page) return res.writeHead(200, { 'content-type': page[0], etag: FEED_ETAG }).end(fixture(page[1]));
    if (page) return res.writeHead(200, { 'content-type': page[0] }).end(fixture(page[1]));
    if (path === '/notice.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(notice);
    if (path === '/reposts.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(repostsFeed());
    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (path === '/news/broken.html') return res.writeHead(500).end('internal error');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits: (path) => hits.get(path) ?? 0,
    setNotice: (html) => {
      notice = html;
    },
    resetNotice: () => {
      notice = fixture('notice.html');
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** The real fetcher (robots.txt obeyed), without the politeness delay a loopback site does not need. */
export function fixtureDeps(): CrawlDeps {
  return {
    ports: createCrawlPorts(createFetcher({ timeoutMs: 2000, retries: 1, maxBodyBytes: 1 << 20, userAgent: 'talentpulse-test', baseDelayMs: 5, hostDelayMs: 0 })),
    timeZone: 'Asia/Shanghai',
    pseudonymKey: 'test-key-123456',
    nearDuplicate: { days: 7, distance: 3 },
  };
}

export const sources = (base: string) => ({
  list: listSourceSchema.parse({
    id: 'lixia-times',
    kind: 'list',
    community: 'lixia-intl',
    url: `${base}/list-1.html`,
    name: '历下时报',
    reach: 5,
    exclude: '广告 OR 促销',
    list: { item: 'ul.news li', link: 'a', date: '.date', next_page: 'a.next', max_pages: 2 },
  }),
  feed: feedSourceSchema.parse({ id: 'aggregator', kind: 'feed', community: 'lixia-intl', url: `${base}/feed.xml`, fetch_articles: true, reach: 2 }),
  reposts: feedSourceSchema.parse({ id: 'reposts', kind: 'feed', community: 'lixia-intl', url: `${base}/reposts.xml` }),
  notice: pageSourceSchema.parse({ id: 'notice', kind: 'page', community: 'lixia-intl', url: `${base}/notice.html`, selectors: { body: 'article', remove: ['.related'] } }),
});
