/** Series we generate ourselves: seeded, so every run sees the same numbers. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson count with mean `lambda` (Knuth's method; fine for the small means used here). */
export function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const START = Date.UTC(2024, 0, 1);

export interface Point {
  time: number;
  value: number;
}

/** Every `stepMinutes` for `days`, the count at each point drawn from `rate(time)`. */
export function countSeries(seed: number, days: number, stepMinutes: number, rate: (time: number) => number): Point[] {
  const random = rng(seed);
  const points: Point[] = [];
  for (let time = START; time < START + days * DAY; time += stepMinutes * MINUTE) points.push({ time, value: poisson(random, rate(time)) });
  return points;
}
