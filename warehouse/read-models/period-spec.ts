import { type Period, PeriodError } from './period.ts';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** The first and last day of '2017', '2017-Q1', '2017-03' or '2017-03-05'; undefined for anything else. */
function span(text: string): Period | undefined {
  let match = YEAR.exec(text);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = QUARTER.exec(text);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: iso(year, first, 1), to: iso(year, first + 3, 0) };
  }
  match = MONTH.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { from: iso(Number(match[1]), Number(match[2]), 1), to: iso(Number(match[1]), Number(match[2]) + 1, 0) };
  match = DAY.exec(text);
  if (match && iso(Number(match[1]), Number(match[2]), Number(match[3])) === text) return { from: text, to: text };
  return undefined;
}

/**
 * A period written as a year (2017), quarter (2017-Q1), month (2017-03), day (2017-03-05) or a
 * range of those (2017-01..2017-06, from the first day of the one to the last of the other); days
 * are local days in the configured zone.
 */
export function parsePeriodSpec(text: string): Period {
  const [first = '', second, extra] = text.trim().split('..');
  const a = span(first.trim());
  const b = second === undefined ? a : span(second.trim());
  if (!a || !b || extra !== undefined) {
    throw new PeriodError(`period: expected 2017, 2017-Q1, 2017-03, 2017-03-05 or FROM..TO of those, got "${text}"`);
  }
  if (a.from > b.to) throw new PeriodError(`period: "${text}" ends before it starts`);
  return { from: a.from, to: b.to };
}
