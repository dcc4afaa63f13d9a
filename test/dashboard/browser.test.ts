import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../dashboard/app.ts';
import { ensureWebBuilt, webDist } from '../../dashboard/web-build.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { clauses, login, PASSWORD, seedBase, seedUsers, testConfig } from './helpers.ts';
import { surveyInstrument, writeSurveyCsv } from './survey-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`);


/** A negative-spike alert with drivers shaped as pipeline/steps/check-negative-spike.ts writes them. */
const spikeAlert = {
  community_id: 'gaoxin',
  rule: 'negative_spike',
  dedupe_key: '2026-03-01T05:00:00.000Z',
  grade: 'yellow' as const,
  status: 'open' as const,
  title: '高新舆情突增',
  drivers: JSON.stringify({
    window: { from: '2026-03-01T05:05:00.000Z', to: '2026-03-01T06:05:00.000Z', minutes: 60 },
    count: 9,
    baseline: { expected: 0.4167, sd: 1, z: 8.5833, windows: 24 },
    same_time_yesterday: 1,
    same_time_last_week: 0,
    top_terms: ['排队', '签证'],
    sources: ['news', 'weibo'],
    clauses: ['8.1.3', '10.2.4'],
    reach: 12500,
    mentions: [
      { id: 1, title: '签证窗口排队三小时', url: 'https://news.example.test/a/1', source: 'news', score: -0.82 },
      { id: 2, title: 'javascript 链接', url: 'javascript:alert(1)', source: 'weibo', score: -0.5 },
    ],
    matched: { rule: 'watch_list', terms: ['签证'] },
  }),
  notes: JSON.stringify([{ at: '2026-03-01T06:10:00.000Z', user: 'duty', text: '值班员已电话联系发布者' }]),
  opened_at: new Date('2026-03-01T06:05:00.000Z'),
};

describe.skipIf(!hasChromium)('dashboard web UI in Chromium', () => {
  let tdb: TestDatabase;
  let browser: Browser;
  let dashboard: ReturnType<typeof createApp>;
  let url: string;

  beforeAll(async () => {
    // Rebuilt when any UI source is newer than the build, so the test never checks a stale UI.
    await ensureWebBuilt(() => {});
    tdb = await drivers[0]!.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    await tdb.db
      .insertInto('alerts')
      .values({
        community_id: 'lixia',
        rule: 'negative_spike',
        dedupe_key: 'w1',
        grade: 'orange',
        status: 'open',
        title: '负面舆情激增',
        drivers: JSON.stringify({ mentions: 9 }),
        notes: JSON.stringify([]),
        opened_at: new Date(),
      })
      .execute();
    await tdb.db.insertInto('alerts').values(spikeAlert).execute();
    const today = new Date().toISOString().slice(0, 10);
    await tdb.db
      .insertInto('daily_rollups')
      .values([
        { community_id: 'lixia', day: today, clause_id: '8.1.2', source_kind: 'survey', metric: 'index', n: 6, sum: 480, sum_sq: 39_000, updated_at: new Date() },
        { community_id: 'lixia', day: today, clause_id: '*', source_kind: 'survey', metric: 'index', n: 6, sum: 480, sum_sq: 39_000, updated_at: new Date() },
        { community_id: 'gaoxin', day: today, clause_id: '*', source_kind: 'survey', metric: 'index', n: 10, sum: 500, sum_sq: 26_000, updated_at: new Date() },
        // One answer per respondent: the privacy minimum counts respondents.
        { community_id: 'lixia', day: today, clause_id: '8.1.2', source_kind: 'survey', metric: 'respondents', n: 6, sum: 6, sum_sq: 6, updated_at: new Date() },
        { community_id: 'lixia', day: today, clause_id: '*', source_kind: 'survey', metric: 'respondents', n: 6, sum: 6, sum_sq: 6, updated_at: new Date() },
        { community_id: 'gaoxin', day: today, clause_id: '*', source_kind: 'survey', metric: 'respondents', n: 10, sum: 10, sum_sq: 10, updated_at: new Date() },
        // Six scored mentions about 8.1.2 (five negative, none positive); no '*' row, so 获得感 below is unchanged.
        { community_id: 'lixia', day: today, clause_id: '8.1.2', source_kind: 'mentions', metric: 'negative', n: 6, sum: 5, sum_sq: 5, updated_at: new Date() },
        { community_id: 'lixia', day: today, clause_id: '8.1.2', source_kind: 'mentions', metric: 'positive', n: 6, sum: 0, sum_sq: 0, updated_at: new Date() },
        // Two about 10.2.4: under min_cell, so no figures.
        { community_id: 'lixia', day: today, clause_id: '10.2.4', source_kind: 'mentions', metric: 'negative', n: 2, sum: 2, sum_sq: 2, updated_at: new Date() },
        { community_id: 'lixia', day: today, clause_id: '10.2.4', source_kind: 'mentions', metric: 'positive', n: 2, sum: 0, sum_sq: 0, updated_at: new Date() },
      ])
      .execute();
    await tdb.db
      .insertInto('rectifications')
      .values({ community_id: 'lixia', origin_kind: 'ticket', origin_id: 41, rating: 1, rated_at: new Date('2026-02-01T02:00:00Z'), due_at: new Date('2026-02-20T02:00:00Z') })
      .execute();
    await importSurvey(tdb.db, { file: writeSurveyCsv(), instrument: surveyInstrument, pseudonymKey: 'k' });
    // A notice about the first alert that failed for good.
    const w1 = await tdb.db.selectFrom('alerts').select('id').where('dedupe_key', '=', 'w1').executeTakeFirstOrThrow();
    await tdb.db
      .insertInto('deliveries')
      .values({
        community_id: 'lixia',
        alert_id: w1.id,
        kind: 'alert',
        channel: 'dingtalk',
        recipient: 'duty-robot',
        dedupe_key: 'browser-failed',
        subject: 's',
        body: 'b',
        payload: JSON.stringify({ event: 'alert', alerts: [] }),
        status: 'failed',
        attempts: 8,
        last_error: 'HTTP 502',
        next_attempt_at: new Date(),
      })
      .execute();
    dashboard = createApp(testConfig(), tdb.db, { clauses, webDist });
    url = (await dashboard.start(0)).url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await tdb?.close();
  });

  it('comms logs in, acknowledges an alert, and switches to English', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.fill('input[name=username]', 'comms');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByRole('button', { name: '预警' }).click();
    const alert = page.locator('li.alert', { hasText: '负面舆情激增' });
    await expect.poll(() => alert.locator('.badge').textContent()).toBe('橙');
    await alert.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => alert.locator('.status').textContent()).toBe('已确认');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => alert.locator('.status').textContent()).toBe('Acknowledged');
    // The language choice survives a reload, and the session cookie keeps us logged in.
    await page.reload();
    await expect.poll(() => page.locator('li.alert .status').first().textContent()).toBe('Acknowledged');
    const status = await tdb.db.selectFrom('alerts').select(['status', 'acknowledged_by']).where('dedupe_key', '=', 'w1').executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'acknowledged', acknowledged_by: 'comms' });
    await page.close();
  });

  it('a leader sees an overdue 差评 first, assigns it and records the fix', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.fill('input[name=username]', 'leader');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByRole('button', { name: '差评整改' }).click();
    const item = page.locator('li.alert', { hasText: '非常不满意 · ticket #41' });
    await expect.poll(() => item.locator('.badge').textContent()).toBe('逾期');
    await item.locator('.actions input').fill('张伟');
    await item.getByRole('button', { name: '指派' }).click();
    await expect.poll(() => item.textContent()).toContain('责任人: 张伟');
    await item.locator('.actions input').fill('补办材料清单已更新');
    await item.getByRole('button', { name: '整改完成' }).click();
    await expect.poll(() => item.locator('.status').textContent()).toBe('已整改');
    expect(await item.locator('.badge').count()).toBe(0);
    expect(await item.locator('.notes li').last().textContent()).toMatch(/leader fix: 补办材料清单已更新$/);
    await page.close();
  });

  it('shows why a spike fired: summary, terms, driving mentions as links, notes, times in the reporting zone', async () => {
    // A browser far from the reporting zone: times must still read as Asia/Shanghai.
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const client = await login(url, 'comms');
    const [name, value] = client.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    await page.goto(`${url}/alerts`);
    const alert = page.locator('li.alert', { hasText: '高新舆情突增' });
    await alert.waitFor();

    expect(await alert.locator('.driver-summary').textContent()).toContain('60 分钟内 9 条负面，基线预期 0.4 条，z = 8.6');
    expect(await alert.textContent()).toContain('昨日同期 1 条，上周同期 0 条');
    expect(await alert.locator('.term').allTextContents()).toEqual(['排队', '签证']);
    const link = alert.getByRole('link', { name: '签证窗口排队三小时' });
    expect(await link.getAttribute('href')).toBe('https://news.example.test/a/1');
    // A URL that is not http(s) stays text, never a link.
    expect(await alert.getByText('javascript 链接').count()).toBe(1);
    expect(await alert.getByRole('link', { name: 'javascript 链接' }).count()).toBe(0);
    // Opened 06:05 UTC is 14:05 in Asia/Shanghai, whatever the browser's zone.
    expect(await alert.textContent()).toContain('2026/03/01 14:05');
    expect(await page.locator('.card-head').textContent()).toContain('Asia/Shanghai');
    // An unknown driver key falls back to key: value with nested objects compact.
    const unknown = alert.locator('.driver-values').last();
    expect(await unknown.locator('dt').allTextContents()).toEqual(['matched']);
    expect(await unknown.locator('dd').allTextContents()).toEqual(['rule: watch_list, terms: 签证']);
    expect(await alert.textContent()).toContain('值班员已电话联系发布者');

    await alert.locator('.actions input').fill('已转交窗口负责人');
    await alert.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => alert.locator('.status').textContent()).toBe('已确认');
    await expect.poll(() => alert.locator('.notes li').allTextContents()).toHaveLength(2);
    expect(await alert.locator('.notes li').last().textContent()).toMatch(/comms 已转交窗口负责人$/);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => alert.locator('.driver-summary').textContent()).toContain('9 negative in 60 min, expected 0.4, z = 8.6');
    expect(await alert.textContent()).toContain('01/03/2026, 14:05');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('[object Object]');
    expect(text).not.toContain('{"');
    await context.close();
  });

  it('a leader sees the trend chart and the export link, but no alerts tab', async () => {
    const context = await browser.newContext();
    const client = await login(url, 'leader');
    const [name, value] = client.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.chart svg').waitFor();
    expect(await page.locator('.chart svg path').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: /导出评估表/ }).getAttribute('href')).toBe('/api/export/scorecard.csv');
    expect(await page.getByRole('button', { name: '预警' }).count()).toBe(0);
    // 获得感 for all communities, (480 + 500) / 16 answers; choosing one community shows its own.
    expect(await page.getByTestId('gain-index').textContent()).toBe('61.3');
    expect(await page.getByTestId('gain').locator('table').first().textContent()).toContain('高新');
    // What the mentions were about: the clause with its title and the negative count, not a bare number.
    expect(await page.locator('.mention-clause').allTextContents()).toEqual(['8.1.2 12345热线 负面 5 / 6 条（83.3%） · 净情感 -0.83']);
    expect(await page.getByText('另有 1 个条款的已评分舆情少于 5 条，不公布').count()).toBe(1);
    await page.locator('select[name=community]').selectOption('gaoxin');
    await page.getByTestId('gain-index').filter({ hasText: '50.0' }).waitFor();
    expect(await page.locator('.mention-clause').count()).toBe(0);
    // The scorecard of what is on screen: the chosen community and the period of the filters.
    const [from, to] = [await page.locator('input[name=from]').inputValue(), await page.locator('input[name=to]').inputValue()];
    expect(await page.getByRole('link', { name: '导出当前筛选 (CSV)' }).getAttribute('href')).toBe(`/api/export/scorecard.csv?from=${from}&to=${to}&community=gaoxin`);
    await context.close();
  });

  it('an expert reads survey figures per question, suppressed cells without figures, and a period comparison', async () => {
    const context = await browser.newContext();
    const client = await login(url, 'expert');
    const [name, value] = client.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: '问卷' }).click();
    const overall = page.locator('tr[data-question=overall]');
    // All time: twenty answers, the index with its interval.
    await expect.poll(() => overall.locator('td.n').textContent()).toBe('20');
    expect(await overall.locator('td.index').textContent()).toMatch(/^\d+\.\d \[\d+\.\d, \d+\.\d\]$/);
    expect(await page.locator('tr[data-question=recommend] td.nps').textContent()).toMatch(/^-?\d+\.\d \[-?\d+\.\d, -?\d+\.\d\]$/);

    // Two English answers a month: that cell is marked and shows no figures.
    await page.selectOption('select[name=period]', '2026-03');
    await page.selectOption('select[name=by]', 'language');
    const small = page.locator('tr[data-question=overall]', { hasText: 'en' });
    await expect.poll(() => small.locator('td.suppressed').textContent()).toBe('样本不足，不公布');
    expect(await small.locator('td.n, td.index').count()).toBe(0);
    // Past the question (with its clause) and the group: no figure at all.
    expect((await small.locator('td').allTextContents()).slice(2).join(' ')).not.toMatch(/\d/);
    // The month without --by, less the eight Chinese answers, would be the two English ones: withheld too.
    const protector = page.locator('tr[data-question=overall]', { hasText: 'zh' });
    expect(await protector.locator('td.suppressed').textContent()).toBe('为保护小样本组，不公布');

    await page.selectOption('select[name=by]', '');
    await page.selectOption('select[name=period]', '2026-04');
    // Only baselines that share no month with the period are offered: the server refuses the rest.
    const baselines = await page.locator('select[name=compare] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(baselines).toContain('2026-03');
    expect(baselines.filter((b) => ['2026', '2026-Q2', '2026-04'].includes(b))).toEqual([]);
    await page.selectOption('select[name=compare]', '2026-03');
    await expect.poll(() => overall.locator('td.changes').textContent()).toMatch(/^指数 \+\d+\.\d · 显著/);
    expect(await page.locator('tr[data-question=recommend] td.changes').textContent()).toContain('在误差范围内');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => overall.locator('td.changes').textContent()).toMatch(/^index \+\d+\.\d · significant/);
    expect(await page.locator('tr[data-question=recommend] td.changes').textContent()).toContain('within noise');
    await context.close();
  });

  it('comms sees a failed notice on the alert and retries it now', async () => {
    const context = await browser.newContext();
    const client = await login(url, 'comms');
    const [name, value] = client.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    await page.goto(`${url}/alerts`);
    const alert = page.locator('li.alert', { hasText: '负面舆情激增' });
    await alert.getByRole('button', { name: '通知' }).click();
    const notice = alert.locator('.deliveries li', { hasText: 'duty-robot' });
    await expect.poll(() => notice.locator('.delivery-status').textContent()).toBe('发送失败');
    expect(await notice.textContent()).toContain('HTTP 502');
    await notice.getByRole('button', { name: '立即重发' }).click();
    await expect.poll(() => notice.locator('.delivery-status').textContent()).toBe('待发送');
    expect(await notice.getByRole('button', { name: '立即重发' }).count()).toBe(0);
    const row = await tdb.db.selectFrom('deliveries').select(['status']).where('dedupe_key', '=', 'browser-failed').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    await context.close();
  });
});
