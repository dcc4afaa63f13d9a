import { addDays, instantAt, localDay, weekdayOf } from './zone-clock.ts';

/**
 * Working time of a service desk: which days are working days (weekends off, 法定节假日 off, 调休
 * make-up days on) and the working periods of such a day, in one zone. Pure: build it from
 * config with workingCalendarOf (config/working-time.ts) or from a spec in tests.
 */
export interface WorkingCalendarSpec {
  timeZone: string;
  /** Working periods of a working day, minutes after local midnight, [start, end), ascending. */
  periods: ReadonlyArray<readonly [number, number]>;
  /** Local days 'YYYY-MM-DD' off although weekdays (public holidays). */
  holidays: ReadonlySet<string>;
  /** Local days worked although weekend days (调休 make-up working days). */
  workdays: ReadonlySet<string>;
  /** Days of the week off, 0 = Sunday; default Saturday and Sunday. */
  weekend?: readonly number[];
  /** Years the holiday list covers; outside them only weekends are off. */
  years?: readonly number[];
}

export interface WorkingCalendar {
  readonly timeZone: string;
  /** Years with a holiday list; a period outside them counts weekends only. */
  readonly years: readonly number[];
  /** Whether the local day of an instant (or a 'YYYY-MM-DD' day) is a working day. */
  isWorkingDay(date: Date | string): boolean;
  /** Working time in [a, b], in milliseconds; negative when b is before a. */
  workingMillisBetween(a: Date, b: Date): number;
  /** The same local clock time n working days later (earlier when n < 0); days off are skipped. */
  addWorkingDays(date: Date, n: number): Date;
  /** The instant when h working hours have passed from date (from the next working period when outside one). */
  addWorkingHours(date: Date, hours: number): Date;
}

export function workingCalendar(spec: WorkingCalendarSpec): WorkingCalendar {
  const weekend = new Set(spec.weekend ?? [0, 6]);
  const cache = new Map<string, Array<[number, number]>>();

  const isWorkingDay = (date: Date | string): boolean => {
    const day = typeof date === 'string' ? date : localDay(date.getTime(), spec.timeZone);
    if (spec.workdays.has(day)) return true;
    if (spec.holidays.has(day)) return false;
    return !weekend.has(weekdayOf(day));
  };

  /** The working periods of a local day as instants. */
  const periodsOf = (day: string): Array<[number, number]> => {
    let periods = cache.get(day);
    if (!periods) {
      periods = isWorkingDay(day) ? spec.periods.map(([from, to]) => [instantAt(day, from, spec.timeZone), instantAt(day, to, spec.timeZone)]) : [];
      cache.set(day, periods);
    }
    return periods;
  };

  const workingMillisBetween = (a: Date, b: Date): number => {
    const from = a.getTime();
    const to = b.getTime();
    if (to < from) return -workingMillisBetween(b, a);
    let total = 0;
    const last = localDay(to, spec.timeZone);
    for (let day = localDay(from, spec.timeZone); day <= last; day = addDays(day, 1)) {
      for (const [start, end] of periodsOf(day)) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
    return total;
  };

  const addWorkingHours = (date: Date, hours: number): Date => {
    if (!(hours >= 0)) throw new RangeError(`addWorkingHours: expected hours ≥ 0, got ${hours}`);
    let left = hours * 3_600_000;
    const from = date.getTime();
    const lastDay = addDays(localDay(from, spec.timeZone), Math.ceil(hours / 24) * 7 + 3700);
    for (let day = localDay(from, spec.timeZone); day <= lastDay; day = addDays(day, 1)) {
      for (const [start, end] of periodsOf(day)) {
        const begin = Math.max(start, from);
        if (begin >= end) continue;
        if (end - begin >= left) return new Date(begin + left);
        left -= end - begin;
      }
    }
    throw new RangeError(`addWorkingHours: no working time within ten years of ${date.toISOString()}`);
  };

  const addWorkingDays = (date: Date, n: number): Date => {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: expected a whole number of days, got ${n}`);
    const instant = date.getTime();
    let day = localDay(instant, spec.timeZone);
    const minute = (instant - instantAt(day, 0, spec.timeZone)) / 60_000;
    const step = n < 0 ? -1 : 1;
    let guard = 0;
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left--;
      if (++guard > 3700) throw new RangeError(`addWorkingDays: no working day within ten years of ${date.toISOString()}`);
    }
    return new Date(instantAt(day, minute, spec.timeZone));
  };

  return { timeZone: spec.timeZone, years: spec.years ?? [], isWorkingDay, workingMillisBetween, addWorkingDays, addWorkingHours };
}
