import { mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

// The embedded database runs inside one process and keeps its pages in that process's memory: a
// second process on the same folder never sees the first one's writes, and both write the same
// files (seen: both "applied" every migration, or "could not create file base/5/…: File exists").
// So a folder is held by one handle at a time, through a lock file beside it holding the holder's pid.

function lockFile(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

interface Holder {
  pid: number;
  /** When the holder started (Linux clock ticks since boot), where the system says. */
  started: string | undefined;
}

/** The lock file's holder: "pid" or "pid started". */
function holder(file: string): Holder | undefined {
  try {
    const [pid, started] = readFileSync(file, 'utf8').trim().split(/\s+/);
    const number = Number(pid);
    return Number.isInteger(number) && number > 0 ? { pid: number, started } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a process started, from /proc/PID/stat (field 22, after the parenthesised name, which may
 * hold spaces); undefined where there is no /proc. A pid is reused once its process has ended: the
 * start time tells the process that took the lock from a later one that got its number.
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

const ownStart = startTime(process.pid);

// Lock files this process holds: a file naming our own pid that is not here was left by an earlier
// process that had the same pid (a restarted container's process is pid 1 again).
const held = new Set<string>();

function isRunning({ pid, started }: Holder, file: string): boolean {
  if (pid === process.pid) return held.has(file);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive, but perhaps a later process that was given the crashed holder's pid.
  const now = started === undefined ? undefined : startTime(pid);
  return now === undefined || now === started;
}

const STALE_EMPTY_MS = 5_000;

function lockText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Two processes that find the same stale lock must not both take it (each would remove the stale
// file, the second removing the first one's new lock). Only the process that creates the takeover
// marker removes the lock file, and only while it still names the dead holder; the other waits and
// tries again. A marker left by a process that died mid-takeover is old, and is cleared.
function takeOver(file: string, stale: string): boolean {
  const marker = `${file}.takeover`;
  try {
    writeFileSync(marker, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (ageMs(marker) > STALE_EMPTY_MS) rmSync(marker, { force: true });
    return false;
  }
  try {
    if (lockText(file) === stale) rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Takes the folder for this handle, or names the process that holds it; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}${ownStart === undefined ? '' : ` ${ownStart}`}\n`, { flag: 'wx' });
      held.add(file);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = lockText(file);
      const found = holder(file);
      const pid = found?.pid;
      // Left by a process that ended without closing (a crash, a kill): take it over. A file with no
      // pid yet may be one that another process is writing this instant, so only an old one is stale.
      const stale = found === undefined ? ageMs(file) > STALE_EMPTY_MS : !isRunning(found, file);
      if (attempt < 3 && stale) {
        if (!takeOver(file, text)) pause(50);
        continue;
      }
      const who = pid === process.pid ? 'another handle in this process' : `process ${pid ?? '(unknown)'}`;
      throw new DatabaseInUseError(
        `${resolve(dataDir)}: the embedded database is in use by ${who} (lock file ${file}); ` +
          'stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes at once',
      );
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(file);
    if (holder(file)?.pid === process.pid) unlinkSync(file);
  };
}
