import { describe, expect, it } from 'vitest';
import { scorecardCsv } from '../../dashboard/export/scorecard-csv.ts';
import type { ClauseScorecard } from '../../warehouse/read-models/clause-scorecard.ts';
import type { RectificationRates } from '../../warehouse/read-models/rectification-rates.ts';

const card: ClauseScorecard = {
  period: { from: '2026-07-01', to: '2026-09-30' },
  community_id: 'lixia-intl',
  min_cell: 5,
  methods: { survey: 'mean', mentions: 'mean', tickets: 'share' },
  rows: [],
};

const rates: RectificationRates = {
  period: card.period,
  bad_rate: { numerator: 3, denominator: 40, rate: 3 / 40, suppressed: false },
  fixed_on_time: { numerator: null, denominator: 3, rate: null, suppressed: true },
  follow_up: { numerator: 0, denominator: 0, rate: null, suppressed: true },
  overdue: 1,
};

describe('the scorecard CSV on the 好差评 loop', () => {
  const lines = scorecardCsv(card, undefined, rates).split('\r\n');
  const line = (label: string) => lines.find((l) => l.startsWith(`${label},`));

  it('gives each rate in percent with its base', () => {
    expect(line('差评率 Bad-rating rate')).toMatch(/^差评率 Bad-rating rate,7\.5% \(3 of 40\),/);
  });

  it('names the base of a rate too small to publish, and never its numerator', () => {
    expect(line('按时整改率 Fixed on time')).toMatch(/^按时整改率 Fixed on time,suppressed \(n 3 < 5\),/);
    expect(line('回访率 Followed up')).toMatch(/^回访率 Followed up,suppressed \(n 0 < 5\),/);
    expect(line('逾期 Overdue now')).toMatch(/^逾期 Overdue now,1,/);
  });

  it('leaves the lines out when the export has no rates', () => {
    expect(scorecardCsv(card)).not.toContain('差评率');
  });
});
