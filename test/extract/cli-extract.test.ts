import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFixtureServer } from '../http/fixture-server.ts';
import { fixtureDir } from './fixture.ts';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');

function talentpulse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, TALENTPULSE_DEMO: '0' }, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('talentpulse extract', () => {
  it('prints the article of a GBK file as JSON, decoded from its bytes', async () => {
    const run = await talentpulse(['extract', resolve(fixtureDir, 'zh-news.gbk.html'), '--url', 'https://quancheng.example/shehui/2019/0305.html']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['author', 'encoding', 'lang', 'published_at', 'text', 'title']);
    expect(out).toMatchObject({ title: '国际人才社区“一站式”服务中心正式启用', author: '张明远', published_at: '2019-03-05T02:20:00.000Z', lang: 'zh' });
    expect(out.encoding).toMatch(/^(gbk|gb18030|gb2312)$/i);
    expect(out.text).toContain('不断提升国际人才的获得感。');
    expect(out.text).not.toContain('网友评论');
  });

  it('fails with one line naming the URL when the page has no article', async () => {
    const run = await talentpulse(['extract', resolve(fixtureDir, 'empty.html'), '--url', 'https://example.org/empty']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('talentpulse: https://example.org/empty: no article text found on the page');
  });

  it('names the file it cannot read', async () => {
    const missing = resolve(fixtureDir, 'no-such-page.html');
    const run = await talentpulse(['extract', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`talentpulse: ${missing}: cannot read the page`);
  });

  it('fetches a URL on loopback, decoding by the Content-Type header, and names the URL of a 404', async () => {
    const page = readFileSync(resolve(fixtureDir, 'zh-news.gbk.html'));
    const server = await startFixtureServer({
      '/shehui/0305.html': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=GBK' }).end(page),
    });
    try {
      const ok = await talentpulse(['extract', `${server.url}/shehui/0305.html`]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ title: '国际人才社区“一站式”服务中心正式启用', lang: 'zh' });
      const missing = await talentpulse(['extract', `${server.url}/gone.html`]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(`${server.url}/gone.html: HTTP 404`);
    } finally {
      await server.close();
    }
  });
});
