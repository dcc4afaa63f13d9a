import type { Clock } from './clock.ts';

export interface HostGateOptions {
  /** Requests in flight to one host at a time. */
  concurrency: number;
  /** Least time between the starts of two requests to the same host. */
  delayMs: number;
  clock: Clock;
}

/** Call when the request is over, whatever its outcome. */
export type Release = () => void;

export interface HostGate {
  /** Waits for a free slot for the host and for its turn after the previous request's start. */
  acquire(host: string): Promise<Release>;
  /** Raises the host's delay (a robots.txt Crawl-delay); never lowers it below the configured one. */
  slowDown(host: string, delayMs: number): void;
  /** Holds every request to the host until the given time (a 429's Retry-After applies to the host, not one URL). */
  pauseUntil(host: string, atMs: number): void;
}

interface HostState {
  active: number;
  waiting: Array<() => void>;
  nextStartMs: number;
  delayMs: number;
}

export function createHostGate(options: HostGateOptions): HostGate {
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [], nextStartMs: 0, delayMs: options.delayMs };
      hosts.set(host, state);
    }
    return state;
  };

  return {
    async acquire(host) {
      const state = stateOf(host);
      // A released slot is handed straight to the next waiter, so `active` only counts real holders.
      if (state.active < options.concurrency) state.active++;
      else await new Promise<void>((resolve) => state.waiting.push(resolve));
      // Reserve the start time before sleeping, so waiters queue up one delay apart.
      const now = options.clock.now();
      const startMs = Math.max(now, state.nextStartMs);
      state.nextStartMs = startMs + state.delayMs;
      if (startMs > now) await options.clock.sleep(startMs - now);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = state.waiting.shift();
        if (next) next();
        else state.active--;
      };
    },
    slowDown(host, delayMs) {
      const state = stateOf(host);
      if (delayMs > state.delayMs) {
        state.nextStartMs += delayMs - state.delayMs;
        state.delayMs = delayMs;
      }
    },
    pauseUntil(host, atMs) {
      const state = stateOf(host);
      state.nextStartMs = Math.max(state.nextStartMs, atMs);
    },
  };
}
