import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Responses of one instrument in one calendar month (local to the zone), 'YYYY-MM'. */
export interface SurveyMonth {
  instrument_id: string;
  month: string;
  responses: number;
}

/** For each instrument, the months that have responses and how many, so a dashboard can offer only periods with data. */
export async function surveyMonths(db: Db, timeZone: string): Promise<SurveyMonth[]> {
  // Grouped outside: the bound zone in both SELECT and GROUP BY would be two different expressions.
  const local = db
    .selectFrom('survey_responses')
    .select(['instrument_id', sql<string>`to_char(submitted_at at time zone ${timeZone}, 'YYYY-MM')`.as('month')]);
  return db
    .selectFrom(local.as('x'))
    .select(['x.instrument_id', 'x.month', sql<number>`count(*)::int`.as('responses')])
    .groupBy(['x.instrument_id', 'x.month'])
    .orderBy('x.instrument_id')
    .orderBy('x.month')
    .execute();
}
