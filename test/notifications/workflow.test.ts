import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueDigests } from '../../dashboard/notifications/digest.ts';
import { dispatchDue } from '../../dashboard/notifications/dispatch.ts';
import { escalateUnacknowledged } from '../../dashboard/notifications/escalate.ts';
import { queueNewAlerts } from '../../dashboard/notifications/queue-alerts.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { createUser } from '../../warehouse/auth/users.ts';
import { alertDetail } from '../../warehouse/read-models/alert-detail.ts';
import { updateAlertStatus } from '../../warehouse/read-models/alert-status.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { alertOf, minutes, notifyConfig } from './fixtures.ts';
import { httpReceiver, smtpReceiver } from './receivers.ts';

// 10:00 in Shanghai.
const t0 = new Date('2026-11-30T02:00:00Z');

describe.each(drivers)('the notice workflow on $name', (driver) => {
  let tdb: TestDatabase;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;

  beforeAll(async () => {
    tdb = await driver.open();
    await ensureCommunity(tdb.db, { id: 'c1', name_zh: '社区', name_en: 'Community' });
    await createUser(tdb.db, { username: 'comms', password: 'correct horse battery', role: 'comms', display_name: 'Comms' });
    smtp = await smtpReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await tdb.close();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    await tdb.db.deleteFrom('deliveries').execute();
    await tdb.db.deleteFrom('alerts').execute();
  });

  const smtpConfig = () => ({ host: '127.0.0.1', port: smtp.port, from: 'alerts@tp.example.test' });

  it('retries a failing receiver with backoff, the failures visible meanwhile, until it takes the message once (attempts = 3)', async () => {
    const hook = await httpReceiver({ failFirst: 2 });
    try {
      const cfg = notifyConfig({ channels: [{ id: 'ops-hook', kind: 'webhook', url: `${hook.url}/hook`, secret: 's3cret' }], retry: { base_seconds: 60 } });
      const id = await alertOf(tdb.db, 'yellow', t0);
      await queueNewAlerts(tdb.db, cfg, t0);
      const state = async () => (await alertDetail(tdb.db, { communityId: 'c1', id }))!.deliveries[0]!;

      expect(await dispatchDue(tdb.db, cfg.notifications, { now: t0 })).toMatchObject({ sent: 0, retrying: 1 });
      expect(await state()).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('HTTP 500') as string, next_attempt_at: minutes(t0, 1) });
      // Not due yet: nothing is sent before the backoff ends.
      expect(await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 0.5) })).toMatchObject({ sent: 0, retrying: 0 });
      expect(await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 1) })).toMatchObject({ retrying: 1 });
      expect(await state()).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: minutes(t0, 3) });
      expect(await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 3) })).toMatchObject({ sent: 1 });
      expect(await state()).toMatchObject({ status: 'sent', attempts: 3, sent_at: minutes(t0, 3) });
      await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 120) });
      expect(hook.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    } finally {
      await hook.close();
    }
  });

  it('gives up after the last attempt, status failed with the error kept', async () => {
    const cfg = notifyConfig({ channels: [{ id: 'gone', kind: 'wecom', url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' }], retry: { max_attempts: 2, base_seconds: 1 } });
    const id = await alertOf(tdb.db, 'orange', t0);
    await queueNewAlerts(tdb.db, cfg, t0);
    await dispatchDue(tdb.db, cfg.notifications, { now: t0 });
    expect(await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 1) })).toMatchObject({ failed: 1 });
    const [delivery] = (await alertDetail(tdb.db, { id }))!.deliveries;
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, last_error: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:9\/cgi-bin\/webhook\/send: /) as string });
    // The robot's key never appears in what is shown.
    expect(delivery?.last_error).not.toContain('key=');
  });

  it('holds a yellow alert until the end of quiet hours but sends a red one at once', async () => {
    const cfg = notifyConfig({ smtp: smtpConfig(), people: [{ name: '王芳', email: 'wang@tp.example.test', min_grade: 'yellow', quiet_hours: '22:00-08:00' }] });
    // 23:00 in Shanghai; quiet until 08:00, which is 00:00 UTC.
    const night = new Date('2026-11-30T15:00:00Z');
    const yellow = await alertOf(tdb.db, 'yellow', night, '夜间黄色预警');
    await alertOf(tdb.db, 'red', night, '夜间红色预警');
    await queueNewAlerts(tdb.db, cfg, night);
    expect((await alertDetail(tdb.db, { id: yellow }))!.deliveries[0]!.next_attempt_at).toEqual(new Date('2026-12-01T00:00:00Z'));
    await dispatchDue(tdb.db, cfg.notifications, { now: night });
    expect(smtp.mails.map((m) => m.subject)).toEqual(['【红色预警】夜间红色预警']);
    await dispatchDue(tdb.db, cfg.notifications, { now: new Date('2026-11-30T23:59:00Z') });
    expect(smtp.mails).toHaveLength(1);
    await dispatchDue(tdb.db, cfg.notifications, { now: new Date('2026-12-01T00:00:00Z') });
    expect(smtp.mails.map((m) => m.subject)).toEqual(['【红色预警】夜间红色预警', '【黄色预警】夜间黄色预警']);
  });

  it('escalates an unacknowledged alert along the chain every N minutes, and not an acknowledged one', async () => {
    const cfg = notifyConfig({
      smtp: smtpConfig(),
      people: [
        { name: 'first', email: 'first@tp.example.test', min_grade: 'red', escalation_order: 1 },
        { name: 'second', email: 'second@tp.example.test', min_grade: 'red', escalation_order: 2 },
        { name: 'third', email: 'third@tp.example.test', min_grade: 'red', escalation_order: 3 },
      ],
      escalation: { after_minutes: 30, min_grade: 'yellow' },
    });
    const ignored = await alertOf(tdb.db, 'orange', t0, '无人确认');
    const handled = await alertOf(tdb.db, 'orange', t0, '已确认');
    await queueNewAlerts(tdb.db, cfg, t0);
    await updateAlertStatus(tdb.db, { communityId: 'c1', id: handled }, 'acknowledge', 'comms');
    expect(await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 29))).toEqual({ escalated: 0 });
    expect(await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 30))).toEqual({ escalated: 1 });
    expect(await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 31))).toEqual({ escalated: 0 });
    expect(await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 60))).toEqual({ escalated: 1 });
    // The chain has ended.
    expect(await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 200))).toEqual({ escalated: 0 });
    await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 60) });
    const to = (subject: RegExp) => smtp.mails.filter((m) => subject.test(m.subject)).map((m) => m.to[0]).sort();
    expect(to(/无人确认/)).toEqual(['first@tp.example.test', 'second@tp.example.test', 'third@tp.example.test']);
    expect(to(/已确认/)).toEqual(['first@tp.example.test']);
    expect(smtp.mails.find((m) => m.to[0] === 'second@tp.example.test')?.subject).toMatch(/^【升级·无人确认】【橙色预警】/);

    const detail = (await alertDetail(tdb.db, { id: ignored }))!;
    expect(detail.alert).toMatchObject({ escalation_level: 2, escalated_at: minutes(t0, 60) });
    expect(detail.deliveries.map((d) => [d.kind, d.recipient])).toEqual([['alert', 'first'], ['escalation', 'second'], ['escalation', 'third']]);
    expect(detail.history.map((h) => [h.actor, h.action, h.details.to])).toEqual([['talentpulse', 'alert.escalate', 'second'], ['talentpulse', 'alert.escalate', 'third']]);
    expect((await listAudit(tdb.db, { target: `alert:c1/${handled}` })).map((h) => h.action)).toEqual(['alert.acknowledge']);
  });

  it('cancels an escalation notice when the alert is acknowledged before it goes out', async () => {
    const cfg = notifyConfig({
      smtp: smtpConfig(),
      people: [
        { name: 'first', email: 'first@tp.example.test', min_grade: 'red', escalation_order: 1 },
        { name: 'second', email: 'second@tp.example.test', min_grade: 'red', escalation_order: 2, quiet_hours: '00:00-23:59', timezone: 'UTC' },
      ],
      escalation: { after_minutes: 15 },
    });
    const id = await alertOf(tdb.db, 'orange', t0);
    await queueNewAlerts(tdb.db, cfg, t0);
    await escalateUnacknowledged(tdb.db, cfg, minutes(t0, 15));
    await updateAlertStatus(tdb.db, { communityId: 'c1', id }, 'acknowledge', 'comms');
    await dispatchDue(tdb.db, cfg.notifications, { now: minutes(t0, 24 * 60) });
    const detail = (await alertDetail(tdb.db, { id }))!;
    expect(detail.deliveries.map((d) => [d.recipient, d.status])).toEqual([['first', 'sent'], ['second', 'cancelled']]);
    expect(detail.deliveries[1]?.last_error).toMatch(/acknowledged/);
  });

  it("sends one digest per recipient listing the day's lower-grade alerts", async () => {
    const cfg = notifyConfig({
      smtp: smtpConfig(),
      people: [
        { name: '王芳', email: 'wang@tp.example.test', min_grade: 'orange' },
        { name: 'nodigest', email: 'nd@tp.example.test', min_grade: 'red', digest: false },
      ],
    });
    const evening = new Date('2026-11-30T10:00:00Z');
    await alertOf(tdb.db, 'blue', minutes(evening, -60), '蓝色小波动');
    await alertOf(tdb.db, 'yellow', minutes(evening, -600), '黄色投诉');
    await alertOf(tdb.db, 'red', minutes(evening, -30), '红色大事');
    await alertOf(tdb.db, 'blue', minutes(evening, -2 * 24 * 60), '前天的蓝色');
    expect(await queueDigests(tdb.db, cfg, evening)).toEqual({ queued: 1 });
    expect(await queueDigests(tdb.db, cfg, minutes(evening, 5))).toEqual({ queued: 0 });
    await dispatchDue(tdb.db, cfg.notifications, { now: evening });
    expect(smtp.mails).toHaveLength(1);
    const digest = smtp.mails[0]!;
    expect(digest.to).toEqual(['wang@tp.example.test']);
    expect(digest.subject).toBe('舆情预警日报 2026-11-30: 2 条');
    expect(digest.text).toContain('【蓝色预警】[蓝色小波动]');
    expect(digest.text).toContain('【黄色预警】[黄色投诉]');
    expect(digest.text).not.toContain('红色大事');
    expect(digest.text).not.toContain('前天');
  });

  it('sends each delivery once when two dispatchers run at the same time', async () => {
    const hook = await httpReceiver();
    try {
      const cfg = notifyConfig({ channels: [{ id: 'ops-hook', kind: 'webhook', url: `${hook.url}/hook`, secret: 's3cret' }] });
      for (let i = 0; i < 6; i++) await alertOf(tdb.db, 'yellow', t0);
      expect(await queueNewAlerts(tdb.db, cfg, t0)).toEqual({ alerts: 6, queued: 6 });
      const reports = await Promise.all([dispatchDue(tdb.db, cfg.notifications, { now: t0, limit: 4 }), dispatchDue(tdb.db, cfg.notifications, { now: t0, limit: 4 })]);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
      const ids = hook.requests.map((r) => (JSON.parse(r.body) as { delivery_id: number }).delivery_id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      const rows = await tdb.db.selectFrom('deliveries').select(['status', 'attempts']).execute();
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await hook.close();
    }
  });
});
