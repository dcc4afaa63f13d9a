import type { Clause } from '../../config/clauses.ts';
import type { Config } from '../../config/schema.ts';
import { workingCalendarOf } from '../../config/working-time.ts';
import type { Db } from '../../warehouse/database.ts';
import type { RaisedAlert } from './check-alert-rules.ts';
import { checkAlerts } from './check-alerts.ts';
import { openRectifications } from './open-rectifications.ts';
import type { SpikeCheck } from './check-negative-spike.ts';
import { rollUp } from './roll-up.ts';
import { scorerVersion } from '../scoring/scorer-version.ts';
import { rescoreRecords, scoreRecords, type RescoreOutcome } from './score-records.ts';

export interface PipelineOutcome {
  /** `dropped` counts the scores a re-score replaced (0 otherwise). */
  scored: RescoreOutcome;
  rollup_rows: number;
  spike_checks: SpikeCheck[];
  /** What the other alert rules found (re-runs included, with alert_id null). */
  alerts: RaisedAlert[];
  /** 差评 that got their rectification item in this run. */
  rectifications_opened: number;
}

export interface PipelineOptions {
  now?: Date;
  rollupDays?: number;
  /** Drop this version's scores and score all history again; the rollups are then rebuilt in full. */
  rescore?: boolean;
  /** The scorer version to write and read; the current scorer's by default. */
  version?: string;
}

/** Score what is new (or everything, re-scoring), rebuild the rollups, and evaluate the alert rules for every community. */
export async function runPipeline(db: Db, config: Config, clauses: readonly Clause[], options: PipelineOptions = {}): Promise<PipelineOutcome> {
  const version = options.version ?? scorerVersion();
  const scored = options.rescore ? await rescoreRecords(db, clauses, { version }) : { dropped: 0, ...(await scoreRecords(db, clauses, { version })) };
  const days = options.rescore ? undefined : options.rollupDays;
  const rollup_rows = await rollUp(db, config, { version, ...(days !== undefined ? { days } : {}), ...(options.now ? { now: options.now } : {}) });
  const spike_checks: SpikeCheck[] = [];
  // Before the alert rules, so an overdue rectification is seen the run it falls due.
  const { opened: rectifications_opened } = await openRectifications(db, config, workingCalendarOf(config));
  const alerts: RaisedAlert[] = [];
  const now = options.now ?? new Date();
  for (const community of config.communities) {
    const checks = await checkAlerts(db, config, community.id, now, version);
    spike_checks.push(checks.spike);
    alerts.push(...checks.alerts);
  }
  return { scored, rollup_rows, spike_checks, alerts, rectifications_opened };
}
