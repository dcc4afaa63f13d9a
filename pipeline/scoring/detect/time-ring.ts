/**
 * The recent past as (time, value) pairs in arrival order, for "the same time yesterday" lookups.
 * Old entries are dropped from the front in batches so the array does not shift at every push.
 */
export class TimeRing {
  private times: number[] = [];
  private values: number[] = [];
  private start = 0;

  constructor(private readonly keepMs: number) {}

  push(time: number, value: number): void {
    this.times.push(time);
    this.values.push(value);
    const oldest = time - this.keepMs;
    while (this.start < this.times.length && (this.times[this.start] as number) < oldest) this.start++;
    if (this.start > 4096 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.values = this.values.slice(this.start);
      this.start = 0;
    }
  }

  /** The value stored nearest to `time`, if one lies within `toleranceMs` of it. */
  near(time: number, toleranceMs: number): number | undefined {
    let lo = this.start;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) < time) lo = mid + 1;
      else hi = mid;
    }
    let best: number | undefined;
    let bestGap = toleranceMs;
    for (const i of [lo - 1, lo]) {
      if (i < this.start || i >= this.times.length) continue;
      const gap = Math.abs((this.times[i] as number) - time);
      if (gap <= bestGap) {
        bestGap = gap;
        best = this.values[i];
      }
    }
    return best;
  }
}
