/** The largest value pushed within the last `spanMs` (a monotonic queue: amortised O(1) per push). */
export class SlidingMax {
  private readonly queue: Array<[number, number]> = [];
  private head = 0;

  constructor(private readonly spanMs: number) {}

  /** The largest value pushed in (time − span, time], before `value` is added; −∞ when none. */
  maxBefore(time: number): number {
    while (this.head < this.queue.length && (this.queue[this.head] as [number, number])[0] <= time - this.spanMs) this.head++;
    return this.head < this.queue.length ? (this.queue[this.head] as [number, number])[1] : Number.NEGATIVE_INFINITY;
  }

  push(time: number, value: number): void {
    while (this.queue.length > this.head && (this.queue[this.queue.length - 1] as [number, number])[1] <= value) this.queue.pop();
    this.queue.push([time, value]);
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
