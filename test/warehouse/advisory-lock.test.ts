import { describe, expect, it } from 'vitest';
import { createDb } from '../../warehouse/database.ts';
import { withAdvisoryLock } from '../../warehouse/jobs/advisory-lock.ts';
import { drivers } from '../support/databases.ts';

describe.each(drivers)('advisory-locked jobs on $name', (driver) => {
  it('run the job with the locked handle and release the lock afterwards', async () => {
    const { db, close } = await driver.open();
    try {
      let runs = 0;
      expect(await withAdvisoryLock(db, 'collect', async (conn) => void (runs += (await conn.selectFrom('users').selectAll().execute()).length + 1))).toBe(true);
      expect(await withAdvisoryLock(db, 'collect', () => Promise.resolve(void (runs += 1)))).toBe(true);
      expect(runs).toBe(2);
    } finally {
      await close();
    }
  });

  it('release the lock when the job fails', async () => {
    const { db, close } = await driver.open();
    try {
      await expect(withAdvisoryLock(db, 'score', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await withAdvisoryLock(db, 'score', () => Promise.resolve())).toBe(true);
    } finally {
      await close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('two app instances on one PostgreSQL', () => {
  it('never run the same job at once: the second instance skips while the first holds the lock', async () => {
    const url = process.env.DATABASE_URL as string;
    const first = await createDb({ url });
    const second = await createDb({ url });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const running = withAdvisoryLock(first, 'lock-test-collect', async () => {
        entered();
        await held;
      });
      await inside;
      let secondRan = false;
      expect(await withAdvisoryLock(second, 'lock-test-collect', () => Promise.resolve(void (secondRan = true)))).toBe(false);
      expect(secondRan).toBe(false);
      release();
      expect(await running).toBe(true);
      expect(await withAdvisoryLock(second, 'lock-test-collect', () => Promise.resolve())).toBe(true);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  });
});
