import type { Clause } from '../../config/clauses.ts';
import type { Db } from '../../warehouse/database.ts';
import { findUnscored, writeScores, type NewScore } from '../../warehouse/derive/unscored.ts';
import { createClauseTagger } from '../scoring/clauses.ts';
import { SENTIMENT_VERSION, scoreSentiment } from '../scoring/sentiment.ts';

export interface ScoreOutcome {
  scorer_version: string;
  scored: number;
  mentions: number;
  tickets: number;
}

const BATCH = 500;

/** Scores every mention and ticket the current scorer version has not seen: sentiment and clause tags. */
export async function scoreRecords(db: Db, clauses: readonly Clause[]): Promise<ScoreOutcome> {
  const tag = createClauseTagger(clauses);
  const outcome: ScoreOutcome = { scorer_version: SENTIMENT_VERSION, scored: 0, mentions: 0, tickets: 0 };
  for (;;) {
    const batch = await findUnscored(db, SENTIMENT_VERSION, BATCH);
    if (batch.length === 0) return outcome;
    const scores: NewScore[] = batch.map((record) => {
      const sentiment = scoreSentiment(record.text);
      return {
        community_id: record.community_id,
        record_kind: record.record_kind,
        record_id: record.record_id,
        scorer_version: SENTIMENT_VERSION,
        label: sentiment.label,
        score: sentiment.score,
        lang: sentiment.lang,
        terms: sentiment.terms,
        clause_ids: tag(record.text),
      };
    });
    await writeScores(db, scores);
    outcome.scored += scores.length;
    for (const s of scores) outcome[s.record_kind === 'mention' ? 'mentions' : 'tickets'] += 1;
  }
}
