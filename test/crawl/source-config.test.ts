import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.ts';

function configWithSources(sources: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'talentpulse-sources-')), 'talentpulse.yaml');
  writeFileSync(file, `communities:\n  - { id: c, name_zh: 社区, name_en: Community }\nsources:\n${sources}`);
  return file;
}

describe('source configuration', () => {
  it('reads feed, list and page sources with their defaults', () => {
    const file = configWithSources(`
  - { id: news, kind: feed, community: c, url: "https://news.example.org/rss.xml" }
  - id: board
    kind: list
    community: c
    url: "https://bbs.example.org/forum-12.html"
    schedule: "0 * * * *"
    reach: 2
    include: 居留许可 OR visa
    expected_interval_minutes: 1440
    list: { item: "tr.thread", link: "a.title", date: "td.date", next_page: "a.next", max_pages: 3 }
    selectors: { body: "div.post-content", remove: [".signature"] }
  - { id: notice, kind: page, community: c, url: "https://gov.example.cn/notice.html", enabled: false }
`);
    const [news, board, notice] = loadConfig({}, file).sources;
    expect(news).toMatchObject({ kind: 'feed', fetch_articles: false, reach: 1, schedule: '*/15 * * * *', enabled: true, max_items: 100 });
    expect(board).toMatchObject({ kind: 'list', list: { item: 'tr.thread', link: 'a.title', max_pages: 3 }, selectors: { body: 'div.post-content', remove: ['.signature'] }, expected_interval_minutes: 1440 });
    expect(notice).toMatchObject({ kind: 'page', enabled: false });
  });

  it('names the file, sources.N.<key> and the reason for a bad entry', () => {
    const cases: [string, RegExp][] = [
      ['  - { id: a, kind: blog, community: c, url: "https://x.org/" }\n', /sources\.0\.kind: Invalid discriminator value/],
      ['  - { id: a, kind: feed, community: c, url: "ftp://x.org/" }\n', /sources\.0\.url: an http\(s\) URL/],
      ['  - { id: a, kind: feed, community: c, url: "https://x.org/", schedule: "every hour" }\n', /sources\.0\.schedule: a valid cron expression/],
      ['  - { id: a, kind: list, community: c, url: "https://x.org/" }\n', /sources\.0\.list: Invalid input/],
      ['  - { id: a, kind: feed, community: c, url: "https://x.org/", fetch_article: true }\n', /sources\.0: Unrecognized key: "fetch_article"/],
      ['  - { id: a, kind: feed, community: c, url: "https://x.org/" }\n  - { id: a, kind: page, community: c, url: "https://y.org/" }\n', /sources\.1\.id: "a" is already the id of sources\.0/],
    ];
    for (const [sources, reason] of cases) {
      const file = configWithSources(sources);
      expect(() => loadConfig({}, file)).toThrow(reason);
      expect(() => loadConfig({}, file)).toThrow(file);
    }
  });
});
