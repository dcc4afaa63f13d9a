import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const fixtures = resolve(import.meta.dirname, '../fixtures/feeds');

function talentpulse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('talentpulse parse-feed', () => {
  it('prints the feed title and items as JSON', async () => {
    const run = await talentpulse(['parse-feed', resolve(fixtures, 'rss-20-content.xml')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      title: '泉城国际人才 & Talent News',
      items: [
        {
          title: '外籍专家点赞济南“一站式”服务',
          link: 'https://news.example.cn/2026/03/praise.html',
          published_at: '2026-03-01T00:00:00.000Z',
          summary: '外籍专家表示，工作许可三天即可办结。',
        },
        {
          title: 'Residence permit queue “took four hours”',
          link: 'https://news.example.cn/2026/03/queue.html',
          published_at: '2026-03-02T22:45:00.000Z',
          summary: 'Residents said the wait was far too long.',
        },
      ],
    });
  });

  it('keeps stdout valid JSON for a malformed feed and reports the problems on stderr', async () => {
    const run = await talentpulse(['parse-feed', resolve(fixtures, 'malformed.rss')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).items).toHaveLength(2);
    expect(run.stderr).toMatch(/warning: not well-formed XML/);
  });

  it('fails with one line naming the file when it is not a feed or cannot be read', async () => {
    const page = await talentpulse(['parse-feed', resolve(fixtures, 'not-a-feed.html')]);
    expect(page.code).toBe(1);
    expect(page.stderr).toMatch(/not-a-feed\.html: not an RSS or Atom feed/);
    const missing = await talentpulse(['parse-feed', resolve(fixtures, 'missing.xml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.xml: cannot read the feed file \(ENOENT\)/);
  });
});
