import type { Insertable } from 'kysely';
import type { Db } from '../database.ts';
import type { SurveyAnswersTable, SurveyResponsesTable } from '../schema.ts';

export type NewSurveyResponse = Insertable<SurveyResponsesTable>;
export type NewSurveyAnswer = Omit<Insertable<SurveyAnswersTable>, 'community_id' | 'response_id'>;

/**
 * Stores one response and its answers unless a response with the same key was stored before
 * (community, instrument, response_key). Returns true when the response is new.
 * Call it inside a transaction so a response never lands without its answers.
 */
export async function insertSurveyResponse(db: Db, response: NewSurveyResponse, answers: readonly NewSurveyAnswer[]): Promise<boolean> {
  const inserted = await db
    .insertInto('survey_responses')
    .values(response)
    .onConflict((oc) => oc.columns(['community_id', 'instrument_id', 'response_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  if (answers.length > 0) {
    await db
      .insertInto('survey_answers')
      .values(answers.map((answer) => ({ ...answer, community_id: response.community_id, response_id: inserted.id })))
      .onConflict((oc) => oc.columns(['community_id', 'response_id', 'question_id']).doNothing())
      .execute();
  }
  return true;
}
