import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../dashboard/app.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { clauses, login, PASSWORD, seedBase, seedUsers, testConfig } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`);

const webConfig = fileURLToPath(new URL('../../dashboard/web/vite.config.ts', import.meta.url));
const webDist = fileURLToPath(new URL('../../dashboard/web/dist', import.meta.url));

describe.skipIf(!hasChromium)('dashboard web UI in Chromium', () => {
  let tdb: TestDatabase;
  let browser: Browser;
  let dashboard: ReturnType<typeof createApp>;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(`${webDist}/index.html`)) await build({ configFile: webConfig, logLevel: 'warn' });
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
    const today = new Date().toISOString().slice(0, 10);
    await tdb.db
      .insertInto('daily_rollups')
      .values({ community_id: 'lixia', day: today, clause_id: '8.1.2', source_kind: 'survey', metric: 'index', n: 6, sum: 480, sum_sq: 39_000, updated_at: new Date() })
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
    const status = await tdb.db.selectFrom('alerts').select(['status', 'acknowledged_by']).executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'acknowledged', acknowledged_by: 'comms' });
    await page.close();
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
    await context.close();
  });
});
