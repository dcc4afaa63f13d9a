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
  /** The base; null when withheld with the figures (a small count is itself identifying). */
  n: number | null;
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
  on_time_base: number | null;
  first_response: DurationStats;
  resolution: DurationStats;
  /** 满意率: rated at or above the configured level over rated tickets. */
  satisfaction_rate: number | null;
  rated: number | null;
  /** Reopened at least once over tickets whose export says how often. */
  reopen_rate: number | null;
  reopen_base: number | null;
  /** Open at the period end (or now), whenever opened, and how long they had been open. */
  backlog: { open: number | null; median_age_hours: number | null; p90_age_hours: number | null; oldest_age_hours: number | null };
  /** Figures withheld, each with its base: below the privacy minimum, or to protect a smaller cell. */
  suppressed: string[];
  /**
   * Of those, the ones withheld although their base is large enough: with --by, the suppressed cells
   * of a figure must hold at least min_cell tickets together, else the total less the published
   * cells would give them back, so the smallest published cells are withheld too.
   */
  protects_smaller_cell: string[];
}

export interface TicketKpiFigures {
  total: TicketKpiCell;
  groups: TicketKpiCell[];
  data_quality: Record<TicketProblem, number>;
}

const HOUR = 3_600_000;

export function keyOf(row: TicketKpiRow, by: KpiDimension): string {
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

  const total = kpiCell('all', rows, settings);
  if (!settings.by) return { total, groups: [], data_quality };
  return { total, groups: publishedGroups(kpiSplit(rows, settings, settings.by)), data_quality };
}

/** One group of a split: its key, its tickets and its figures. */
export interface KpiGroup {
  key: string;
  members: readonly TicketKpiRow[];
  cell: TicketKpiCell;
}

/** The rows grouped by `by`, each group's figures withheld as its own base and the other groups' require. */
export function kpiSplit(rows: readonly TicketKpiRow[], settings: TicketKpiSettings, by: KpiDimension): KpiGroup[] {
  const grouped = new Map<string, TicketKpiRow[]>();
  for (const row of rows) {
    const key = keyOf(row, by);
    const members = grouped.get(key);
    if (members) members.push(row);
    else grouped.set(key, [row]);
  }
  const split = [...grouped].map(([key, members]) => ({ key, members, cell: kpiCell(key, members, settings) }));
  protectSmallerCells(split, settings);
  return split;
}

/**
 * The groups with tickets in the period or open at its end, sorted by the number of tickets
 * (withheld ones by theirs too, with no figure shown), so the order itself reveals no more than the
 * published volumes.
 */
export function publishedGroups(split: readonly KpiGroup[]): TicketKpiCell[] {
  const groups = split.map((g) => g.cell).filter((c) => c.volume !== 0 || c.backlog.open !== 0);
  const size = new Map(split.map((g) => [g.cell, g.members.length]));
  return groups.sort((a, b) => (b.volume ?? -1) - (a.volume ?? -1) || (size.get(b) ?? 0) - (size.get(a) ?? 0) || a.key.localeCompare(b.key));
}

/**
 * Complementary suppression across communities for `metrics tickets --community`: one community's
 * figures beside the all-communities ones would give a smaller community's back by subtraction. So
 * the communities are weighed as a --by community split of every community's rows would weigh them,
 * and the figures `communityId` withholds there to protect a smaller community are withheld from its
 * total and from each of its groups (whose sum would be that total again).
 */
export function protectSmallerCommunities(figures: TicketKpiFigures, allRows: readonly TicketKpiRow[], communityId: string, settings: TicketKpiSettings): void {
  const split = ticketKpis(allRows, { ...settings, by: 'community' });
  const protecting = split.groups.find((g) => g.key === communityId)?.protects_smaller_cell ?? [];
  for (const c of [figures.total, ...figures.groups]) for (const name of protecting) withhold(c, name as FigureName, true);
}

/** The figures a cell withholds together, by the name listed under suppressed. */
export const figureNames = ['volume', 'on_time_rate', 'first_response', 'resolution', 'satisfaction_rate', 'reopen_rate', 'backlog'] as const;
export type FigureName = (typeof figureNames)[number];

/**
 * Complementary suppression within a split, figure by figure, as for survey --by: the cells whose
 * figure is withheld must hold at least min_cell tickets of its base between them (or none), else the
 * smallest published cells withhold it too. Without this the (unmapped) category's one ticket is the
 * total volume less the published categories'.
 */
function protectSmallerCells(split: Array<{ cell: TicketKpiCell; members: readonly TicketKpiRow[] }>, s: TicketKpiSettings): void {
  const bases = split.map((g) => figureBases(g.members, s));
  for (const name of figureNames) {
    const withBase = split.map((g, i) => ({ cell: g.cell, base: bases[i]?.[name] ?? 0 })).filter((g) => g.base > 0);
    let hidden = withBase.filter((g) => g.cell.suppressed.includes(name)).reduce((total, g) => total + g.base, 0);
    if (hidden === 0) continue;
    const published = withBase.filter((g) => !g.cell.suppressed.includes(name)).sort((a, b) => a.base - b.base);
    for (const g of published) {
      if (hidden >= s.minCell) break;
      withhold(g.cell, name, true);
      hidden += g.base;
    }
  }
}

/** Figures over subsets of the tickets opened: withheld with the volume, whose count each bounds. */
const partsOfVolume: readonly FigureName[] = ['on_time_rate', 'first_response', 'resolution', 'satisfaction_rate', 'reopen_rate'];

export function withhold(c: TicketKpiCell, name: FigureName, protecting: boolean): void {
  for (const figure of name === 'volume' ? ['volume' as const, ...partsOfVolume] : [name]) {
    if (c.suppressed.includes(figure)) continue;
    c.suppressed.push(figure);
    if (protecting) c.protects_smaller_cell.push(figure);
    blank(c, figure);
  }
}

/** Nulls a figure and its base: a count below the minimum identifies as well as a rate. */
function blank(c: TicketKpiCell, name: FigureName): void {
  if (name === 'volume') Object.assign(c, { volume: null, closed: null, closure_rate: null });
  if (name === 'on_time_rate') Object.assign(c, { on_time_rate: null, on_time_base: null });
  if (name === 'satisfaction_rate') Object.assign(c, { satisfaction_rate: null, rated: null });
  if (name === 'reopen_rate') Object.assign(c, { reopen_rate: null, reopen_base: null });
  if (name === 'first_response' || name === 'resolution') c[name] = withheldDurations;
  if (name === 'backlog') c.backlog = { open: null, median_age_hours: null, p90_age_hours: null, oldest_age_hours: null };
}

const withheldDurations: DurationStats = { n: null, median_working_hours: null, p90_working_hours: null, median_calendar_hours: null, p90_calendar_hours: null };

/** How many tickets each figure of a cell is computed over (as kpiCell selects them). */
export function figureBases(rows: readonly TicketKpiRow[], s: TicketKpiSettings): Record<FigureName, number> {
  const bases = selectBases(rows, s);
  return Object.fromEntries(figureNames.map((name) => [name, bases[name].length])) as Record<FigureName, number>;
}

function selectBases(rows: readonly TicketKpiRow[], s: TicketKpiSettings) {
  const start = s.start.getTime();
  const end = s.end.getTime();
  const asOf = Math.min(end, s.now.getTime());
  const opened = rows.filter((row) => row.opened_at.getTime() >= start && row.opened_at.getTime() < end);
  const closed = opened.filter(isClosed);
  // Durations only where the order of times is possible; the impossible ones are counted as problems.
  const resolved = closed.filter((row) => row.closed_at !== null && row.closed_at >= row.opened_at);
  return {
    volume: opened,
    closed,
    on_time_rate: resolved,
    resolution: resolved,
    first_response: opened.filter((row) => row.first_response_at !== null && row.first_response_at >= row.opened_at),
    satisfaction_rate: opened.filter((row) => row.rating !== null),
    reopen_rate: opened.filter((row) => row.reopen_count !== null),
    backlog: rows.filter((row) => row.opened_at.getTime() < asOf && !(isClosed(row) && (row.closed_at === null || row.closed_at.getTime() < asOf))),
    asOf,
  };
}

/** One cell's figures, each withheld (with its base) when its base is below the privacy minimum. */
export function kpiCell(key: string, rows: readonly TicketKpiRow[], s: TicketKpiSettings): TicketKpiCell {
  const bases = selectBases(rows, s);
  const { volume: opened, closed, on_time_rate: resolved, first_response: responded, satisfaction_rate: rated, reopen_rate: reopenKnown, backlog, asOf } = bases;
  // The due instant every output judges by (config/ticket-sla.ts), so the overview and the rollups agree.
  const sla = { hours: s.slaHours, clock: s.slaClock, calendar: s.calendar };
  const onTime = resolved.filter((row) => (row.closed_at as Date) <= ticketDueAt(row, sla));
  const satisfied = rated.filter((row) => (row.rating as number) >= s.satisfiedMinRating);
  const reopened = reopenKnown.filter((row) => (row.reopen_count as number) > 0);
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
  const figures: TicketKpiCell = {
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
    protects_smaller_cell: [],
  };
  for (const name of suppressed) blank(figures, name as FigureName);
  if (!volumeOk) withhold(figures, 'volume', false);
  return figures;
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
