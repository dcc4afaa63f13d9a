import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadRating } from '../../warehouse/rectifications/bad-ratings.ts';
import { CLOSED_FOLLOWED_UP, CLOSED_RE_RATED, coversBadRating } from '../../warehouse/rectifications/closed-reason.ts';
import { openRectificationItems } from '../../warehouse/rectifications/open-rectification.ts';
import type { ClosedReason } from '../../warehouse/schema.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { seedBase } from '../dashboard/helpers.ts';

// Rounds are the same for every origin kind: a survey item closed by a re-rating (with the same
// marker tickets use) leaves a later 差评 of that answer to the next round; one closed after its
// follow-up still answers for it. A survey answer has no current rating to check, so it opens as read.
const DAY = 86_400_000;
const due = (rating: BadRating) => new Date(rating.rated_at.getTime() + 4 * DAY);
const answer = (responseId: number, question: string, rating: number): BadRating => ({
  community_id: 'lixia',
  origin_kind: 'survey',
  origin_id: responseId,
  origin_ref: question,
  rating,
  rated_at: new Date('2026-03-02T01:00:00Z'),
});

describe.each(drivers)('rectification rounds of survey answers on $name', (driver) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    // A ticket with the same id as the response, rated 满意: it has nothing to do with a survey item.
    await tdb.db
      .insertInto('tickets')
      .values({ id: 10, community_id: 'lixia', source_id: 'hotline', external_id: 'T10', opened_at: new Date('2026-03-01T00:00:00Z'), rating: 4, text: '', clause_ids: [] })
      .execute();
  });
  afterAll(() => tdb.close());

  const items = () =>
    tdb.db.selectFrom('rectifications').select(['origin_ref', 'round', 'rating', 'rated_at', 'due_at', 'status']).orderBy('origin_ref').orderBy('round').execute();
  const close = (question: string, reason: ClosedReason, at: Date) =>
    tdb.db
      .updateTable('rectifications')
      .set({ status: 'closed', closed_at: at, closed_reason: reason })
      .where('origin_ref', '=', question)
      .execute();

  it('opens one item per response and question, once', async () => {
    const ratings = [answer(10, 'desk', 1), answer(10, 'wait', 2)];
    expect(await openRectificationItems(tdb.db, ratings, due)).toBe(2);
    expect(await openRectificationItems(tdb.db, ratings, due)).toBe(0);
    expect((await items()).map((i) => [i.origin_ref, i.round, i.status])).toEqual([
      ['desk', 1, 'open'],
      ['wait', 1, 'open'],
    ]);
  });

  it('opens the next round after a closure by re-rating, dated from it, and nothing after a closure by staff', async () => {
    const reRatedAt = new Date('2026-04-10T02:00:00Z');
    await close('desk', CLOSED_RE_RATED, reRatedAt);
    await close('wait', CLOSED_FOLLOWED_UP, new Date('2026-04-01T00:00:00Z'));
    const ratings = [answer(10, 'desk', 2), answer(10, 'wait', 2)];
    expect(await openRectificationItems(tdb.db, ratings, due)).toBe(1);
    expect(await openRectificationItems(tdb.db, ratings, due)).toBe(0);
    const [deskOne, deskTwo, wait] = await items();
    expect(deskOne).toMatchObject({ origin_ref: 'desk', round: 1, rating: 1, status: 'closed' });
    expect(deskTwo).toMatchObject({ origin_ref: 'desk', round: 2, rating: 2, status: 'open', rated_at: reRatedAt, due_at: new Date(reRatedAt.getTime() + 4 * DAY) });
    expect(wait).toMatchObject({ origin_ref: 'wait', round: 1, status: 'closed' });
  });

  it('says which items still answer for a 差评 of their origin', () => {
    expect([null, CLOSED_FOLLOWED_UP, CLOSED_RE_RATED].map((closed_reason) => coversBadRating({ closed_reason }))).toEqual([true, true, false]);
  });
});
