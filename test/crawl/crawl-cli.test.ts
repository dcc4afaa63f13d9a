import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSite, startFixtureSite } from './fixture-site.ts';

const bin = resolve(import.meta.dirname, '../../bin/talentpulse.js');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-crawl-cli-'));
let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
  writeFileSync(
    join(dir, 'talentpulse.yaml'),
    `communities:\n  - { id: lixia-intl, name_zh: 历下, name_en: Lixia }
sources:
  - id: lixia-times
    kind: list
    community: lixia-intl
    url: "${site.url}/list-1.html"
    exclude: 广告 OR 促销
    list: { item: "ul.news li", date: ".date", next_page: "a.next", max_pages: 1 }
http: { retries: 0, host_delay_ms: 0 }
`,
  );
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

function talentpulse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, TALENTPULSE_CONFIG: join(dir, 'talentpulse.yaml'), TALENTPULSE_DATA_DIR: join(dir, 'data'), TALENTPULSE_DEMO: '0', DATABASE_URL: '' };
    execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe('talentpulse crawl', () => {
  it('--dry-run prints each decision and the stats and stores nothing; a real run then stores', async () => {
    const dry = await talentpulse(['crawl', 'lixia-times', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain(`new            ${site.url}/news/a.html`);
    expect(dry.stdout).toContain('exclude rule "广告 OR 促销" matched ("广告", "促销")');
    expect(dry.stdout).toContain('HTTP 404');
    expect(dry.stdout).toContain('lixia-times (dry run): new 1, filtered out 1, failed 1; fetched 3');

    const real = await talentpulse(['crawl', 'lixia-times']);
    // The dry run stored nothing, so the real run finds the same new article.
    expect(real.stdout).toContain('lixia-times: new 1, filtered out 1, failed 1; fetched 3');
    const again = await talentpulse(['collect']);
    expect(again.stdout).toContain('lixia-times: new 0, duplicate 1, filtered out 1, failed 1; fetched 2');
  });

  it('names the known sources when asked for an unknown one', async () => {
    const run = await talentpulse(['crawl', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sources: no source "nope" (known: lixia-times)');
  });
});
