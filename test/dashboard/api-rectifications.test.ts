import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, seedBase, seedUsers, startDashboard } from './helpers.ts';

interface ItemJson {
  id: number;
  origin_id: number;
  round: number;
  closed_reason: string | null;
  status: string;
  owner: string | null;
  overdue: boolean;
  notes: Array<{ user: string; text: string }>;
}

describe.each(drivers)('dashboard rectification queue on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;
  let lateId: number;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    const item = (origin_id: number, due_at: Date) => ({
      community_id: 'lixia',
      origin_kind: 'ticket' as const,
      origin_id,
      rating: 1,
      rated_at: new Date(due_at.getTime() - 10 * 86_400_000),
      due_at,
    });
    const rows = await tdb.db
      .insertInto('rectifications')
      .values([item(1, new Date('2020-01-10T00:00:00Z')), item(2, new Date(Date.now() + 30 * 86_400_000))])
      .returning('id')
      .execute();
    lateId = Number(rows[0]?.id);
    server = await startDashboard(tdb.db);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('lists overdue items first for every role that reads it; experts may read but not act', async () => {
    const expert = await login(server.url, 'expert');
    const res = await expert.get('/api/rectifications');
    expect(res.status).toBe(200);
    const { rectifications } = (await res.json()) as { rectifications: ItemJson[] };
    expect(rectifications.map((r) => [r.id, r.overdue])).toEqual([
      [lateId, true],
      [expect.any(Number), false],
    ]);
    const overdue = (await (await expert.get('/api/rectifications?overdue=1')).json()) as { rectifications: ItemJson[] };
    expect(overdue.rectifications.map((r) => r.id)).toEqual([lateId]);
    expect((await expert.post(`/api/rectifications/lixia/${lateId}/start`)).status).toBe(403);
  });

  it('comms assigns and fixes an item; a step out of order is a 409 that names the state', async () => {
    const comms = await login(server.url, 'comms');
    const base = `/api/rectifications/lixia/${lateId}`;
    expect((await comms.post(`${base}/assign`, { owner: '李明' })).status).toBe(200);
    const early = await comms.post(`${base}/close`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toMatch(/is open; "close" needs it to be followed_up/);
    const noNote = await comms.post(`${base}/fix`, {});
    expect(noNote.status).toBe(409);
    // A note quoting the caller's number keeps the note, not the number.
    const fixed = await comms.post(`${base}/fix`, { note: '已补发居留许可回执，回电 13812345678' });
    const { rectification } = (await fixed.json()) as { rectification: ItemJson };
    expect(rectification).toMatchObject({ status: 'fixed', owner: '李明', overdue: false });
    expect(rectification.notes).toEqual([expect.objectContaining({ user: 'comms', text: 'fix: 已补发居留许可回执，回电 [PHONE]' })]);
    expect(JSON.stringify(await listAudit(tdb.db))).not.toContain('13812345678');
    expect((await comms.post(`${base}/explode`)).status).toBe(404);
    // Without the CSRF token the change is refused.
    expect((await comms.post(`${base}/note`, { note: 'x' }, {})).status).toBe(403);
  });

  it('publishes the period rates with small bases suppressed', async () => {
    const leader = await login(server.url, 'leader');
    const res = await leader.get('/api/rectifications/rates?from=2019-12-01&to=2020-01-31');
    expect(res.status).toBe(200);
    const rates = (await res.json()) as { fixed_on_time: { denominator: number; suppressed: boolean }; overdue: number };
    expect(rates.fixed_on_time).toMatchObject({ denominator: 1, suppressed: true });
    expect(rates.overdue).toBe(0);
    expect((await leader.get('/api/rectifications/rates?from=2020-13-01')).status).toBe(400);
  });

  it('shows each round of an origin as an item of its own, and why a round was closed', async () => {
    const rated = new Date(Date.now() - 20 * 86_400_000);
    const round = (n: number, closed: boolean) => ({
      community_id: 'lixia',
      origin_kind: 'ticket' as const,
      origin_id: 3,
      round: n,
      rating: 2,
      rated_at: rated,
      due_at: new Date(rated.getTime() + 30 * 86_400_000),
      ...(closed ? { status: 'closed' as const, closed_at: new Date(), closed_reason: 're-rated' as const } : {}),
    });
    await tdb.db.insertInto('rectifications').values([round(1, true), round(2, false)]).execute();
    const leader = await login(server.url, 'leader');
    const { rectifications } = (await (await leader.get('/api/rectifications')).json()) as { rectifications: ItemJson[] };
    expect(rectifications.filter((r) => r.origin_id === 3).map((r) => [r.round, r.status, r.closed_reason])).toEqual([
      [1, 'closed', 're-rated'],
      [2, 'open', null],
    ]);
  });
});
