/** Pure scoring: text or rows in, numbers out. No I/O, no database. */
export { detectLanguage } from './language.ts';
export { NEUTRAL_BAND, SENTIMENT_VERSION, scoreSentiment } from './sentiment.ts';
export type { SentimentLabel, SentimentOptions, SentimentResult } from './sentiment.ts';
export { compareClauseIds, createClauseTagger, tagClauses } from './clauses.ts';
