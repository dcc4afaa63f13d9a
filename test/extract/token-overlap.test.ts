import { describe, expect, it } from 'vitest';
import { overlap, tokens } from '../../bench/token-overlap.ts';

describe('the benchmark token overlap', () => {
  it('splits words for alphabetic scripts and single characters for Han, ignoring punctuation', () => {
    expect(tokens('DeepMind新电脑，2016年！ “Māori” tribes—OK')).toEqual(['deepmind', '新', '电', '脑', '2016', '年', 'māori', 'tribes', 'ok']);
  });

  it('scores precision, recall and F1 as bag-of-tokens overlap', () => {
    const score = overlap('the cat sat on the mat menu', 'The cat sat on the mat.');
    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo(6 / 7);
    expect(overlap('', '').f1).toBe(1);
    expect(overlap('', 'text').f1).toBe(0);
  });
});
