import type { Config } from '../../config/schema.ts';
import type { Job } from '../../collectors/scheduler/scheduler.ts';
import { queueDigests } from './digest.ts';
import { dispatchDue } from './dispatch.ts';
import { escalateUnacknowledged } from './escalate.ts';
import { queueNewAlerts } from './queue-alerts.ts';

/**
 * The scheduled jobs of notices: queue new alerts' notices and send what is due (every minute),
 * escalate unacknowledged alerts, and the daily digest. Each is safe to run twice and on two
 * instances by itself; the scheduler's advisory lock only saves the duplicate work.
 */
export function notificationJobs(config: Config, now: () => Date = () => new Date()): Job[] {
  const s = config.scheduler;
  return [
    {
      name: 'notify',
      cron: s.notify,
      setting: 'scheduler.notify',
      run: async (db) => {
        const queued = await queueNewAlerts(db, config, now());
        return { ...queued, ...(await dispatchDue(db, config.notifications, { now: now() })) };
      },
    },
    { name: 'escalate', cron: s.escalate, setting: 'scheduler.escalate', run: (db) => escalateUnacknowledged(db, config, now()) },
    { name: 'digest', cron: s.digest, setting: 'scheduler.digest', run: (db) => queueDigests(db, config, now()) },
  ];
}
