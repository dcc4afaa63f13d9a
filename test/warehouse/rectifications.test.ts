import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { openRectifications, type WorkingDayCalendar } from '../../pipeline/steps/open-rectifications.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { RectificationChangeError, updateRectification } from '../../warehouse/rectifications/update-rectification.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { seedBase } from '../dashboard/helpers.ts';

// Weekdays only: enough to see that the configured working-day count and the calendar are used.
const weekdays: WorkingDayCalendar = {
  addWorkingDays(from, days) {
    const at = new Date(from);
    for (let left = days; left > 0; ) {
      at.setUTCDate(at.getUTCDate() + 1);
      if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left--;
    }
    return at;
  },
};

const config = configSchema.parse({ rectification: { due_working_days: 3 }, privacy: { min_cell: 5 } });

// Six 差评 (levels 1 and 2) among twelve rated tickets, and two without a rating.
const ratings = [1, 2, 2, 1, 2, 1, 3, 4, 5, 5, 4, 3, null, null];

describe.each(drivers)('好差评 rectification on $name', (driver) => {
  let tdb: TestDatabase;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await tdb.db
      .insertInto('tickets')
      .values(
        ratings.map((rating, i) => ({
          community_id: 'lixia',
          source_id: 'hotline',
          external_id: `T${i}`,
          // Friday 2 May 2025, 10:00 Beijing time, one hour apart; closed two hours later.
          opened_at: new Date(Date.UTC(2025, 4, 2, 2 + i)),
          closed_at: new Date(Date.UTC(2025, 4, 2, 4 + i)),
          rating,
          category: i === 0 ? '投诉' : null,
          text: i === 0 ? '窗口排队两小时，没人管' : '',
          clause_ids: [],
        })),
      )
      .execute();
  });
  afterAll(async () => tdb.close());

  it('opens one item per 差评, due the configured working days after the rating, and only once', async () => {
    expect(await openRectifications(tdb.db, config, weekdays)).toEqual({ opened: 6 });
    expect(await openRectifications(tdb.db, config, weekdays)).toEqual({ opened: 0 });
    const items = await rectificationsList(tdb.db, { now: new Date('2025-05-03T00:00:00Z') });
    expect(items).toHaveLength(6);
    expect(items.map((item) => item.rating).sort()).toEqual([1, 1, 1, 2, 2, 2]);
    for (const item of items) {
      expect(item.status).toBe('open');
      // Friday + 3 weekdays = the next Wednesday, at the time of the rating (the close).
      expect(new Date(item.due_at).getTime() - new Date(item.rated_at).getTime()).toBe(5 * 86_400_000);
    }
    // Each names the ticket as its source numbers it, with its category and what it said when known.
    const first = items.find((item) => item.origin_title.startsWith('hotline T0'));
    expect(first).toMatchObject({ origin_title: 'hotline T0 · 投诉', origin_excerpt: '窗口排队两小时，没人管' });
    expect(items.filter((item) => /^hotline T\d$/.test(item.origin_title) && item.origin_excerpt === '')).toHaveLength(5);
  });

  it('moves an item forward only: start, fix with a note, follow up, close; each step audited', async () => {
    const [item] = await rectificationsList(tdb.db);
    if (!item) throw new Error('no rectification opened');
    const key = { communityId: item.community_id, id: item.id };
    await expect(updateRectification(tdb.db, key, { action: 'close', user: 'comms' })).rejects.toThrow(/is open; "close" needs it to be followed_up/);
    await expect(updateRectification(tdb.db, key, { action: 'fix', user: 'comms' })).rejects.toBeInstanceOf(RectificationChangeError);

    await updateRectification(tdb.db, key, { action: 'assign', user: 'leader', owner: '王芳 (出入境窗口)' });
    await updateRectification(tdb.db, key, { action: 'start', user: 'comms' });
    const fixed = await updateRectification(tdb.db, key, { action: 'fix', user: 'comms', note: '窗口增加英文引导 Added English signage', now: new Date('2025-05-05T03:00:00Z') });
    expect(fixed.status).toBe('fixed');
    expect(fixed.owner).toBe('王芳 (出入境窗口)');
    await updateRectification(tdb.db, key, { action: 'follow_up', user: 'comms', note: '回访：满意 Called back: satisfied' });
    const closed = await updateRectification(tdb.db, key, { action: 'close', user: 'leader' });
    expect(closed.status).toBe('closed');
    expect(closed.closed_at).not.toBeNull();
    expect(closed.notes.map((n) => n.text)).toEqual(['fix: 窗口增加英文引导 Added English signage', 'follow_up: 回访：满意 Called back: satisfied']);

    const trail = await listAudit(tdb.db, { target: `rectification:${key.communityId}/${key.id}` });
    expect(trail.map((entry) => entry.action).reverse()).toEqual([
      'rectification.assign',
      'rectification.start',
      'rectification.fix',
      'rectification.follow_up',
      'rectification.close',
    ]);
  });

  it('puts overdue items first and publishes 差评率, fixed-on-time and follow-up rates per period', async () => {
    const now = new Date('2025-05-20T00:00:00Z');
    const list = await rectificationsList(tdb.db, { now });
    expect(list.filter((item) => item.overdue)).toHaveLength(5);
    expect(list.slice(0, 5).every((item) => item.overdue)).toBe(true);
    expect(await rectificationsList(tdb.db, { now, overdueOnly: true })).toHaveLength(5);

    const rates = await rectificationRates(tdb.db, { period: { from: '2025-05-01', to: '2025-05-31' }, timeZone: 'Asia/Shanghai', minCell: 5, now });
    expect(rates.bad_rate).toEqual({ numerator: 6, denominator: 12, rate: 0.5, suppressed: false });
    expect(rates.fixed_on_time).toEqual({ numerator: 1, denominator: 6, rate: 1 / 6, suppressed: false });
    // One fixed item is below the minimum cell: the count of the base is shown, the rate is not.
    expect(rates.follow_up).toEqual({ numerator: null, denominator: 1, rate: null, suppressed: true });
    expect(rates.overdue).toBe(5);

    const before = await rectificationRates(tdb.db, { period: { from: '2025-04-01', to: '2025-04-30' }, timeZone: 'Asia/Shanghai', minCell: 5, now });
    expect(before.bad_rate.denominator).toBe(0);
    expect(before.overdue).toBe(0);
  });
});
