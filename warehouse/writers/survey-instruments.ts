import { sql } from 'kysely';
import type { Instrument } from '../../config/instrument.ts';
import type { Db } from '../database.ts';

/** Stores the instrument a survey was imported with; importing again with a changed file replaces it. */
export async function upsertSurveyInstrument(db: Db, instrument: Instrument): Promise<void> {
  await db
    .insertInto('survey_instruments')
    .values({ id: instrument.id, community_id: instrument.community, definition: JSON.stringify(instrument), updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        community_id: (eb) => eb.ref('excluded.community_id'),
        definition: (eb) => eb.ref('excluded.definition'),
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}
