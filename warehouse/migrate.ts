import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Db } from './database.ts';
import * as init from './migrations/2026-11-30T0000-init.ts';
import * as crawler from './migrations/2026-11-30T0100-crawler.ts';
import * as storyBands from './migrations/2026-11-30T0200-story-bands.ts';
import * as surveyInstruments from './migrations/2026-11-30T1100-survey-instruments.ts';
import * as sourceCursors from './migrations/2026-11-30T1200-source-cursors.ts';
import * as ticketKpis from './migrations/2026-11-30T1300-ticket-kpis.ts';
import * as notifications from './migrations/2026-11-30T1400-notifications.ts';
import * as rectifications from './migrations/2026-11-30T1500-rectifications.ts';
import * as incidents from './migrations/2026-11-30T1600-incidents.ts';
import * as surveyAnswerArrays from './migrations/2026-11-30T1700-survey-answer-arrays.ts';
import * as surveyResponseSourceKey from './migrations/2026-11-30T1800-survey-response-source-key.ts';
import * as surveyRatingScans from './migrations/2026-11-30T1900-survey-rating-scans.ts';
import * as loginThrottle from './migrations/2026-11-30T2100-login-throttle.ts';
import * as rectificationRounds from './migrations/2026-12-02T0000-rectification-rounds.ts';

/** The static list of migrations, oldest first. */
const migrations: Record<string, Migration> = {
  '2026-11-30T0000-init': init,
  '2026-11-30T0100-crawler': crawler,
  '2026-11-30T0200-story-bands': storyBands,
  '2026-11-30T1100-survey-instruments': surveyInstruments,
  '2026-11-30T1200-source-cursors': sourceCursors,
  '2026-11-30T1300-ticket-kpis': ticketKpis,
  '2026-11-30T1400-notifications': notifications,
  '2026-11-30T1500-rectifications': rectifications,
  '2026-11-30T1600-incidents': incidents,
  '2026-11-30T1700-survey-answer-arrays': surveyAnswerArrays,
  '2026-11-30T1800-survey-response-source-key': surveyResponseSourceKey,
  '2026-11-30T1900-survey-rating-scans': surveyRatingScans,
  '2026-11-30T2100-login-throttle': loginThrottle,
  '2026-12-02T0000-rectification-rounds': rectificationRounds,
};

/** Every migration's name, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function check(result: MigrationResultSet): string[] {
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

// Kysely looks for its bookkeeping tables in any schema unless told which, so a database holding
// several talentpulse schemas (tests, or TALENTPULSE_DB_SCHEMA) would find another schema's tables.
async function migrator(db: Db): Promise<Migrator> {
  const schema = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  const migrationTableSchema = schema.rows[0]?.name;
  return new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

/** Brings the schema to the newest migration; returns what was applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return check(await (await migrator(db)).migrateToLatest());
}

export async function migrateDown(db: Db): Promise<string[]> {
  return check(await (await migrator(db)).migrateDown());
}
