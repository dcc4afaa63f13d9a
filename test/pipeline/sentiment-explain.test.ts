import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';
import { explainSentiment } from '../../pipeline/scoring/sentiment-explain.ts';

describe('explainSentiment', () => {
  it('shows the phrases that pulled each way, with their weights, and the result scoreSentiment gives', () => {
    const text = '服务不错，但是签证太慢';
    const { result, explain } = explainSentiment(text);
    expect(result).toEqual(scoreSentiment(text));
    expect(result.label).toBe('negative');
    const [part] = explain.parts;
    expect(explain.parts).toHaveLength(1);
    expect(part?.negative[0]).toMatchObject({ term: '太慢' });
    expect(part?.negative[0]?.weight).toBeLessThan(0);
    expect(part?.positive.map((t) => t.term)).toContain('服务不错');
    expect(part?.positive.every((t) => t.weight > 0)).toBe(true);
    // The stronger pull wins: the negative phrase outweighs the positive one.
    expect(Math.abs(part?.negative[0]?.weight ?? 0)).toBeGreaterThan(part?.positive[0]?.weight ?? 0);
    expect(Math.abs((part?.leaning ?? 0) * (part?.opinion ?? 0) - result.score)).toBeLessThan(0.001);
    expect(explain.reason).toMatch(/^negative: leaning -0\.\d+ × opinion 0\.\d+ = -0\.\d+, beyond the neutral band ±0\.15$/);
  });

  it('says a question is neutral because it is not an opinion, and a weak text because its evidence is weak', () => {
    const question = explainSentiment('请问周末上班吗？');
    expect(question.result.label).toBe('neutral');
    expect(question.explain.parts[0]?.opinion).toBeLessThan(0.5);
    expect(question.explain.reason).toMatch(/^neutral: it reads as a notice, schedule or question/);
    const notice = explainSentiment('2026年3月1日起，人才卡窗口搬到二楼办理');
    expect(notice.result.label).toBe('neutral');
    expect(notice.explain.reason).toMatch(/^neutral: /);
  });

  it('explains mixed text part by part, emoji by both models, and says why a text is unscored', () => {
    const mixed = explainSentiment('签证 office 的服务 really bad，等了三个月');
    expect(mixed.explain.parts.map((p) => p.lang)).toEqual(['zh', 'en']);
    expect(mixed.explain.parts[1]?.negative[0]?.term).toBe('really bad');
    expect(mixed.explain.reason).toMatch(/^negative: Chinese and English/);
    expect(explainSentiment('😡😡').explain.reason).toMatch(/^negative: emoji or emoticons alone/);
    expect(explainSentiment('Bonjour tout le monde, merci beaucoup').explain).toMatchObject({ parts: [], reason: expect.stringMatching(/^unscored: written in fr/) });
    expect(explainSentiment('  ').explain.reason).toBe('unscored: the text is empty');
  });

  it('gives the same explanation every time, and leaves plain scoring as it was', () => {
    const text = 'The staff were friendly, but nobody answers the phone.';
    const first = explainSentiment(text);
    expect(explainSentiment(text)).toEqual(first);
    expect(first.explain.model).toMatch(/^nb-logreg-/);
    expect(scoreSentiment(text)).toEqual(first.result);
  });
});
