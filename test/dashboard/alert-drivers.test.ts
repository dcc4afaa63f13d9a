import { describe, expect, it } from 'vitest';
import { compactValue } from '../../dashboard/web/src/drivers/driver-values.tsx';
import { readSpikeDrivers, safeHref } from '../../dashboard/web/src/drivers/spike-drivers.ts';
import { formatClock, formatDateTime } from '../../dashboard/web/src/time-format.ts';

const spike = {
  window: { from: '2026-03-01T05:05:00.000Z', to: '2026-03-01T06:05:00.000Z', minutes: 60 },
  count: 9,
  baseline: { expected: 0.4167, sd: 1, z: 8.5833, windows: 24 },
  same_time_yesterday: 1,
  same_time_last_week: 0,
  top_terms: ['排队'],
  sources: ['news'],
  clauses: ['8.1.3'],
  reach: 120,
  mentions: [{ id: 1, title: '排队三小时', url: 'https://news.example.test/1', source: 'news', score: -0.8 }],
};

describe('alert drivers for the web UI', () => {
  it('reads the negative-spike drivers and leaves unknown keys to the generic list', () => {
    const parsed = readSpikeDrivers({ ...spike, watch: { list: 'visa' } });
    expect(parsed?.spike).toMatchObject({ count: 9, top_terms: ['排队'], reach: 120, mentions: [{ title: '排队三小时', score: -0.8 }] });
    expect(parsed?.rest).toEqual({ watch: { list: 'visa' } });
  });

  it('reads the drivers the detector-based rule writes: no spread in counts, the rule settings listed generically', () => {
    const parsed = readSpikeDrivers({ ...spike, baseline: { expected: 0, sd: null, z: 5.81, windows: 337 }, rule: { sensitivity: 'medium', threshold_sigma: 4 } });
    expect(parsed?.spike.baseline).toEqual({ expected: 0, sd: null, z: 5.81, windows: 337 });
    expect(parsed?.rest).toEqual({ rule: { sensitivity: 'medium', threshold_sigma: 4 } });
  });

  it('shows drivers of another shape generically, and a malformed field rather than dropping it', () => {
    expect(readSpikeDrivers({ mentions: 9 })).toBeNull();
    const parsed = readSpikeDrivers({ ...spike, mentions: [{ title: 'no url' }], top_terms: 'queue' });
    expect(parsed?.spike.mentions).toEqual([]);
    expect(parsed?.rest).toEqual({ mentions: [{ title: 'no url' }], top_terms: 'queue' });
  });

  it('renders nested values compactly, never as [object Object]', () => {
    const text = compactValue({ a: { b: [1, { c: 2 }] }, at: '2026-03-01T06:05:00Z', n: 0.12345 }, (iso) => formatDateTime(iso, 'en', 'Asia/Shanghai'));
    expect(text).toBe('a: b: 1; (c: 2), at: 01/03/2026, 14:05, n: 0.12');
    expect(compactValue([{ x: 1 }, { x: 2 }])).toBe('(x: 1); (x: 2)');
    expect(compactValue({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toBe('a: b: c: d: …');
  });

  it('formats times in the reporting zone, not the machine’s', () => {
    expect(formatDateTime('2026-03-01T18:30:00Z', 'zh', 'Asia/Shanghai')).toBe('2026/03/02 02:30');
    expect(formatDateTime('2026-03-01T18:30:00Z', 'en', 'Europe/Berlin')).toBe('01/03/2026, 19:30');
    expect(formatClock('2026-03-01T18:30:00Z', 'zh', 'Asia/Shanghai')).toBe('02:30');
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://example.test/a?b=1')).toBe('https://example.test/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
