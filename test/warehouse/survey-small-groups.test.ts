import { describe, expect, it } from 'vitest';
import type { Db } from '../../warehouse/database.ts';
import { recomputeRollups } from '../../warehouse/derive/rollups.ts';
import { clauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import { gainReport } from '../../warehouse/read-models/gain-index.ts';
import { satisfactionTrend } from '../../warehouse/read-models/satisfaction-trend.ts';
import { clauses } from '../dashboard/helpers.ts';
import { drivers } from '../support/databases.ts';
import { testSla } from '../support/ticket-sla.ts';

// The privacy minimum protects people, so it counts respondents: one person answering nine
// questions is still one person, and their answers must not be published as a "cell of nine".
const options = { timezone: 'Asia/Shanghai', scorerVersion: 'v-test', ticketSla: testSla(72), satisfiedMinRating: 4 };
const minCell = 5;
const tickets = { slaHours: 72, slaClock: 'calendar' as const, satisfiedMinRating: 4 };

async function seed(db: Db, responses: Array<{ key: string; day: string; scores: number[] }>): Promise<void> {
  await db.insertInto('communities').values({ id: 'lixia', name_zh: '历下', name_en: 'Lixia' }).execute();
  await db.insertInto('sources').values({ id: 's-survey', kind: 'survey', community_id: 'lixia', name: 'survey', location: 'survey.csv', reach: 1, enabled: true }).execute();
  await db.insertInto('survey_responses').values(
    responses.map((r, i) => ({
      community_id: 'lixia', instrument_id: 'i', response_key: r.key, submitted_at: `${r.day}T04:00:00Z`, segments: '{}', source_id: 's-survey', source_row: i + 2,
      // Every answer bears on 8.1.2: several questions evidence one clause.
      answer_questions: r.scores.map((_, q) => `q${q + 1}`),
      answer_clauses: r.scores.map(() => '8.1.2'),
      answer_raw_values: r.scores.map(String),
      answer_scores: r.scores,
    })),
  ).execute();
  await recomputeRollups(db, options);
}

describe.each(drivers)('survey cells counted in respondents on $name', (driver) => {
  it('one respondent answering nine questions is suppressed in the scorecard, 获得感 and the trend', async () => {
    const { db, close } = await driver.open();
    try {
      await seed(db, [{ key: 'only-one', day: '2026-03-02', scores: [50, 75, 0, 50, 50, 75, 100, 25, 90] }]);
      const period = { from: '2026-03-02', to: '2026-03-02' };

      const card = await clauseScorecard(db, { period, minCell, clauses, tickets });
      expect(card.rows.find((r) => r.clause_id === '*')?.survey).toEqual({ suppressed: true });
      expect(card.rows.find((r) => r.clause_id === '8.1.2')?.survey).toEqual({ suppressed: true });

      const gain = await gainReport(db, { period, weights: { survey: 0.5, hotline: 0.3, sentiment: 0.2 }, minCell });
      expect(gain.all.components.survey).toEqual({ suppressed: true });
      expect(gain.all.index).toBeNull();
      expect(gain.months[0]?.index).toBeNull();

      const trend = await satisfactionTrend(db, { period, minCell, clauses });
      expect(trend.series.find((s) => s.clause_id === '8.1.2')?.points).toEqual([{ month: '2026-03', suppressed: true }]);
    } finally {
      await close();
    }
  });

  it('five respondents over several days publish, with the mean of all their answers', async () => {
    const { db, close } = await driver.open();
    try {
      const responses = [
        { key: 'a', day: '2026-03-02', scores: [0, 100] },
        { key: 'b', day: '2026-03-02', scores: [50, 50] },
        { key: 'c', day: '2026-03-03', scores: [75] },
        { key: 'd', day: '2026-03-09', scores: [25, 25] },
        { key: 'e', day: '2026-03-20', scores: [100] },
      ];
      await seed(db, responses);
      const period = { from: '2026-03-01', to: '2026-03-31' };
      const answers = responses.flatMap((r) => r.scores);
      const mean = answers.reduce((a, b) => a + b, 0) / answers.length;

      const card = await clauseScorecard(db, { period, minCell, clauses, tickets });
      const survey = card.rows.find((r) => r.clause_id === '8.1.2')?.survey;
      expect(survey).toMatchObject({ suppressed: false, n: answers.length });
      expect(survey && !survey.suppressed ? survey.index : null).toBeCloseTo(mean, 9);

      const gain = await gainReport(db, { period, weights: { survey: 1, hotline: 0, sentiment: 0 }, minCell });
      expect(gain.all.index).toBeCloseTo(mean, 9);

      const trend = await satisfactionTrend(db, { period, minCell, clauses });
      expect(trend.series.find((s) => s.clause_id === '8.1.2')?.points[0]).toMatchObject({ suppressed: false, n: answers.length });

      // Four of them in a narrower period are too few, however many answers they gave.
      const fewer = await clauseScorecard(db, { period: { from: '2026-03-01', to: '2026-03-09' }, minCell, clauses, tickets });
      expect(fewer.rows.find((r) => r.clause_id === '8.1.2')?.survey).toEqual({ suppressed: true });
    } finally {
      await close();
    }
  });
});
