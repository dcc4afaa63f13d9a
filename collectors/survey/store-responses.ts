import type { Db } from '../../warehouse/database.ts';
import { insertSurveyResponse, type ResponseOutcome } from '../../warehouse/writers/survey-responses.ts';
import type { SurveyRow } from './json-response.ts';

/**
 * Stores responses with their answers in one transaction and says for each whether it was new,
 * stored before as it is, or stored before and changed (see insertSurveyResponses).
 * `alsoInTransaction` (an API cursor) commits with them, so it never runs ahead of what landed.
 */
export function storeSurveyRows(db: Db, rows: readonly SurveyRow[], alsoInTransaction?: (trx: Db) => Promise<void>): Promise<ResponseOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: ResponseOutcome[] = [];
    for (const row of rows) outcomes.push(await insertSurveyResponse(trx, row.response, row.answers));
    if (alsoInTransaction) await alsoInTransaction(trx);
    return outcomes;
  });
}
