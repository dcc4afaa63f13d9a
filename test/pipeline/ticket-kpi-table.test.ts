import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../config/working-calendar.ts';
import { ticketKpiView } from '../../pipeline/scoring/ticket-kpi-table.ts';
import type { TicketKpiCell, TicketKpiSettings } from '../../pipeline/scoring/ticket-kpis.ts';
import type { TicketKpiRow } from '../../warehouse/read-models/ticket-kpi-rows.ts';

const calendar = workingCalendar({ timeZone: 'UTC', periods: [[540, 1020]], holidays: new Set(), workdays: new Set() });
const settings: TicketKpiSettings = {
  calendar,
  start: new Date('2026-03-01T00:00:00Z'),
  end: new Date('2026-04-01T00:00:00Z'),
  now: new Date('2026-05-01T00:00:00Z'),
  slaHours: 24,
  slaClock: 'calendar',
  satisfiedMinRating: 4,
  minCell: 5,
};

function tickets(community: string, category: string, count: number, rated = count): TicketKpiRow[] {
  return Array.from({ length: count }, (_, i) => ({
    community_id: community, category, raw_category: category, language: 'en', channel: 'phone', status: null, state: 'closed',
    opened_at: new Date(`2026-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`), first_response_at: null,
    closed_at: new Date(`2026-03-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`), due_at: null,
    rating: i < rated ? 1 + (i % 5) : null, reopen_count: null,
  }));
}

/** Every view a reader of `metrics tickets --by category` can ask for, of one table. */
function views(rows: TicketKpiRow[], s: TicketKpiSettings) {
  const communities = [...new Set(rows.map((r) => r.community_id))].sort();
  const all = ticketKpiView(rows, s);
  const byValue = ticketKpiView(rows, { ...s, by: 'category' });
  const community = new Map(communities.map((c) => [c, ticketKpiView(rows, s, c)]));
  const row = new Map(communities.map((c) => [c, ticketKpiView(rows, { ...s, by: 'category' }, c)]));
  return { communities, all, byValue, community, row };
}

type Count = (cell: TicketKpiCell) => number | null;
const counts: Record<string, Count> = { volume: (c) => c.volume, rated: (c) => c.rated };

/**
 * What a reader can work out by adding up published figures: for each line (a community's
 * categories and its total, a category's communities and its all-communities total, the categories
 * and the grand total), a single withheld entry is its exact value, and the withheld parts of a
 * published total add up to the total less the published parts, which must not be a small group.
 */
function disclosures(rows: TicketKpiRow[], s: TicketKpiSettings): string[] {
  const v = views(rows, s);
  const found: string[] = [];
  const check = (label: string, total: number | null, parts: Array<number | null>) => {
    const hidden = parts.filter((p) => p === null).length + (total === null ? 1 : 0);
    if (hidden === 1) found.push(`${label}: one withheld entry`);
    if (total !== null && hidden > 0) {
      const rest = total - parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
      if (rest > 0 && rest < s.minCell) found.push(`${label}: withheld parts add up to ${rest}`);
    }
  };
  const categories = [...new Set(rows.map((r) => r.category as string))];
  for (const [name, count] of Object.entries(counts)) {
    check(`${name} of all categories`, count(v.all.total), v.byValue.groups.map(count));
    for (const c of v.communities) {
      const row = v.row.get(c) as ReturnType<typeof ticketKpiView>;
      check(`${name} of ${c}'s categories`, count(v.community.get(c)?.total as TicketKpiCell), row.groups.map(count));
    }
    for (const category of categories) {
      const total = v.byValue.groups.find((g) => g.key === category);
      const parts = v.communities.flatMap((c) => v.row.get(c)?.groups.filter((g) => g.key === category) ?? []);
      check(`${name} of ${category} across communities`, total ? count(total) : 0, parts.map(count));
    }
  }
  return found;
}

describe('metrics tickets --community with --by: the two-way table', () => {
  // lixia 12 (咨询 10, 投诉 2), gaoxin 18 (咨询 10, 投诉 8). lixia's 投诉 is withheld, and with it its
  // 咨询 (the row rule); but 投诉 over all communities (10) less gaoxin's published 8 is lixia's 2.
  const rows = [...tickets('lixia', '咨询', 10), ...tickets('lixia', '投诉', 2), ...tickets('gaoxin', '咨询', 10), ...tickets('gaoxin', '投诉', 8)];

  it('withholds a larger community\'s cell where the value total less it would give a small one back', () => {
    const v = views(rows, settings);
    expect(v.byValue.groups.map((g) => [g.key, g.volume])).toEqual([['咨询', 20], ['投诉', 10]]);
    expect(v.community.get('gaoxin')?.total.volume).toBe(18);
    const gaoxin = v.row.get('gaoxin')?.groups ?? [];
    expect(gaoxin.find((g) => g.key === '投诉')).toMatchObject({ volume: null, protects_smaller_cell: expect.arrayContaining(['volume']) });
    // …and then its 咨询, or gaoxin's total less its 咨询 would be its 投诉.
    expect(gaoxin.find((g) => g.key === '咨询')?.volume).toBeNull();
    expect(v.row.get('lixia')?.groups.map((g) => g.volume)).toEqual([null, null]);
    expect(disclosures(rows, settings)).toEqual([]);
  });

  it('withholds a value\'s total when its only other community has nothing else to hide behind', () => {
    // gaoxin has only 投诉, so its one cell is its published total: it cannot cover lixia's 2, and the
    // 投诉 total over all communities is withheld instead. So is 咨询's, lixia's alone, which would
    // otherwise give its withheld 咨询 cell and then its 投诉 back; 建议 stays published.
    const single = [...tickets('lixia', '咨询', 10), ...tickets('lixia', '投诉', 2), ...tickets('gaoxin', '投诉', 8), ...tickets('huaiyin', '建议', 7)];
    const v = views(single, settings);
    expect(v.community.get('gaoxin')?.total.volume).toBe(8);
    expect(v.byValue.groups.map((g) => [g.key, g.volume, g.protects_smaller_cell.includes('volume')])).toEqual([['建议', 7, false], ['咨询', null, true], ['投诉', null, true]]);
    expect(disclosures(single, settings)).toEqual([]);
  });

  it('leaves nothing to subtract in random tables', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let table = 0; table < 60; table++) {
      const sample: TicketKpiRow[] = [];
      for (const c of ['c1', 'c2', 'c3', 'c4'].slice(0, 2 + Math.floor(random() * 3))) {
        for (const category of ['咨询', '求助', '投诉', '建议']) {
          const count = random() < 0.3 ? 0 : Math.floor(random() * 14);
          sample.push(...tickets(c, category, count, Math.floor(random() * (count + 1))));
        }
      }
      expect(disclosures(sample, settings), `table ${table}`).toEqual([]);
    }
  });

  it('withholds four cells, a rectangle, for one small cell in a table of large ones', () => {
    const sizes: Record<string, number[]> = { c1: [9, 7, 12, 6], c2: [8, 2, 10, 11], c3: [15, 9, 6, 7] };
    const table = Object.entries(sizes).flatMap(([c, counts]) => counts.flatMap((count, i) => tickets(c, ['咨询', '求助', '投诉', '建议'][i] as string, count)));
    const v = views(table, settings);
    const withheld = v.communities.flatMap((c) => (v.row.get(c)?.groups ?? []).filter((g) => g.volume === null).map((g) => `${c} ${g.key}`));
    // c2's 求助 (2); its row's smallest (c2 咨询, 8) and its column's (c1 求助, 7); c1 咨询 closes the rectangle.
    expect(withheld.sort()).toEqual(['c1 咨询', 'c1 求助', 'c2 咨询', 'c2 求助']);
    expect(v.byValue.groups.every((g) => g.volume !== null)).toBe(true);
    expect(disclosures(table, settings)).toEqual([]);
  });
});
