import type { ClauseScorecard, ScorecardRow } from '../../warehouse/read-models/clause-scorecard.ts';
import { GAIN_PARTS, type GainIndex } from '../../warehouse/read-models/gain-index.ts';
import type { Rate, RectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { BOM, csvLine } from './csv-cell.ts';

const HEADER = [
  '条款 Clause',
  '条款名称 Title (zh)',
  'Title (en)',
  '问卷样本 Survey n',
  '满意度指数 Index (0–100)',
  '95% CI low',
  '95% CI high',
  '满意占比 % satisfied',
  '舆情条数 Mentions n',
  '平均情感 Mean sentiment',
  '净情感 Net sentiment',
  '负面占比 Negative share',
  '工单数 Tickets n',
  '按时办结率 On-time rate',
  '满意率 Satisfied rate',
  '说明 Note',
];

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const pct = (value: number | null) => (value === null ? null : round(value * 100, 1));

function note(row: ScorecardRow, minCell: number): string {
  const parts: string[] = [];
  const blocks = { survey: row.survey, mentions: row.mentions, tickets: row.tickets };
  const suppressed = Object.entries(blocks).filter(([, b]) => b?.suppressed && !b.protects_smaller_cell).map(([k]) => k);
  const empty = Object.entries(blocks).filter(([, b]) => b === null).map(([k]) => k);
  if (suppressed.length > 0) parts.push(`少于${minCell}不公布 suppressed (n < ${minCell}): ${suppressed.join(', ')}`);
  // Large enough, but all communities less this one would give a smaller community's figures back.
  if (row.protects_smaller_cell.length > 0) parts.push(`为保护小样本社区不公布 withheld, protects a smaller cell: ${row.protects_smaller_cell.join(', ')}`);
  if (empty.length === 3) parts.push('无数据 no data');
  return parts.join('; ');
}

function rowCells(row: ScorecardRow, minCell: number) {
  const s = row.survey && !row.survey.suppressed ? row.survey : null;
  const m = row.mentions && !row.mentions.suppressed ? row.mentions : null;
  const t = row.tickets && !row.tickets.suppressed ? row.tickets : null;
  return [
    row.clause_id,
    row.title_zh,
    row.title_en,
    s?.n,
    round(s?.index ?? null, 1),
    round(s?.ci_low ?? null, 1),
    round(s?.ci_high ?? null, 1),
    pct(s?.satisfied_share ?? null),
    m?.n,
    round(m?.mean_sentiment ?? null, 3),
    round(m?.net_sentiment ?? null, 3),
    pct(m?.negative_share ?? null),
    t?.n,
    pct(t?.on_time_rate ?? null),
    pct(t?.satisfied_rate ?? null),
    note(row, minCell),
  ];
}

/** The expert scorecard as Excel-safe CSV: BOM, CRLF, guarded text, suppressed cells blank, methods named below the table. */
export function scorecardCsv(
  card: ClauseScorecard,
  gain?: { index: GainIndex; method: string },
  rectification?: RectificationRates,
  standard = 'DB3701/T 0004—2019',
): string {
  const lines = [
    csvLine(HEADER),
    ...card.rows.map((row) => csvLine(rowCells(row, card.min_cell))),
    '',
    csvLine(['标准 Standard', standard]),
    csvLine(['期间 Period', `${card.period.from} – ${card.period.to}`]),
    csvLine(['社区 Community', card.community_id ?? 'all']),
    csvLine(['最小单元 Minimum cell', card.min_cell]),
    csvLine(['方法 Method (survey)', card.methods.survey]),
    csvLine(['方法 Method (mentions)', card.methods.mentions]),
    csvLine(['方法 Method (tickets)', card.methods.tickets]),
    csvLine(['百分比 Percentages', 'rates and shares are given in percent']),
    ...(gain ? gainLines(gain.index, gain.method, card.min_cell) : []),
    ...(rectification ? rectificationLines(rectification, card.min_cell) : []),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}

/** 获得感 (5.1) under the clause table: the index, what went into it, and how. */
function gainLines(gain: GainIndex, method: string, minCell: number): string[] {
  const parts = GAIN_PARTS.map((part) => {
    const c = gain.components[part];
    if (c?.suppressed && c.protects_smaller_cell) return `${part} withheld to protect a smaller cell`;
    const value = c === null ? 'no data' : c.suppressed ? `suppressed (n < ${minCell})` : `${c.value.toFixed(1)} (n ${c.n}, weight ${gain.weights[part].toFixed(2)})`;
    return `${part} ${value}`;
  });
  return [
    csvLine(['获得感 Sense of gain (5.1)', round(gain.index, 1) ?? `suppressed (n < ${minCell})`, parts.join('; ')]),
    csvLine(['方法 Method (获得感)', method]),
  ];
}

/** A rate as the scorecard prints it: percent with its base, or why it is not published. */
function rateCell(rate: Rate, minCell: number): string {
  if (rate.suppressed) return `suppressed (n ${rate.denominator} < ${minCell})`;
  if (rate.rate === null) return 'no data (n 0)';
  return `${pct(rate.rate)}% (${rate.numerator} of ${rate.denominator})`;
}

/** The 好差评 rectification loop of the period (8.1.2 government service rating), under 获得感. */
function rectificationLines(rates: RectificationRates, minCell: number): string[] {
  return [
    csvLine(['差评率 Bad-rating rate', rateCell(rates.bad_rate, minCell), '差评 (levels 1–2) among 好差评 ratings of hotline callbacks and survey answers given in the period']),
    csvLine(['按时整改率 Fixed on time', rateCell(rates.fixed_on_time, minCell), "of the period's 差评 already fixed or past due: fixed by the due time"]),
    csvLine(['回访率 Followed up', rateCell(rates.follow_up, minCell), 'of the fixed items: followed up with the person who rated']),
    csvLine(['逾期 Overdue now', rates.overdue, 'items of the period past due and not fixed']),
  ];
}
