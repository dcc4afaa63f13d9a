import type { ComparedCell, ShareChange, SurveyComparison } from '../pipeline/metrics/survey-comparison.ts';
import type { CellFigures, SurveyMetrics } from '../pipeline/metrics/survey-metrics.ts';
import type { Period } from '../warehouse/read-models/period.ts';

const one = (value: number) => value.toFixed(1);
const signed = (value: number) => (value > 0 ? '+' : '') + value.toFixed(1);
const pValue = (p: number) => (p < 0.001 ? '<0.001' : p.toFixed(3));
const interval = (ci: [number, number] | null) => (ci ? `[${one(ci[0])}, ${one(ci[1])}]` : '—');
const periodText = (period: Period | null) => (period ? (period.from === period.to ? period.from : `${period.from}..${period.to}`) : 'all time');

// Chinese, Japanese and Korean characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text: string) => [...text].reduce((total, char) => total + (WIDE.test(char) ? 2 : 1), 0);

/** Left-aligned columns, two spaces apart. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => width(row[column] ?? '')))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join('  ').trimEnd()).join('\n');
}

const LABEL_WIDTH = 40;

/** The question's id with the start of its label, when the instrument gives one (--json has all of it). */
function label(cell: { question: string; label?: string; segment?: string | null }, grouped: boolean): string[] {
  const text = cell.label === undefined ? '' : [...cell.label].length > LABEL_WIDTH ? `${[...cell.label].slice(0, LABEL_WIDTH - 1).join('')}…` : cell.label;
  const question = text === '' ? cell.question : `${cell.question} ${text}`;
  return grouped ? [question, cell.segment ?? '(none)'] : [question];
}

function figures(cell: CellFigures, minCell: number): string[] {
  if (cell.suppressed) {
    if (cell.no_answers) return ['0', '', '', 'no answers in the period'];
    return ['', '', '', cell.protects_smaller_cell ? `suppressed (protects a cell with n < ${minCell})` : `suppressed (n < ${minCell})`];
  }
  if (cell.kind === 'multi') return [String(cell.n), one(cell.index), interval(cell.ci), `${one(cell.pct_satisfied)}% chose`];
  if (cell.kind === 'likert') return [String(cell.n), one(cell.index), interval(cell.ci), `${one(cell.pct_satisfied)}% satisfied`];
  return [String(cell.n), one(cell.index), '', `NPS ${signed(cell.nps)} ${interval(cell.ci)} (promoters ${one(cell.pct_promoters)}%, passives ${one(cell.pct_passives)}%, detractors ${one(cell.pct_detractors)}%)`];
}

/** The readable table of `metrics survey`: one line per question (and segment value). */
export function formatSurveyMetrics(metrics: SurveyMetrics): string {
  const grouped = metrics.by !== null;
  const header = [...(grouped ? ['question', metrics.by ?? ''] : ['question']), 'n', 'index', '95% CI', 'top-2-box / NPS'];
  const rows = metrics.cells.map((cell) => [...label(cell, grouped), ...figures(cell, metrics.min_cell)]);
  const title = `instrument ${metrics.instrument} (${metrics.community}), ${periodText(metrics.period)}; 95% intervals`;
  // Split by a segment, an empty period has no segment values, so no rows: say so.
  if (rows.length === 0) return `${title}\n\nno answers in the period\n`;
  return `${title}\n\n${table([header, ...rows])}\n`;
}

function change(test: ShareChange | undefined, unit: string): string {
  return test ? `${signed(test.difference)} ${unit}, z ${test.z.toFixed(2)}, p ${pValue(test.p)}: ${test.verdict}` : '—';
}

function comparedRow(cell: ComparedCell, grouped: boolean, minCell: number): string[] {
  const { current, baseline } = cell;
  if (current.suppressed || baseline.suppressed) {
    const empty = [current, baseline].filter((side) => side.suppressed && side.no_answers).length;
    const why = empty === 2 ? 'no answers in either period' : empty === 1 ? `no answers in ${current.suppressed && current.no_answers ? 'the period' : 'the baseline'}` : `suppressed (n < ${minCell} in a period)`;
    return [...label(cell, grouped), '', '', why];
  }
  const index = cell.index_change
    ? `${one(baseline.index)} → ${one(current.index)} (${signed(cell.index_change.difference)}, t ${cell.index_change.t.toFixed(2)}, df ${one(cell.index_change.df)}, p ${pValue(cell.index_change.p)}: ${cell.index_change.verdict})`
    : `${one(baseline.index)} → ${one(current.index)}`;
  const share =
    current.kind === 'likert' && baseline.kind === 'likert'
      ? `${one(baseline.pct_satisfied)}% → ${one(current.pct_satisfied)}% (${change(cell.satisfied_change, 'pts')})`
      : current.kind === 'nps' && baseline.kind === 'nps'
        ? `NPS ${signed(baseline.nps)} → ${signed(current.nps)} (${change(cell.nps_change, 'pts')})`
        : '—';
  return [...label(cell, grouped), `${baseline.n} → ${current.n}`, index, share];
}

/** The readable table of `metrics survey --compare`: baseline → period per question, with each change's test. */
export function formatSurveyComparison(comparison: SurveyComparison): string {
  const grouped = comparison.by !== null;
  const header = [...(grouped ? ['question', comparison.by ?? ''] : ['question']), 'n', 'index', 'top-2-box / NPS'];
  const rows = comparison.cells.map((cell) => comparedRow(cell, grouped, comparison.min_cell));
  const title = `instrument ${comparison.instrument} (${comparison.community}): ${periodText(comparison.baseline)} → ${periodText(comparison.period)}; significant when p < ${comparison.alpha}`;
  return `${title}\n\n${table([header, ...rows])}\n`;
}
