import type { Db } from '../../warehouse/database.ts';
import { emptyStats, finishCollectorRun, startCollectorRun } from '../../warehouse/writers/collector-runs.ts';
import { insertRejects } from '../../warehouse/writers/rejects.ts';
import { markSourceSucceeded } from '../../warehouse/writers/sources.ts';
import type { NewReject } from '../../warehouse/schema.ts';
import type { ImportSummary } from './import-summary.ts';
import { redactPersonalData } from './privacy.ts';

export type Reject = Omit<NewReject, 'source_id' | 'run_id'>;

/** Counts what a run reads, keeps its rejects, and records the run's end in collector_runs. */
export interface RunRecorder {
  readonly runId: number;
  readonly stats: { read: number; new: number; duplicate: number; updated?: number; rejected: number };
  /** Rejects one input record; several problems with it may be given, each stored with its field. */
  reject(...problems: Reject[]): Promise<void>;
  finish(error?: string): Promise<ImportSummary>;
}

export async function startRun(db: Db, sourceId: string): Promise<RunRecorder> {
  const runId = await startCollectorRun(db, sourceId);
  const stats = emptyStats();
  const pending: NewReject[] = [];
  const flush = () => insertRejects(db, pending.splice(0));
  return {
    runId,
    stats,
    async reject(...problems) {
      stats.rejected++;
      // A rejected cell can be anything a person typed, so it is redacted like stored text.
      pending.push(
        ...problems.map((problem) => ({
          ...problem,
          value: problem.value == null ? null : redactPersonalData(problem.value),
          reason: redactPersonalData(problem.reason),
          source_id: sourceId,
          run_id: runId,
        })),
      );
      if (pending.length >= 200) await flush();
    },
    async finish(error) {
      await flush();
      const status = error ? 'failed' : stats.rejected > 0 ? 'partial' : 'ok';
      const finishedAt = new Date();
      await finishCollectorRun(db, runId, { status, stats, error, finishedAt });
      if (status !== 'failed') await markSourceSucceeded(db, sourceId, finishedAt);
      return { source_id: sourceId, run_id: runId, ...stats, ...(error ? { error } : {}) };
    },
  };
}
