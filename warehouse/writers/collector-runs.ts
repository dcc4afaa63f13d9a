import type { Db } from '../database.ts';
import type { CollectorRunsTable, RunStats } from '../schema.ts';

export type RunStatus = Exclude<CollectorRunsTable['status'], 'running'>;

/** Opens a run as 'running', so a crash mid-run stays visible as a run that never finished. */
export async function startCollectorRun(db: Db, sourceId: string, startedAt: Date = new Date()): Promise<number> {
  const row = await db
    .insertInto('collector_runs')
    .values({ source_id: sourceId, started_at: startedAt, status: 'running', stats: JSON.stringify(emptyStats()) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishCollectorRun(
  db: Db,
  runId: number,
  outcome: { status: RunStatus; stats: RunStats; error?: string | undefined; finishedAt?: Date },
): Promise<void> {
  await db
    .updateTable('collector_runs')
    .set({
      status: outcome.status,
      stats: JSON.stringify(outcome.stats),
      error: outcome.error ?? null,
      finished_at: outcome.finishedAt ?? new Date(),
    })
    .where('id', '=', runId)
    .execute();
}

export function emptyStats(): RunStats {
  return { read: 0, new: 0, duplicate: 0, rejected: 0 };
}
