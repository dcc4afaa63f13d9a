import { sql, type RawBuilder } from 'kysely';
import type { Period } from './period.ts';

/** The instants a period of local days spans: [start of from, start of the day after to) in the zone. */
export function periodBounds(period: Period, timeZone: string): { start: RawBuilder<Date>; end: RawBuilder<Date> } {
  return {
    start: sql<Date>`(cast(${period.from} as date)::timestamp at time zone ${timeZone})`,
    end: sql<Date>`((cast(${period.to} as date) + 1)::timestamp at time zone ${timeZone})`,
  };
}
