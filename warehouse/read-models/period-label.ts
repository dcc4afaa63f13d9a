import { type Period, PeriodError } from './period.ts';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** The last day of a month (1–12) as 'YYYY-MM-DD'. */
function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

function span(label: string, name: string): Period {
  let match = YEAR.exec(label);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = QUARTER.exec(label);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: `${year}-${pad(first)}-01`, to: monthEnd(year, first + 2) };
  }
  match = MONTH.exec(label);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    return { from: `${match[1]}-${match[2]}-01`, to: monthEnd(Number(match[1]), Number(match[2])) };
  }
  match = DAY.exec(label);
  if (match) {
    const day = new Date(`${label}T00:00:00Z`);
    if (!Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === label) return { from: label, to: label };
  }
  throw new PeriodError(`${name}: "${label}" is not a period (expected 2024, 2024-Q3, 2024-07, 2024-07-15, or FROM..TO of those)`);
}

/**
 * Reads a period as people write it: a year, a quarter, a month, a day, or FROM..TO of any of
 * those (from the start of FROM to the end of TO). Days are local days in the configured zone.
 */
export function parsePeriodLabel(text: string, name = 'period'): Period {
  const label = text.trim();
  const parts = label.split('..');
  if (parts.length > 2) throw new PeriodError(`${name}: "${label}" has more than one ".."`);
  const from = span(parts[0] ?? '', name).from;
  const to = span(parts[parts.length - 1] ?? '', name).to;
  if (from > to) throw new PeriodError(`${name}: "${label}" starts (${from}) after it ends (${to})`);
  return { from, to };
}

/**
 * A baseline must not share a day with the period it is compared with: the tests of change treat
 * the two as independent samples, and a response in both would be set against itself.
 */
export function checkBaselineApart(period: Period, baseline: Period, name = 'compare'): void {
  if (baseline.from <= period.to && period.from <= baseline.to) {
    throw new PeriodError(
      `${name}: the baseline ${baseline.from}..${baseline.to} overlaps the period ${period.from}..${period.to}; compare periods that share no day, such as the same months a year earlier`,
    );
  }
}
