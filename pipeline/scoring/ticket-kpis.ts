import { ticketDueAt } from '../../config/ticket-sla.ts';
import type { WorkingCalendar } from '../../config/working-calendar.ts';
import type { TicketKpiRow } from '../../warehouse/read-models/ticket-kpi-rows.ts';
import { quantile } from './statistics.ts';
import { isClosed, problemsOf, ticketProblems, type TicketProblem } from './ticket-quality.ts';

export const kpiDimensions = ['category', 'language', 'community', 'channel'] as const;
export type KpiDimension = (typeof kpiDimensions)[number];

export interface TicketKpiSettings {
  calendar: WorkingCalendar;
  /** The period's instants, [start, end). */
  start: Date;
  end: Date;
  /** Backlog is measured at the period end, or now when the period has not ended. */
  now: Date;
  slaHours: number;
  slaClock: 'working' | 'calendar';
  satisfiedMinRating: number;
  minCell: number;
  by?: KpiDimension | undefined;
}

export interface DurationStats {
  n: number;
  median_working_hours: number | null;
  p90_working_hours: number | null;
  median_calendar_hours: number | null;
  p90_calendar_hours: number | null;
}

export interface TicketKpiCell {
  key: string;
  /** Tickets opened in the period (null when below the privacy minimum, as every figure on a small base). */
  volume: number | null;
  closed: number | null;
  /** 办结率: closed over opened. */
  closure_rate: number | null;
  /** 按时办结率: closed by the due time (else within the SLA) over closed tickets with a valid closing time. */
  on_time_rate: number | null;
  on_time_base: number;
  first_response: DurationStats;
  resolution: DurationStats;
  /** 满意率: rated at or above the configured level over rated tickets. */
  satisfaction_rate: number | null;
  rated: number;
  /** Reopened at least once over tickets whose export says how often. */
  reopen_rate: number | null;
  reopen_base: number;
  /** Open at the period end (or now), whenever opened, and how long they had been open. */
  backlog: { open: number | null; median_age_hours: number | null; p90_age_hours: number | null; oldest_age_hours: number | null };
  suppressed: string[];
}

export interface TicketKpiFigures {
  total: TicketKpiCell;
  groups: TicketKpiCell[];
  data_quality: Record<TicketProblem, number>;
}

const HOUR = 3_600_000;

function keyOf(row: TicketKpiRow, by: KpiDimension): string {
  if (by === 'community') return row.community_id;
  if (by === 'category') return row.category ?? (row.raw_category === null ? '(blank)' : '(unmapped)');
  return row[by] ?? '(blank)';
}

/** Hotline and service-desk KPIs for the period from ticket rows (ticketKpiRows). Pure. */
export function ticketKpis(rows: readonly TicketKpiRow[], settings: TicketKpiSettings): TicketKpiFigures {
  const start = settings.start.getTime();
  const end = settings.end.getTime();
  const inPeriod = rows.filter((row) => row.opened_at.getTime() >= start && row.opened_at.getTime() < end);
  const exportHasFirstResponse = inPeriod.some((row) => row.first_response_at !== null);
  const data_quality = Object.fromEntries(ticketProblems.map((p) => [p, 0])) as Record<TicketProblem, number>;
  for (const row of inPeriod) for (const problem of problemsOf(row, exportHasFirstResponse)) data_quality[problem]++;

  const total = cell('all', rows, settings);
  if (!settings.by) return { total, groups: [], data_quality };
  const by = settings.by;
  const grouped = new Map<string, TicketKpiRow[]>();
  for (const row of rows) {
    const key = keyOf(row, by);
    const members = grouped.get(key);
    if (members) members.push(row);
    else grouped.set(key, [row]);
  }
  const groups = [...grouped].map(([key, members]) => cell(key, members, settings)).filter((c) => c.volume !== 0 || c.backlog.open !== 0);
  groups.sort((a, b) => (b.volume ?? 0) - (a.volume ?? 0) || a.key.localeCompare(b.key));
  return { total, groups, data_quality };
}

function cell(key: string, rows: readonly TicketKpiRow[], s: TicketKpiSettings): TicketKpiCell {
  const start = s.start.getTime();
  const end = s.end.getTime();
  const asOf = Math.min(end, s.now.getTime());
  const opened = rows.filter((row) => row.opened_at.getTime() >= start && row.opened_at.getTime() < end);
  const closed = opened.filter(isClosed);
  // Durations only where the order of times is possible; the impossible ones are counted as problems.
  const resolved = closed.filter((row) => row.closed_at !== null && row.closed_at >= row.opened_at);
  const responded = opened.filter((row) => row.first_response_at !== null && row.first_response_at >= row.opened_at);
  // The due instant every output judges by (config/ticket-sla.ts), so the overview and the rollups agree.
  const sla = { hours: s.slaHours, clock: s.slaClock, calendar: s.calendar };
  const onTime = resolved.filter((row) => (row.closed_at as Date) <= ticketDueAt(row, sla));
  const rated = opened.filter((row) => row.rating !== null);
  const satisfied = rated.filter((row) => (row.rating as number) >= s.satisfiedMinRating);
  const reopenKnown = opened.filter((row) => row.reopen_count !== null);
  const reopened = reopenKnown.filter((row) => (row.reopen_count as number) > 0);
  const backlog = rows.filter((row) => row.opened_at.getTime() < asOf && !(isClosed(row) && (row.closed_at === null || row.closed_at.getTime() < asOf)));
  const ages = backlog.map((row) => (asOf - row.opened_at.getTime()) / HOUR);

  const suppressed: string[] = [];
  const ok = (name: string, base: number) => {
    const small = base > 0 && base < s.minCell;
    if (small) suppressed.push(name);
    return !small;
  };
  const rate = (name: string, part: number, base: number) => (ok(name, base) && base > 0 ? part / base : null);
  const volumeOk = ok('volume', opened.length);
  const backlogOk = ok('backlog', backlog.length);
  return {
    key,
    volume: volumeOk ? opened.length : null,
    closed: volumeOk ? closed.length : null,
    closure_rate: volumeOk && opened.length > 0 ? closed.length / opened.length : null,
    on_time_rate: rate('on_time_rate', onTime.length, resolved.length),
    on_time_base: resolved.length,
    first_response: durations('first_response', responded.map((row) => [row.opened_at, row.first_response_at as Date]), s, ok),
    resolution: durations('resolution', resolved.map((row) => [row.opened_at, row.closed_at as Date]), s, ok),
    satisfaction_rate: rate('satisfaction_rate', satisfied.length, rated.length),
    rated: rated.length,
    reopen_rate: rate('reopen_rate', reopened.length, reopenKnown.length),
    reopen_base: reopenKnown.length,
    backlog: {
      open: backlogOk ? backlog.length : null,
      median_age_hours: backlogOk ? quantile(ages, 0.5) : null,
      p90_age_hours: backlogOk ? quantile(ages, 0.9) : null,
      oldest_age_hours: backlogOk && ages.length > 0 ? ages.reduce((a, b) => Math.max(a, b)) : null,
    },
    suppressed,
  };
}

function durations(name: string, spans: Array<[Date, Date]>, s: TicketKpiSettings, ok: (name: string, base: number) => boolean): DurationStats {
  if (!ok(name, spans.length)) return { n: spans.length, median_working_hours: null, p90_working_hours: null, median_calendar_hours: null, p90_calendar_hours: null };
  const working = spans.map(([a, b]) => s.calendar.workingMillisBetween(a, b) / HOUR);
  const calendar = spans.map(([a, b]) => (b.getTime() - a.getTime()) / HOUR);
  return {
    n: spans.length,
    median_working_hours: quantile(working, 0.5),
    p90_working_hours: quantile(working, 0.9),
    median_calendar_hours: quantile(calendar, 0.5),
    p90_calendar_hours: quantile(calendar, 0.9),
  };
}
