import type { TicketKpiReport } from '../pipeline/steps/ticket-kpi-report.ts';
import type { DurationStats, TicketKpiCell } from '../pipeline/scoring/ticket-kpis.ts';

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const num = (value: number | null) => (value === null ? '—' : String(value));
const hours = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const pair = (median: number | null, p90: number | null) => `${hours(median)}/${hours(p90)}`;
const times = (d: DurationStats, clock: 'working' | 'calendar') =>
  clock === 'working' ? pair(d.median_working_hours, d.p90_working_hours) : pair(d.median_calendar_hours, d.p90_calendar_hours);

const columns: Array<[string, (cell: TicketKpiCell) => string]> = [
  ['volume', (c) => num(c.volume)],
  ['办结率', (c) => pct(c.closure_rate)],
  ['按时办结率', (c) => pct(c.on_time_rate)],
  ['满意率', (c) => pct(c.satisfaction_rate)],
  ['reopen', (c) => pct(c.reopen_rate)],
  ['1st resp h work (med/p90)', (c) => times(c.first_response, 'working')],
  ['1st resp h cal', (c) => times(c.first_response, 'calendar')],
  ['resolve h work (med/p90)', (c) => times(c.resolution, 'working')],
  ['resolve h cal', (c) => times(c.resolution, 'calendar')],
  ['backlog', (c) => num(c.backlog.open)],
  ['age h (med/p90/max)', (c) => `${pair(c.backlog.median_age_hours, c.backlog.p90_age_hours)}/${hours(c.backlog.oldest_age_hours)}`],
];

/** A terminal table of the KPIs (one line per group, then all), the data-quality counts and the notes. */
export function formatTicketKpis(report: TicketKpiReport): string {
  const cells = [...report.groups, report.total];
  const head = [report.by ?? '', ...columns.map(([name]) => name)];
  const body = cells.map((cell) => [cell.key, ...columns.map(([, value]) => value(cell))]);
  // East Asian characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => row.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - width(text))).join('  ').trimEnd();
  const out = [`tickets ${report.period.from}..${report.period.to} (${report.time_zone})${report.community_id ? `, community ${report.community_id}` : ''}`, line(head), ...body.map(line)];
  const named = (cell: TicketKpiCell) => cell.suppressed.map((name) => (cell.protects_smaller_cell.includes(name) ? `${name} (protects a smaller cell)` : name));
  const suppressed = cells.filter((cell) => cell.suppressed.length > 0).map((cell) => `${cell.key}: ${named(cell).join(', ')}`);
  if (suppressed.length > 0) out.push(`withheld (base below ${report.settings.min_cell}): ${suppressed.join('; ')}`);
  out.push('data quality (tickets opened in the period; all kept):');
  for (const { problem, tickets, fewer_than, effect } of report.data_quality) {
    out.push(`  ${problem}: ${tickets ?? `fewer than ${fewer_than}`}${tickets !== 0 ? ` — ${effect}` : ''}`);
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
