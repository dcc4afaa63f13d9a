import { silentSources } from '../../../warehouse/read-models/silent-sources.ts';
import { type AlertRule } from './rule-types.ts';

export const COLLECTOR_SILENT = 'collector_silent';

/** A source that has brought nothing new for longer than its expected interval: once per silence. */
export const collectorSilent: AlertRule = async ({ db, config, communityId, now }) => {
  if (!config.alerts.collector_silent.enabled) return [];
  const silent = (await silentSources(db, now)).filter((source) => source.community_id === communityId);
  return silent.map((source) => ({
    rule: COLLECTOR_SILENT,
    // A new silence after the source spoke again is a new alert; the same silence is not.
    dedupe_key: `${source.source_id}|${source.last_new_at ? new Date(source.last_new_at).toISOString() : 'never'}`,
    base_grade: source.silent_minutes >= 3 * source.expected_interval_minutes ? 'yellow' : 'blue',
    title: `采集中断 / Collector silent: ${source.name} for ${Math.round(source.silent_minutes / 60)} h`,
    drivers: {
      source: { id: source.source_id, name: source.name, location: source.location },
      silent_minutes: source.silent_minutes,
      expected_interval_minutes: source.expected_interval_minutes,
      last_new_at: source.last_new_at,
      sources: [source.source_id],
    },
    reach: 0,
    // Not about any clause: a silent collector is our problem, not the community's.
    clause_ids: [],
    source_ids: [source.source_id],
  }));
};
