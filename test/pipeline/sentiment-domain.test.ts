import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';
import { domainCheck } from '../../scripts/sentiment/domain-check.ts';
import { enSeed, zhSeed } from '../../scripts/sentiment/domain-seed.ts';

// Sentences the model never trained on: service complaints without sentiment words, questions and
// notices about offices, thanks for fixes. nb-logreg-3 labelled 15 of the 34 as we would, nb-logreg-4 and nb-logreg-5 29,
// nb-logreg-6 28 (还在等 at -0.148 and a thank-you to 12345 now neutral, a question at -0.152 negative; two notices now neutral).
const MAX_MISSED = 6;
describe('held-out domain check', () => {
  it('is kept out of training', () => {
    const trained = new Set([...Object.values(zhSeed), ...Object.values(enSeed)].flat().map((t) => t.toLowerCase()));
    expect(domainCheck.filter((c) => trained.has(c.text.toLowerCase()))).toEqual([]);
  });

  it('labels the audited sentences and most of the rest as a reader would', () => {
    const missed = domainCheck.filter((c) => scoreSentiment(c.text).label !== c.label).map((c) => c.text);
    expect(missed.length).toBeLessThanOrEqual(MAX_MISSED);
  });
});
