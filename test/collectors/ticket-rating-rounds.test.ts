import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRectifications } from '../../cli/format-rectifications.ts';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import { configSchema } from '../../config/schema.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { openRectifications, type WorkingDayCalendar } from '../../pipeline/steps/open-rectifications.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { unrectifiedBadRatings } from '../../warehouse/rectifications/bad-ratings.ts';
import { openRectificationItems } from '../../warehouse/rectifications/open-rectification.ts';
import { updateRectification } from '../../warehouse/rectifications/update-rectification.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

// A resident's 好差评 can go back and forth across exports: 差评, re-rated good after the fix
// (the item closes), then 差评 again (the good verdict taken back: a new round), or blank.
// These exports are this test's own.
const mapping = loadTicketMapping(resolve(import.meta.dirname, '../fixtures/collectors/hotline-mapping.yaml'));
const header = '工单编号,受理时间,首次响应时间,办结时间,诉求类型,语种,渠道,状态,满意度,诉求内容';
const row = (id: string, rating: string) => `${id},2026-03-02 09:00,2026-03-02 09:30,2026-03-03 16:00,投诉类,zh,phone,办结,${rating},窗口排队太久`;
/** One export of RR-1 (the ticket whose rating moves), RR-2 (rated 满意 throughout) and RR-3. */
const exportOf = (rr1: string, rr3 = '非常不满意') => [header, row('RR-1', rr1), row('RR-2', '满意'), row('RR-3', rr3)];

const config = configSchema.parse({ rectification: { due_working_days: 3 }, privacy: { min_cell: 1 } });
const DAY = 86_400_000;
const days: WorkingDayCalendar = { addWorkingDays: (from, n) => new Date(from.getTime() + n * DAY) };
const due = (rating: { rated_at: Date }) => days.addWorkingDays(rating.rated_at, 3);
const march = { from: '2026-03-01', to: '2026-03-31' };
const TITLE = 'servicedesk-hotline-lixia RR-1 · 投诉';

function exportFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tickets-rounds-')), 'hotline.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe.each(drivers)('差评 given again, and rating races, on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  const importExport = (lines: string[]) => importTickets(database.db, { file: exportFile(lines), mapping });
  const itemsOf = async (externalId: string) =>
    (await rectificationsList(database.db)).filter((item) => item.origin_title.startsWith(`servicedesk-hotline-lixia ${externalId} `)).sort((a, b) => a.round - b.round);

  it('opens round 2, due from when the good verdict was taken back, for a 差评 given again after a re-rating closed the item', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 2 });
    await importExport(exportOf('满意'));
    const [first] = await itemsOf('RR-1');
    expect(first).toMatchObject({ round: 1, status: 'closed', closed_reason: 're-rated' });
    if (!first?.closed_at) throw new Error('RR-1 round 1 not closed');

    await importExport(exportOf('非常不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 1 });
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    const rounds = await itemsOf('RR-1');
    expect(rounds.map((item) => [item.round, item.rating, item.status, item.closed_reason])).toEqual([
      [1, 2, 'closed', 're-rated'],
      [2, 1, 'open', null],
    ]);
    const [one, two] = rounds;
    // Round 1 keeps its March dates; round 2 counts from the re-rating that closed round 1 (the good
    // verdict stood until then), so it is not overdue the moment it opens.
    expect(one).toMatchObject({ id: first.id, rated_at: new Date('2026-03-03T08:00:00Z'), due_at: new Date('2026-03-06T08:00:00Z') });
    expect(two?.rated_at).toEqual(first.closed_at);
    expect(two?.due_at).toEqual(new Date(first.closed_at.getTime() + 3 * DAY));
    expect(two).toMatchObject({ origin_title: TITLE, overdue: false, notes: [] });

    // The queue names the round; the re-rated closure says why it closed.
    const now = new Date();
    const text = formatRectifications(await rectificationRates(db, { period: march, timeZone: 'Asia/Shanghai', minCell: 1 }), rounds, 'Asia/Shanghai', now);
    expect(text).toMatch(/ticket servicedesk-hotline-lixia RR-1 · 投诉 · round 2 +非常不满意 .* open/);
    expect(text).toMatch(/ticket servicedesk-hotline-lixia RR-1 · 投诉 +不满意 .* closed \(re-rated\)/);

    // And round 3 the same way: re-rated good again closes round 2, a 差评 again opens round 3.
    await importExport(exportOf('基本满意'));
    expect((await itemsOf('RR-1'))[1]).toMatchObject({ round: 2, status: 'closed', closed_reason: 're-rated' });
    await importExport(exportOf('不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 1 });
    expect((await itemsOf('RR-1')).map((item) => [item.round, item.status])).toEqual([
      [1, 'closed'],
      [2, 'closed'],
      [3, 'open'],
    ]);
  });

  it('counts the ticket once in 差评率 and each round in the period its 差评 was given', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    await openRectifications(db, config, days);
    await importExport(exportOf('满意'));
    await importExport(exportOf('非常不满意'));
    await openRectifications(db, config, days);
    const [, two] = await itemsOf('RR-1');
    if (!two) throw new Error('no round 2');

    // March: RR-1, RR-2 and RR-3 rated (dated by their close), two of them 差评 at their latest
    // rating; the March items are RR-1's round 1 and RR-3's, both past due, neither fixed on time.
    const inMarch = await rectificationRates(db, { period: march, timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(inMarch.bad_rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(inMarch.fixed_on_time).toMatchObject({ numerator: 0, denominator: 2 });
    expect(inMarch.overdue).toBe(1);

    // Round 2 belongs to the day it was given: once past due it is that period's one overdue item.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(two.rated_at);
    const later = new Date(two.due_at.getTime() + DAY);
    const itsDay = await rectificationRates(db, { period: { from: day, to: day }, timeZone: 'Asia/Shanghai', minCell: 1, now: later });
    expect(itsDay).toMatchObject({ fixed_on_time: { numerator: 0, denominator: 1 }, overdue: 1 });
    expect(itsDay.bad_rate.denominator).toBe(0);
  });

  it('opens nothing when a 差评 closed after its follow-up comes again in a later export', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    await openRectifications(db, config, days);
    const [item] = await itemsOf('RR-1');
    if (!item) throw new Error('RR-1 opened no item');
    const key = { communityId: item.community_id, id: item.id };
    await updateRectification(db, key, { action: 'fix', user: 'comms', note: '增设取号机' });
    await updateRectification(db, key, { action: 'follow_up', user: 'comms', note: '回访：已知悉' });
    expect(await updateRectification(db, key, { action: 'close', user: 'leader' })).toMatchObject({ status: 'closed', closed_reason: 'followed-up' });

    // The same export again, then one with the 差评 at the other level: the 差评 was dealt with.
    await importExport(exportOf('不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    await importExport(exportOf('非常不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect((await itemsOf('RR-1')).map((i) => [i.id, i.round, i.closed_reason])).toEqual([[item.id, 1, 'followed-up']]);
  });

  it('leaves the item open when a later export has no rating, and opens nothing when the 差评 returns', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    await openRectifications(db, config, days);
    const [before] = await itemsOf('RR-1');

    // A blank is not a verdict on the fix: the item stays as it was, in the loop.
    expect(await importExport(exportOf(''))).toMatchObject({ updated: 1 });
    const stored = await db.selectFrom('tickets').select('rating').where('external_id', '=', 'RR-1').executeTakeFirstOrThrow();
    expect(stored.rating).toBeNull();
    expect(await itemsOf('RR-1')).toEqual([before]);
    expect(before).toMatchObject({ status: 'open', closed_reason: null });
    expect((await listAudit(db)).filter((entry) => entry.action === 'rectification.close')).toEqual([]);
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });

    await importExport(exportOf('不满意'));
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect(await itemsOf('RR-1')).toEqual([before]);
  });

  it('opens no item for a 差评 re-rated good between reading the 差评 and opening their items', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    const pending = await unrectifiedBadRatings(db);
    expect(pending.map((r) => r.rating).sort()).toEqual([1, 2]);

    // The import commits first: RR-1 re-rated 满意 (no item to close yet), RR-3 now 不满意.
    await importExport(exportOf('满意', '不满意'));
    expect((await listAudit(db)).filter((entry) => entry.action === 'rectification.close')).toEqual([]);
    expect(await openRectificationItems(db, pending, due)).toBe(1);
    expect(await itemsOf('RR-1')).toEqual([]);
    // RR-3's item takes the level the ticket has when it opens.
    expect(await itemsOf('RR-3')).toMatchObject([{ round: 1, rating: 2 }]);
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });

    // Likewise for a next round: RR-1 差评 again, read, then re-rated good before its round 2 opens.
    await importExport(exportOf('不满意'));
    await openRectifications(db, config, days);
    await importExport(exportOf('满意'));
    await importExport(exportOf('非常不满意'));
    const again = await unrectifiedBadRatings(db);
    expect(again).toHaveLength(1);
    await importExport(exportOf('满意'));
    expect(await openRectificationItems(db, again, due)).toBe(0);
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect((await itemsOf('RR-1')).map((item) => [item.round, item.status])).toEqual([[1, 'closed']]);
  });

  it.runIf(driver.name === 'postgres')('skips a ticket a writer holds rather than wait, and leaves it to the next pass', async () => {
    const { db } = database;
    await importExport(exportOf('不满意'));
    const pending = await unrectifiedBadRatings(db);
    const held = (rating: number) => {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // The writer's way: the ticket locked, its rating changed, the transaction not yet committed.
      const done = db.transaction().execute(async (trx) => {
        await trx.selectFrom('tickets').select('id').where('external_id', '=', 'RR-1').forUpdate().execute();
        await trx.updateTable('tickets').set({ rating }).where('external_id', '=', 'RR-1').execute();
        locked();
        await released;
      });
      return { isLocked, release, done };
    };
    const within = <T>(work: Promise<T>) =>
      Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the insert waited for the writer')), 5_000))]);

    // Re-rated good, not yet committed: RR-1 is skipped, RR-3 opens.
    const good = held(4);
    try {
      await good.isLocked;
      expect(await within(openRectificationItems(db, pending, due))).toBe(1);
    } finally {
      good.release();
      await good.done;
    }
    expect(await openRectifications(db, config, days)).toEqual({ opened: 0 });
    expect(await itemsOf('RR-1')).toEqual([]);

    // Held by a writer that leaves it a 差评: skipped this pass, opened by the next.
    await db.updateTable('tickets').set({ rating: 2 }).where('external_id', '=', 'RR-1').execute();
    const same = held(2);
    try {
      await same.isLocked;
      expect(await within(openRectifications(db, config, days))).toEqual({ opened: 0 });
    } finally {
      same.release();
      await same.done;
    }
    expect(await openRectifications(db, config, days)).toEqual({ opened: 1 });
  });
});
