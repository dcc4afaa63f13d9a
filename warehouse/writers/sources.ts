import type { Insertable } from 'kysely';
import type { Db } from '../database.ts';
import type { SourcesTable } from '../schema.ts';

export type SourceRow = Pick<Insertable<SourcesTable>, 'id' | 'kind' | 'community_id' | 'name' | 'location' | 'reach'>;

/** A source id already used for another kind of source or another community. */
export class SourceConflictError extends Error {
  override name = 'SourceConflictError';
}

/**
 * Creates the source, or refreshes its name, location and reach from the current configuration.
 * A source id cannot change kind or community: its collected rows would then lie about their origin.
 */
export async function ensureSource(db: Db, source: SourceRow): Promise<void> {
  const row = await db
    .insertInto('sources')
    .values({ ...source, enabled: true })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: source.name, location: source.location, reach: source.reach }))
    .returning(['kind', 'community_id'])
    .executeTakeFirstOrThrow();
  if (row.kind !== source.kind || row.community_id !== source.community_id) {
    throw new SourceConflictError(
      `source "${source.id}" is already a ${row.kind} source of community "${row.community_id}"; ` +
        `it cannot become a ${source.kind} source of "${source.community_id}" (give it another id)`,
    );
  }
}

export async function markSourceSucceeded(db: Db, sourceId: string, at: Date): Promise<void> {
  await db.updateTable('sources').set({ last_success_at: at }).where('id', '=', sourceId).execute();
}

/** Something new landed: the source is not silent. */
export async function markSourceProducedNew(db: Db, sourceId: string, at: Date): Promise<void> {
  await db.updateTable('sources').set({ last_new_at: at }).where('id', '=', sourceId).execute();
}

/** Settings that live in configuration but are needed by queries (silence, the enabled flag). */
export async function updateSourceSettings(db: Db, sourceId: string, settings: { enabled: boolean; expected_interval_minutes: number | null }): Promise<void> {
  await db.updateTable('sources').set(settings).where('id', '=', sourceId).execute();
}
