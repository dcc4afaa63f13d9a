import type { Db } from '../database.ts';

export interface RunReject {
  location: string;
  row: number | null;
  field: string | null;
  value: string | null;
  reason: string;
}

/** What one import or collection run refused, in file order, for the operator to fix. */
export async function rejectsOfRun(db: Db, runId: number, limit = 100): Promise<RunReject[]> {
  return db
    .selectFrom('rejects')
    .select(['location', 'row', 'field', 'value', 'reason'])
    .where('run_id', '=', runId)
    .orderBy('row')
    .orderBy('id')
    .limit(limit)
    .execute();
}
