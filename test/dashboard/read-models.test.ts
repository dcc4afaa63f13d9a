import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { hotlineSummary } from '../../warehouse/read-models/hotline-summary.ts';
import { mentionClauses } from '../../warehouse/read-models/mention-clauses.ts';
import { mentionCountsByLabel, mentionsList } from '../../warehouse/read-models/mentions-list.ts';
import { satisfactionTrend } from '../../warehouse/read-models/satisfaction-trend.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';
import { clauses, rollupRow, seedBase } from './helpers.ts';

const updated_at = new Date('2026-03-31T00:00:00Z');

function rollup(day: string, clause_id: string, source_kind: 'survey' | 'mentions' | 'servicedesk', metric: string, values: number[]) {
  return rollupRow({ community_id: 'lixia', day, clause_id, source_kind, metric }, values, updated_at);
}

async function seedRollups(db: Db) {
  await db
    .insertInto('daily_rollups')
    .values([
      // 8.1.2 in March: five answers over two days, enough to publish.
      rollup('2026-03-02', '8.1.2', 'survey', 'index', [60, 70]),
      rollup('2026-03-20', '8.1.2', 'survey', 'index', [80, 90, 100]),
      rollup('2026-03-20', '8.1.2', 'survey', 'satisfied', [0, 0, 1, 1, 1]),
      // April: only three answers, below min_cell 5.
      rollup('2026-04-03', '8.1.2', 'survey', 'index', [50, 75, 100]),
      // Outside the period.
      rollup('2025-12-31', '8.1.2', 'survey', 'index', [0, 0, 0, 0, 0, 0]),
      // One answer per respondent: the privacy minimum counts respondents.
      rollup('2026-03-02', '8.1.2', 'survey', 'respondents', [1, 1]),
      rollup('2026-03-20', '8.1.2', 'survey', 'respondents', [1, 1, 1]),
      rollup('2026-04-03', '8.1.2', 'survey', 'respondents', [1, 1, 1]),
      rollup('2025-12-31', '8.1.2', 'survey', 'respondents', [1, 1, 1, 1, 1, 1]),
      rollup('2026-03-05', '10.2.4', 'mentions', 'sentiment', [-0.8, -0.5, 0, 0.4, 0.6, -0.2]),
      rollup('2026-03-05', '10.2.4', 'mentions', 'negative', [1, 1, 0, 0, 0, 1]),
      rollup('2026-03-05', '10.2.4', 'mentions', 'positive', [0, 0, 0, 1, 1, 0]),
      rollup('2026-03-06', '8.1.2', 'servicedesk', 'opened', [1, 1]),
    ])
    .execute();
}

describe.each(drivers)('dashboard read models on $name', (driver) => {
  let tdb: TestDatabase;
  const period = { from: '2026-01-01', to: '2026-04-30' };

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedRollups(tdb.db);
  });
  afterAll(() => tdb.close());

  it('satisfaction trend: monthly mean with the t-interval, small months suppressed', async () => {
    const trend = await satisfactionTrend(tdb.db, { period, minCell: 5, clauses });
    expect(trend.series.map((s) => s.clause_id)).toEqual(['8.1.2']);
    const [march, april] = trend.series[0]!.points;
    expect(march).toMatchObject({ month: '2026-03', suppressed: false, n: 5, mean: 80 });
    if (march?.suppressed !== false) throw new Error('March should be published');
    expect(march.ci_low).toBeCloseTo(80 - 2.776 * Math.sqrt(50), 6);
    expect(march.ci_high).toBeCloseTo(80 + 2.776 * Math.sqrt(50), 6);
    expect(april).toEqual({ month: '2026-04', suppressed: true });
    expect(trend.series[0]!.title_zh).toBe('12345热线');
  });

  it('scorecard: per clause figures, suppression and empty clauses', async () => {
    const card = await clauseScorecard(tdb.db, { period, minCell: 5, clauses, tickets: { slaHours: 72, slaClock: 'calendar', satisfiedMinRating: 4 } });
    expect(card.rows.map((r) => r.clause_id)).toEqual(['*', '7.2.3', '8.1.2', '10.2.4']);
    const hotline = card.rows.find((r) => r.clause_id === '8.1.2')!;
    // March (5) and April (3) together: 8 answers.
    expect(hotline.survey).toMatchObject({ suppressed: false, n: 8, satisfied_share: 0.6 });
    expect(hotline.tickets).toEqual({ suppressed: true });
    const opinion = card.rows.find((r) => r.clause_id === '10.2.4')!;
    expect(opinion.mentions).toMatchObject({ suppressed: false, n: 6, negative_share: 0.5 });
    if (!opinion.mentions || opinion.mentions.suppressed) throw new Error('mentions should be published');
    expect(opinion.mentions.net_sentiment).toBeCloseTo(-1 / 6, 9);
    expect(card.rows.find((r) => r.clause_id === '7.2.3')).toMatchObject({ survey: null, mentions: null, tickets: null });
    // Experts see the rules the hotline figures were counted by, as configured.
    expect(card.methods.tickets).toContain('within 72 calendar hours of opening');
    expect(card.methods.tickets).toContain('满意率 = rated ≥ 4');
  });

  it('mention clauses: negative sentiment per clause, most negative first, small clauses suppressed', async () => {
    const june = { from: '2026-06-01', to: '2026-06-30' };
    await tdb.db
      .insertInto('daily_rollups')
      .values([
        // 8.1.2 over two days: 4 negative and 2 positive of 7; 10.2.4 only two, below min_cell 5.
        rollup('2026-06-07', '8.1.2', 'mentions', 'negative', [1, 1, 1, 0]),
        rollup('2026-06-07', '8.1.2', 'mentions', 'positive', [0, 0, 0, 1]),
        rollup('2026-06-08', '8.1.2', 'mentions', 'negative', [1, 0, 0]),
        rollup('2026-06-08', '8.1.2', 'mentions', 'positive', [0, 0, 1]),
        rollup('2026-06-08', '10.2.4', 'mentions', 'negative', [1, 1]),
        rollup('2026-06-08', '10.2.4', 'mentions', 'positive', [0, 0]),
        // 7.2.3: five mentions, one negative.
        rollup('2026-06-09', '7.2.3', 'mentions', 'negative', [1, 0, 0, 0, 0]),
        rollup('2026-06-09', '7.2.3', 'mentions', 'positive', [0, 1, 1, 0, 0]),
        // All clauses together, survey rows and a day outside the period: none is a clause row here.
        rollup('2026-06-08', '*', 'mentions', 'negative', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        rollup('2026-06-08', '10.2.4', 'survey', 'index', [10, 10, 10, 10, 10]),
        rollup('2026-07-01', '10.2.4', 'mentions', 'negative', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      ])
      .execute();
    const result = await mentionClauses(tdb.db, { period: june, minCell: 5, clauses });
    expect(result.rows.map((r) => r.clause_id)).toEqual(['8.1.2', '7.2.3', '10.2.4']);
    const [service, survey, opinion] = result.rows;
    expect(service).toMatchObject({ suppressed: false, n: 7, negative: 4, title_en: clauses.find((c) => c.id === '8.1.2')?.title_en });
    expect(service?.suppressed === false && service.negative_share).toBeCloseTo(4 / 7, 6);
    expect(service?.suppressed === false && service.net_sentiment).toBeCloseTo((2 - 4) / 7, 6);
    expect(survey).toMatchObject({ suppressed: false, n: 5, negative: 1 });
    expect(opinion).toEqual({ clause_id: '10.2.4', title_zh: expect.any(String), title_en: expect.any(String), suppressed: true });
    expect(await mentionClauses(tdb.db, { period: june, minCell: 5, clauses, communityId: 'elsewhere' })).toMatchObject({ rows: [] });
  });

  it('hotline summary: on-time rate, 满意率 and resolution percentiles from tickets', async () => {
    const opened = new Date('2026-03-10T01:00:00Z');
    const hoursLater = (h: number) => new Date(opened.getTime() + h * 3_600_000);
    const closedAfter = [2, 10, 20, 50, 100, 200];
    await tdb.db
      .insertInto('tickets')
      .values(
        closedAfter.map((h, i) => ({
          community_id: 'lixia',
          source_id: 'hotline',
          external_id: `T${i}`,
          opened_at: opened,
          closed_at: hoursLater(h),
          rating: i < 4 ? 5 : 1,
          text: '',
          clause_ids: ['8.1.2'],
        })),
      )
      .execute();
    const summary = await hotlineSummary(tdb.db, { period, timeZone: 'Asia/Shanghai', sla: testSla(72), minCell: 5 });
    expect(summary).toMatchObject({ opened: 6, closed: 6, rated: 6, suppressed: [] });
    expect(summary.on_time_rate).toBeCloseTo(4 / 6, 9);
    expect(summary.satisfied_rate).toBeCloseTo(4 / 6, 9);
    expect(summary.median_resolution_hours).toBeCloseTo(35, 6);
    // percentile_cont(0.9) over 6 values: position 4.5 between 100 and 200.
    expect(summary.p90_resolution_hours).toBeCloseTo(150, 6);

    const small = await hotlineSummary(tdb.db, { period, timeZone: 'Asia/Shanghai', sla: testSla(72), minCell: 10 });
    // Six tickets under a minimum of ten: not even how many, as metrics tickets withholds a volume.
    expect(small).toMatchObject({ opened: null, closed: null, rated: null, on_time_rate: null, satisfied_rate: null, median_resolution_hours: null });
    expect(small.suppressed).toEqual(['volume', 'on_time_rate', 'resolution_hours', 'satisfied_rate']);
  });

  it('mentions list: the current version\'s score per mention, else its newest; filter by label, paging', async () => {
    const ids = await tdb.db
      .insertInto('mentions')
      .values(
        [0, 1, 2].map((i) => ({
          community_id: 'lixia',
          source_id: 'news',
          url: `https://example.test/${i}`,
          url_hash: `h${i}`,
          content_hash: `c${i}`,
          title: `Post ${i}`,
          text: `社区服务 ${i}`,
          published_at: new Date(`2026-03-0${i + 1}T08:00:00Z`),
          collected_at: new Date('2026-03-05T00:00:00Z'),
          reach: 1,
        })),
      )
      .returning('id')
      .execute();
    const score = (id: number, label: 'negative' | 'positive', version: string, at: string) => ({
      community_id: 'lixia',
      record_kind: 'mention' as const,
      record_id: id,
      scorer_version: version,
      label,
      score: label === 'negative' ? -0.6 : 0.5,
      lang: 'zh',
      terms: JSON.stringify([label === 'negative' ? '排队' : '热情']),
      clause_ids: ['10.2.4'],
      scored_at: new Date(at),
    });
    await tdb.db
      .insertInto('scores')
      .values([
        score(ids[0]!.id, 'positive', 'v1', '2026-03-05T00:00:00Z'),
        // Re-scored later as negative: the newer score counts.
        score(ids[0]!.id, 'negative', 'v2', '2026-03-06T00:00:00Z'),
        score(ids[1]!.id, 'positive', 'v2', '2026-03-06T00:00:00Z'),
      ])
      .execute();

    const all = await mentionsList(tdb.db, { pageSize: 2 });
    expect(all.total).toBe(3);
    expect(all.items.map((m) => m.title)).toEqual(['Post 2', 'Post 1']);
    expect(all.items[0]).toMatchObject({ label: 'unscored', score: null, terms: [] });

    const negative = await mentionsList(tdb.db, { label: 'negative' });
    expect(negative.total).toBe(1);
    expect(negative.items[0]).toMatchObject({ title: 'Post 0', label: 'negative', score: -0.6, terms: ['排队'], clause_ids: ['10.2.4'] });

    const page2 = await mentionsList(tdb.db, { pageSize: 2, page: 2 });
    expect(page2.items.map((m) => m.title)).toEqual(['Post 0']);

    const counts = await mentionCountsByLabel(tdb.db, { period, timeZone: 'Asia/Shanghai' });
    expect(counts).toEqual({ positive: 1, neutral: 0, negative: 1, unscored: 1 });

    // The current scorer version's score is shown even when an older or newer one exists, so the
    // list agrees with the rollups of that version; a mention it has not reached shows its newest
    // score, marked stale, and an unscored one is not stale.
    const v1 = await mentionsList(tdb.db, { currentVersion: 'v1' });
    expect(v1.items.map((m) => [m.title, m.label, m.scorer_version, m.stale])).toEqual([
      ['Post 2', 'unscored', null, false],
      ['Post 1', 'positive', 'v2', true],
      ['Post 0', 'positive', 'v1', false],
    ]);
    expect(await mentionCountsByLabel(tdb.db, { period, timeZone: 'Asia/Shanghai', currentVersion: 'v1' })).toEqual({
      positive: 2,
      neutral: 0,
      negative: 0,
      unscored: 1,
    });
    const v2 = await mentionsList(tdb.db, { label: 'negative', currentVersion: 'v2' });
    expect(v2.items.map((m) => [m.title, m.scorer_version, m.stale])).toEqual([['Post 0', 'v2', false]]);
  });
});
