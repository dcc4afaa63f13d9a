/** Minutes since local midnight in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

function parseRange(range: string): [number, number] {
  const [start = 0, end = 0] = range.split(/\s*[-–~]\s*/).map((hhmm) => {
    const [h = '0', m = '0'] = hhmm.split(':');
    return Number(h) * 60 + Number(m);
  });
  return [start, end];
}

/**
 * When a notice may go out to someone with these quiet hours ("22:00-08:00", may wrap midnight):
 * `at` itself outside them, otherwise the end of the quiet hours. Counted in whole minutes of
 * local wall time, so a DST jump inside quiet hours moves the end by that hour (not in China).
 */
export function afterQuietHours(at: Date, quietHours: string | undefined, timeZone: string): Date {
  if (!quietHours) return at;
  const [start, end] = parseRange(quietHours);
  if (start === end) return at;
  const now = localMinutes(at, timeZone);
  const quiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!quiet) return at;
  const minutesLeft = (end - now + 1440) % 1440;
  const startOfMinute = at.getTime() - (at.getTime() % 60_000);
  return new Date(startOfMinute + minutesLeft * 60_000);
}
