/** The weights' version, written into the model files by `npm run train:sentiment`. */
export const SENTIMENT_MODEL_VERSION = 'nb-logreg-6';

/**
 * Stored with every score, so a better scorer can re-score everything it did not write: the
 * weights' version plus a revision of the rules around them, bumped whenever those change what a
 * text gets (revision 2: terms only name phrases that pushed the score the way it went; a text of
 * emoji alone is scored by its emoji; revision 3: the main language of mixed Chinese-English text
 * counts Han characters against Latin words, not letters). A new model version starts again at
 * revision 0 (nb-logreg-4, trained with more service complaints, questions and notices, keeps the
 * rules of nb-logreg-3.3); revision 1: a Chinese term that started or ended inside a word is grown
 * to that word (度很好 → 服务态度很好), so stored terms of revision 0 are stale. nb-logreg-5 reads
 * courtesy formulas (不好意思, 麻烦您, "sorry to bother you") as one token without features and was
 * trained with polite questions; it keeps the rules of nb-logreg-4.1. nb-logreg-6 reads what a
 * negation negates (sentiment-negation.ts: "not bad at all", 没有不满意 and "no complaints" are no
 * longer complaints) and was trained with notices of our own; it keeps the rules of nb-logreg-5.0.
 */
export const SENTIMENT_VERSION = `${SENTIMENT_MODEL_VERSION}.0`;
