/**
 * A third held-out check, written on 2026-12-02 before nb-logreg-7's changes and never trained on:
 * what a community's feeds and desks carry in a week — notices and questions that must read
 * neutral, complaints with few or no sentiment words, and thanks for things done. Nothing in the
 * seed files was written against these sentences. `npm run bench:sentiment` reports how many the
 * committed model gets right, and test/pipeline/sentiment-community.test.ts holds it to that.
 */
import type { DomainCase } from './domain-check.ts';

const of = (label: DomainCase['label'], texts: string[]): DomainCase[] => texts.map((text) => ({ text, label }));

export const enCommunityNotices: readonly DomainCase[] = of('neutral', [
  'Foreign residents moving house must update their registration within ten days.', 'The English-language tax seminar is on Friday 14 March at 2 pm.',
  'Tenants in blocks 3 and 5 will receive new electricity meters next week.', 'The children\'s library corner is open on weekends from 10 am.',
  'Work permit holders can apply for a talent card after one year of employment.', 'The Korean-language service window is at counter 7.',
  'Lost passports should be reported to the nearest police station.', 'Heating season starts on 15 November.',
  'The expat sports day will take place at the Olympic Sports Centre.', 'Applicants will be notified of the result by text message.',
  'Visitors need to wear a mask inside the hospital.', 'The second round of interviews will be held online.',
]);

export const enCommunityQuestions: readonly DomainCase[] = of('neutral', [
  'Does anyone know if the tax office is open on Saturday?', 'Which bus goes to the exit-entry administration building?',
  'Is there a Spanish speaker at the service centre?', 'How long does a work permit extension usually take?',
  'Can my spouse apply for a residence permit at the same time?', 'Where do I pay the social insurance for my housekeeper?',
]);

export const zhCommunityNotices: readonly DomainCase[] = of('neutral', [
  '下周起外国人体检改为线上预约', '社区将于本月20日开展免费义诊活动', '人才公寓第三批申请即日起开放', '元旦假期12345热线正常受理来电',
  '外籍人士驾照换领请携带护照和原驾照', '本周日上午社区组织中文书法体验课', '请问国际学校插班需要考试吗？', '居住证办理地点在哪里？',
]);

export const communityComplaints: readonly DomainCase[] = of('negative', [
  '材料交齐了又说要重新公证，白折腾', '排了两个小时队，轮到我说系统关了', '电话转了五个分机最后挂断了', '说是三个工作日，现在都一个月了',
  '窗口说要去街道开证明，街道说不归他们管', '英文网站上的电话是空号',
  'I filled in the same form three times because they kept losing it.', 'The appointment system gives no slots for the next two months.',
  'My landlord has had my deposit for four months now.', 'Each office I call gives me a different number to call.',
  'Third trip to the bureau this month and still no stamp.', 'The translation they asked for cost me 800 yuan and then they said it was not needed.',
]);

export const communityThanks: readonly DomainCase[] = of('positive', [
  '社区志愿者帮我把家具搬上了楼', '窗口工作人员下班后还留下来帮我填完表', 'The volunteer at the desk walked me through the whole application.',
  'Got my talent card in the post today, only a week after applying!',
]);

export const communityCheck: readonly DomainCase[] = [...enCommunityNotices, ...enCommunityQuestions, ...zhCommunityNotices, ...communityComplaints, ...communityThanks];
