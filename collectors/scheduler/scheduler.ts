import { createTask, validate, type ScheduledTask } from 'node-cron';
import { ConfigError } from '../../config/errors.ts';
import type { Db } from '../../warehouse/database.ts';
import { withAdvisoryLock } from '../../warehouse/jobs/advisory-lock.ts';

export interface Job {
  name: string;
  /** Cron expression, and the setting it came from (for error messages). */
  cron: string;
  setting: string;
  /** Runs with the handle that holds the job's lock; use it, not an outer `db`. */
  run: (db: Db) => Promise<unknown>;
}

export interface SchedulerLog {
  info(message: string): void;
  error(message: string): void;
}

export interface Scheduler {
  start(): void;
  /** Stops the timers and waits for runs in flight. */
  stop(): Promise<void>;
  /** Runs a job now under its lock; false when another instance holds it. */
  runNow(name: string): Promise<boolean>;
}

/**
 * node-cron timers in the configured zone; each run claims a PostgreSQL advisory lock named
 * after the job, so several app instances never run the same job at once.
 */
export function createScheduler(db: Db, jobs: Job[], options: { timezone: string; log: SchedulerLog }): Scheduler {
  for (const job of jobs) {
    if (!validate(job.cron)) throw new ConfigError(`${job.setting}: "${job.cron}" is not a valid cron expression`);
  }
  const inFlight = new Set<Promise<unknown>>();
  const byName = new Map(jobs.map((job) => [job.name, job]));

  const runLocked = async (job: Job): Promise<boolean> => {
    const started = Date.now();
    const ran = await withAdvisoryLock(db, job.name, async (conn) => {
      const result = await job.run(conn);
      options.log.info(`job ${job.name} done in ${Date.now() - started} ms ${JSON.stringify(result ?? {})}`);
    });
    if (!ran) options.log.info(`job ${job.name} skipped: another instance holds its lock`);
    return ran;
  };

  const track = (job: Job): Promise<boolean> => {
    const run = runLocked(job).catch((error: unknown) => {
      options.log.error(`job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };

  const tasks: ScheduledTask[] = jobs.map((job) =>
    createTask(job.cron, () => track(job), { timezone: options.timezone, name: job.name, noOverlap: true }),
  );

  return {
    start() {
      for (const task of tasks) void task.start();
    },
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.all(inFlight);
    },
    runNow(name) {
      const job = byName.get(name);
      if (!job) return Promise.reject(new Error(`unknown job "${name}" (known: ${[...byName.keys()].join(', ')})`));
      return track(job);
    },
  };
}
