import { describe, expect, it } from 'vitest';
import { PeriodError } from '../../warehouse/read-models/period.ts';
import { parsePeriodSpec } from '../../warehouse/read-models/period-spec.ts';

describe('parsePeriodSpec', () => {
  it('reads years, quarters, months, days and ranges of them', () => {
    expect(parsePeriodSpec('2017')).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(parsePeriodSpec('2017-Q1')).toEqual({ from: '2017-01-01', to: '2017-03-31' });
    expect(parsePeriodSpec('2024-q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(parsePeriodSpec('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriodSpec('2025-10-01')).toEqual({ from: '2025-10-01', to: '2025-10-01' });
    expect(parsePeriodSpec('2017-01..2017-Q2')).toEqual({ from: '2017-01-01', to: '2017-06-30' });
    expect(parsePeriodSpec('2025-09-28..2025-10-11')).toEqual({ from: '2025-09-28', to: '2025-10-11' });
  });

  it('names the value and the forms it expects when it cannot read it', () => {
    for (const bad of ['17', '2017-13', '2017-Q5', '2025-02-30', '2017..2018..2019', 'last year']) {
      expect(() => parsePeriodSpec(bad), bad).toThrow(PeriodError);
    }
    expect(() => parsePeriodSpec('2017-13')).toThrow(/expected 2017, 2017-Q1, 2017-03.*got "2017-13"/);
    expect(() => parsePeriodSpec('2018..2017')).toThrow(/ends before it starts/);
  });
});
