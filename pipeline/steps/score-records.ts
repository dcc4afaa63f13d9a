import type { Clause } from '../../config/clauses.ts';
import type { Db } from '../../warehouse/database.ts';
import { deleteScores, findUnscored, writeScores, type NewScore } from '../../warehouse/derive/unscored.ts';
import { createClauseClassifier } from '../scoring/clause-classifier.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { scoreSentiment } from '../scoring/sentiment.ts';

export interface ScoreOutcome {
  scorer_version: string;
  scored: number;
  mentions: number;
  tickets: number;
}

export interface ScoreOptions {
  /** The version the scores are stored under; the current scorer's by default (tests inject another). */
  version?: string;
}

const BATCH = 500;

/** Scores every mention and ticket the scorer version has not seen: sentiment and clause tags. */
export async function scoreRecords(db: Db, clauses: readonly Clause[], options: ScoreOptions = {}): Promise<ScoreOutcome> {
  const version = options.version ?? scorerVersion();
  const classifier = createClauseClassifier(clauses);
  const outcome: ScoreOutcome = { scorer_version: version, scored: 0, mentions: 0, tickets: 0 };
  for (;;) {
    const batch = await findUnscored(db, version, BATCH);
    if (batch.length === 0) return outcome;
    const scores: NewScore[] = batch.map((record) => {
      const sentiment = scoreSentiment(record.text);
      return {
        community_id: record.community_id,
        record_kind: record.record_kind,
        record_id: record.record_id,
        scorer_version: version,
        label: sentiment.label,
        score: sentiment.score,
        lang: sentiment.lang,
        terms: sentiment.terms,
        clause_ids: classifier.tag(record.text),
      };
    });
    // Written per kind and counted as written: a concurrent run may have stored some of these first.
    const mentions = await writeScores(db, scores.filter((s) => s.record_kind === 'mention'));
    const tickets = await writeScores(db, scores.filter((s) => s.record_kind === 'ticket'));
    outcome.mentions += mentions;
    outcome.tickets += tickets;
    outcome.scored += mentions + tickets;
  }
}

export interface RescoreOutcome extends ScoreOutcome {
  /** Scores of this version dropped before scoring again. */
  dropped: number;
}

/**
 * Scores all history again under the version (after a model change): drops that version's scores
 * and scores every record, in one transaction so readers see the old scores or the new, never a
 * half-scored history. Scores of other versions stay as they are.
 */
export async function rescoreRecords(db: Db, clauses: readonly Clause[], options: ScoreOptions = {}): Promise<RescoreOutcome> {
  const version = options.version ?? scorerVersion();
  return db.transaction().execute(async (trx) => {
    const dropped = await deleteScores(trx, version);
    return { dropped, ...(await scoreRecords(trx, clauses, { version })) };
  });
}
