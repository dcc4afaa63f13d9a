import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../collectors/mentions/crawl/crawl-source.ts';
import { loadClauses } from '../../config/clauses.ts';
import { feedSourceSchema } from '../../config/schema.ts';
import { dispatchDue } from '../../dashboard/notifications/dispatch.ts';
import { queueNewAlerts } from '../../dashboard/notifications/queue-alerts.ts';
import { runPipeline } from '../../pipeline/steps/run-pipeline.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { fixtureDeps } from '../crawl/fixture-site.ts';
import { notifyConfig } from '../notifications/fixtures.ts';
import { httpReceiver, smtpReceiver } from '../notifications/receivers.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const HOUR = 3_600_000;
const complaints = [
  '居留许可办理拖了三个月，打12345一直没人回复，太失望了',
  '签证窗口互相踢皮球，材料交了三次还是办不了',
  '人才卡申请提交两个月了没有任何消息，客服电话永远占线',
  'Nobody answers the hotline, still waiting for my residence permit after ten weeks',
  '国际学校入学咨询没人管，来回跑了五趟，非常不满意',
  '出入境大厅排队四个小时，工作人员态度很差',
  'The one-stop service desk sent me away three times, terrible experience',
  '工作许可延期被拖了六周，打电话没人接，真的很生气',
];
const notices = ['社区英语角本周六下午举行', '国际人才服务中心端午节假期安排', '新的外籍人才政策解读会将于下月举办'];

/** An RSS feed whose items are published relative to the moment it is served: a quiet week, then a burst. */
function feedXml(at: number): string {
  const item = (i: number, title: string, hoursAgo: number) =>
    `<item><title>${title}</title><link>http://127.0.0.1/post/${i}</link><guid>post-${i}</guid><description>${title}</description><pubDate>${new Date(at - hoursAgo * HOUR).toUTCString()}</pubDate></item>`;
  const quiet = notices.flatMap((title, i) => [item(100 + i, title, 30 + i * 40)]);
  const burst = complaints.map((title, i) => item(i, title, 0.1 + i * 0.05));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Expat forum</title><link>http://127.0.0.1/</link>${[...quiet, ...burst].join('')}</channel></rss>`;
}

describe.each(drivers)('a burst of negative posts, end to end, on $name', (driver) => {
  let tdb: TestDatabase;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let hook: Awaited<ReturnType<typeof httpReceiver>>;
  let site: ReturnType<typeof createServer>;
  let siteUrl = '';

  beforeAll(async () => {
    tdb = await driver.open();
    smtp = await smtpReceiver();
    hook = await httpReceiver();
    site = createServer((req, res) => {
      if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(Date.now()));
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => site.close(() => done()));
    await smtp.close();
    await hook.close();
    await tdb.close();
  });

  it('is collected, scored, detected, graded and delivered by e-mail and webhook, with the time it took', async () => {
    const config = notifyConfig({
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'talentpulse <alerts@tp.example.test>' },
      people: [{ name: '王芳', email: 'wang@tp.example.test', min_grade: 'yellow' }],
      channels: [{ id: 'ops-hook', kind: 'webhook', url: `${hook.url}/hook`, secret: 'hook-secret', min_grade: 'yellow' }],
    });
    const source = feedSourceSchema.parse({ id: 'expat-forum', kind: 'feed', community: 'c1', url: `${siteUrl}/feed.xml`, reach: 40 });
    await ensureCommunity(tdb.db, { id: 'c1', name_zh: '社区', name_en: 'Community' });

    const started = Date.now();
    const crawl = await crawlSource(tdb.db, source, fixtureDeps());
    expect(crawl.stats.new).toBe(complaints.length + notices.length);
    // The crawl stores its batch in one go: when it returns, the first mention has landed.
    const landed = Date.now();

    const outcome = await runPipeline(tdb.db, config, loadClauses());
    const spike = outcome.spike_checks[0];
    expect(spike?.spike).toBe(true);
    expect(spike?.count).toBeGreaterThanOrEqual(6);
    const alert = await tdb.db.selectFrom('alerts').selectAll().where('rule', '=', 'negative_spike').executeTakeFirstOrThrow();
    // Eight negatives after a silent week: 2√8.375 − 2√0.375 = 4.57σ, half a σ past medium's 4σ.
    expect(alert.grade).toBe('yellow');
    expect((alert.drivers as { mentions: unknown[] }).mentions.length).toBeGreaterThanOrEqual(6);

    const now = new Date();
    await queueNewAlerts(tdb.db, config, now);
    const report = await dispatchDue(tdb.db, config.notifications, { now });
    expect(report.failed).toBe(0);
    const delivered = Date.now();
    expect(smtp.mails.map((m) => m.to)).toContainEqual(['wang@tp.example.test']);
    expect(smtp.mails.some((m) => m.subject.includes(alert.title))).toBe(true);
    expect(hook.ok().map((r) => r.path)).toContain('/hook');
    const body = JSON.parse(hook.ok().find((r) => r.path === '/hook')?.body ?? '{}') as { alerts?: Array<{ id: number }> };
    expect(body.alerts?.map((a) => a.id)).toContain(Number(alert.id));

    console.info(`burst → notice on ${driver.name}: ${delivered - landed} ms from the mentions landing to the notices delivered (${delivered - started} ms with the crawl)`);
  });
});
