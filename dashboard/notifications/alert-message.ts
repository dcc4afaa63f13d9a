import type { AlertItem } from '../../warehouse/read-models/alerts-list.ts';
import { GRADE_WORDS } from './grades.ts';

export type NoticeLang = 'zh' | 'en';

export interface NoticeText {
  subject: string;
  /** Markdown: read as is in e-mail, rendered by the WeCom and DingTalk robots. */
  body: string;
}

/** A label in Chinese, with the English after it when the reader's language is English. */
export const label = (lang: NoticeLang, zh: string, en: string): string => (lang === 'en' ? `${zh} ${en}` : zh);

export function gradeWord(alert: Pick<AlertItem, 'grade'>, lang: NoticeLang): string {
  const words = GRADE_WORDS[alert.grade];
  return lang === 'en' ? `${words.zh} ${words.en}` : words.zh;
}

export function formatTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} (${timeZone})`;
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
// Markdown link text must not close the bracket early.
const linkText = (text: string): string => text.replace(/[[\]]/g, ' ').replace(/\s+/g, ' ').trim();

/** The drivers as Markdown list lines: count against the baseline, terms, sources, clauses, reach, top mentions with links. */
export function driverLines(drivers: Record<string, unknown>, lang: NoticeLang): string[] {
  const lines: string[] = [];
  const count = num(drivers.count);
  const baseline = asRecord(drivers.baseline);
  const window = asRecord(drivers.window);
  const expected = num(baseline.expected);
  if (count !== undefined) {
    const minutes = num(window.minutes);
    const compared = expected !== undefined ? `，${label(lang, '基线预期', 'expected')} ${expected.toFixed(1)}${num(baseline.z) !== undefined ? `，z = ${num(baseline.z)?.toFixed(1)}` : ''}` : '';
    lines.push(`- ${label(lang, '负面数量', 'Negative mentions')}: ${count}${minutes ? ` / ${minutes} ${label(lang, '分钟', 'min')}` : ''}${compared}`);
  }
  const yesterday = num(drivers.same_time_yesterday);
  const lastWeek = num(drivers.same_time_last_week);
  if (yesterday !== undefined || lastWeek !== undefined) {
    lines.push(`- ${label(lang, '昨日同期', 'Same time yesterday')}: ${yesterday ?? '–'}；${label(lang, '上周同期', 'last week')}: ${lastWeek ?? '–'}`);
  }
  const terms = strings(drivers.top_terms ?? drivers.terms);
  if (terms.length) lines.push(`- ${label(lang, '关键词', 'Terms')}: ${terms.join('、')}`);
  const sources = strings(drivers.sources);
  if (sources.length) lines.push(`- ${label(lang, '来源', 'Sources')}: ${sources.join(', ')}`);
  const clauses = strings(drivers.clauses);
  if (clauses.length) lines.push(`- ${label(lang, '涉及条款', 'Clauses')} (DB3701/T 0004): ${clauses.join(', ')}`);
  const reach = num(drivers.reach);
  if (reach !== undefined) lines.push(`- ${label(lang, '总触达', 'Reach')}: ${reach}`);
  const mentions = Array.isArray(drivers.mentions) ? drivers.mentions.map(asRecord).slice(0, 5) : [];
  if (mentions.length) {
    lines.push(`- ${label(lang, '主要舆情', 'Top mentions')}:`);
    mentions.forEach((m, i) => {
      const title = linkText(typeof m.title === 'string' && m.title ? m.title : String(m.url ?? ''));
      const link = typeof m.url === 'string' && /^https?:\/\//.test(m.url) ? `[${title}](${m.url})` : title;
      const score = num(m.score);
      lines.push(`  ${i + 1}. ${link}${typeof m.source === 'string' ? ` — ${m.source}` : ''}${score !== undefined ? `, ${score.toFixed(2)}` : ''}`);
    });
  }
  return lines;
}

export interface AlertNoticeOptions {
  lang: NoticeLang;
  link: string;
  timeZone: string;
  /** 0 for the first notice; the escalation level otherwise. */
  escalationLevel?: number;
}

/** The notice of one alert: grade, title, drivers and the link to it on the dashboard. */
export function alertNotice(alert: AlertItem, options: AlertNoticeOptions): NoticeText {
  const { lang } = options;
  const escalated = (options.escalationLevel ?? 0) > 0;
  const prefix = escalated ? `【${label(lang, '升级·无人确认', 'Escalated, not acknowledged')}】` : '';
  const subject = `${prefix}【${gradeWord(alert, lang)}】${alert.title}`;
  const body = [
    `### ${subject}`,
    `- ${label(lang, '等级', 'Grade')}: ${gradeWord(alert, lang)}`,
    `- ${label(lang, '社区', 'Community')}: ${alert.community_id}`,
    `- ${label(lang, '发生时间', 'Opened')}: ${formatTime(alert.opened_at, options.timeZone)}`,
    ...(escalated ? [`- ${label(lang, '升级级别', 'Escalation level')}: ${options.escalationLevel}`] : []),
    ...driverLines(alert.drivers, lang),
    '',
    `[${label(lang, '在看板中查看并处理', 'View and acknowledge on the dashboard')}](${options.link})`,
  ].join('\n');
  return { subject, body };
}

/** One message listing the day's lower-grade alerts. */
export function digestNotice(alerts: { alert: AlertItem; link: string }[], options: { lang: NoticeLang; timeZone: string; day: string }): NoticeText {
  const { lang } = options;
  const subject = `${label(lang, '舆情预警日报', 'Daily alert digest')} ${options.day}: ${alerts.length} ${label(lang, '条', 'alerts')}`;
  const lines = alerts.map(({ alert, link }) => `- 【${gradeWord(alert, lang)}】[${linkText(alert.title)}](${link}) — ${formatTime(alert.opened_at, options.timeZone)}, ${alert.status}`);
  return { subject, body: [`### ${subject}`, ...lines].join('\n') };
}
