/**
 * The text features the clause classifier learns from, beside the catalogue keywords: Chinese
 * character bigrams and English words (lower case, a plural "s" dropped). Each feature once per text.
 */

// Words too common to say anything about a topic; dropping them keeps the model small.
const STOPWORDS = new Set(
  'a an the and or but if of to in on at for from by with about as is are was were be been am it its this that these those i me my we our you your he she they them their there here what which who how when where why can could would should will do does did not no so too very just than then has have had any all some into out up over only'.split(' '),
);

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function textFeatures(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const features = new Set<string>();
  for (const run of normal.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) features.add(run);
    for (let i = 0; i + 1 < run.length; i += 1) features.add(run.slice(i, i + 2));
  }
  for (const word of normal.match(/[a-z]+(?:'[a-z]+)?/g) ?? []) {
    const w = word.replace(/'.*$/, '');
    if (w.length > 1 && !STOPWORDS.has(w)) features.add(`w:${stem(w)}`);
  }
  return [...features];
}

/** A feature as comms staff read it: the bigram or word itself. */
export function featureLabel(feature: string): string {
  return feature.startsWith('w:') ? feature.slice(2) : feature;
}
