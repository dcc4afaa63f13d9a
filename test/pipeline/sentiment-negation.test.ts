import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';
import { createFeatures, extractFeatures } from '../../pipeline/scoring/sentiment-features.ts';
import { negatedWord, negation } from '../../pipeline/scoring/sentiment-negation.ts';
import { createTokens, tokenize } from '../../pipeline/scoring/sentiment-tokens.ts';

// The text each feature of a text stands for.
function spans(text: string, lang: 'zh' | 'en'): string[] {
  const f = createFeatures();
  extractFeatures(text, lang, f);
  return Array.from({ length: f.count }, (_, k) => text.slice(f.start[k], f.end[k]));
}

// What the first negator of a text negates: its sign, and the words up to where the negated phrase ends.
function negated(text: string, lang: 'zh' | 'en'): [number, string] {
  const t = createTokens();
  tokenize(text, lang, t);
  const i = Array.from({ length: t.count }, (_, k) => k).find((k) => t.cue[k]?.kind === 'negator') ?? -1;
  const sign = negatedWord(text, t, i, lang);
  return [sign, sign === 0 ? '' : text.slice(t.start[i], negation.end)];
}

describe('what a negation negates', () => {
  it.each([
    ['not bad at all', 'en', -1, 'not bad'], ["I don't hate it", 'en', -1, "n't hate"], ['no complaints', 'en', -1, 'no complaints'],
    ['never disappointed', 'en', -1, 'never disappointed'], ['not great', 'en', 1, 'not great'], ['not at all helpful', 'en', 1, 'not at all helpful'],
    ['Nobody answered my call', 'en', 1, 'Nobody answered'], ['not the visa office', 'en', 0, ''],
    ['没有不满意', 'zh', -1, '没有不满意'], ['不是很满意', 'zh', 1, '不是很满意'], ['并不差', 'zh', -1, '不差'], ['不太方便', 'zh', 1, '不太方便'],
    ['没有任何问题', 'zh', -1, '没有任何问题'], ['打了一周都没人接', 'zh', 1, '没人接'], ['不知道为什么', 'zh', 0, ''],
  ] as const)('%s: %i, %s', (text, lang, sign, phrase) => {
    expect(negated(text, lang)).toEqual([sign, phrase]);
  });

  it('reads "at all" in a negation scope as stress, with no features of its own', () => {
    // "not funny at all" taught the model that a negated "at" and "all" are complaints.
    expect(new Set(spans('not bad at all', 'en'))).toEqual(new Set(['not bad']));
    expect(spans('not helpful at all', 'en').some((s) => /at|all/.test(s))).toBe(false);
    // Outside a negation scope they are words like any other.
    expect(spans('good at all levels', 'en')).toContain('at');
  });

  it('cancels a negator negated by the one before it, and reads the rest plain', () => {
    // Not 不满意 (trigram) nor 不满: the phrase is 没有不满意 as a whole, and 满意 as itself.
    const features = spans('没有不满意', 'zh');
    expect(features).not.toContain('不满意');
    expect(features).not.toContain('不满');
    expect(features).toContain('满意');
  });

  it('has no plain n-gram after a negator, only the ones holding it', () => {
    const features = spans('不太方便', 'zh');
    for (const plain of ['太方', '方便', '太方便']) expect(features).not.toContain(plain);
    expect(features).toContain('不太方便');
  });
});

describe('scoreSentiment reads negation as a reader does', () => {
  // An audit of nb-logreg-5 found the first three negative; they are not complaints.
  it.each(['not bad at all', "I don't hate it", '没有不满意', '并不差', 'No complaints at all', '没有任何问题'])('%s is not negative', (text) => {
    expect(scoreSentiment(text).label).not.toBe('negative');
  });

  it.each(['never disappointed', 'no complaints', 'not bad'])('%s is positive', (text) => {
    expect(scoreSentiment(text).label).toBe('positive');
  });

  it.each(['not great', '不是很满意', '不太方便', 'not good', '不满意', "I don't like it", 'The staff were not helpful at all'])('%s is negative', (text) => {
    expect(scoreSentiment(text).label).toBe('negative');
  });

  it('shows the negation with the word it turns', () => {
    expect(scoreSentiment('not bad at all').terms[0]).toBe('not bad');
    expect(scoreSentiment('没有不满意').terms[0]).toBe('没有不满意');
    expect(scoreSentiment('不是很满意').terms[0]).toBe('不是很满意');
  });
});
