import type { Clause } from '../../config/clauses.ts';
import type { Config } from '../../config/schema.ts';
import type { Db } from '../../warehouse/database.ts';
import { checkNegativeSpike, type SpikeCheck } from './check-negative-spike.ts';
import { rollUp } from './roll-up.ts';
import { scoreRecords, type ScoreOutcome } from './score-records.ts';

export interface PipelineOutcome {
  scored: ScoreOutcome;
  rollup_rows: number;
  spike_checks: SpikeCheck[];
}

/** Score what is new, rebuild the rollups, and evaluate the alert rules for every community. */
export async function runPipeline(
  db: Db,
  config: Config,
  clauses: readonly Clause[],
  options: { now?: Date; rollupDays?: number } = {},
): Promise<PipelineOutcome> {
  const scored = await scoreRecords(db, clauses);
  const rollup_rows = await rollUp(db, config, { ...(options.rollupDays !== undefined ? { days: options.rollupDays } : {}), ...(options.now ? { now: options.now } : {}) });
  const spike_checks: SpikeCheck[] = [];
  for (const community of config.communities) spike_checks.push(await checkNegativeSpike(db, config, community.id, options.now));
  return { scored, rollup_rows, spike_checks };
}
