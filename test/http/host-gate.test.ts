import { describe, expect, it } from 'vitest';
import { createHostGate } from '../../collectors/http/host-gate.ts';
import { virtualClock } from './virtual-clock.ts';

describe('host gate', () => {
  it('hands slots over in arrival order, one delay apart', async () => {
    const clock = virtualClock(0);
    const gate = createHostGate({ concurrency: 1, delayMs: 1000, clock });
    const starts: Array<[string, number]> = [];
    await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        const release = await gate.acquire('news.example.cn');
        starts.push([name, clock.now()]);
        await Promise.resolve();
        release();
      }),
    );
    expect(starts).toEqual([
      ['a', 0],
      ['b', 1000],
      ['c', 2000],
    ]);
  });

  it('raises the delay for a Crawl-delay but never lowers it, and pauses a host until a given time', async () => {
    const clock = virtualClock(0);
    const gate = createHostGate({ concurrency: 1, delayMs: 1000, clock });
    (await gate.acquire('h'))();
    gate.slowDown('h', 5000);
    gate.slowDown('h', 10);
    (await gate.acquire('h'))();
    expect(clock.now()).toBe(5000);
    gate.pauseUntil('h', 60_000);
    (await gate.acquire('h'))();
    expect(clock.now()).toBe(60_000);
    // Another host is not held back.
    (await gate.acquire('other'))();
    expect(clock.now()).toBe(60_000);
  });

  it('ignores a second release of the same slot', async () => {
    const gate = createHostGate({ concurrency: 1, delayMs: 0, clock: virtualClock(0) });
    const release = await gate.acquire('h');
    release();
    release();
    const first = await gate.acquire('h');
    let second = false;
    const pending = gate.acquire('h').then((r) => ((second = true), r));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    first();
    (await pending)();
    expect(second).toBe(true);
  });
});
