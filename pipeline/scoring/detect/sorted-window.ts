/**
 * A multiset of numbers kept sorted, for rolling medians and quantiles. Insert and remove are a
 * binary search plus one array move: a few microseconds for the few thousand values of a week
 * of 5-minute points, far cheaper than sorting the window at every step.
 */
export class SortedWindow {
  private readonly values: number[] = [];

  get size(): number {
    return this.values.length;
  }

  insert(value: number): void {
    this.values.splice(this.lowerBound(value), 0, value);
  }

  /** Removes one copy of `value`; a value that is not there is ignored. */
  remove(value: number): void {
    const i = this.lowerBound(value);
    if (this.values[i] === value) this.values.splice(i, 1);
  }

  /** Linear interpolation between the closest ranks (type 7, as numpy and R default); NaN when empty. */
  quantile(q: number): number {
    const n = this.values.length;
    if (n === 0) return Number.NaN;
    const pos = q * (n - 1);
    const lo = Math.floor(pos);
    const a = this.values[lo] as number;
    const b = this.values[Math.min(lo + 1, n - 1)] as number;
    return a + (b - a) * (pos - lo);
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
