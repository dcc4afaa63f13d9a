/** Pure scoring: text or rows in, numbers out. No I/O, no database. */
export { DEFAULT_LANGUAGES, detectLanguage } from './language.ts';
export type { LanguageOptions } from './language.ts';
export { NEUTRAL_BAND, SENTIMENT_VERSION, scoreSentiment } from './sentiment.ts';
export type { SentimentLabel, SentimentOptions, SentimentResult } from './sentiment.ts';
export { compareClauseIds, createClauseTagger, tagClauses } from './clauses.ts';
export { incompleteBeta, lnGamma, normalQuantile, tQuantile } from './distributions.ts';
export { StatisticsInputError, meanWithCi, meanWithCiOf, median, proportionWithCi, quantile, scaleToHundred } from './statistics.ts';
export type { MeanWithCi, ProportionWithCi } from './statistics.ts';
export { gradeFromZ } from './spike.ts';
export type { AlertGrade } from './spike.ts';
export { CLAUSE_TAGGER_VERSION, clauseModel, createClauseClassifier } from './clause-classifier.ts';
export type { ClauseClassifier, ClauseMatch } from './clause-classifier.ts';
export { scorerVersion } from './scorer-version.ts';
