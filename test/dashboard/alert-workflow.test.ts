import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { dispatchDue } from '../../dashboard/notifications/dispatch.ts';
import type { Senders } from '../../dashboard/notifications/senders/sender.ts';
import { raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { enqueueDeliveries } from '../../warehouse/notifications/deliveries.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, seedBase, seedUsers, startDashboard } from './helpers.ts';

interface Detail {
  alert: { id: number; status: string; assignee: string | null; public_response: string | null; dismiss_reason: string | null; dismissed_by: string | null };
  deliveries: { channel: string; recipient: string; status: string; attempts: number; last_error: string | null }[];
  history: { action: string; details: Record<string, unknown> }[];
}

describe.each(drivers)('the alert workflow over the API on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;
  const raise = async (key: string) =>
    (await raiseAlert(tdb.db, { community_id: 'lixia', rule: 'negative_spike', dedupe_key: key, grade: 'yellow', title: `预警 ${key}`, drivers: {}, opened_at: new Date() }))!;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    server = await startDashboard(tdb.db);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('assigns, records the public response, resolves; the detail shows deliveries and history', async () => {
    const id = await raise('a');
    await enqueueDeliveries(tdb.db, [
      { community_id: 'lixia', alert_id: id, kind: 'alert', channel: 'wecom', recipient: 'comms-wecom', dedupe_key: `t:${id}`, subject: 's', body: 'b', payload: { event: 'alert', alerts: [] }, next_attempt_at: new Date() },
    ]);
    await tdb.db.updateTable('deliveries').set({ attempts: 1, last_error: 'POST http://127.0.0.1/x: HTTP 502' }).execute();
    const comms = await login(server.url, 'comms');
    const base = `/api/alerts/lixia/${id}`;
    expect((await comms.post(`${base}/assign`, { assignee: 'nobody' })).status).toBe(400);
    expect((await comms.post(`${base}/assign`, {})).status).toBe(400);
    expect((await comms.post(`${base}/assign`, { assignee: 'admin' })).status).toBe(200);
    expect((await comms.post(`${base}/acknowledge`)).status).toBe(200);
    expect((await comms.post(`${base}/responding`, { response: '已在官方账号说明办理进度 Progress posted on the official account' })).status).toBe(200);
    expect((await comms.post(`${base}/resolve`, { note: '已回访' })).status).toBe(200);

    for (const path of [`/api/alerts/${id}`, base]) {
      const res = await comms.get(path);
      expect(res.status).toBe(200);
      const detail = (await res.json()) as Detail;
      expect(detail.alert).toMatchObject({ status: 'resolved', assignee: 'admin', public_response: '已在官方账号说明办理进度 Progress posted on the official account' });
      expect(detail.deliveries).toEqual([expect.objectContaining({ channel: 'wecom', recipient: 'comms-wecom', status: 'pending', attempts: 1, last_error: 'POST http://127.0.0.1/x: HTTP 502' })]);
      expect(detail.history.map((h) => h.action)).toEqual(['alert.assign', 'alert.acknowledge', 'alert.responding', 'alert.resolve']);
      expect(detail.history[2]?.details.response).toBe('已在官方账号说明办理进度 Progress posted on the official account');
    }
    expect((await comms.get('/api/alerts/999999')).status).toBe(404);
    expect((await (await login(server.url, 'leader')).get(base)).status).toBe(403);
  });

  it('dismisses a false alarm only with a reason, which is kept and audited, and stops its lifecycle', async () => {
    const id = await raise('b');
    const comms = await login(server.url, 'comms');
    const base = `/api/alerts/lixia/${id}`;
    expect((await comms.post(`${base}/dismiss`, { reason: '  ' })).status).toBe(400);
    const res = await comms.post(`${base}/dismiss`, { reason: '同名商家促销，非社区舆情 Same-name shop promotion' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Detail).alert).toMatchObject({ status: 'dismissed', dismissed_by: 'comms', dismiss_reason: '同名商家促销，非社区舆情 Same-name shop promotion' });
    expect((await comms.post(`${base}/acknowledge`)).status).toBe(409);
    const list = (await (await comms.get('/api/alerts?status=dismissed')).json()) as { alerts: { id: number }[] };
    expect(list.alerts.map((a) => a.id)).toEqual([id]);
    const [entry] = await listAudit(tdb.db, { target: `alert:lixia/${id}` });
    expect(entry).toMatchObject({ actor: 'comms', action: 'alert.dismiss', details: { from: 'open', to: 'dismissed', reason: '同名商家促销，非社区舆情 Same-name shop promotion' } });
  });

  it('lets comms retry a notice that failed for good: requeued due now, audited on the alert, sent by the next dispatch', async () => {
    const id = await raise('retry');
    await enqueueDeliveries(tdb.db, [
      { community_id: 'lixia', alert_id: id, kind: 'alert', channel: 'webhook', recipient: 'ops-hook', dedupe_key: `r:${id}`, subject: 's', body: 'b', payload: { event: 'alert', alerts: [] }, next_attempt_at: new Date() },
    ]);
    // One attempt allowed, and the receiver is down: the notice fails for good.
    const notifications = { ...configSchema.parse({}).notifications, retry: { ...configSchema.parse({}).notifications.retry, max_attempts: 1 } };
    let receiverUp = false;
    const sent: number[] = [];
    const senders: Senders = {
      send: (notice) => {
        if (!receiverUp) return Promise.reject(new Error('POST http://127.0.0.1/hook: HTTP 503'));
        sent.push(notice.id);
        return Promise.resolve();
      },
      close: () => undefined,
    };
    expect(await dispatchDue(tdb.db, notifications, { now: new Date(), senders })).toMatchObject({ failed: 1, sent: 0 });
    const detailOf = async (client: Awaited<ReturnType<typeof login>>) => (await (await client.get(`/api/alerts/lixia/${id}`)).json()) as Detail & { deliveries: { id: number }[] };
    const comms = await login(server.url, 'comms');
    const [failed] = (await detailOf(comms)).deliveries;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: 'POST http://127.0.0.1/hook: HTTP 503' });
    const path = `/api/alerts/lixia/${id}/deliveries/${failed!.id}/retry`;

    // Leaders cannot; a request without the session's CSRF token is refused; a wrong id is a 404.
    expect((await (await login(server.url, 'leader')).post(path)).status).toBe(403);
    expect((await comms.post(path, {}, {})).status).toBe(403);
    expect((await comms.post(`/api/alerts/lixia/${id}/deliveries/999999/retry`)).status).toBe(404);
    expect(await dispatchDue(tdb.db, notifications, { now: new Date(), senders })).toMatchObject({ failed: 0, sent: 0 });

    const res = await comms.post(path);
    expect(res.status).toBe(200);
    expect((await detailOf(comms)).deliveries[0]).toMatchObject({ status: 'pending', last_error: 'POST http://127.0.0.1/hook: HTTP 503' });
    // Already queued again: a second click is a conflict that says why.
    const again = await comms.post(path);
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([409, expect.stringMatching(/is pending; only a failed notice can be retried/)]);
    const [entry] = await listAudit(tdb.db, { target: `alert:lixia/${id}` });
    expect(entry).toMatchObject({ actor: 'comms', action: 'delivery.retry', details: { delivery_id: failed!.id, channel: 'webhook', recipient: 'ops-hook', attempts: 1, last_error: 'POST http://127.0.0.1/hook: HTTP 503' } });

    receiverUp = true;
    expect(await dispatchDue(tdb.db, notifications, { now: new Date(), senders })).toMatchObject({ sent: 1 });
    expect(sent).toEqual([failed!.id]);
    expect((await detailOf(comms)).deliveries[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
