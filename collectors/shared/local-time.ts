import { zoneOffsetAt } from '../../config/zone-clock.ts';
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses an ISO timestamp with an offset, or a wall-clock time 'YYYY-MM-DD[ HH:mm[:ss]]'
 * (dashes or slashes) read in the given IANA zone. Returns undefined for anything else,
 * including impossible dates such as 2024-02-30.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | undefined {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const match = LOCAL.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // Two passes so a wall time near a daylight-saving change lands on the right side.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

const offsets = new Map<string, number>();
const DAY = 24 * 60 * 60 * 1000;
// Zones change offset on quarter hours; within one quarter the offset is the same.
const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * How far the zone's wall clock is ahead of UTC at the instant. Asking Intl costs microseconds, a
 * large share of importing a survey row, so offsets are remembered per zone and UTC day, or per
 * quarter hour on a day when the zone changes its offset.
 */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY);
  const dayKey = `${timeZone} d${day}`;
  let offset = offsets.get(dayKey);
  if (offset === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    const start = zoneOffsetAt(day * DAY, timeZone);
    // NaN marks a day with a change: look up its quarter hours instead.
    offset = start === zoneOffsetAt((day + 1) * DAY - 1000, timeZone) ? start : Number.NaN;
    offsets.set(dayKey, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const quarterKey = `${timeZone} q${Math.floor(instant / QUARTER_HOUR)}`;
  let quarter = offsets.get(quarterKey);
  if (quarter === undefined) {
    quarter = zoneOffsetAt(instant, timeZone);
    offsets.set(quarterKey, quarter);
  }
  return quarter;
}

