import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../warehouse/database.ts';
import { DatabaseInUseError } from '../../warehouse/data-dir-lock.ts';
import { migrateToLatest, migrationNames } from '../../warehouse/migrate.ts';

// An operator may start the scheduler, the dashboard and a `talentpulse collect` at once: each
// opens the database and migrates it. They must either share it safely or be told plainly why not.

const MIGRATION_COUNT = migrationNames().length;

async function userCount(db: Db): Promise<number | undefined> {
  return (await sql<{ n: number }>`select count(*)::int as n from users`.execute(db)).rows[0]?.n;
}

describe.runIf(process.env.DATABASE_URL)('processes starting at once on one PostgreSQL schema', () => {
  it('all open and migrate it, and the migrations run once', async () => {
    const url = process.env.DATABASE_URL as string;
    // A few rounds: two processes collide on a new schema most of the time, not every time.
    for (let round = 0; round < 4; round++) {
      const schema = `open_${randomBytes(5).toString('hex')}`;
      const opened = await Promise.allSettled(Array.from({ length: 4 }, () => createDb({ url, schema })));
      const dbs = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        expect(opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
        const applied = await Promise.all(dbs.map((db) => migrateToLatest(db)));
        expect(applied.map((a) => a.length).sort()).toEqual([0, 0, 0, MIGRATION_COUNT]);
        for (const db of dbs) expect(await userCount(db)).toBe(0);
      } finally {
        if (dbs[0]) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(dbs[0]);
        for (const db of dbs) await db.destroy();
      }
    }
  });
});

describe('handles on one embedded database folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentpulse-open-'));
  const dataDir = join(dir, 'pglite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuse a second handle while the first is open, naming the folder, and allow it after', async () => {
    const first = await createDb({ dataDir });
    try {
      await migrateToLatest(first);
      const second = createDb({ dataDir });
      await expect(second).rejects.toThrow(DatabaseInUseError);
      await expect(createDb({ dataDir })).rejects.toThrow(`${dataDir}: the embedded database is in use by another handle in this process`);
    } finally {
      await first.destroy();
    }
    const again = await createDb({ dataDir });
    try {
      expect(await migrateToLatest(again)).toEqual([]);
      expect(await userCount(again)).toBe(0);
    } finally {
      await again.destroy();
    }
  });

  it('take over the lock a process left behind when it ended without closing', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    // A process that has ended, and one that had this process's pid (a restarted container's pid 1).
    for (const pid of [ended.stdout, String(process.pid)]) {
      writeFileSync(`${dataDir}.lock`, `${pid}\n`);
      const db = await createDb({ dataDir });
      try {
        expect(await migrateToLatest(db)).toEqual([]);
      } finally {
        await db.destroy();
      }
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    }
  });

  it.runIf(existsSync('/proc/self/stat'))('take over a lock whose pid a later process was given, and keep one its holder still runs', async () => {
    // The parent process is alive throughout: first as the holder, then as a stranger with the crashed holder's pid.
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(`${dataDir}.lock`, `${process.ppid} ${started}\n`);
    await expect(createDb({ dataDir })).rejects.toThrow(`in use by process ${process.ppid}`);
    writeFileSync(`${dataDir}.lock`, `${process.ppid} ${Number(started) - 1}\n`);
    const db = await createDb({ dataDir });
    try {
      expect(await migrateToLatest(db)).toEqual([]);
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\n$`));
    } finally {
      await db.destroy();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('release the folder when a handle is closed before any query', async () => {
    await (await createDb({ dataDir })).destroy();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await createDb({ dataDir });
    await again.destroy();
  });

  it('leave a lock file with no pid alone while it may still be being written, and take it over once old', async () => {
    writeFileSync(`${dataDir}.lock`, '');
    await expect(createDb({ dataDir })).rejects.toThrow(DatabaseInUseError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${dataDir}.lock`, old, old);
    const db = await createDb({ dataDir });
    await db.destroy();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('leave a stale lock to the process already taking it over', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${dataDir}.lock`, `${ended.stdout}\n`);
    // Another process holds the takeover marker: this one must not remove the lock file too (it
    // could be removing the other's new lock), so it is refused and the file stays as it was.
    writeFileSync(`${dataDir}.lock.takeover`, `${process.ppid}\n`);
    try {
      await expect(createDb({ dataDir })).rejects.toThrow(DatabaseInUseError);
      expect(readFileSync(`${dataDir}.lock`, 'utf8').trim()).toBe(ended.stdout);
    } finally {
      rmSync(`${dataDir}.lock.takeover`);
    }
    const db = await createDb({ dataDir });
    await db.destroy();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('run two migrations asked for at once on one handle one after the other', async () => {
    const db = await createDb({ dataDir: 'memory://' });
    try {
      const applied = await Promise.all([migrateToLatest(db), migrateToLatest(db)]);
      expect(applied.map((a) => a.length).sort()).toEqual([0, MIGRATION_COUNT]);
    } finally {
      await db.destroy();
    }
  });
});
