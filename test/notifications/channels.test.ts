import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../dashboard/notifications/dispatch.ts';
import { queueNewAlerts } from '../../dashboard/notifications/queue-alerts.ts';
import { alertDetail } from '../../warehouse/read-models/alert-detail.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { alertOf, notifyConfig } from './fixtures.ts';
import { httpReceiver, smtpReceiver } from './receivers.ts';

const now = new Date('2026-11-30T02:00:00Z');

describe.each(drivers)('alert notices on every channel on $name', (driver) => {
  let tdb: TestDatabase;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let robots: Awaited<ReturnType<typeof httpReceiver>>;

  beforeAll(async () => {
    tdb = await driver.open();
    await ensureCommunity(tdb.db, { id: 'c1', name_zh: '社区', name_en: 'Community' });
    smtp = await smtpReceiver();
    robots = await httpReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await robots.close();
    await tdb.close();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
    robots.requests.length = 0;
  });

  const config = () =>
    notifyConfig({
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'talentpulse <alerts@tp.example.test>' },
      people: [
        { name: '王芳', email: 'wang@tp.example.test', min_grade: 'orange' },
        { name: 'Ann Lee', email: 'ann@tp.example.test', lang: 'en', min_grade: 'red' },
        { name: '李雷', email: 'li@tp.example.test', min_grade: 'red' },
      ],
      channels: [
        { id: 'comms-wecom', kind: 'wecom', url: `${robots.url}/cgi-bin/webhook/send?key=k1` },
        { id: 'comms-dingtalk', kind: 'dingtalk', url: `${robots.url}/robot/send?access_token=t1`, secret: 'SEC-ding-secret' },
        { id: 'ops-hook', kind: 'webhook', url: `${robots.url}/hook`, secret: 'hook-secret', min_grade: 'orange' },
      ],
    });

  it('sends an orange alert by e-mail, WeCom, DingTalk (signed) and the signed webhook, once, in their formats', async () => {
    const cfg = config();
    const id = await alertOf(tdb.db, 'orange', now, '负面舆情激增 / Negative mentions spike: 6 in 60 min');
    expect(await queueNewAlerts(tdb.db, cfg, now)).toEqual({ alerts: 1, queued: 4 });
    expect(await queueNewAlerts(tdb.db, cfg, now)).toEqual({ alerts: 0, queued: 0 });
    expect(await dispatchDue(tdb.db, cfg.notifications, { now })).toEqual({ sent: 4, retrying: 0, failed: 0, cancelled: 0 });
    expect(await dispatchDue(tdb.db, cfg.notifications, { now })).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });

    // E-mail only to 王芳: Ann and 李雷 take red alerts only.
    expect(smtp.mails.map((m) => m.to)).toEqual([['wang@tp.example.test']]);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe('【橙色预警】负面舆情激增 / Negative mentions spike: 6 in 60 min');
    expect(mail.text).toContain('基线预期 0.4');
    expect(mail.text).toContain('关键词: 拖了、没人回复');
    expect(mail.text).toContain('[居留许可拖了三个月](https://forum.example.test/t/1)');
    expect(mail.text).toContain('涉及条款 (DB3701/T 0004): 8.1.2');
    expect(mail.text).toContain(`(https://tp.example.test/alerts#alert-c1-${id})`);

    const wecom = robots.requests.find((r) => r.path === '/cgi-bin/webhook/send')!;
    expect(wecom.query.get('key')).toBe('k1');
    const wecomBody = JSON.parse(wecom.body) as { msgtype: string; markdown: { content: string } };
    expect(Object.keys(wecomBody)).toEqual(['msgtype', 'markdown']);
    expect(wecomBody.msgtype).toBe('markdown');
    expect(wecomBody.markdown.content).toContain('来源: expat-forum');

    const ding = robots.requests.find((r) => r.path === '/robot/send')!;
    const timestamp = ding.query.get('timestamp')!;
    expect(Number(timestamp)).toBe(now.getTime());
    const expected = createHmac('sha256', 'SEC-ding-secret').update(`${timestamp}\nSEC-ding-secret`).digest('base64');
    expect(ding.query.get('sign')).toBe(expected);
    // On the wire the base64 is URL-encoded (+, / and = escaped).
    expect(ding.rawUrl).toContain(`&sign=${encodeURIComponent(expected)}`);
    expect(ding.rawUrl).toMatch(/^\/robot\/send\?access_token=t1&timestamp=\d+&sign=/);
    const dingBody = JSON.parse(ding.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(dingBody.msgtype).toBe('markdown');
    expect(dingBody.markdown.title).toContain('橙色预警');
    expect(dingBody.markdown.text).toContain('总触达: 12');

    const hook = robots.requests.find((r) => r.path === '/hook')!;
    expect(hook.headers['x-talentpulse-signature']).toBe(`sha256=${createHmac('sha256', 'hook-secret').update(hook.body).digest('hex')}`);
    expect(hook.headers['x-talentpulse-timestamp']).toBe(String(now.getTime() / 1000));
    const hookBody = JSON.parse(hook.body) as { event: string; alerts: { id: number; grade: string; url: string }[] };
    expect(hookBody.event).toBe('alert');
    expect(hookBody.alerts).toEqual([expect.objectContaining({ id, grade: 'orange', url: `https://tp.example.test/alerts#alert-c1-${id}` })]);

    const detail = await alertDetail(tdb.db, { id });
    expect(detail?.deliveries.map((d) => [d.channel, d.recipient, d.status, d.attempts])).toEqual([
      ['email', '王芳', 'sent', 1],
      ['wecom', 'comms-wecom', 'sent', 1],
      ['dingtalk', 'comms-dingtalk', 'sent', 1],
      ['webhook', 'ops-hook', 'sent', 1],
    ]);
  });

  it('writes Chinese first, then English, for a reader whose language is English', async () => {
    const cfg = config();
    await alertOf(tdb.db, 'red', now, '负面舆情激增 / Negative mentions spike');
    await queueNewAlerts(tdb.db, cfg, now);
    await dispatchDue(tdb.db, cfg.notifications, { now });
    const ann = smtp.mails.find((m) => m.to[0] === 'ann@tp.example.test')!;
    expect(ann.subject).toBe('【红色预警 Red alert】负面舆情激增 / Negative mentions spike');
    expect(ann.text).toContain('关键词 Terms: 拖了、没人回复');
    const li = smtp.mails.find((m) => m.to[0] === 'li@tp.example.test')!;
    expect(li.text).toContain('关键词: 拖了');
    expect(li.text).not.toContain('Terms');
  });
});
