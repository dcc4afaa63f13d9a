import { configSchema, type Config } from '../../config/schema.ts';
import { raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import type { Db } from '../../warehouse/database.ts';
import type { AlertGrade } from '../../warehouse/schema.ts';

let counter = 0;

/** Drivers shaped like the negative-spike rule's. */
export const spikeDrivers = {
  window: { from: '2026-11-30T01:00:00.000Z', to: '2026-11-30T02:00:00.000Z', minutes: 60 },
  count: 6,
  baseline: { expected: 0.4, sd: 0.6, z: 9.3, windows: 168 },
  same_time_yesterday: 1,
  same_time_last_week: 0,
  top_terms: ['拖了', '没人回复'],
  sources: ['expat-forum'],
  clauses: ['8.1.2'],
  reach: 12,
  mentions: [
    { id: 1, title: '居留许可拖了三个月', url: 'https://forum.example.test/t/1', source: 'expat-forum', score: -0.91 },
    { id: 2, title: 'Nobody answers 12345', url: 'https://forum.example.test/t/2', source: 'expat-forum', score: -0.84 },
  ],
};

export async function alertOf(db: Db, grade: AlertGrade, openedAt: Date, title = `居留许可投诉激增 ${++counter}`): Promise<number> {
  const id = await raiseAlert(db, { community_id: 'c1', rule: 'negative_spike', dedupe_key: `k-${++counter}`, grade, title, drivers: spikeDrivers, opened_at: openedAt });
  if (id === null) throw new Error('alert not raised');
  return id;
}

export function notifyConfig(notifications: Record<string, unknown>): Config {
  return configSchema.parse({
    timezone: 'Asia/Shanghai',
    server: { public_url: 'https://tp.example.test/' },
    communities: [{ id: 'c1', name_zh: '社区', name_en: 'Community' }],
    notifications,
  });
}

export const minutes = (at: Date, n: number): Date => new Date(at.getTime() + n * 60_000);
