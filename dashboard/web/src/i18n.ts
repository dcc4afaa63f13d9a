import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  app: '国际人才社区满意度与舆情监测',
  login: '登录',
  logout: '退出',
  username: '用户名',
  password: '密码',
  loginFailed: '用户名或密码错误',
  overview: '概览',
  alerts: '预警',
  mentions: '舆情',
  export: '导出评估表 (CSV)',
  trendTitle: '各条款满意度指数（月度，0–100）',
  trendNote: '少于最小样本量的月份不公布；悬停查看 95% 置信区间。',
  noData: '暂无数据',
  hotline: '12345 热线与服务窗口',
  opened: '受理工单',
  closed: '已办结',
  onTime: '按时办结率',
  satisfied: '满意率',
  median: '办理时长中位数（小时）',
  p90: '办理时长 P90（小时）',
  suppressed: '样本不足，不公布',
  openAlerts: '未解决预警',
  mentionCounts: '舆情情感分布',
  positive: '正面',
  neutral: '中性',
  negative: '负面',
  unscored: '未评分',
  all: '全部',
  blue: '蓝',
  yellow: '黄',
  orange: '橙',
  red: '红',
  open: '待处理',
  acknowledged: '已确认',
  responding: '应对中',
  resolved: '已解决',
  acknowledge: '确认',
  respond: '开始应对',
  resolve: '解决',
  note: '备注（可选）',
  grade: '等级',
  status: '状态',
  title: '标题',
  openedAt: '发生时间',
  drivers: '驱动因素',
  terms: '关键词',
  clauses: '条款',
  score: '情感分',
  prev: '上一页',
  next: '下一页',
  period: '期间',
  forbidden: '您的角色无权查看此页面',
  language: 'English',
};

export type Messages = typeof zh;

const en: Messages = {
  app: 'International talent community satisfaction & public opinion',
  login: 'Log in',
  logout: 'Log out',
  username: 'Username',
  password: 'Password',
  loginFailed: 'Invalid username or password',
  overview: 'Overview',
  alerts: 'Alerts',
  mentions: 'Mentions',
  export: 'Export scorecard (CSV)',
  trendTitle: 'Satisfaction index per clause (monthly, 0–100)',
  trendNote: 'Months below the minimum sample are not published; hover for the 95% confidence interval.',
  noData: 'No data yet',
  hotline: '12345 hotline and service desks',
  opened: 'Tickets opened',
  closed: 'Closed',
  onTime: 'On-time rate',
  satisfied: 'Satisfied rate',
  median: 'Median resolution (hours)',
  p90: 'P90 resolution (hours)',
  suppressed: 'Too few to publish',
  openAlerts: 'Unresolved alerts',
  mentionCounts: 'Mentions by sentiment',
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  unscored: 'Unscored',
  all: 'All',
  blue: 'Blue',
  yellow: 'Yellow',
  orange: 'Orange',
  red: 'Red',
  open: 'Open',
  acknowledged: 'Acknowledged',
  responding: 'Responding',
  resolved: 'Resolved',
  acknowledge: 'Acknowledge',
  respond: 'Responding',
  resolve: 'Resolve',
  note: 'Note (optional)',
  grade: 'Grade',
  status: 'Status',
  title: 'Title',
  openedAt: 'Opened',
  drivers: 'Drivers',
  terms: 'Terms',
  clauses: 'Clauses',
  score: 'Score',
  prev: 'Previous',
  next: 'Next',
  period: 'Period',
  forbidden: 'Your role may not see this page',
  language: '中文',
};

export const dictionaries: Record<Lang, Messages> = { zh, en };

const STORAGE_KEY = 'talentpulse.lang';

export function storedLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function storeLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

export const LangContext = createContext<{ lang: Lang; t: Messages }>({ lang: 'zh', t: zh });

export function useT() {
  return useContext(LangContext);
}
