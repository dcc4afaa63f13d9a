import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { configDir } from './paths.ts';
import { timeZoneSchema } from './time-zone.ts';
import { workingCalendar, type WorkingCalendar } from './working-calendar.ts';
import { readYamlFile } from './yaml-file.ts';
import { addDays } from './zone-clock.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (day: string) => DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
/** 'YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD' (both ends included). */
const daysSchema = z.string().refine(
  (text) => {
    const [from, to, extra] = text.split('..');
    return from !== undefined && validDay(from) && extra === undefined && (to === undefined || (validDay(to) && from <= to));
  },
  { message: 'a day YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD' },
);
const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

export const workingTimeSchema = z
  .object({
    /** Zone of the working hours; the top-level timezone when absent. */
    timezone: timeZoneSchema.optional(),
    /** Working periods of a working day, 'HH:MM-HH:MM', ascending and not overlapping. */
    hours: z.array(z.string().regex(HOURS, 'a period HH:MM-HH:MM')).min(1).default(['09:00-12:00', '13:30-17:30']),
    /** Days of the week off, 0 = Sunday. */
    weekend: z.array(z.number().int().min(0).max(6)).default([0, 6]),
    /** Holiday calendar (法定节假日 and 调休), relative to the config folder; null for weekends only. */
    holidays_file: z.string().nullable().default('holidays/cn.yaml'),
    /** Extra days off, overriding the file. */
    holidays: z.array(daysSchema).default([]),
    /** Extra working days, overriding the file and weekends. */
    workdays: z.array(daysSchema).default([]),
  })
  .prefault({});

export type WorkingTimeConfig = z.infer<typeof workingTimeSchema>;

const holidayFileSchema = z.object({
  years: z.record(
    z.string().regex(/^\d{4}$/, 'a year'),
    z.record(z.string(), z.object({ off: z.array(daysSchema).default([]), work: z.array(daysSchema).default([]) }).strict()),
  ),
});

function expand(text: string): string[] {
  const [from = text, to = from] = text.split('..');
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface HolidayList {
  holidays: Set<string>;
  workdays: Set<string>;
  years: number[];
}

/** Reads a holiday file; a day outside its year, or both off and worked, fails naming the file and key. */
export function loadHolidayFile(file: string): HolidayList {
  const parsed = readYamlFile(file, holidayFileSchema);
  const list: HolidayList = { holidays: new Set(), workdays: new Set(), years: Object.keys(parsed.years).map(Number).sort() };
  for (const [year, festivals] of Object.entries(parsed.years)) {
    for (const [name, { off, work }] of Object.entries(festivals)) {
      for (const [kind, set] of [['off', off], ['work', work]] as const) {
        for (const day of set.flatMap(expand)) {
          if (!day.startsWith(`${year}-`)) throw new ConfigError(`${file}: years.${year}.${name}.${kind}: ${day} is not in ${year}`);
          (kind === 'off' ? list.holidays : list.workdays).add(day);
        }
      }
    }
  }
  const both = [...list.holidays].find((day) => list.workdays.has(day));
  if (both) throw new ConfigError(`${file}: ${both} is listed both as a day off and as a working day`);
  return list;
}

function minutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** The working calendar the configuration describes (holiday file, overrides, hours, zone). */
export function workingCalendarOf(config: { timezone: string; working_time: WorkingTimeConfig }): WorkingCalendar {
  const settings = config.working_time;
  const periods = settings.hours.map((text): [number, number] => [minutes(text), minutes(text.slice(6))]);
  periods.forEach(([from, to], i) => {
    const previous = periods[i - 1];
    if (to <= from || (previous && from < previous[1])) {
      throw new ConfigError(`working_time.hours.${i}: "${settings.hours[i]}" must end after it starts and after the period before it`);
    }
  });
  const file = settings.holidays_file === null ? null : isAbsolute(settings.holidays_file) ? settings.holidays_file : resolve(configDir, settings.holidays_file);
  const list = file ? loadHolidayFile(file) : { holidays: new Set<string>(), workdays: new Set<string>(), years: [] };
  for (const day of settings.holidays.flatMap(expand)) {
    list.workdays.delete(day);
    list.holidays.add(day);
  }
  for (const day of settings.workdays.flatMap(expand)) {
    list.holidays.delete(day);
    list.workdays.add(day);
  }
  return workingCalendar({
    timeZone: settings.timezone ?? config.timezone,
    periods,
    holidays: list.holidays,
    workdays: list.workdays,
    weekend: settings.weekend,
    years: list.years,
  });
}
