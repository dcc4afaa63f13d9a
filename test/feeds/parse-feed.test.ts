import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../collectors/mentions/feeds/index.ts';
import { readFeedEntries } from '../../collectors/mentions/feed-items.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/feeds', name), 'utf8');
const url = 'https://origin.example/feeds/latest';

describe('parseFeed', () => {
  it('reads RSS 0.91, resolving relative links against the feed link and decoding HTML entities', () => {
    const feed = parseFeed(fixture('rss-091.xml'), { url });
    expect(feed).toMatchObject({ format: 'rss', title: 'Jinan Expat Forum', link: 'https://forum.example.net/' });
    expect(feed.items.map((item) => item.link)).toEqual(['https://forum.example.net/t/101', 'https://forum.example.net/t/102']);
    expect(feed.items[0]?.title).toBe('Where to renew a work permit & residence permit?');
    // &nbsp; is no XML entity: decoded all the same, and the feed is flagged as not quite right.
    expect(feed.items[0]?.summary).toBe('I was sent between three offices\u00a0before someone helped.');
    expect(feed.warnings).toEqual([expect.stringContaining('&nbsp;')]);
  });

  it('reads RSS 1.0 (RDF) with Dublin Core creator and date', () => {
    const feed = parseFeed(fixture('rss-10-rdf.xml'), { url });
    expect(feed).toMatchObject({ format: 'rdf', title: '历下区人才服务公告', warnings: [] });
    expect(feed.items).toEqual([
      {
        id: 'https://gov.example.cn/notices/7',
        title: '关于外籍人才子女入学的通知',
        link: 'https://gov.example.cn/notices/7',
        published_at: null,
        updated_at: new Date('2026-03-05T01:30:00Z'),
        summary: '外籍人才子女可就近入学，请于三月底前提交材料。',
        content: null,
        author: '区人才服务中心',
      },
    ]);
  });

  it('reads RSS 2.0 with content:encoded, dc:creator, CDATA and HTML in titles', () => {
    const feed = parseFeed(fixture('rss-20-content.xml'), { url });
    expect(feed.title).toBe('泉城国际人才 & Talent News');
    const [zh, en] = feed.items;
    expect(zh).toMatchObject({
      id: 'news-2026-0301',
      title: '外籍专家点赞济南“一站式”服务',
      link: 'https://news.example.cn/2026/03/praise.html',
      published_at: new Date('2026-03-01T00:00:00Z'),
      summary: '外籍专家表示，工作许可三天即可办结。',
      author: '记者 李华',
    });
    // content keeps the publisher's HTML; summary and title are plain text.
    expect(zh?.content).toContain('<strong>三天</strong>');
    expect(en).toMatchObject({
      title: 'Residence permit queue “took four hours”',
      summary: 'Residents said the wait was far too long.',
      // "Mon, 2 Mar 26 17:45 EST": two-digit year, no seconds, a named US zone.
      published_at: new Date('2026-03-02T22:45:00Z'),
      author: 'Jane Reporter',
    });
  });

  it('reads Atom 1.0, resolving links through nested xml:base and honouring text constructs', () => {
    const feed = parseFeed(fixture('atom-xml-base.xml'), { url });
    expect(feed).toMatchObject({ format: 'atom', title: 'Living in Jinan', link: 'https://blog.example.org/talent/', warnings: [] });
    const [post, tea] = feed.items;
    expect(post).toMatchObject({
      link: 'https://blog.example.org/talent/posts/2026/work-permit.html',
      id: 'tag:blog.example.org,2026:1',
      published_at: new Date('2026-03-04T00:00:00Z'),
      updated_at: new Date('2026-03-05T10:00:00Z'),
      author: 'Maria Lopez',
      // type="text": "&lt;" is a literal less-than sign, not markup to strip.
      summary: 'Three visits & two forms: 3 < 5.',
    });
    expect(tea).toMatchObject({ link: 'https://elsewhere.example.com/tea', summary: 'A warm welcome in the community.', published_at: null });
  });

  it('reads JSON Feed 1.1, resolving item URLs against the home page', () => {
    const feed = parseFeed(fixture('json-feed-11.json'), { url });
    expect(feed).toMatchObject({ format: 'json', title: '社区动态 Community Updates', link: 'https://community.example.cn/', warnings: [] });
    expect(feed.items[0]).toMatchObject({
      id: '42',
      link: 'https://community.example.cn/updates/42',
      title: '国际学校开放日',
      published_at: new Date('2026-03-01T02:00:00Z'),
      author: '社区办公室',
    });
    expect(feed.items[1]).toMatchObject({ summary: 'The visa office now opens on Saturdays.', updated_at: new Date('2026-03-03T09:00:00Z') });
  });

  it('keeps the recoverable items of a malformed feed and says what was wrong', () => {
    const feed = parseFeed(fixture('malformed.rss'), { url });
    expect(feed.items.map((item) => item.link)).toEqual(['https://broken.example.com/1', 'https://broken.example.com/2']);
    expect(feed.items[0]).toMatchObject({ title: 'First item is fine © 2026', summary: '签证中心今天人很多。' });
    expect(feed.warnings.join('\n')).toMatch(/not well-formed XML at line \d+/);
  });

  it('recovers items from a truncated document that the lenient parser alone rejects', () => {
    const truncated = '<rss version="2.0"><channel><title>Cut off</title><item><title>一条新闻</title><link>https://a.example/1</link></item></channel></rss';
    const feed = parseFeed(truncated, { url });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: '一条新闻', link: 'https://a.example/1' });
    expect(feed.warnings[0]).toMatch(/not well-formed XML|repaired/);
  });

  it('rejects a web page that is not a feed with a FeedParseError naming the URL', () => {
    expect(() => parseFeed(fixture('not-a-feed.html'), { url: 'https://www.example.cn/index.html' })).toThrow(FeedParseError);
    expect(() => parseFeed(fixture('not-a-feed.html'), { url: 'https://www.example.cn/index.html' })).toThrow(/^https:\/\/www\.example\.cn\/index\.html: not an RSS or Atom feed/);
    expect(() => parseFeed('{"name": "not a feed"}', { url })).toThrow(FeedParseError);
    expect(() => parseFeed('plain text', { url })).toThrow(FeedParseError);
  });

  it('hands collection plain-text entries, taking the fuller content over the summary', () => {
    const [zh] = readFeedEntries(fixture('rss-20-content.xml'), url);
    expect(zh?.text).toBe('外籍专家表示，工作许可三天即可办结，非常满意。');
    expect(zh?.published).toEqual(new Date('2026-03-01T00:00:00Z'));
    const [json] = readFeedEntries(fixture('json-feed-11.json'), url);
    expect(json?.link).toBe('https://community.example.cn/updates/42');
  });
});
