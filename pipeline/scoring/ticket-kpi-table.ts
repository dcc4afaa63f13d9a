import type { TicketKpiRow } from '../../warehouse/read-models/ticket-kpi-rows.ts';
import {
  type FigureName,
  figureBases,
  figureNames,
  type KpiDimension,
  kpiCell,
  keyOf,
  kpiSplit,
  protectSmallerCommunities,
  publishedGroups,
  type TicketKpiCell,
  type TicketKpiFigures,
  ticketKpis,
  type TicketKpiSettings,
  withhold,
} from './ticket-kpis.ts';

/**
 * The figures one request of `metrics tickets` publishes, from every community's rows, so that no
 * request, nor any set of requests, gives back a figure another withholds.
 *
 * - Without `--by`, or `--by community`: as ticketKpis, and with `--community`, the figures that
 *   community withholds to protect a smaller one (protectSmallerCommunities).
 * - `--by` another field: the groups are cells of a two-way table, communities × values, whose
 *   lines anyone can add up: a community's groups make its total (`--community C`), a value's groups
 *   across communities make that value's total (`--by F`). See protectTwoWay.
 */
export function ticketKpiView(allRows: readonly TicketKpiRow[], settings: TicketKpiSettings, communityId?: string): TicketKpiFigures {
  const rows = communityId === undefined ? allRows : allRows.filter((row) => row.community_id === communityId);
  const figures = ticketKpis(rows, { ...settings, by: undefined });
  const by = settings.by;
  if (by === undefined || by === 'community') {
    if (by) figures.groups = ticketKpis(rows, settings).groups;
    if (communityId !== undefined) protectSmallerCommunities(figures, allRows, communityId, settings);
    return figures;
  }
  const table = protectTwoWay(allRows, settings, by);
  if (communityId === undefined) return { ...figures, groups: publishedGroups(table.values) };
  const total = table.communities.find((g) => g.key === communityId)?.cell;
  return {
    ...figures,
    total: total ? { ...total, key: 'all' } : figures.total,
    groups: publishedGroups(table.cells.filter((g) => g.community === communityId)),
  };
}

/** An entry of the two-way table: a cell, a community's total or a value's total. */
interface Entry {
  id: string;
  cell: TicketKpiCell;
  bases: Record<FigureName, number>;
  /** Communities' totals are decided across communities alone, as every other view publishes them. */
  fixed: boolean;
  /** The lines it is a part of: a cell, its community's and its value's; a value's total, the totals'. */
  lines: Line[];
}

/** Parts that add up to a total: the equation a reader of the published figures can solve. */
interface Line {
  total: Entry;
  parts: Entry[];
}

/**
 * Complementary suppression in two dimensions, figure by figure. Starting from each cell's own
 * minimum, the communities' totals (as `--by community` decides them) and the values' totals (as
 * `--by F` alone would), every line is checked until none changes: its withheld entries (its total
 * among them) must be none or at least two, and, where the total is published, hold at least
 * min_cell tickets together; else one more is withheld — the line's smallest published cell whose
 * other line can still hide it, else the line's total when that may change (a value's), else the
 * smallest published cell. A value's total withheld this way is checked in the line of all values'
 * totals in turn. Communities' totals never change here, so the overview and `--community` agree.
 * A heuristic, like the one-dimensional rule: it stops exact recovery and small sums, not bounds.
 */
export function protectTwoWay(rows: readonly TicketKpiRow[], s: TicketKpiSettings, by: Exclude<KpiDimension, 'community'>) {
  const entry = (id: string, members: readonly TicketKpiRow[], cell: TicketKpiCell, fixed: boolean): Entry => ({ id, cell, bases: figureBases(members, s), fixed, lines: [] });
  const communities = kpiSplit(rows, s, 'community');
  const values = kpiSplit(rows, s, by);
  const grouped = new Map<string, { community: string; value: string; members: TicketKpiRow[] }>();
  for (const row of rows) {
    const value = keyOf(row, by);
    const id = `${row.community_id}\u0000${value}`;
    const group = grouped.get(id);
    if (group) group.members.push(row);
    else grouped.set(id, { community: row.community_id, value, members: [row] });
  }
  const cells = [...grouped].map(([id, g]) => ({ ...g, key: g.value, cell: kpiCell(g.value, g.members, s), id }));

  const line = (total: Entry): Line => ({ total, parts: [] });
  const grand = line(entry('all', rows, kpiCell('all', rows, s), true));
  const communityLines = new Map(communities.map((g) => [g.key, line(entry(`c:${g.key}`, g.members, g.cell, true))]));
  const valueLines = new Map(values.map((g) => [g.key, line(entry(`v:${g.key}`, g.members, g.cell, false))]));
  const join = (e: Entry, l: Line | undefined) => {
    if (!l) return;
    l.parts.push(e);
    e.lines.push(l);
  };
  for (const l of valueLines.values()) join(l.total, grand);
  for (const c of cells) {
    const e = entry(c.id, c.members, c.cell, false);
    join(e, communityLines.get(c.community));
    join(e, valueLines.get(c.value));
  }
  const lines = [grand, ...communityLines.values(), ...valueLines.values()];
  for (const name of figureNames) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const l of lines) if (protectLine(l, name, s.minCell)) changed = true;
    }
  }
  return { communities, values, cells };
}

/** Withholds one more entry of the line when its withheld ones can be worked out; says whether it did. */
function protectLine(line: Line, name: FigureName, minCell: number): boolean {
  const withheld = (e: Entry) => e.cell.suppressed.includes(name);
  const parts = line.parts.filter((e) => e.bases[name] > 0);
  const hidden = parts.filter(withheld);
  const totalHidden = withheld(line.total);
  if (parts.length === 0 || (hidden.length === 0 && !totalHidden)) return false;
  const sum = hidden.reduce((total, e) => total + e.bases[name], 0);
  if (hidden.length + (totalHidden ? 1 : 0) >= 2 && (totalHidden || sum >= minCell)) return false;

  // A cell is no cover when its other line would give it back: the only one there, beside a published total.
  const covers = (e: Entry) => e.lines.every((other) => other === line || withheld(other.total) || other.parts.some((p) => p !== e && p.bases[name] > 0));
  // Cheapest first: a cell whose other line withholds something already (so that line needs no more,
  // and the withheld cells close into rectangles), then the smallest.
  const alone = (e: Entry) => (e.lines.some((other) => other !== line && !withheld(other.total) && !other.parts.some((p) => p !== e && withheld(p))) ? 1 : 0);
  const published = parts.filter((e) => !withheld(e) && !e.fixed).sort((a, b) => alone(a) - alone(b) || a.bases[name] - b.bases[name] || a.id.localeCompare(b.id));
  const pick = published.find(covers) ?? (!line.total.fixed && !totalHidden ? line.total : published[0]);
  if (!pick) return false;
  withhold(pick.cell, name, true);
  return true;
}
