import { CLAUSE_TAGGER_VERSION } from './clause-classifier.ts';
import { SENTIMENT_VERSION } from './sentiment-version.ts';

/**
 * The version stored with every score, and the one rollups, alerts and the dashboard read: it
 * changes when either the sentiment model or the clause classifier changes, so either change can
 * be re-scored (`talentpulse score --rescore`) without losing the older scores.
 */
export function scorerVersion(): string {
  return `${SENTIMENT_VERSION}+${CLAUSE_TAGGER_VERSION}`;
}
