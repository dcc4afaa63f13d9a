import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NEUTRAL_BAND, SENTIMENT_VERSION, scoreSentiment } from '../../pipeline/scoring/index.ts';
import { SENTIMENT_MODEL_VERSION } from '../../pipeline/scoring/sentiment-version.ts';
import { isBlank, SCORED_CHARACTERS } from '../../pipeline/scoring/sentiment.ts';

const score = (text: string) => scoreSentiment(text).score;
const label = (text: string) => scoreSentiment(text).label;

describe('scoreSentiment on Chinese', () => {
  it('reads 不满意 as negative and 满意 as positive, keeping the negation in the term', () => {
    expect(scoreSentiment('不满意')).toMatchObject({ label: 'negative', lang: 'zh', terms: ['不满意'] });
    expect(scoreSentiment('非常满意')).toMatchObject({ label: 'positive', lang: 'zh', terms: ['非常满意'] });
    expect(scoreSentiment('不是很满意').terms[0]).toBe('不是很满意');
  });

  it('weighs 有点慢 less negative than 太慢了', () => {
    expect(score('有点慢')).toBeLessThan(0);
    expect(score('太慢了')).toBeLessThan(score('有点慢'));
  });

  it('lets the clause after 但是 decide: 服务不错，但是签证太慢 is negative', () => {
    expect(score('服务不错')).toBeGreaterThan(0);
    const result = scoreSentiment('服务不错，但是签证太慢');
    expect(result.label).toBe('negative');
    expect(result.terms[0]).toBe('太慢');
  });

  it('catches service complaints that have no sentiment word', () => {
    expect(scoreSentiment('打了一周12345都没人接')).toMatchObject({ label: 'negative', terms: ['都没人接'] });
    expect(scoreSentiment('窗口办不了，让我去别的部门，拖了一个月').terms[0]).toBe('办不了');
    expect(label('工作许可迟迟办不下来')).toBe('negative');
    expect(label('签证办了三个月还没下来，工作人员踢皮球')).toBe('negative');
  });

  it('reads praise as positive', () => {
    expect(label('社区的中秋活动很开心，工作人员热情周到，感谢！')).toBe('positive');
  });

  it('reads emoji', () => {
    expect(label('今天的讲座😊')).toBe('positive');
    expect(label('今天的讲座😭')).toBe('negative');
  });

  it('leaves topic words alone: 签证 and 人才卡 carry no sentiment', () => {
    expect(scoreSentiment('签证').terms).toEqual([]);
    expect(scoreSentiment('人才卡办不了').terms).not.toContain('人才卡');
  });

  // Weibo labels its news posts positive; the objectivity model keeps dated notices neutral.
  it('leaves a plain notice neutral', () => {
    expect(label('2024年国际人才招聘会将于5月在济南举行')).toBe('neutral');
    expect(scoreSentiment('留学生服务窗口6月起每周六上午开放').terms).toEqual([]);
  });

  it('reads Weibo bracket emoticons', () => {
    expect(label('今天的讲座[泪]')).toBe('negative');
    expect(label('今天的讲座[哈哈]')).toBe('positive');
  });

  it('keeps links and @names out of the terms', () => {
    const result = scoreSentiment('@济南发布 办了三个月还没下来，太失望了 http://t.cn/A6abcdE');
    expect(result.label).toBe('negative');
    expect(result.terms.join(' ')).not.toMatch(/http|@/);
  });
});

describe('scoreSentiment on English', () => {
  it('reads complaints as negative', () => {
    expect(scoreSentiment('The staff are friendly but nobody answers the hotline')).toMatchObject({ label: 'negative', lang: 'en' });
    // The delay drives it: nb-logreg-3 named "after three months", nb-logreg-2 named "Still waiting" as well.
    const waiting = scoreSentiment('Still waiting for my residence permit after three months');
    expect(waiting.label).toBe('negative');
    expect(waiting.terms.some((term) => term === 'Still waiting' || term === 'after three months')).toBe(true);
    // "at all" only stresses the negation (sentiment-negation.ts): it has no features, so it is not shown.
    expect(scoreSentiment('The service desk was not helpful at all').terms[0]).toBe('not helpful');
    expect(scoreSentiment('The hotline wasn’t helpful')).toMatchObject({ label: 'negative' });
    expect(scoreSentiment('The hotline wasn’t helpful').terms).toContain('wasn’t helpful');
  });

  it('reads praise as positive, and "not bad" is not negative', () => {
    expect(label('The staff were very helpful and friendly, thank you!')).toBe('positive');
    expect(score('bad')).toBeLessThan(-0.5);
    expect(label('not bad')).not.toBe('negative');
  });

  it('lets the clause after "but" decide', () => {
    expect(label('The people are nice but the process was too slow')).toBe('negative');
  });

  it('leaves a plain notice neutral', () => {
    expect(scoreSentiment('The community centre opens at 9 am.')).toMatchObject({ label: 'neutral', terms: [] });
  });

  it('reads emoji', () => {
    expect(label('The talk today 😊')).toBe('positive');
  });
});

describe('scoreSentiment terms', () => {
  it('shows only phrases that pushed the score the way it went', () => {
    // 快 (of 快递) and 方便 lean positive in the model; 有点不方便 is what made this a complaint.
    const courier = scoreSentiment('小区旁边的快递点说不能寄国际件，只能跑到很远的邮局，有点不方便。');
    expect(courier.label).toBe('negative');
    expect(courier.terms).not.toContain('快');
    expect(courier.terms).not.toContain('方便');
    expect(courier.terms).toContain('有点不方便');
    // "were" leans negative in the English model: it did not make this praise positive.
    const praise = scoreSentiment('The staff were very helpful and friendly, thank you!');
    expect(praise.label).toBe('positive');
    expect(praise.terms).not.toContain('were');
  });

  it('shows phrases without function words at their edges', () => {
    // nb-logreg-4 reads "talent card" after "nobody" as part of the complaint; "the visa" is a topic word.
    expect(scoreSentiment('Nobody answers emails about the visa').terms[0]).toBe('Nobody answers emails');
    expect(scoreSentiment('No English speaking staff at the service center').terms[0]).toBe('No English speaking staff');
    // Inside a phrase they stay, and negators are never trimmed.
    expect(scoreSentiment('Three weeks and no reply to my email').terms[0]).toBe('no reply to my email');
    // No leading 的; nb-logreg-6 shows 老师 alone here (nb-logreg-5 老师很负责: 很负责 weighs less now).
    expect(scoreSentiment('国际学校的老师很负责').terms[0]).toBe('老师');
    const edge = /^(the|a|at|of|to|for|with|my|is|are|was|were|has|have)$/i;
    for (const text of ['The international school fees are too high', 'The Chinese classes at the community are really useful', 'Thanks to the community staff for helping with my visa']) {
      for (const term of scoreSentiment(text).terms) expect(term.split(' ').filter((word) => !edge.test(word)), `${text}: ${term}`).not.toEqual([]);
    }
  });

  it('shows a negation with the word it negates', () => {
    expect(scoreSentiment('The hotline was not helpful').terms[0]).toBe('not helpful');
    expect(scoreSentiment('The hotline wasn’t helpful').terms[0]).toBe('wasn’t helpful');
  });
});

describe('scoreSentiment on other input', () => {
  it('scores mixed Chinese-English text in both languages, reporting the main one', () => {
    const visit = scoreSentiment('I visited 济南 and the staff were very helpful');
    expect(visit).toMatchObject({ label: 'positive', lang: 'en' });
    expect(visit.terms.some((term) => term.includes('helpful'))).toBe(true);
    const both = scoreSentiment('人才卡办不了，nobody answers');
    expect(both).toMatchObject({ label: 'negative', lang: 'zh' });
    expect(both.terms).toEqual(expect.arrayContaining(['nobody answers', '办不了']));
    const office = scoreSentiment('签证 office 的服务 really bad，等了三个月');
    expect(office).toMatchObject({ label: 'negative', lang: 'zh' });
    expect(office.terms).toContain('really bad');
    expect(office.terms.some((term) => /\p{Script=Han}/u.test(term))).toBe(true);
    const attitude = scoreSentiment('The 12345 hotline 态度很好');
    expect(attitude.label).toBe('positive');
    expect(attitude.terms.some((term) => term.endsWith('很好'))).toBe(true);
    const visa = scoreSentiment('我的 visa 还没下来，really frustrating');
    expect(visa).toMatchObject({ label: 'negative', lang: 'zh' });
    expect(visa.terms).toEqual(expect.arrayContaining(['frustrating', '还没下来']));
  });

  it('keeps an opinion written only in the second language of a mixed text', () => {
    // The Chinese model alone reads this as a weekend outing, not a complaint.
    const text = '周末的中秋活动 was a total waste of time';
    expect(scoreSentiment(text, { lang: 'zh' }).label).not.toBe('negative');
    const mixed = scoreSentiment(text);
    expect(mixed).toMatchObject({ label: 'negative', lang: 'zh' });
    expect(mixed.terms.some((term) => term.includes('waste'))).toBe(true);
  });

  it('reads one Han character in an English text as a name, not as Chinese to score', () => {
    const text = 'The staff at the 好 desk were very helpful';
    expect(scoreSentiment(text)).toEqual(scoreSentiment(text, { lang: 'en' }));
  });

  it('scores Latin words in a Chinese text in English only when they are English', () => {
    const text = "签证太慢了 c'est vraiment nul";
    expect(scoreSentiment(text)).toEqual(scoreSentiment(text, { lang: 'zh' }));
  });

  it('leaves other languages unscored', () => {
    expect(scoreSentiment('Это очень плохо')).toEqual({ label: 'unscored', score: 0, lang: 'ru', terms: [] });
    expect(scoreSentiment('ビザの手続きが遅すぎる')).toMatchObject({ label: 'unscored', lang: 'ja' });
    expect(scoreSentiment('비자 신청이 너무 느려요')).toMatchObject({ label: 'unscored', lang: 'ko' });
    expect(scoreSentiment('Le service est très lent et je ne suis pas content')).toMatchObject({ label: 'unscored', lang: 'fr' });
    expect(scoreSentiment('Die Wohnung ist zu teuer und niemand antwortet')).toEqual({ label: 'unscored', score: 0, lang: 'de', terms: [] });
    expect(scoreSentiment('El personal fue muy amable')).toMatchObject({ label: 'unscored', lang: 'es' });
    expect(scoreSentiment('Grazie mille, molto gentili')).toMatchObject({ label: 'unscored', lang: 'it' });
  });

  it('keeps short English posts English and scores them', () => {
    expect(scoreSentiment('Visa delayed again')).toMatchObject({ lang: 'en' });
    expect(scoreSentiment('thanks!')).toMatchObject({ lang: 'en', label: 'positive' });
    expect(scoreSentiment('ok').lang).toBe('en');
  });

  it('detects among the languages the caller allows', () => {
    const dutch = 'Hartelijk dank voor de hulp bij het aanvragen van de vergunning';
    expect(scoreSentiment(dutch)).toMatchObject({ label: 'unscored', lang: 'nl' });
    expect(scoreSentiment('ビザの手続きが遅すぎる', { languages: ['zh', 'en'] })).toMatchObject({ label: 'unscored', lang: 'und' });
    // Han alone skips detection, but not the caller's list.
    expect(scoreSentiment('签证办理太慢了', { languages: ['en'] })).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
    expect(scoreSentiment('签证办理太慢了', { languages: ['zh'] })).toEqual(scoreSentiment('签证办理太慢了'));
  });

  it('scores a text of emoji with no letters by its emoji, lang und', () => {
    // A Weibo reply of angry faces, a hotline number and a thumbs-down: complaints, not "unscored".
    expect(scoreSentiment('😡😡😡')).toMatchObject({ label: 'negative', lang: 'und', terms: ['😡'] });
    expect(scoreSentiment('12345 👎👎')).toMatchObject({ label: 'negative', lang: 'und' });
    expect(scoreSentiment(':(')).toMatchObject({ label: 'negative', lang: 'und' });
    expect(scoreSentiment('👍')).toMatchObject({ label: 'positive', lang: 'und', terms: ['👍'] });
    // Marks without a sure feeling, numbers and punctuation are still no evidence.
    for (const text of ['12345', '!!!', '🙏', '2024-05-01']) expect(scoreSentiment(text)).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
    // Letters of a language without a model stay unscored, emoji or not; so does a language the caller left out.
    expect(scoreSentiment('Это очень плохо 😡')).toMatchObject({ label: 'unscored', lang: 'ru' });
    expect(scoreSentiment('签证办理太慢了😡', { languages: ['en'] })).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
  });

  it('leaves empty text unscored', () => {
    expect(scoreSentiment('')).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
    expect(scoreSentiment('   ')).toMatchObject({ label: 'unscored' });
    // Full-width spaces and a BOM from Excel exports are blank too, even with a model forced.
    expect(scoreSentiment('\u3000\u00a0\ufeff\t', { lang: 'en' })).toEqual({ label: 'unscored', score: 0, lang: 'und', terms: [] });
  });

  it('finds blank text as trim does, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c += 1) {
      const char = String.fromCharCode(c);
      if (isBlank(char) !== (char.trim() === '')) expect.fail(`U+${c.toString(16)}`);
      if (isBlank(` ${char} `) !== (char.trim() === '')) expect.fail(`U+${c.toString(16)} between spaces`);
    }
  });

  it('uses the forced model when asked', () => {
    expect(scoreSentiment('太慢了 slow', { lang: 'en' })).toMatchObject({ lang: 'en', label: 'negative', terms: ['slow'] });
  });

  it('scores very long input (200 KB) within [-1, 1], with at most ten terms', () => {
    const rant = '太差了！！！垃圾，投诉无门，踢皮球，没人管！'.repeat(10_000);
    expect(rant.length).toBeGreaterThan(200_000);
    const result = scoreSentiment(rant);
    expect(result.label).toBe('negative');
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.terms.length).toBeLessThanOrEqual(10);
  });

  it('scores a text longer than SCORED_CHARACTERS by its beginning, whatever follows', () => {
    const praise = '签证办得很快，工作人员很热情，非常满意！'.repeat(Math.ceil(SCORED_CHARACTERS / 20));
    const beginning = praise.slice(0, SCORED_CHARACTERS);
    const result = scoreSentiment(beginning + '太差了，垃圾，没人管！'.repeat(50_000));
    expect(result).toEqual(scoreSentiment(beginning));
    expect(result.label).toBe('positive');
    // An emoji astride the limit is left out whole, not halved into a lone surrogate.
    const astride = scoreSentiment('好'.repeat(SCORED_CHARACTERS - 1) + '😡' + '差'.repeat(10));
    expect(astride).toEqual(scoreSentiment('好'.repeat(SCORED_CHARACTERS - 1)));
  });

  it('is deterministic and labels by the neutral band', () => {
    const texts = ['服务不错，但是签证太慢', 'The shuttle bus was late again', '请问周末上班吗？'];
    for (const text of texts) {
      const result = scoreSentiment(text);
      expect(scoreSentiment(text)).toEqual(result);
      expect(result.label === 'neutral').toBe(Math.abs(result.score) < NEUTRAL_BAND);
    }
    // The stored version names the committed weights (and the revision of the rules around them).
    const sources = readFileSync(new URL('../../pipeline/scoring/model/SOURCES.md', import.meta.url), 'utf8');
    expect(sources).toContain(`model version \`${SENTIMENT_MODEL_VERSION}\``);
    expect(SENTIMENT_VERSION.startsWith(`${SENTIMENT_MODEL_VERSION}.`)).toBe(true);
  });
});
