/** Wall-clock arithmetic in an IANA zone with Intl only: local day and minute ↔ instant. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, as if it were UTC (milliseconds). */
function wallOf(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const seconds = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return seconds + (((instant % 1000) + 1000) % 1000);
}

/** How far the zone's wall clock is ahead of UTC at the instant (milliseconds, whole seconds). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  return wallOf(instant, timeZone) - instant;
}

/** The local day 'YYYY-MM-DD' of an instant in the zone. */
export function localDay(instant: number, timeZone: string): string {
  return new Date(wallOf(instant, timeZone)).toISOString().slice(0, 10);
}

/** The instant at which the zone's clock shows the day at the given minute after midnight. */
export function instantAt(day: string, minute: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  // Two passes so a wall time near a daylight-saving change lands on the right side.
  let instant = wall - (wallOf(wall, timeZone) - wall);
  instant = wall - (wallOf(instant, timeZone) - instant);
  return instant;
}

/** The day n days after 'YYYY-MM-DD' (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
