import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSourceRules, collectSources } from '../../cli/collect-sources.ts';
import { formatCrawlReport } from '../../cli/format-crawl.ts';
import { loadConfig } from '../../config/load.ts';
import { feedSourceSchema } from '../../config/schema.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { fixtureDeps, type FixtureSite, sources, startFixtureSite } from './fixture-site.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

describe.each(drivers)('collectSources on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('crawls sources of every kind; one failing source does not stop the others', async () => {
    const { db } = database;
    const config = loadConfig({ TALENTPULSE_DEMO: '0' });
    const { list, reposts, notice } = sources(site.url);
    // A source whose id is taken by a survey: the warehouse refuses it, which is not an expected crawl outcome.
    await ensureCommunity(db, { id: 'lixia-intl' });
    await ensureSource(db, { id: 'taken', kind: 'survey', community_id: 'lixia-intl', name: 'survey', location: 'x.csv', reach: 1 });
    const broken = feedSourceSchema.parse({ id: 'gone', kind: 'feed', community: 'lixia-intl', url: `${site.url}/nothing-here.xml` });
    const taken = { ...reposts, id: 'taken' };
    const disabled = { ...notice, id: 'off', enabled: false };

    const reports = await collectSources(db, config, [broken, taken, list, disabled, reposts, notice], fixtureDeps());
    expect(reports.map((r) => [r.source_id, r.status])).toEqual([
      ['gone', 'failed'],
      ['taken', 'failed'],
      ['lixia-times', 'partial'],
      ['reposts', 'ok'],
      ['notice', 'ok'],
    ]);
    expect(reports[0]?.error).toBe(`${site.url}/nothing-here.xml: HTTP 404`);
    expect(reports[1]?.error).toMatch(/source "taken" is already a survey source/);
    expect(formatCrawlReport(reports[2]!)).toBe('lixia-times: new 2, duplicate 1, filtered out 1, disallowed 1, failed 2; fetched 5');
    const bySource = await db.selectFrom('mentions').select('source_id').execute();
    expect(new Set(bySource.map((m) => m.source_id))).toEqual(new Set(['lixia-times', 'reposts', 'notice']));
  });
});

describe('checkSourceRules', () => {
  it('refuses a bad keyword rule before crawling anything, naming the source', () => {
    const bad = { ...sources(site.url).list, include: '居留许可 AND (延期 OR' };
    expect(() => checkSourceRules([sources(site.url).feed, bad])).toThrow(/^source "lixia-times" include: .* in "居留许可 AND \(延期 OR"$/);
  });
});
