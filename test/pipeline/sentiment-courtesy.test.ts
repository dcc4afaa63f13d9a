import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../pipeline/scoring/index.ts';
import { createTokens, tokenize } from '../../pipeline/scoring/sentiment-tokens.ts';
import { courtesyCheck } from '../../scripts/sentiment/courtesy-check.ts';
import { enSeed, zhSeed } from '../../scripts/sentiment/domain-seed.ts';

// Our own sentences, written before the courtesy seed sentences and never trained on: residents
// writing politely to the hotline and the forums, and complaints that share their characters.
const politeZh = [
  '不好意思，麻烦问一下国际学校什么时候报名', '麻烦您帮我看一下居留许可的材料', '打扰一下，请问人才卡在哪里办理？', '不好意思打扰了，想问一下签证续签要带什么材料',
  '劳驾，出入境大厅怎么走？', '抱歉打扰，请问周六窗口上班吗？', '麻烦帮我查一下我的申请进度，谢谢', '请问外籍人员怎么办理医保？', '打扰了，请问社区有中文课吗？',
  '不好意思，我想咨询一下工作许可的办理时间', '麻烦问下，居留许可可以在网上预约吗', '您好，麻烦您告诉我一下体检的地址', '不好意思，请问孩子入学需要哪些证明？',
  '麻烦你们帮忙看一下这份表格填得对不对', '劳驾问一下，政务服务中心几点开门？', '抱歉打扰您，想了解一下人才公寓的申请条件', '不好意思，再确认一下，周五下午能取证吗？',
  '打扰您一下，驾照换证需要翻译件吗？', '麻烦帮忙转告一下工作人员，我明天上午过去', '给您添麻烦了，请问材料还需要补什么？', '不好意思，刚才的问题我没说清楚，是关于签证的',
  '麻烦您了，请问什么时候能拿到结果？',
];
const politeEn = [
  'Sorry to bother you, could you tell me when the school registration opens?', 'Excuse me, where do I apply for the talent card?',
  'Sorry for the trouble, but could you check my application number?', "I'm sorry but could you send me the form again?",
  'Apologies for the inconvenience, could you resend the appointment link?', 'Excuse me, is the immigration hall open on Saturday?',
  'Sorry to trouble you, what documents do I need for the work permit?', 'Pardon me, which floor is the talent card desk on?',
  'Sorry for bothering you again, when will my card be ready?', "Excuse me, could someone tell me the hotline's English hours?",
  "I'm sorry to bother you, but where do I register my address?",
];
const complaintsZh = [
  '太麻烦了', '手续很麻烦', '办个证麻烦死了', '不好意思说这服务太差了', '服务不好', '窗口服务不好，态度也差', '每次办事都这么麻烦，跑了三趟', '流程麻烦得要命',
  '请问你们到底有没有人管？都等了一个月了', '不好意思，热线打了一上午都没人接', '麻烦您看看，材料交了两个月还没消息', '办事效率低，手续又麻烦', '真不好意思，这么简单的事你们都办不好？',
];
const complaintsEn = [
  'Sorry, but this is the third time nobody answered', "I'm sorry but this service is terrible", 'Excuse me, but nobody has answered my emails for a month',
  'Sorry to say the hotline was useless', 'Sorry to bother you, but my permit has been stuck for three months', 'The process was a nightmare, sorry',
];
const formulas = /不好意思|打扰了|打扰一下|打扰您|抱歉打扰|麻烦您|麻烦你|麻烦问|麻烦帮|劳驾|请问|添麻烦|sorry to bother|sorry to trouble|sorry for|excuse me|pardon me|apologies for/i;

describe('courtesy formulas', () => {
  it('are kept out of training', () => {
    const trained = new Set([...Object.values(zhSeed), ...Object.values(enSeed)].flat().map((text) => text.toLowerCase()));
    const ours = [...politeZh, ...politeEn, ...complaintsZh, ...complaintsEn, ...courtesyCheck.map((c) => c.text)];
    expect(ours.filter((text) => trained.has(text.toLowerCase()))).toEqual([]);
  });

  // nb-logreg-4 read 21 of these 33 as complaints, nb-logreg-5 four and nb-logreg-6 five, on words
  // of the question itself, not of its formula (对不对, 我没说清楚, 结果, "could", "?"); the README names them.
  const MAX_MISSED = 5;
  it('do not make polite questions and requests complaints', () => {
    const negative = [...politeZh, ...politeEn].filter((text) => scoreSentiment(text).label === 'negative');
    expect(negative.length, negative.join('\n')).toBeLessThanOrEqual(MAX_MISSED);
  });

  // The held-out check (scripts/sentiment/courtesy-check.ts): nb-logreg-4 labelled 11 of the 21 as
  // we would and read 10 of its 15 polite questions as complaints; nb-logreg-5 labels 15, and 3 are;
  // nb-logreg-6 labels 18, and 3 are.
  it('label most of the held-out courtesy check as a reader would', () => {
    const results = courtesyCheck.map((c) => ({ ...c, got: scoreSentiment(c.text).label }));
    const missed = results.filter((c) => c.got !== c.label).map((c) => c.text);
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(6);
    expect(results.filter((c) => c.label === 'neutral' && c.got === 'negative').length).toBeLessThanOrEqual(3);
  });

  it('leave a hotline complaint after a formula negative: hanging up on a caller, long holds', () => {
    // Once "Sorry to bother" no longer counted, the first read positive on "up": the model had never seen a hang-up.
    for (const text of ['Sorry to bother you, but the hotline hung up on me twice', 'The 12345 operator hung up on me', 'I got put on hold for 50 minutes']) {
      expect(scoreSentiment(text), text).toMatchObject({ label: 'negative' });
    }
  });

  it('leave the hotline questions of the report neutral', () => {
    for (const text of politeZh.slice(0, 2).concat(politeEn.slice(0, 2))) expect(scoreSentiment(text), text).toMatchObject({ label: 'neutral', terms: [] });
  });

  it('leave nothing to score of a part of mixed text that is a formula alone', () => {
    // The English view of the first was "Sorry to bother you" and the ？ of the Chinese question: negative on "?".
    for (const text of ['Sorry to bother you, 请问签证什么时候能下来？', 'Excuse me, 请问人才卡在哪里办理？', '不好意思, where is the visa office?']) {
      expect(scoreSentiment(text), text).toMatchObject({ label: 'neutral', terms: [] });
    }
    expect(scoreSentiment('Sorry to bother you, 签证办了三个月还没下来')).toMatchObject({ label: 'negative', lang: 'zh' });
  });

  it.each([...complaintsZh, ...complaintsEn])('leave a complaint with the same words negative: %s', (text) => {
    expect(scoreSentiment(text).label).toBe('negative');
  });

  it('are never shown as a term', () => {
    for (const text of [...politeZh, ...politeEn, ...complaintsZh, ...complaintsEn]) {
      for (const term of scoreSentiment(text).terms) expect(term, text).not.toMatch(formulas);
    }
    // What drove the complaint is shown instead.
    expect(scoreSentiment('不好意思说这服务太差了').terms[0]).toMatch(/太差/);
    expect(scoreSentiment('Sorry to bother you, but my permit has been stuck for three months').terms).toContain('stuck');
  });
});

describe('tokenize courtesy formulas', () => {
  const tokens = createTokens();
  const read = (text: string, lang: 'zh' | 'en') => {
    tokenize(text, lang, tokens);
    return Array.from({ length: tokens.count }, (_, i) => [text.slice(tokens.start[i], tokens.end[i]), tokens.cue[i]?.kind ?? '']).filter(([, cue]) => cue !== '');
  };

  it('reads a formula as one token, and the same characters elsewhere as words', () => {
    expect(read('不好意思，麻烦您帮我看一下', 'zh')).toEqual([['不好意思', 'courtesy'], ['麻烦您', 'courtesy']]);
    expect(read('服务不好，手续太麻烦了', 'zh')).toEqual([['不', 'negator'], ['太', 'degree']]);
    // 打扰了 before a comma is courtesy; noise that 打扰了 the residents is a complaint.
    expect(read('打扰了，请问几点开门', 'zh')).toEqual([['打扰了', 'courtesy'], ['请问', 'courtesy']]);
    expect(read('噪音打扰了居民休息', 'zh')).toEqual([]);
    expect(read('Sorry to bother you, could you help?', 'en')).toEqual([['Sorry to bother you', 'courtesy']]);
    expect(read("I'm sorry, but could you check?", 'en')).toEqual([['sorry, but', 'courtesy']]);
    // "but" before a complaint stays a contrast, and "sorry" a word.
    expect(read('Sorry, but nobody answered', 'en')).toEqual([['but', 'contrast'], ['nobody', 'negator']]);
    expect(read('EXCUSE ME. Sorry to say', 'en')).toEqual([['EXCUSE ME', 'courtesy']]);
  });
});
