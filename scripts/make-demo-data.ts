// Writes the demo community's survey and hotline exports (config/demo/*.csv) from a seeded
// generator, so the demo is believable, reproducible and ours. Run: npx tsx scripts/make-demo-data.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configDir } from '../config/paths.ts';

function rng(seed: number): () => number {
  // mulberry32: small, fast and deterministic.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

const LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
/** A 1–5 answer around `mean`, with a little "don't know". */
function likert(mean: number): string {
  if (random() < 0.04) return '不了解';
  const value = Math.round(mean + (random() + random() + random() - 1.5) * 1.6);
  return LABELS[Math.min(5, Math.max(1, value)) - 1] as string;
}

// Survey waves: one a month, Jan–Nov 2026. One-stop service improves after a spring reform;
// the shuttle bus stays the sore point; the hotline dips in autumn.
const questions: [string, (month: number) => number][] = [
  ['一站式服务（居留、社保、出入境）', (m) => (m < 4 ? 3.2 : 3.9 + m * 0.03)],
  ['12345热线服务', (m) => (m >= 9 ? 3.3 : 3.8)],
  ['接驳班车', () => 2.8],
  ['工作人员外语沟通', () => 3.7],
  ['国际教育资源', () => 3.5],
  ['汉语培训', () => 4.1],
  ['中外文化活动', () => 4.2],
  ['法律咨询服务', () => 3.6],
];
const surveyRows: string[][] = [['答卷编号', '提交时间', '问卷语言', '身份', ...questions.map(([q]) => q), '推荐意愿（0-10）']];
let respondent = 0;
for (let month = 1; month <= 11; month += 1) {
  const count = 24 + Math.floor(random() * 12);
  for (let i = 0; i < count; i += 1) {
    respondent += 1;
    const day = 1 + Math.floor(random() * 26);
    // Local Beijing time written as the export shows it.
    const at = new Date(Date.UTC(2026, month - 1, day, 9 + Math.floor(random() * 10), Math.floor(random() * 60), Math.floor(random() * 60)));
    const answers = questions.map(([, mean]) => likert(mean(month)));
    const nps = String(Math.min(10, Math.max(0, Math.round(7 + (random() - 0.45) * 6))));
    surveyRows.push([`R2026-${String(respondent).padStart(4, '0')}`, local(at), pick(['中文', 'English', 'English', '日本語', '한국어']), pick(['外籍人才', '外籍人才', '家属', '留学生']), ...answers, nps]);
  }
}
// Two rows as offices really send them: a label the instrument does not know, and a broken date.
surveyRows.splice(40, 0, ['R2026-9001', '2026-02-30 10:00:00', 'English', '外籍人才', '满意', '很好', '一般', '满意', '满意', '满意', '满意', '满意', '8']);
surveyRows.splice(120, 0, ['R2026-9002', '2026-05-12 14:20:00', '中文', '家属', '满意', '满意', '一般', '非常好', '满意', '满意', '满意', '满意', '9']);
writeFileSync(resolve(configDir, 'demo/resident-survey.csv'), '\ufeff' + csv(surveyRows));

// Hotline work orders: topic templates in Chinese and English; some callers leave contact details
// in the text, which ingestion must redact.
const topics: { zh: string; en: string; category: string[]; hours: number }[] = [
  { zh: '咨询外国人工作许可证延期需要准备哪些材料', en: 'What documents are needed to extend my work permit?', category: ['咨询'], hours: 20 },
  { zh: '居留许可续签已经等了三周还没有结果，希望加快办理', en: 'My residence permit renewal has been pending for three weeks, please speed it up', category: ['投诉', '求助'], hours: 90 },
  { zh: '社区接驳班车早高峰经常满员，建议增加班次', en: 'The community shuttle bus is always full in the morning, please add more runs', category: ['建议', '投诉'], hours: 60 },
  { zh: '孩子想转入国际学校，咨询入学流程', en: 'How can my child transfer to the international school?', category: ['咨询'], hours: 30 },
  { zh: '汉语培训班什么时候开新一期', en: 'When does the next Chinese language class start?', category: ['咨询'], hours: 12 },
  { zh: '感谢一站式服务窗口工作人员耐心帮忙办理社保', en: 'Thanks to the one-stop service desk staff for patiently helping with social insurance', category: ['感谢'], hours: 6 },
  { zh: '12345热线英文坐席打了很久没人接', en: 'Nobody answered the 12345 English line for a long time', category: ['投诉'], hours: 48 },
  { zh: '人才卡医疗绿色通道在哪家医院可以使用', en: 'Which hospitals accept the talent card green channel?', category: ['咨询'], hours: 24 },
  { zh: '小区附近快递点不能寄国际件', en: 'The courier near the community cannot send international parcels', category: ['求助', '建议'], hours: 70 },
  { zh: '房东拒绝退押金，需要法律咨询', en: 'My landlord refuses to return the deposit, I need legal advice', category: ['求助'], hours: 96 },
  { zh: '中秋文化活动报名入口在哪里', en: 'Where can I sign up for the Mid-Autumn cultural event?', category: ['咨询'], hours: 10 },
];
const contacts = ['，联系电话13812345678', '，我的邮箱 anna.mueller@example.com', '，护照号E12345678', ''];
const ticketRows: string[][] = [['工单编号', '受理时间', '首次响应时间', '办结时间', '诉求类型', '语种', '渠道', '办理状态', '评价', '诉求内容']];
let ticket = 0;
for (let month = 1; month <= 11; month += 1) {
  const count = 40 + Math.floor(random() * 20) + (month >= 9 ? 25 : 0);
  for (let i = 0; i < count; i += 1) {
    ticket += 1;
    const topic = pick(topics);
    const english = random() < 0.45;
    const opened = new Date(Date.UTC(2026, month - 1, 1 + Math.floor(random() * 27), 8 + Math.floor(random() * 10), Math.floor(random() * 60)));
    const firstResponse = new Date(opened.getTime() + (0.2 + random() * 3) * 3_600_000);
    const slow = month >= 9 ? 1.6 : 1;
    const hours = topic.hours * slow * (0.4 + random() * 1.4);
    const open = month === 11 && random() < 0.3;
    const closed = open ? '' : local(new Date(opened.getTime() + hours * 3_600_000));
    const rating = open || random() < 0.25 ? '' : hours > 72 ? pick(['不满意', '基本满意', '非常不满意']) : pick(['满意', '非常满意', '满意', '基本满意']);
    const text = (english ? topic.en : topic.zh) + (random() < 0.2 ? pick(contacts) : '');
    ticketRows.push([`JN12345-2026${String(ticket).padStart(5, '0')}`, local(opened), local(firstResponse), closed, pick(topic.category), english ? 'English' : '中文', pick(['电话', '电话', '网站', '微信']), open ? '办理中' : '已办结', rating, text]);
  }
}
// One order whose category the mapping does not know: it must land in rejects, not vanish.
ticketRows.splice(200, 0, ['JN12345-202699999', '2026-04-03 10:12:00', '2026-04-03 11:00:00', '2026-04-04 09:00:00', '其他', '中文', '电话', '已办结', '满意', '咨询外籍人员子女入学']);
writeFileSync(resolve(configDir, 'demo/hotline-tickets.csv'), '\ufeff' + csv(ticketRows));
console.log(`wrote ${surveyRows.length - 1} survey rows and ${ticketRows.length - 1} tickets`);
