/**
 * Orders two cursor values the way an API does: as numbers when both are numbers, as instants
 * when both read as dates, else as text (ISO times in one format sort right as text too).
 */
export function compareCursors(a: string, b: string): number {
  const numeric = /^-?\d+(?:\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
  const [x, y] = [Date.parse(a), Date.parse(b)];
  if (!numeric.test(a) && !numeric.test(b) && !Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxCursor(values: readonly string[]): string | undefined {
  return values.reduce<string | undefined>((best, value) => (best === undefined || compareCursors(value, best) > 0 ? value : best), undefined);
}
