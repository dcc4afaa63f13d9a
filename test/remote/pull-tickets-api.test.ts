import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { pullTicketsApi } from '../../collectors/servicedesk/pull-tickets-api.ts';
import { ticketSourceSchema } from '../../config/remote-source-schema.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { configSchema } from '../../config/schema.ts';
import { openRectifications } from '../../pipeline/steps/open-rectifications.ts';
import { ticketKpiReport } from '../../pipeline/steps/ticket-kpi-report.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { readSourceCursor } from '../../warehouse/writers/source-cursors.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const mapping = loadTicketMapping(resolve(import.meta.dirname, '../fixtures/remote/desk-mapping.yaml'));
const fetcher = createFetcher({ timeoutMs: 2000, retries: 1, maxBodyBytes: 1 << 20, userAgent: 'talentpulse-test/1.0', hostDelayMs: 0, baseDelayMs: 5, robots: false });

interface DeskTicket {
  id: string;
  created: string;
  closed?: string;
  state?: string;
  type: string;
  feedback?: { level: number };
  content: string;
  updated_at: string;
}

// A desk API: X-Api-Key, updated_since (inclusive, as many desks do), numbered pages of per_page tickets, in id order.
const tickets: DeskTicket[] = [];
const requests: URL[] = [];
let base = '';
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://desk');
  requests.push(url);
  if (req.headers['x-api-key'] !== 'desk-secret') return res.writeHead(401).end();
  const since = url.searchParams.get('updated_since');
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 50);
  const matching = tickets.filter((t) => since === null || Date.parse(t.updated_at) >= Date.parse(since));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { tickets: matching.slice((page - 1) * perPage, page * perPage) } }));
});
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe.each(drivers)('pullTicketsApi on $name', (driver) => {
  /** The desk's API as configured: a key header, items under data.tickets, a cursor on updated_at, two a page. */
  const deskSource = () =>
    ticketSourceSchema.parse({
      id: 'desk',
      mapping: 'unused.yaml',
      url: `${base}/api/tickets`,
      auth: { header: 'X-Api-Key', value: 'desk-secret' },
      items: 'data.tickets',
      cursor_field: 'updated_at',
      cursor_param: 'updated_since',
      page_param: 'page',
      page_size_param: 'per_page',
      page_size: 2,
    });
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
  });
  afterAll(() => database.close());

  it('pages with the cursor, maps JSON fields, rejects a bad ticket by id and field, and stores nothing twice', async () => {
    const { db } = database;
    const source = deskSource();
    tickets.length = 0;
    requests.length = 0;
    tickets.push(
      { id: 'T-1', created: '2026-03-01 09:00', closed: '2026-03-01 17:00', type: 'consult', feedback: { level: 5 }, content: '签证咨询，电话13812345678', updated_at: '2026-03-01T09:00:00Z' },
      { id: 'T-2', created: '2026-03-02 10:00', type: 'complaint', content: 'Shuttle bus late', updated_at: '2026-03-03T08:00:00Z' },
      // An unknown category is kept (a data-quality count); a time that is not a time is a reject.
      { id: 'T-3', created: 'yesterday', type: '咨询', content: '?', updated_at: '2026-03-02T11:00:00Z' },
    );
    const first = await pullTicketsApi(db, { source, mapping, fetcher });
    expect(first).toMatchObject({ source_id: 'desk', read: 3, new: 2, rejected: 1 });
    expect(first.error).toBeUndefined();
    expect(requests.map((u) => [u.searchParams.get('page'), u.searchParams.get('updated_since')])).toEqual([['1', null], ['2', null]]);
    expect(await readSourceCursor(db, 'desk')).toBe('2026-03-03T08:00:00Z');

    const stored = await db.selectFrom('tickets').select(['source_id', 'external_id', 'opened_at', 'category', 'rating', 'text']).orderBy('external_id').execute();
    expect(stored).toEqual([
      { source_id: 'desk', external_id: 'T-1', opened_at: new Date('2026-03-01T01:00:00Z'), category: '咨询', rating: 5, text: '签证咨询，电话[PHONE]' },
      { source_id: 'desk', external_id: 'T-2', opened_at: new Date('2026-03-02T02:00:00Z'), category: '投诉', rating: null, text: 'Shuttle bus late' },
    ]);
    const reject = await db.selectFrom('rejects').select(['location', 'field', 'value', 'reason']).executeTakeFirstOrThrow();
    expect(reject).toEqual({ location: `${base}/api/tickets?page=2&per_page=2 (ticket T-3)`, field: 'created', value: 'yesterday', reason: 'not a date (expected ISO or YYYY-MM-DD HH:mm[:ss])' });

    requests.length = 0;
    tickets.push({ id: 'T-4', created: '2026-03-04 08:00', type: 'thanks', content: 'Thank you', updated_at: '2026-03-04T08:00:00Z' });
    const second = await pullTicketsApi(db, { source, mapping, fetcher });
    // The desk's updated_since is inclusive: T-2 comes again and is a duplicate.
    expect(second).toMatchObject({ read: 2, new: 1, duplicate: 1, rejected: 0 });
    expect(requests[0]?.searchParams.get('updated_since')).toBe('2026-03-03T08:00:00Z');
    expect(await readSourceCursor(db, 'desk')).toBe('2026-03-04T08:00:00Z');
    expect(await db.selectFrom('tickets').select('external_id').execute()).toHaveLength(3);
  });

  it('updates a ticket pulled again with a new status, close time and callback rating: KPIs follow, the change is audited', async () => {
    const { db } = database;
    const source = deskSource();
    const config = configSchema.parse({ privacy: { min_cell: 1 }, communities: [{ id: 'lixia-intl', name_zh: '历下', name_en: 'Lixia' }] });
    const march = { period: { from: '2026-03-01', to: '2026-03-31' }, now: new Date('2026-03-10T00:00:00Z') };
    const before = await ticketKpiReport(db, config, march);
    expect(before.total).toMatchObject({ volume: 3, closed: 1, rated: 1 });

    // The desk closes T-2 and the caller rates it 不满意 on the callback: a later updated_at brings it back.
    const index = tickets.findIndex((t) => t.id === 'T-2');
    tickets[index] = { ...tickets[index]!, state: '已办结', closed: '2026-03-05 16:00', feedback: { level: 2 }, updated_at: '2026-03-05T08:00:00Z' };
    const pulled = await pullTicketsApi(db, { source, mapping, fetcher });
    // T-4 comes again (the cursor is inclusive) unchanged: a duplicate, not an update.
    expect(pulled).toMatchObject({ read: 2, new: 0, updated: 1, duplicate: 1, rejected: 0 });
    const rows = await db.selectFrom('tickets').select(['external_id', 'status', 'state', 'closed_at', 'rating']).where('external_id', '=', 'T-2').execute();
    expect(rows).toEqual([{ external_id: 'T-2', status: '已办结', state: 'closed', closed_at: new Date('2026-03-05T08:00:00Z'), rating: 2 }]);

    const after = await ticketKpiReport(db, config, march);
    expect(after.total).toMatchObject({ volume: 3, closed: 2, rated: 2 });
    expect(after.total.backlog.open).toBe(before.total.backlog.open! - 1);

    const [entry, ...more] = await listAudit(db, { target: 'ticket:lixia-intl/desk/T-2' });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'collector:desk',
      action: 'ticket.update',
      details: {
        changed: {
          status: { from: null, to: '已办结' },
          state: { from: null, to: 'closed' },
          closed_at: { from: null, to: '2026-03-05T08:00:00.000Z' },
          rating: { from: null, to: 2 },
        },
      },
    });

    // The new 差评 opens its rectification like any callback.
    await openRectifications(db, config, { addWorkingDays: (from, days) => new Date(from.getTime() + days * 86_400_000) });
    const [item] = await rectificationsList(db);
    expect(item).toMatchObject({ origin_kind: 'ticket', rating: 2 });

    // Pulling the same again changes nothing and audits nothing.
    const again = await pullTicketsApi(db, { source, mapping, fetcher });
    expect(again).toMatchObject({ new: 0, duplicate: 1, rejected: 0 });
    expect(again.updated).toBeUndefined();
    expect(await listAudit(db, { target: 'ticket:lixia-intl/desk/T-2' })).toHaveLength(1);
    expect(await db.selectFrom('tickets').select('external_id').execute()).toHaveLength(3);
  });
});
