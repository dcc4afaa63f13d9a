/** Stored with every score, so a better scorer can re-score everything it did not write. */
export const SENTIMENT_VERSION = 'nb-logreg-3';
