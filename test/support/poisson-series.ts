/** A seeded generator (mulberry32), so a simulated series is the same at every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw by Knuth's method; fine for the small means of mention counts. */
export function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** The usual day of negative mentions per hour: quiet nights, a few by day, an evening peak. */
export function usualHourMean(hour: number): number {
  if (hour < 7) return 0.05;
  if (hour >= 18 && hour < 21) return 6;
  return 1;
}

/** Hourly counts for `days` days from midnight, drawn around the usual day. */
export function usualDays(days: number, seed: number): number[] {
  const random = seeded(seed);
  return Array.from({ length: days * 24 }, (_, i) => poisson(usualHourMean(i % 24), random));
}
