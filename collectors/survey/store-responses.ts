import type { Db } from '../../warehouse/database.ts';
import { insertSurveyResponse } from '../../warehouse/writers/survey-responses.ts';
import type { SurveyRow } from './json-response.ts';

/**
 * Stores responses with their answers in one transaction and says for each whether it was new.
 * `alsoInTransaction` (an API cursor) commits with them, so it never runs ahead of what landed.
 */
export function storeSurveyRows(db: Db, rows: readonly SurveyRow[], alsoInTransaction?: (trx: Db) => Promise<void>): Promise<boolean[]> {
  return db.transaction().execute(async (trx) => {
    const fresh: boolean[] = [];
    for (const row of rows) fresh.push(await insertSurveyResponse(trx, row.response, row.answers));
    if (alsoInTransaction) await alsoInTransaction(trx);
    return fresh;
  });
}
