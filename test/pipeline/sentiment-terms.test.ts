import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';

// Our own sentences about community services; the model's phrases in them used to start inside a
// word (度很好 of 服务态度很好, 务很差 of 服务很差, 人员很热情 of 工作人员很热情).
const sentences = [
  '窗口工作人员服务态度很差',
  '物业服务非常好',
  '外国人服务中心的工作人员很热情',
  '工作人员态度很好，办事效率很高',
  '学校老师很负责',
  '派出所的民警态度很好',
  '翻译服务质量太差了',
  '房租太贵了，中介服务很差',
  '送餐速度也够快，味道不错',
  'The visa office was slow, 服务态度很差',
];

describe('Chinese terms read as words', () => {
  it('shows the words a phrase cut into, not a fragment of them', () => {
    expect(scoreSentiment('窗口工作人员服务态度很差').terms).toEqual(['服务态度很差']);
    expect(scoreSentiment('社区服务很差，没人管').terms[0]).toBe('服务很差');
    expect(scoreSentiment('外国人服务中心的工作人员很热情').terms).toEqual(['工作人员很热情']);
    // Strongest first: nb-logreg-6 weighs 态度很好 above 办事效率很高, as nb-logreg-4 did (nb-logreg-5 the other way round).
    expect(scoreSentiment('工作人员态度很好，办事效率很高').terms).toEqual(['态度很好', '办事效率很高']);
    // nb-logreg-4's phrase took in 学校; nb-logreg-5's began at 老师, a word boundary too. nb-logreg-6 kept no
    // weight for 老师很 or 负责, so nothing joins the praise of 老师 and of 很负责: two phrases, each on word boundaries.
    expect(scoreSentiment('学校老师很负责').terms).toEqual(['老师', '很负责']);
    // In mixed text too: the Chinese part's phrase is grown within it.
    expect(scoreSentiment('The visa office was slow, 服务态度很差').terms).toEqual(['服务态度很差', 'slow']);
  });

  // Not 社区服务很差: jieba's dictionary has 社区服务 as one word, where 服务很差 reads as well.
  it('starts and ends every Chinese term where jieba cuts the whole text, and takes it from the text', () => {
    const jieba = Jieba.withDict(dict);
    for (const text of sentences) {
      const boundaries = new Set([0]);
      let at = 0;
      for (const word of jieba.cut(text)) boundaries.add((at += word.length));
      const terms = scoreSentiment(text).terms.filter((term) => /\p{Script=Han}/u.test(term));
      expect(terms.length, text).toBeGreaterThan(0);
      for (const term of terms) {
        const start = text.indexOf(term);
        expect(start, `${text}: ${term}`).toBeGreaterThanOrEqual(0);
        expect([boundaries.has(start), boundaries.has(start + term.length)], `${text}: ${term}`).toEqual([true, true]);
      }
    }
  });

  it('shows words once when a phrase grown to its words takes in a weaker one', () => {
    // Under nb-logreg-5, 快 (of 够快) was a phrase of its own beside 速度也够, and grown, 速度也够快 held it.
    // nb-logreg-6 weighs 速度也 and 够快 apart; still no character is shown twice.
    const text = '送餐速度也够快，味道不错';
    const terms = scoreSentiment(text).terms;
    expect(terms).toEqual(['味道不错', '够快', '速度也']);
    const shown = terms.flatMap((term) => Array.from({ length: term.length }, (_, k) => text.indexOf(term) + k));
    expect(new Set(shown).size).toBe(shown.length);
  });
});
