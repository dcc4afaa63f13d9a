import { describe, expect, it } from 'vitest';
import { createScheduler } from '../../collectors/scheduler/scheduler.ts';
import { ConfigError } from '../../config/errors.ts';
import { drivers } from '../support/databases.ts';

const silent = { info: () => {}, error: () => {} };

describe.each(drivers)('the scheduler on $name', (driver) => {
  it('refuses a bad cron expression naming the setting', async () => {
    const { db, close } = await driver.open();
    try {
      const make = () => createScheduler(db, [{ name: 'collect', cron: 'every minute', setting: 'scheduler.collect', run: () => Promise.resolve() }], { timezone: 'Asia/Shanghai', log: silent });
      expect(make).toThrow(ConfigError);
      expect(make).toThrow(/scheduler\.collect: "every minute" is not a valid cron expression/);
    } finally {
      await close();
    }
  });

  it('runs a job under its lock, logs a failure without stopping, and stop() waits for runs in flight', async () => {
    const { db, close } = await driver.open();
    const errors: string[] = [];
    try {
      let finished = false;
      const scheduler = createScheduler(
        db,
        [
          { name: 'score', cron: '0 3 * * *', setting: 'scheduler.score', run: async (conn) => { await conn.selectFrom('alerts').selectAll().execute(); await new Promise((r) => setTimeout(r, 200)); finished = true; } },
          { name: 'broken', cron: '0 3 * * *', setting: 'scheduler.rollup', run: () => Promise.reject(new Error('feed exploded')) },
        ],
        { timezone: 'Asia/Shanghai', log: { info: () => {}, error: (m) => errors.push(m) } },
      );
      scheduler.start();
      expect(await scheduler.runNow('broken')).toBe(false);
      expect(errors).toEqual(['job broken failed: feed exploded']);
      const running = scheduler.runNow('score');
      await scheduler.stop();
      expect(finished).toBe(true);
      expect(await running).toBe(true);
      await expect(scheduler.runNow('nope')).rejects.toThrow(/unknown job "nope"/);
    } finally {
      await close();
    }
  });
});
