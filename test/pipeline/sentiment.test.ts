import { describe, expect, it } from 'vitest';
import { SENTIMENT_VERSION, scoreSentiment } from '../../pipeline/scoring/index.ts';

const score = (text: string) => scoreSentiment(text).score;
const label = (text: string) => scoreSentiment(text).label;

describe('scoreSentiment on Chinese', () => {
  it('reads 不满意 as negative and 非常满意 as positive, keeping the modifier in the term', () => {
    expect(scoreSentiment('不满意')).toMatchObject({ label: 'negative', lang: 'zh', terms: ['不满意'] });
    expect(scoreSentiment('非常满意')).toMatchObject({ label: 'positive', lang: 'zh', terms: ['非常满意'] });
  });

  it('flips a word after a negation within a short window', () => {
    expect(scoreSentiment('不是很满意')).toMatchObject({ label: 'negative', terms: ['不是很满意'] });
    expect(label('一点也不差')).toBe('positive');
  });

  it('weighs 有点慢 less negative than 太慢了', () => {
    expect(score('有点慢')).toBeLessThan(0);
    expect(score('太慢了')).toBeLessThan(score('有点慢'));
  });

  it('lets the clause after 但是 decide: 服务不错，但是签证太慢 is negative', () => {
    const result = scoreSentiment('服务不错，但是签证太慢');
    expect(result.label).toBe('negative');
    expect(result.terms).toEqual(['太慢', '不错']);
  });

  it('leaves a plain notice neutral', () => {
    expect(scoreSentiment('2024年国际人才招聘会将于5月在济南举行')).toEqual({ label: 'neutral', score: 0, lang: 'zh', terms: [] });
    expect(label('请问人才卡怎么办理？')).toBe('neutral');
  });

  it('does not mistake words that contain a sentiment character (出差, 满意度, 不错过)', () => {
    expect(label('下周出差，满意度调查不要错过')).toBe('neutral');
  });

  it('catches service complaints and makes them stronger with ！', () => {
    const complaint = '签证办了三个月还没下来，打12345没人回复，工作人员踢皮球';
    expect(scoreSentiment(complaint)).toMatchObject({ label: 'negative', terms: ['踢皮球', '没人回复', '还没下来'] });
    expect(score(`${complaint}！！`)).toBeLessThan(score(complaint));
    expect(label('窗口办不了，让我去别的部门，拖了一个月')).toBe('negative');
    expect(label('说好的班车一直没来')).toBe('negative');
    expect(label('工作许可迟迟办不下来')).toBe('negative');
  });

  it('reads praise as positive', () => {
    expect(label('社区的中秋活动很开心，工作人员热情周到，感谢！')).toBe('positive');
  });
});

describe('scoreSentiment on English', () => {
  it('reads complaints as negative', () => {
    const result = scoreSentiment('I called the hotline five times and nobody answers. Still waiting for my work permit!');
    expect(result).toMatchObject({ label: 'negative', lang: 'en' });
    expect(result.terms).toEqual(['nobody answers', 'still waiting']);
    expect(label('The officer was rude and the delay is unacceptable')).toBe('negative');
    expect(scoreSentiment('The service desk was not helpful at all').terms).toEqual(['not helpful']);
  });

  it('reads praise as positive, and "not bad" is not negative', () => {
    expect(label('The staff were very helpful and friendly, thank you!')).toBe('positive');
    expect(score('not bad')).toBeGreaterThan(0);
  });

  it('lets the clause after "but" decide', () => {
    expect(label('The people are nice but the process was too slow')).toBe('negative');
  });

  it('ignores greetings and sign-offs', () => {
    expect(label('Good morning, how do I renew my residence permit? Kind regards')).toBe('neutral');
  });

  it('handles curly apostrophes in negations', () => {
    expect(label('The hotline wasn’t helpful')).toBe('negative');
  });
});

describe('scoreSentiment on other input', () => {
  it('leaves other languages unscored', () => {
    expect(scoreSentiment('Это очень плохо')).toEqual({ label: 'unscored', score: 0, lang: 'ru', terms: [] });
    expect(scoreSentiment('ビザの手続きが遅すぎる')).toMatchObject({ label: 'unscored', lang: 'ja' });
  });

  it('leaves empty text unscored', () => {
    expect(scoreSentiment('')).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
    expect(scoreSentiment('   ')).toMatchObject({ label: 'unscored' });
  });

  it('uses the forced lexicon when asked', () => {
    expect(scoreSentiment('太慢了 slow', { lang: 'en' })).toMatchObject({ lang: 'en', label: 'negative', terms: ['slow'] });
  });

  it('keeps scores in [-1, 1] and is deterministic', () => {
    const rant = '太差了！！！垃圾，恶心，投诉无门，踢皮球，没人管！'.repeat(20);
    expect(score(rant)).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment(rant)).toEqual(scoreSentiment(rant));
    expect(SENTIMENT_VERSION).toMatch(/^lexicon-/);
  });

  it('scores ten thousand posts quickly', () => {
    const text = '服务不错，但是签证太慢，打12345没人回复。The staff were not helpful.';
    const started = performance.now();
    for (let i = 0; i < 10_000; i += 1) scoreSentiment(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
