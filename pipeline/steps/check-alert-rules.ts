import type { Config } from '../../config/schema.ts';
import { attachToIncident, firingsSince } from '../../warehouse/alerts/incidents.ts';
import { raiseAlert } from '../../warehouse/alerts/raise-alert.ts';
import type { Db } from '../../warehouse/database.ts';
import { gradeAlert } from '../scoring/alert-grade.ts';
import type { AlertGrade } from '../scoring/spike.ts';
import { collectorSilent } from './rules/collector-silent.ts';
import { complaintSurge } from './rules/complaint-surge.ts';
import { highReachNegative } from './rules/high-reach-negative.ts';
import { negativeShare } from './rules/negative-share.ts';
import { overdueRectification } from './rules/overdue-rectification.ts';
import { satisfactionDrop } from './rules/satisfaction-drop.ts';
import { slaBacklog } from './rules/sla-backlog.ts';
import type { AlertRule } from './rules/rule-types.ts';
import { watchList } from './rules/watch-list.ts';

/** Every rule besides the negative-mention spike, which keeps its own step. */
export const ALERT_RULES: readonly AlertRule[] = [highReachNegative, watchList, negativeShare, complaintSurge, overdueRectification, slaBacklog, satisfactionDrop, collectorSilent];

export interface RaisedAlert {
  rule: string;
  dedupe_key: string;
  grade: AlertGrade;
  /** Null when the alert existed already (a re-run). */
  alert_id: number | null;
  incident_id: number | null;
}

const DAY = 86_400_000;

/**
 * Runs the alert rules for a community at `now`, grades what they find (deviation, reach, clause,
 * persistence), raises each alert once, and groups new alerts into incidents.
 */
export async function checkAlertRules(
  db: Db,
  config: Pick<Config, 'alerts' | 'timezone' | 'satisfaction' | 'working_time'>,
  communityId: string,
  now: Date,
  version: string,
  rules: readonly AlertRule[] = ALERT_RULES,
): Promise<RaisedAlert[]> {
  const raised: RaisedAlert[] = [];
  for (const rule of rules) {
    for (const candidate of await rule({ db, config, communityId, now, version })) {
      const firings = (await firingsSince(db, communityId, candidate.rule, new Date(now.getTime() - DAY))) + 1;
      const graded = gradeAlert({ base: candidate.base_grade, reach: candidate.reach, clauses: candidate.clause_ids, firings }, config.alerts.grading);
      const alertId = await raiseAlert(db, {
        community_id: communityId,
        rule: candidate.rule,
        dedupe_key: candidate.dedupe_key,
        grade: graded.grade,
        title: candidate.title,
        opened_at: now,
        drivers: { ...candidate.drivers, grading: { base: candidate.base_grade, reasons: graded.reasons } },
      });
      const incidentId =
        alertId === null
          ? null
          : await attachToIncident(
              db,
              alertId,
              { community_id: communityId, rule: candidate.rule, title: candidate.title, grade: graded.grade, opened_at: now, clause_ids: candidate.clause_ids, source_ids: candidate.source_ids },
              config.alerts.incidents.window_hours,
            );
      raised.push({ rule: candidate.rule, dedupe_key: candidate.dedupe_key, grade: graded.grade, alert_id: alertId, incident_id: incidentId });
    }
  }
  return raised;
}
