import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importTicketsCsv } from '../../collectors/servicedesk/import-tickets.ts';
import { MissingColumnError } from '../../collectors/shared/csv-header.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { countRows } from './table-counts.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/collectors');
const mapping = loadTicketMapping(resolve(fixtures, 'hotline-mapping.yaml'));
const goodFile = resolve(fixtures, 'hotline-tickets.csv');

describe.each(drivers)('importTicketsCsv on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('stores tickets with mapped categories, ratings and times in the mapping zone', async () => {
    const { db } = database;
    const summary = await importTicketsCsv(db, { file: goodFile, mapping });
    expect(summary).toMatchObject({ source_id: 'servicedesk-hotline-lixia', read: 4, new: 4, duplicate: 0, rejected: 0 });
    const tickets = await db.selectFrom('tickets').selectAll().orderBy('external_id').execute();
    expect(tickets.map((t) => [t.external_id, t.category, t.rating, t.language])).toEqual([
      ['GD2026030001', '咨询', 4, 'en'],
      ['GD2026030002', '投诉', null, 'zh'],
      ['GD2026030003', '感谢', 5, 'ko'],
      ['GD2026030004', '建议', 3, 'zh'],
    ]);
    expect(tickets[0]?.opened_at.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(tickets[0]?.closed_at?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(tickets[1]?.first_response_at).toBeNull();
    expect(tickets[2]?.opened_at.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(tickets[0]?.clause_ids).toEqual([]);
    const source = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
    expect(source).toMatchObject({ kind: 'servicedesk', community_id: 'lixia-intl', location: goodFile });
    expect(source.last_success_at).toBeInstanceOf(Date);
  });

  it('redacts personal data in the stored text and never stores it raw', async () => {
    const { db } = database;
    await importTicketsCsv(db, { file: goodFile, mapping });
    const texts = (await db.selectFrom('tickets').select('text').orderBy('external_id').execute()).map((t) => t.text);
    expect(texts[0]).toBe('Asking how to renew a work permit, call me back on [PHONE] or [EMAIL]');
    expect(texts[1]).toBe('签证办理太慢，身份证[ID]，电话 [PHONE]');
    expect(texts[2]).toBe('Thank you for the quick help with my passport [PASSPORT]');
    expect(texts[3]).toBe('建议增加英文指示牌，请拨打12345反馈');
    // Nothing anywhere in the warehouse holds the raw values, not even the rejects or run stats.
    const everything = JSON.stringify([
      await db.selectFrom('tickets').selectAll().execute(),
      await db.selectFrom('rejects').selectAll().execute(),
      await db.selectFrom('collector_runs').selectAll().execute(),
    ]);
    for (const secret of ['13812345678', 'anna@example.com', '370102199003071234', '88886666', 'E12345678']) {
      expect(everything).not.toContain(secret);
    }
    expect(readFileSync(goodFile, 'utf8')).toContain('13812345678');
  });

  it('imports the same export twice without changing anything the second time', async () => {
    const { db } = database;
    await importTicketsCsv(db, { file: goodFile, mapping });
    const tables = ['tickets', 'rejects', 'sources', 'communities'] as const;
    const before = await countRows(db, tables);
    expect(await importTicketsCsv(db, { file: goodFile, mapping })).toMatchObject({ read: 4, new: 0, duplicate: 4, rejected: 0 });
    expect(await countRows(db, tables)).toEqual(before);
    expect((await countRows(db, ['collector_runs'])).collector_runs).toBe(2);
  });

  it('updates the tickets a later export shows changed, drops a changed text\'s score, and audits each change', async () => {
    const { db } = database;
    await importTicketsCsv(db, { file: goodFile, mapping });
    const stored = await db.selectFrom('tickets').select(['id', 'community_id', 'external_id']).orderBy('external_id').execute();
    const fourth = stored[3];
    if (!fourth) throw new Error('GD2026030004 not imported');
    await db
      .insertInto('scores')
      .values({ community_id: fourth.community_id, record_kind: 'ticket', record_id: fourth.id, scorer_version: 'v', label: 'neutral', score: 0, lang: 'zh', terms: '[]', clause_ids: [], scored_at: new Date() })
      .execute();

    // A week later: GD2026030002 was closed and rated 不满意; GD2026030004's description was corrected.
    const lines = readFileSync(goodFile, 'utf8').split('\n');
    lines[2] = 'GD2026030002,2026-03-01 10:30:15,,2026-03-04 16:00,投诉类,zh,web,办结,不满意,"签证办理太慢，身份证370102199003071234，电话 0531-88886666"';
    lines[4] = lines[4]!.replace('建议增加英文指示牌', '建议增加英文和韩文指示牌');
    const later = join(mkdtempSync(join(tmpdir(), 'tickets-later-')), 'hotline-later.csv');
    writeFileSync(later, lines.join('\n'));

    expect(await importTicketsCsv(db, { file: later, mapping })).toMatchObject({ read: 4, new: 0, updated: 2, duplicate: 2, rejected: 0 });
    const second = await db.selectFrom('tickets').select(['external_id', 'status', 'closed_at', 'rating', 'text']).where('external_id', 'in', ['GD2026030002', 'GD2026030004']).orderBy('external_id').execute();
    expect(second).toEqual([
      { external_id: 'GD2026030002', status: '办结', closed_at: new Date('2026-03-04T08:00:00Z'), rating: 2, text: '签证办理太慢，身份证[ID]，电话 [PHONE]' },
      { external_id: 'GD2026030004', status: '办结', closed_at: new Date('2026-03-03T02:00:00Z'), rating: 3, text: '建议增加英文和韩文指示牌，请拨打12345反馈' },
    ]);
    // The corrected text is scored again by the next pipeline run.
    expect(await db.selectFrom('scores').select('record_id').execute()).toEqual([]);
    const [entry] = await listAudit(db, { target: 'ticket:lixia-intl/servicedesk-hotline-lixia/GD2026030002' });
    expect(entry).toMatchObject({ actor: 'import:servicedesk-hotline-lixia', action: 'ticket.update' });
    expect(Object.keys((entry?.details as { changed: object }).changed).sort()).toEqual(['closed_at', 'rating', 'state', 'status']);
    const [edit] = await listAudit(db, { target: 'ticket:lixia-intl/servicedesk-hotline-lixia/GD2026030004' });
    // Text is said to have changed, not copied into the audit log.
    expect(edit?.details).toMatchObject({ changed: { text: { from: '20 characters', to: '23 characters' } } });
    expect(await db.selectFrom('tickets').select('id').execute()).toHaveLength(4);
  });

  it('rejects rows with a bad date or rating, or missing fields, keeps an unmapped category as written, and stores the rest', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'hotline-tickets-bad.csv');
    const summary = await importTicketsCsv(db, { file, mapping });
    expect(summary).toMatchObject({ read: 6, new: 3, rejected: 3 });
    const stored = await db.selectFrom('tickets').select(['external_id', 'category', 'raw_category', 'state']).orderBy('external_id').execute();
    expect(stored).toEqual([
      { external_id: 'GD2026039001', category: '咨询', raw_category: '咨询类', state: 'closed' },
      // 催办 is no 12345 category and the mapping names none: kept, category left open for the KPIs to count.
      { external_id: 'GD2026039003', category: null, raw_category: '催办', state: 'closed' },
      { external_id: 'GD2026039006', category: '求助', raw_category: '求助类', state: 'open' },
    ]);
    const rejects = await db.selectFrom('rejects').select(['run_id', 'row', 'field', 'value', 'reason']).orderBy('row').execute();
    expect(rejects.map((r) => [r.row, r.field, r.value])).toEqual([
      [3, '受理时间', 'yesterday'],
      [5, '满意度', '还行'],
      [6, null, null],
    ]);
    expect(rejects.every((r) => r.run_id === summary.run_id)).toBe(true);
  });

  it('rejects a time after the import (a mistyped year), naming row and column, and keeps a due time ahead', async () => {
    const { db } = database;
    const nextYear = new Date().getUTCFullYear() + 1;
    const file = join(mkdtempSync(join(tmpdir(), 'tickets-future-')), 'hotline-future.csv');
    writeFileSync(file, [
      '工单编号,受理时间,首次响应时间,办结时间,诉求类型,语种,渠道,状态,满意度,诉求内容',
      'F-1,2026-03-01 09:00,2026-03-01 09:20,2026-03-02 17:00,咨询类,zh,phone,办结,满意,正常',
      'F-2,2062-03-01 09:00,,,咨询类,zh,phone,受理,,受理时间年份输错',
      `F-3,2026-03-01 09:00,2026-03-01 09:20,${nextYear}-03-02 17:00,咨询类,zh,phone,办结,满意,办结时间在将来`,
      `F-4,2026-03-01 09:00,${nextYear}-03-01 09:20,,咨询类,zh,phone,受理,,首次响应在将来`,
    ].join('\n'));
    const summary = await importTicketsCsv(db, { file, mapping });
    expect(summary).toMatchObject({ read: 4, new: 1, rejected: 3 });
    const rejects = await db.selectFrom('rejects').select(['row', 'field', 'value', 'reason']).orderBy('row').execute();
    expect(rejects.map((r) => [r.row, r.field, r.value])).toEqual([
      [3, '受理时间', '2062-03-01 09:00'],
      [4, '办结时间', `${nextYear}-03-02 17:00`],
      [5, '首次响应时间', `${nextYear}-03-01 09:20`],
    ]);
    expect(rejects[0]?.reason).toMatch(/^after the time of import \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\): a mistyped year or a wrong clock\?$/);
    // A due time ahead is what due times are for.
    const us = loadTicketMapping(resolve(fixtures, 'desk-us-mapping.yaml'));
    const ahead = join(mkdtempSync(join(tmpdir(), 'tickets-due-')), 'desk-due.csv');
    writeFileSync(ahead, `Ticket,Created,Closed,Due,Status,Reopened,Type\nD-9,01/15/2026 08:30:00 AM,,01/15/${nextYear} 05:00:00 PM,Open,N,Service Request\n`);
    expect(await importTicketsCsv(db, { file: ahead, mapping: us })).toMatchObject({ new: 1, rejected: 0 });
  });

  it('reads US-style times, due times, mapped statuses and reopen flags', async () => {
    const { db } = database;
    const us = loadTicketMapping(resolve(fixtures, 'desk-us-mapping.yaml'));
    const file = resolve(fixtures, 'desk-us-tickets.csv');
    const summary = await importTicketsCsv(db, { file, mapping: us });
    expect(summary).toMatchObject({ read: 5, new: 4, rejected: 1 });
    const rows = await db.selectFrom('tickets').selectAll().orderBy('external_id').execute();
    const view = rows.map((t) => [t.external_id, t.opened_at.toISOString(), t.closed_at?.toISOString() ?? null, t.due_at?.toISOString() ?? null, t.state, t.reopen_count, t.category]);
    expect(view).toEqual([
      // 08:30 AM in Los Angeles in January is UTC−8; 12:05 AM is just after midnight, 12:15 PM just after noon.
      ['D-1', '2017-01-15T16:30:00.000Z', '2017-01-16T08:05:00.000Z', '2017-01-18T01:00:00.000Z', 'closed', 0, '求助'],
      // July: daylight saving, UTC−7.
      ['D-2', '2017-07-04T19:15:00.000Z', null, null, 'reopened', 2, '投诉'],
      ['D-3', '2017-03-01T17:00:00.000Z', '2017-03-02T17:00:00.000Z', null, 'closed', 1, '咨询'],
      ['D-4', '2017-03-01T17:00:00.000Z', null, null, null, null, null],
    ]);
    expect(rows[3]).toMatchObject({ status: 'Pending Review', raw_category: 'Pothole' });
    const rejects = await db.selectFrom('rejects').select(['row', 'field', 'value', 'reason']).execute();
    expect(rejects).toEqual([{ row: 6, field: 'Created', value: '2017-03-01 09:00', reason: 'not a date (expected "MM/DD/YYYY hh:mm:ss A")' }]);
  });

  it('fails before writing anything when a mapped column is missing', async () => {
    const { db } = database;
    const file = resolve(fixtures, 'resident-survey.csv');
    await expect(importTicketsCsv(db, { file, mapping })).rejects.toThrow(MissingColumnError);
    await expect(importTicketsCsv(db, { file, mapping })).rejects.toThrow(/"工单编号".*ticket mapping "hotline-lixia"/);
    expect(await countRows(db, ['tickets', 'collector_runs', 'sources'])).toEqual({ tickets: 0, collector_runs: 0, sources: 0 });
  });
});
