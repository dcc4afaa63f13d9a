import type { Config } from '../../config/schema.ts';
import { workingCalendarOf } from '../../config/working-time.ts';
import { addDays, instantAt } from '../../config/zone-clock.ts';
import type { Db } from '../../warehouse/database.ts';
import type { Period } from '../../warehouse/read-models/period.ts';
import { ticketKpiRows } from '../../warehouse/read-models/ticket-kpi-rows.ts';
import { ticketKpiView } from '../scoring/ticket-kpi-table.ts';
import type { KpiDimension, TicketKpiCell } from '../scoring/ticket-kpis.ts';
import { problemEffects, ticketProblems, type TicketProblem } from '../scoring/ticket-quality.ts';

/** `talentpulse metrics tickets --json`: the KPIs, the settings they depend on and the data-quality counts. */
export interface TicketKpiReport {
  period: Period;
  time_zone: string;
  by: KpiDimension | null;
  community_id: string | null;
  settings: {
    sla_hours: number;
    sla_clock: 'working' | 'calendar';
    satisfied_min_rating: number;
    min_cell: number;
    working_hours: string[];
    working_time_zone: string;
    holiday_years: number[];
  };
  total: TicketKpiCell;
  groups: TicketKpiCell[];
  /** Counts below min_cell are withheld (null, with fewer_than): the unmapped count is the (unmapped) group's volume. */
  data_quality: Array<{ problem: TicketProblem; tickets: number | null; fewer_than?: number; effect: string }>;
  notes: string[];
}

export interface TicketKpiRequest {
  period: Period;
  by?: KpiDimension | undefined;
  communityId?: string | undefined;
  now?: Date;
}

/** Reads the tickets the period needs and computes the hotline KPIs with the configured calendar and SLA. */
export async function ticketKpiReport(db: Db, config: Config, request: TicketKpiRequest): Promise<TicketKpiReport> {
  const calendar = workingCalendarOf(config);
  const start = new Date(instantAt(request.period.from, 0, config.timezone));
  const end = new Date(instantAt(addDays(request.period.to, 1), 0, config.timezone));
  // Every community's tickets, even for one: what it may publish depends on what the others do.
  const allRows = await ticketKpiRows(db, { start, end });
  const { satisfaction: sat, privacy } = config;
  const settings = {
    calendar,
    start,
    end,
    now: request.now ?? new Date(),
    slaHours: sat.ticket_sla_hours,
    slaClock: sat.ticket_sla_clock,
    satisfiedMinRating: sat.satisfied_min_rating,
    minCell: privacy.min_cell,
    by: request.by,
  };
  const figures = ticketKpiView(allRows, settings, request.communityId);
  const rows = request.communityId === undefined ? allRows : allRows.filter((row) => row.community_id === request.communityId);
  const levels = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'].slice(sat.satisfied_min_rating).join('、');
  const notes = [
    `tickets opened ${request.period.from}..${request.period.to} (${config.timezone}); backlog = open at the period end (or now), whenever opened`,
    `按时办结率: closed by the export's due time when it has one, else within ${sat.ticket_sla_hours} ${sat.ticket_sla_clock} hours; over closed tickets with a valid closing time`,
    `满意率: rating ≥ ${sat.satisfied_min_rating} (${levels}) over rated tickets`,
    'medians and p90 by linear interpolation (as percentile_cont); working hours per working_time',
    `figures on a base below ${privacy.min_cell} are withheld with their base (null, listed under suppressed); with --by, when the withheld cells of a figure hold fewer than ${privacy.min_cell} tickets together, the smallest published cells withhold it too (listed under protects_smaller_cell), so the total less the published cells cannot give a small group back; ` +
      `with --community, the same across communities: when the communities whose figure is withheld hold fewer than ${privacy.min_cell} tickets together, the smallest published communities withhold it too, in their total and their groups; ` +
      `with --by and --community together, the groups are cells of the table communities × values, and each of its rows and columns follows the same rule, so one community's groups cannot be worked out from the value's total less the other communities'`,
  ];
  const years = new Set(rows.map((row) => row.opened_at.getUTCFullYear()));
  const uncovered = [...years].filter((year) => !calendar.years.includes(year)).sort();
  if (uncovered.length > 0) notes.push(`the holiday calendar has no public holidays for ${uncovered.join(', ')}: working time there counts weekends only`);
  return {
    period: request.period,
    time_zone: config.timezone,
    by: request.by ?? null,
    community_id: request.communityId ?? null,
    settings: {
      sla_hours: sat.ticket_sla_hours,
      sla_clock: sat.ticket_sla_clock,
      satisfied_min_rating: sat.satisfied_min_rating,
      min_cell: privacy.min_cell,
      working_hours: [...config.working_time.hours],
      working_time_zone: calendar.timeZone,
      holiday_years: [...calendar.years],
    },
    total: figures.total,
    groups: figures.groups,
    data_quality: ticketProblems.map((problem) => {
      const tickets = figures.data_quality[problem];
      const small = tickets > 0 && tickets < privacy.min_cell;
      return { problem, tickets: small ? null : tickets, ...(small ? { fewer_than: privacy.min_cell } : {}), effect: problemEffects[problem] };
    }),
    notes,
  };
}
