import { describe, expect, it } from 'vitest';
import { checkBaselineApart, parsePeriodLabel } from '../../warehouse/read-models/period-label.ts';
import { PeriodError } from '../../warehouse/read-models/period.ts';

describe('periods as people write them', () => {
  it('reads years, quarters, months, days and ranges of them', () => {
    expect(parsePeriodLabel('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(parsePeriodLabel('2024-Q3')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(parsePeriodLabel('2024-q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriodLabel('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriodLabel('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(parsePeriodLabel('2024-07-15')).toEqual({ from: '2024-07-15', to: '2024-07-15' });
    expect(parsePeriodLabel('2024-01..2024-Q2')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(parsePeriodLabel('2021-09-15..2022')).toEqual({ from: '2021-09-15', to: '2022-12-31' });
  });

  it('fails naming the option and what it expected', () => {
    expect(() => parsePeriodLabel('2024-13', '--period')).toThrow(PeriodError);
    expect(() => parsePeriodLabel('2024-13', '--period')).toThrow(/--period: "2024-13" is not a period/);
    expect(() => parsePeriodLabel('2024-02-30')).toThrow(/not a period/);
    expect(() => parsePeriodLabel('2024..2023')).toThrow(/starts \(2024-01-01\) after it ends \(2023-12-31\)/);
    expect(() => parsePeriodLabel('last year')).toThrow(/expected 2024, 2024-Q3/);
  });

  it('takes a baseline only when it shares no day with the period compared with it', () => {
    const apart = (period: string, baseline: string) => () => checkBaselineApart(parsePeriodLabel(period), parsePeriodLabel(baseline), '--compare');
    expect(apart('2024-Q3', '2023-Q3')).not.toThrow();
    expect(apart('2024-03', '2024-04')).not.toThrow();
    expect(apart('2024-03', '2024-03')).toThrow(/--compare: the baseline 2024-03-01..2024-03-31 overlaps the period 2024-03-01..2024-03-31/);
    expect(apart('2024', '2024-Q2')).toThrow(PeriodError);
    expect(apart('2024-03..2024-05', '2024-05-31')).toThrow(/overlaps/);
    expect(apart('2024-03..2024-05', '2024-06-01..2024-07')).not.toThrow();
  });
});
