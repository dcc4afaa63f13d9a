/**
 * A held-out check of courtesy formulas, like domain-check.ts: polite questions and requests, and
 * complaints that open politely. Never trained on. The first seven were written before the
 * courtesy seed sentences (courtesy-seed.ts), the other fourteen after the last retrain; none was
 * used to choose seed sentences. `npm run bench:sentiment` reports how many the
 * committed model gets right, and test/pipeline/sentiment-courtesy.test.ts holds it to that.
 */
import type { DomainCase } from './domain-check.ts';

const of = (label: DomainCase['label'], texts: string[]): DomainCase[] => texts.map((text) => ({ text, label }));

export const courtesyCheck: readonly DomainCase[] = [
  ...of('neutral', [
    '不好意思，请问办理居住登记要带房东的身份证吗？', '麻烦您发一下预约的链接', '打扰一下，外国人可以在社区医院打疫苗吗？',
    'Excuse me, is there a form in English for the health check?', 'Sorry to bother you, which bus goes to the service centre?',
    '不好意思，请问外籍人员可以办理银行卡吗？', '麻烦您，我想问一下换驾照要多长时间', '打扰一下，请问这里能办理暂住登记吗', '请问国际学校有没有校车？',
    '劳驾，请问人才服务中心在几楼？', 'Excuse me, where can I get a copy of my entry record?', 'Sorry to bother you, do you have the form in Chinese and English?',
    'Pardon me, is this the queue for the work permit?', 'Sorry for the trouble, can I change my appointment to Thursday?',
    'I apologise for the inconvenience, could I bring the photos tomorrow?',
  ]),
  ...of('negative', [
    '不好意思，我已经来了四次还是没办成', 'Sorry to bother you again, but my card still has not arrived after two months',
    '不好意思，你们的系统又登不上了，已经三天了', 'Sorry to bother you, but the hotline hung up on me twice', '请问为什么我的材料一直没人审核？',
    'Excuse me, but I was promised an answer two weeks ago',
  ]),
];
