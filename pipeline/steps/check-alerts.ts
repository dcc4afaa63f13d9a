import type { Config } from '../../config/schema.ts';
import { attachToIncident, incidentLinkOf } from '../../warehouse/alerts/incidents.ts';
import type { Db } from '../../warehouse/database.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { checkAlertRules, type RaisedAlert } from './check-alert-rules.ts';
import { checkNegativeSpike, type SpikeCheck } from './check-negative-spike.ts';

export interface AlertChecks {
  spike: SpikeCheck;
  alerts: RaisedAlert[];
}

/** Every alert rule for one community at `now`: the negative spike, then the others, grouped into incidents. */
export async function checkAlerts(db: Db, config: Pick<Config, 'alerts' | 'timezone' | 'satisfaction' | 'working_time'>, communityId: string, now = new Date(), version = scorerVersion()): Promise<AlertChecks> {
  const spike = await checkNegativeSpike(db, config, communityId, now, version);
  const link = spike.alert_id === null ? null : await incidentLinkOf(db, communityId, spike.alert_id);
  if (spike.alert_id !== null && link) await attachToIncident(db, spike.alert_id, link, config.alerts.incidents.window_hours);
  const alerts = await checkAlertRules(db, config, communityId, now, version);
  return { spike, alerts };
}
