import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentSources } from '../../warehouse/read-models/silent-sources.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource, markSourceProducedNew, updateSourceSettings } from '../../warehouse/writers/sources.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const now = new Date('2026-03-04T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe.each(drivers)('silentSources on $name', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await driver.open();
  });
  afterEach(() => database.close());

  it('lists enabled sources quiet for longer than expected, or never heard from since configured, longest first', async () => {
    const { db } = database;
    await ensureCommunity(db, { id: 'c' });
    const source = async (id: string, expected: number | null, lastNewMinutesAgo: number | null, enabled = true) => {
      await ensureSource(db, { id, kind: 'mentions', community_id: 'c', name: id, location: `https://example.org/${id}`, reach: 1 });
      await sql`update sources set created_at = ${minutesAgo(10_000)} where id = ${id}`.execute(db);
      await updateSourceSettings(db, id, { enabled, expected_interval_minutes: expected });
      if (lastNewMinutesAgo !== null) await markSourceProducedNew(db, id, minutesAgo(lastNewMinutesAgo));
    };
    await source('fresh', 60, 30);
    await source('quiet', 60, 90);
    await source('very-quiet', 1440, 3000);
    await source('never', 60, null);
    await source('no-expectation', null, 5000);
    await source('disabled', 60, 5000, false);

    const silent = await silentSources(db, now);
    expect(silent.map((s) => [s.source_id, s.silent_minutes])).toEqual([
      ['never', 10_000],
      ['very-quiet', 3000],
      ['quiet', 90],
    ]);
    expect(silent[0]).toMatchObject({ last_new_at: null, expected_interval_minutes: 60, community_id: 'c', location: 'https://example.org/never' });
    expect(silent[2]?.last_new_at?.toISOString()).toBe(minutesAgo(90).toISOString());
  });
});
