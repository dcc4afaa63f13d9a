import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.ts';
import { loadConfig } from '../../config/load.ts';
import { workingCalendar } from '../../config/working-calendar.ts';
import { workingCalendarOf, workingTimeSchema } from '../../config/working-time.ts';

const require = createRequire(import.meta.url);
// The package the shipped cn.yaml was generated from: an independent reference for the edited file.
const chineseDays = require('chinese-days') as { isWorkday(day: string): boolean };

const calendar = workingCalendarOf(loadConfig({ TALENTPULSE_DEMO: '0' }));
/** A Shanghai wall time (UTC+8, no daylight saving) as an instant. */
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const minutes = (ms: number) => ms / 60_000;

function* daysOf(year: number) {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

describe('the shipped Chinese holiday calendar', () => {
  it('agrees with chinese-days on every day of 2024–2026', () => {
    const disagreements: string[] = [];
    for (const year of [2024, 2025, 2026]) {
      for (const day of daysOf(year)) if (calendar.isWorkingDay(day) !== chineseDays.isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
    expect(calendar.years).toEqual([2024, 2025, 2026]);
  });

  it('knows the 2025 National Day break (Oct 1–8 off) and its 调休 days, Sunday Sep 28 and Saturday Oct 11', () => {
    for (const day of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08']) expect(calendar.isWorkingDay(day), day).toBe(false);
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('knows the 2025 Spring Festival (Jan 28–Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked)', () => {
    for (const day of daysOf(2025)) {
      if (day >= '2025-01-28' && day <= '2025-02-04') expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    // A Date is judged by its local day in Shanghai: 2025-01-27 20:00 UTC is already the 28th there.
    expect(calendar.isWorkingDay(new Date('2025-01-27T20:00:00Z'))).toBe(false);
  });
});

describe('workingMillisBetween with the default hours 09:00–12:00 and 13:30–17:30', () => {
  it('counts Friday 17:00 → Monday 09:30 as 60 minutes (half an hour each side), and from Friday 17:30 as 30', () => {
    expect(minutes(calendar.workingMillisBetween(sh('2025-03-14 17:00'), sh('2025-03-17 09:30')))).toBe(60);
    expect(minutes(calendar.workingMillisBetween(sh('2025-03-14 17:30'), sh('2025-03-17 09:30')))).toBe(30);
    expect(minutes(calendar.workingMillisBetween(sh('2025-03-14 20:00'), sh('2025-03-17 09:30')))).toBe(30);
  });

  it('skips the lunch break, the National Day break, and is negative when reversed', () => {
    expect(minutes(calendar.workingMillisBetween(sh('2025-03-14 11:00'), sh('2025-03-14 14:00')))).toBe(90);
    expect(minutes(calendar.workingMillisBetween(sh('2025-09-30 17:00'), sh('2025-10-09 09:30')))).toBe(60);
    expect(minutes(calendar.workingMillisBetween(sh('2025-10-09 09:30'), sh('2025-09-30 17:00')))).toBe(-60);
    // Sunday Sep 28 was a working day: a full 7 hours.
    expect(minutes(calendar.workingMillisBetween(sh('2025-09-28 00:00'), sh('2025-09-29 00:00')))).toBe(420);
  });

  it('equals a minute-by-minute count against chinese-days for spans around holidays', () => {
    const starts = ['2025-01-24 10:17', '2025-04-30 16:59', '2025-09-26 08:00', '2026-02-12 12:30', '2024-09-13 13:29'];
    for (const start of starts) {
      for (const days of [0.2, 1, 3.7, 12]) {
        const a = sh(start);
        const b = new Date(a.getTime() + days * 86_400_000);
        let expected = 0;
        for (let t = a.getTime(); t < b.getTime(); t += 60_000) {
          const wall = new Date(t + 8 * 3_600_000);
          const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
          const working = (minute >= 540 && minute < 720) || (minute >= 810 && minute < 1050);
          if (working && chineseDays.isWorkday(wall.toISOString().slice(0, 10))) expected++;
        }
        expect(Math.round(minutes(calendar.workingMillisBetween(a, b))), `${start} + ${days} d`).toBe(expected);
      }
    }
  });
});

describe('addWorkingHours and addWorkingDays', () => {
  it('moves through evenings, weekends and holidays', () => {
    expect(calendar.addWorkingHours(sh('2025-03-14 17:00'), 1)).toEqual(sh('2025-03-17 09:30'));
    expect(calendar.addWorkingHours(sh('2025-03-14 11:30'), 1)).toEqual(sh('2025-03-14 14:00'));
    expect(calendar.addWorkingHours(sh('2025-09-30 17:00'), 0.5)).toEqual(sh('2025-09-30 17:30'));
    expect(calendar.addWorkingHours(sh('2025-09-30 17:00'), 1)).toEqual(sh('2025-10-09 09:30'));
    for (const [start, hours] of [['2025-01-20 10:00', 40], ['2026-02-13 16:00', 7.25], ['2025-04-03 18:00', 72]] as const) {
      const end = calendar.addWorkingHours(sh(start), hours);
      expect(calendar.workingMillisBetween(sh(start), end)).toBe(hours * 3_600_000);
    }
  });

  it('keeps the clock time and skips days off, counting 调休 days as working', () => {
    expect(calendar.addWorkingDays(sh('2025-09-30 10:00'), 1)).toEqual(sh('2025-10-09 10:00'));
    expect(calendar.addWorkingDays(sh('2025-09-26 10:00'), 1)).toEqual(sh('2025-09-28 10:00'));
    expect(calendar.addWorkingDays(sh('2025-10-09 10:00'), -1)).toEqual(sh('2025-09-30 10:00'));
    expect(calendar.addWorkingDays(sh('2025-03-14 16:00'), 5)).toEqual(sh('2025-03-21 16:00'));
    expect(calendar.addWorkingDays(sh('2025-03-14 16:00'), 0)).toEqual(sh('2025-03-14 16:00'));
    expect(() => calendar.addWorkingDays(sh('2025-03-14 16:00'), 1.5)).toThrow(RangeError);
  });
});

describe('working_time settings', () => {
  const config = (working_time: unknown) => ({ timezone: 'Asia/Shanghai', working_time: workingTimeSchema.parse(working_time) });

  it('lets operators override days and hours, or drop the holiday file', () => {
    const custom = workingCalendarOf(config({ hours: ['08:30-17:00'], holidays: ['2025-03-14'], workdays: ['2025-10-08', '2025-03-15..2025-03-16'] }));
    expect(custom.isWorkingDay('2025-03-14')).toBe(false);
    expect(custom.isWorkingDay('2025-10-08')).toBe(true);
    expect(custom.isWorkingDay('2025-03-16')).toBe(true);
    expect(minutes(custom.workingMillisBetween(sh('2025-03-13 08:00'), sh('2025-03-13 18:00')))).toBe(510);
    const weekendsOnly = workingCalendarOf(config({ holidays_file: null }));
    expect(weekendsOnly.isWorkingDay('2025-10-01')).toBe(true);
    expect(weekendsOnly.isWorkingDay('2025-10-11')).toBe(false);
  });

  it('works in another zone with daylight saving', () => {
    const la = workingCalendar({ timeZone: 'America/Los_Angeles', periods: [[480, 1020]], holidays: new Set(), workdays: new Set() });
    // The Friday before the spring-forward Sunday (2017-03-12) 16:00 → Monday 09:00: one hour each side.
    expect(minutes(la.workingMillisBetween(new Date('2017-03-10T16:00:00-08:00'), new Date('2017-03-13T09:00:00-07:00')))).toBe(120);
  });

  it('fails naming the file and key for a day outside its year, and overlapping hours', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentpulse-holidays-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'years:\n  2027:\n    春节: { off: [2027-02-05..2027-02-11], work: [2026-02-14] }\n');
    expect(() => workingCalendarOf(config({ holidays_file: file }))).toThrow(ConfigError);
    expect(() => workingCalendarOf(config({ holidays_file: file }))).toThrow(/bad\.yaml: years\.2027\.春节\.work: 2026-02-14 is not in 2027/);
    expect(() => workingCalendarOf(config({ hours: ['09:00-12:00', '11:00-17:00'] }))).toThrow(/working_time\.hours\.1/);
    expect(() => workingTimeSchema.parse({ holidays: ['2025-02-30'] })).toThrow(/YYYY-MM-DD/);
  });
});
