import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import { configSchema } from '../../config/schema.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { openRectifications, type WorkingDayCalendar } from '../../pipeline/steps/open-rectifications.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { updateRectification } from '../../warehouse/rectifications/update-rectification.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// 好差评 on the callback can change: a resident who rated 不满意 may re-rate after the rectification,
// and a later export then carries the new rating. These exports are this test's own.
const mapping = loadTicketMapping(resolve(import.meta.dirname, '../fixtures/collectors/hotline-mapping.yaml'));
const header = '工单编号,受理时间,首次响应时间,办结时间,诉求类型,语种,渠道,状态,满意度,诉求内容';
const row = (id: string, rating: string, text: string) => `${id},2026-03-02 09:00,2026-03-02 09:30,2026-03-03 16:00,投诉类,zh,phone,办结,${rating},${text}`;

// March: RR-1 and RR-3 are 差评, RR-2 was rated 满意, RR-4 was not rated.
const march = [header, row('RR-1', '不满意', '窗口排队太久'), row('RR-2', '满意', '办理顺利'), row('RR-3', '非常不满意', '材料被退回三次'), row('RR-4', '', '咨询居留许可')];
// April: RR-1 re-rated 满意 after its rectification, RR-2 re-rated 非常不满意; RR-3 and RR-4 as before.
const april = [header, row('RR-1', '满意', '窗口排队太久'), row('RR-2', '非常不满意', '办理顺利'), row('RR-3', '非常不满意', '材料被退回三次'), row('RR-4', '', '咨询居留许可')];

const config = configSchema.parse({ rectification: { due_working_days: 3 }, privacy: { min_cell: 1 } });
const days: WorkingDayCalendar = { addWorkingDays: (from, n) => new Date(from.getTime() + n * 86_400_000) };
const period = { from: '2026-03-01', to: '2026-03-31' };
const TARGET = 'ticket:lixia-intl/servicedesk-hotline-lixia';

function exportFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tickets-rerating-')), 'hotline.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe.each(drivers)('a re-rated 差评 on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  const itemOf = async (externalId: string) => {
    const items = await rectificationsList(database.db, { now: new Date() });
    return items.find((item) => item.origin_title.startsWith(`servicedesk-hotline-lixia ${externalId} `));
  };

  it('closes the rectification item with the new rating and the run as its reason, and it is no longer overdue', async () => {
    const { db } = database;
    await importTickets(db, { file: exportFile(march), mapping });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 2 });
    const open = await itemOf('RR-1');
    if (!open) throw new Error('RR-1 opened no item');
    // Due in March: by now both items are overdue.
    expect(open).toMatchObject({ status: 'open', overdue: true });
    await updateRectification(db, { communityId: open.community_id, id: open.id }, { action: 'assign', user: 'leader', owner: '王芳' });

    const later = await importTickets(db, { file: exportFile(april), mapping });
    expect(later).toMatchObject({ read: 4, new: 0, updated: 2, duplicate: 2 });

    const item = await itemOf('RR-1');
    expect(item).toMatchObject({ id: open.id, status: 'closed', owner: '王芳', rating: 2, overdue: false });
    expect(item?.closed_at).not.toBeNull();
    // Re-rated is rectified: the fix and the rater's verdict are stamped when the re-rating arrived.
    expect(item?.fixed_at).toEqual(item?.closed_at);
    expect(item?.followed_up_at).toEqual(item?.closed_at);
    expect(item?.notes).toHaveLength(1);
    expect(item?.notes[0]).toMatchObject({
      user: 'import:servicedesk-hotline-lixia',
      text: `close: resident re-rated: 满意 (4), was 不满意 (2) — 整改 counted as done (import:servicedesk-hotline-lixia run ${later.run_id})`,
    });
    const [entry] = await listAudit(db, { target: `rectification:${open.community_id}/${open.id}` });
    expect(entry).toMatchObject({
      actor: 'import:servicedesk-hotline-lixia',
      action: 'rectification.close',
      details: { from: 'open', to: 'closed', reason: 're-rated', ticket: `${TARGET}/RR-1`, rating: { from: 2, to: 4 }, run_id: later.run_id },
    });
    const [update] = await listAudit(db, { target: `${TARGET}/RR-1` });
    expect(update).toMatchObject({ action: 'ticket.update', details: { changed: { rating: { from: 2, to: 4 } }, run_id: later.run_id } });

    // Only RR-3, still a 差评, is overdue: in the queue, in the alert's list and in the published count.
    const overdue = await rectificationsList(db, { overdueOnly: true });
    expect(overdue.map((i) => i.origin_title)).toEqual(['servicedesk-hotline-lixia RR-3 · 投诉']);
    const rates = await rectificationRates(db, { period, timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(rates.overdue).toBe(1);
    // Both March items count as due; RR-1 as fixed (late: re-rated after its due day) and followed up.
    expect(rates.fixed_on_time).toMatchObject({ numerator: 0, denominator: 2 });
    expect(rates.follow_up).toMatchObject({ numerator: 1, denominator: 1 });
    // Nothing was deleted: both items stay, RR-2's new 差评 still waits for the pipeline.
    expect(await db.selectFrom('rectifications').select('id').execute()).toHaveLength(2);
  });

  it('opens one item for a rating changed from good to 差评', async () => {
    const { db } = database;
    await importTickets(db, { file: exportFile(march), mapping });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 2 });
    expect(await itemOf('RR-2')).toBeUndefined();

    await importTickets(db, { file: exportFile(april), mapping });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 1 });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect(await itemOf('RR-2')).toMatchObject({ status: 'open', rating: 1 });
  });

  it('changes nothing when an export comes again with its ratings unchanged', async () => {
    const { db } = database;
    const snapshot = async () => ({
      items: await db.selectFrom('rectifications').selectAll().orderBy('id').execute(),
      tickets: await db.selectFrom('tickets').selectAll().orderBy('id').execute(),
      audit: await db.selectFrom('audit_log').select(['id', 'action', 'target']).orderBy('id').execute(),
    });
    await importTickets(db, { file: exportFile(march), mapping });
    await openRectifications(db, config, days);
    const first = await snapshot();
    expect(await importTickets(db, { file: exportFile(march), mapping })).toMatchObject({ new: 0, duplicate: 4 });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect(await snapshot()).toEqual(first);

    // After the re-rating, the same later export again is a no-op too: the item closes once.
    await importTickets(db, { file: exportFile(april), mapping });
    await openRectifications(db, config, days);
    const second = await snapshot();
    expect(second.audit.filter((entry) => entry.action === 'rectification.close')).toHaveLength(1);
    expect(await importTickets(db, { file: exportFile(april), mapping })).toMatchObject({ new: 0, duplicate: 4 });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect(await snapshot()).toEqual(second);
  });
});
