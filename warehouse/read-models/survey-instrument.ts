import { instrumentSchema, type Instrument } from '../../config/instrument.ts';
import { validate } from '../../config/yaml-file.ts';
import type { Db } from '../database.ts';

export interface StoredInstrument {
  instrument: Instrument;
  updated_at: Date;
}

export class UnknownInstrumentError extends Error {
  override name = 'UnknownInstrumentError';
}

/** The instrument a survey was last imported with; fails naming the id and the instruments known. */
export async function storedInstrument(db: Db, id: string): Promise<StoredInstrument> {
  const row = await db.selectFrom('survey_instruments').select(['definition', 'updated_at']).where('id', '=', id).executeTakeFirst();
  if (!row) {
    const known = await db.selectFrom('survey_instruments').select('id').orderBy('id').execute();
    const list = known.map((k) => k.id).join(', ') || 'none — import a survey first';
    throw new UnknownInstrumentError(`instrument "${id}" has not been imported (known: ${list})`);
  }
  // Re-validated: a definition stored by an older version fails here with the key at fault.
  return { instrument: validate(`stored instrument "${id}"`, instrumentSchema, row.definition), updated_at: row.updated_at };
}

/** Every imported instrument, by id; a definition that no longer validates fails naming its id. */
export async function storedInstruments(db: Db): Promise<(StoredInstrument & { id: string })[]> {
  const rows = await db.selectFrom('survey_instruments').select(['id', 'definition', 'updated_at']).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, instrument: validate(`stored instrument "${row.id}"`, instrumentSchema, row.definition), updated_at: row.updated_at }));
}
