import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { AlertGrade } from '../schema.ts';

export interface IncidentLink {
  community_id: string;
  rule: string;
  title: string;
  grade: AlertGrade;
  opened_at: Date;
  clause_ids: readonly string[];
  source_ids: readonly string[];
}

const ORDER = sql<AlertGrade>`(array['blue', 'yellow', 'orange', 'red'])`;

/**
 * Puts a new alert into the incident it belongs to: the latest one of its community whose last alert
 * is within the window and that shares a clause, rule or source with it; otherwise a new incident.
 * The incident keeps the highest grade of its alerts. Returns the incident id.
 */
export async function attachToIncident(db: Db, alertId: number, link: IncidentLink, windowHours: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const since = new Date(link.opened_at.getTime() - windowHours * 3_600_000);
    const clauses = sql`${[...link.clause_ids]}::text[]`;
    const sources = sql`${[...link.source_ids]}::text[]`;
    const match = await trx
      .selectFrom('incidents')
      .select('id')
      .where('community_id', '=', link.community_id)
      .where('last_alert_at', '>=', since)
      .where(sql<boolean>`(${link.rule} = any(rules) or clause_ids && ${clauses} or source_ids && ${sources})`)
      .orderBy('last_alert_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    let incidentId: number;
    if (match) {
      incidentId = Number(match.id);
      await trx
        .updateTable('incidents')
        .set({
          last_alert_at: sql<Date>`greatest(last_alert_at, ${link.opened_at}::timestamptz)`,
          grade: sql<AlertGrade>`${ORDER}[greatest(array_position(${ORDER}, grade), array_position(${ORDER}, ${link.grade}::text))]`,
          rules: sql<string[]>`array(select distinct unnest(rules || array[${link.rule}]::text[]) order by 1)`,
          clause_ids: sql<string[]>`array(select distinct unnest(clause_ids || ${clauses}) order by 1)`,
          source_ids: sql<string[]>`array(select distinct unnest(source_ids || ${sources}) order by 1)`,
          alert_count: sql<number>`alert_count + 1`,
        })
        .where('community_id', '=', link.community_id)
        .where('id', '=', incidentId)
        .execute();
    } else {
      const row = await trx
        .insertInto('incidents')
        .values({
          community_id: link.community_id,
          title: link.title,
          grade: link.grade,
          opened_at: link.opened_at,
          last_alert_at: link.opened_at,
          rules: [link.rule],
          clause_ids: [...new Set(link.clause_ids)].sort(),
          source_ids: [...new Set(link.source_ids)].sort(),
          alert_count: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      incidentId = Number(row.id);
    }
    await trx.updateTable('alerts').set({ incident_id: incidentId }).where('community_id', '=', link.community_id).where('id', '=', alertId).execute();
    return incidentId;
  });
}

/** How often a rule fired for a community since a time: the persistence that raises a grade. */
export async function firingsSince(db: Db, communityId: string, rule: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('community_id', '=', communityId)
    .where('rule', '=', rule)
    .where('opened_at', '>=', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The grouping facts of a stored alert, read from its drivers' clauses and sources. */
export async function incidentLinkOf(db: Db, communityId: string, alertId: number): Promise<IncidentLink | null> {
  const row = await db
    .selectFrom('alerts')
    .select(['rule', 'title', 'grade', 'opened_at', 'drivers'])
    .where('community_id', '=', communityId)
    .where('id', '=', alertId)
    .executeTakeFirst();
  if (!row) return null;
  const drivers = row.drivers as Record<string, unknown>;
  return {
    community_id: communityId,
    rule: row.rule,
    title: row.title,
    grade: row.grade,
    opened_at: new Date(row.opened_at),
    clause_ids: strings(drivers.clauses),
    source_ids: strings(drivers.sources),
  };
}
