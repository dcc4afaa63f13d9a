import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../config/working-calendar.ts';
import { ticketKpis, type TicketKpiSettings } from '../../pipeline/scoring/ticket-kpis.ts';
import type { TicketKpiRow } from '../../warehouse/read-models/ticket-kpi-rows.ts';

// Shanghai has no daylight saving: wall time is UTC+8.
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
// 09:00–12:00 and 13:30–17:30, Mon–Fri; 2025-03-17 is a Monday, and we declare Wednesday 19th a holiday.
const calendar = workingCalendar({ timeZone: 'Asia/Shanghai', periods: [[540, 720], [810, 1050]], holidays: new Set(['2025-03-19']), workdays: new Set() });

function row(partial: Partial<TicketKpiRow> & { opened_at: Date }): TicketKpiRow {
  return { community_id: 'c1', category: '咨询', raw_category: '咨询', language: 'en', channel: 'phone', status: null, state: null, first_response_at: null, closed_at: null, due_at: null, rating: null, reopen_count: null, ...partial };
}

const settings: TicketKpiSettings = {
  calendar,
  start: sh('2025-03-17 00:00'),
  end: sh('2025-03-24 00:00'),
  now: sh('2025-06-01 00:00'),
  slaHours: 7,
  slaClock: 'working',
  satisfiedMinRating: 4,
  minCell: 2,
};

const rows: TicketKpiRow[] = [
  // Opened Monday 09:00, answered 09:30 (0.5 h), closed Monday 17:30: 7 working hours, on time against the 7 h SLA.
  row({ opened_at: sh('2025-03-17 09:00'), first_response_at: sh('2025-03-17 09:30'), closed_at: sh('2025-03-17 17:30'), state: 'closed', rating: 5, reopen_count: 0 }),
  // Closed Thursday 10:00 across the Wednesday holiday: 17:00–17:30 + 09:00–10:00 = 1.5 working hours, 41 calendar hours; late against its due time.
  row({ opened_at: sh('2025-03-18 17:00'), first_response_at: sh('2025-03-18 17:15'), closed_at: sh('2025-03-20 10:00'), due_at: sh('2025-03-20 09:00'), state: 'closed', rating: 3, reopen_count: 1, category: '投诉', raw_category: '投诉' }),
  // Closed before it was opened: counted closed, no duration; its due time is before opening too.
  row({ opened_at: sh('2025-03-18 10:00'), closed_at: sh('2025-03-18 09:00'), due_at: sh('2025-03-18 08:00'), state: null, status: '已结案', rating: 4, reopen_count: 0 }),
  // Still open (reopened), unmapped category, first response before opening.
  row({ opened_at: sh('2025-03-21 09:00'), first_response_at: sh('2025-03-21 08:00'), state: 'reopened', reopen_count: 2, category: null, raw_category: '催办', language: 'ko' }),
  // Status says closed but no closing time.
  row({ opened_at: sh('2025-03-21 10:00'), state: 'closed', language: 'ko' }),
  // Opened the week before and closed after the period: in the backlog only (age at the period end, Mar 24 00:00: 14 days = 336 h).
  row({ opened_at: sh('2025-03-10 00:00'), closed_at: sh('2025-03-25 09:00'), state: 'closed' }),
];

describe('ticketKpis', () => {
  it('computes the period figures and keeps every ticket, counting its problems', () => {
    const { total, data_quality } = ticketKpis(rows, settings);
    expect(total.volume).toBe(5);
    // Closed: by state (three, one of them without a closing time) or, with an unknown status, by its closing time.
    expect(total.closed).toBe(4);
    expect(total.closure_rate).toBeCloseTo(4 / 5, 12);
    // Two closings with a possible time order: the first on time (7 ≤ 7 h), the second late against its due time.
    expect(total.on_time_base).toBe(2);
    expect(total.on_time_rate).toBeCloseTo(1 / 2, 12);
    expect(total.resolution.n).toBe(2);
    expect(total.resolution.median_working_hours).toBeCloseTo((7 + 1.5) / 2, 9);
    expect(total.resolution.median_calendar_hours).toBeCloseTo((8.5 + 41) / 2, 9);
    expect(total.resolution.p90_calendar_hours).toBeCloseTo(8.5 + 0.9 * (41 - 8.5), 9);
    expect(total.first_response.n).toBe(2);
    expect(total.first_response.median_working_hours).toBeCloseTo((0.5 + 0.25) / 2, 9);
    expect(total.rated).toBe(3);
    expect(total.satisfaction_rate).toBeCloseTo(2 / 3, 12);
    expect(total.reopen_base).toBe(4);
    expect(total.reopen_rate).toBeCloseTo(2 / 4, 12);
    // Open at the period end: the reopened one (opened Fri 09:00: 63 h) and the one from the week before (336 h).
    expect(total.backlog.open).toBe(2);
    expect(total.backlog.oldest_age_hours).toBeCloseTo(336, 9);
    expect(total.backlog.median_age_hours).toBeCloseTo((63 + 336) / 2, 9);
    expect(data_quality).toEqual({
      closed_before_opened: 1,
      first_response_before_opened: 1,
      due_before_opened: 1,
      closed_without_closed_at: 1,
      // The two closed ones with no first response (the export has that column: others have one).
      missing_first_response: 2,
      unknown_category: 1,
      unknown_status: 1,
    });
  });

  it('counts 基本满意 when configured, and the SLA on the wall clock when asked', () => {
    const loose = ticketKpis(rows, { ...settings, satisfiedMinRating: 3, slaClock: 'calendar', slaHours: 8 });
    expect(loose.total.satisfaction_rate).toBeCloseTo(1, 12);
    // 8.5 calendar hours is over an 8-hour wall-clock SLA; the other is judged by its due time.
    expect(loose.total.on_time_rate).toBe(0);
  });

  it('groups by a field, unmapped categories under their own key, and withholds small bases', () => {
    const { groups } = ticketKpis(rows, { ...settings, by: 'category', minCell: 2 });
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g]));
    expect(Object.keys(byKey).sort()).toEqual(['(unmapped)', '咨询', '投诉'].sort());
    expect(byKey['咨询']?.volume).toBe(3);
    // One ticket is below the minimum of 2: its figures are withheld and said to be.
    expect(byKey['投诉']?.volume).toBeNull();
    expect(byKey['投诉']?.suppressed).toContain('volume');
    expect(byKey['(unmapped)']?.backlog.open).toBeNull();
    const byLanguage = ticketKpis(rows, { ...settings, by: 'language', minCell: 1 }).groups.map((g) => [g.key, g.volume]);
    expect(byLanguage).toEqual([['en', 3], ['ko', 2]]);
  });
});

describe('ticketKpis --by: complementary suppression', () => {
  // Six 咨询 and five 投诉, all closed, rated and answered, and one ticket of an unmapped category.
  const split: TicketKpiRow[] = [
    ...Array.from({ length: 6 }, (_, i) => row({ opened_at: sh(`2025-03-17 ${10 + i}:00`), first_response_at: sh(`2025-03-17 ${10 + i}:10`), closed_at: sh('2025-03-18 10:00'), state: 'closed', rating: 5 })),
    ...Array.from({ length: 5 }, (_, i) => row({ opened_at: sh(`2025-03-18 ${10 + i}:00`), first_response_at: sh(`2025-03-18 ${10 + i}:10`), closed_at: sh('2025-03-20 10:00'), state: 'closed', rating: 1, category: '投诉', raw_category: '投诉' })),
    row({ opened_at: sh('2025-03-21 09:00'), first_response_at: sh('2025-03-21 09:30'), closed_at: sh('2025-03-21 11:00'), state: 'closed', rating: 2, category: null, raw_category: '催办' }),
  ];

  it('withholds the smallest published cell, so the total less the published cells gives no small group back', () => {
    const { total, groups } = ticketKpis(split, { ...settings, by: 'category', minCell: 5 });
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g]));
    expect(total.volume).toBe(12);
    // Without 投诉 withheld, 12 − 6 − 5 would be the unmapped ticket, its rating 2 from 满意率 the same way.
    expect(byKey['咨询']).toMatchObject({ volume: 6, rated: 6, satisfaction_rate: 1, protects_smaller_cell: [] });
    expect(byKey['投诉']).toMatchObject({ volume: null, closed: null, rated: null, satisfaction_rate: null, on_time_rate: null, on_time_base: null });
    expect(byKey['投诉']?.protects_smaller_cell).toEqual(expect.arrayContaining(['volume', 'satisfaction_rate', 'on_time_rate', 'resolution', 'first_response']));
    // The small cell's own bases are withheld with its figures.
    expect(byKey['(unmapped)']).toMatchObject({ volume: null, rated: null, on_time_base: null, first_response: { n: null }, resolution: { n: null } });
    const published = (pick: (c: (typeof groups)[number]) => number | null) => groups.reduce((sum, g) => sum + (pick(g) ?? 0), 0);
    for (const [figure, pick] of [
      ['volume', (c: (typeof groups)[number]) => c.volume],
      ['rated', (c: (typeof groups)[number]) => c.rated],
      ['on_time_base', (c: (typeof groups)[number]) => c.on_time_base],
      ['resolution', (c: (typeof groups)[number]) => c.resolution.n],
    ] as const) {
      const left = ((figure === 'volume' ? total.volume : figure === 'rated' ? total.rated : figure === 'on_time_base' ? total.on_time_base : total.resolution.n) ?? 0) - published(pick);
      expect(left === 0 || left >= 5, `${figure}: ${left} left over`).toBe(true);
    }
  });

  it('publishes every cell when the suppressed ones are already enough together', () => {
    const { groups } = ticketKpis(split, { ...settings, by: 'category', minCell: 1 });
    expect(groups.every((g) => g.suppressed.length === 0 && g.protects_smaller_cell.length === 0)).toBe(true);
  });
});
