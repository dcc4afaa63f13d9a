import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { AlertGrade, AlertStatus } from '../schema.ts';

export interface IncidentItem {
  community_id: string;
  id: number;
  title: string;
  grade: AlertGrade;
  opened_at: Date;
  last_alert_at: Date;
  rules: string[];
  clause_ids: string[];
  source_ids: string[];
  /** Open while any of its alerts is not resolved. */
  open: boolean;
  alerts: Array<{ id: number; rule: string; grade: AlertGrade; status: AlertStatus; title: string; opened_at: Date }>;
}

/** Incidents with their alerts, open ones first, then the newest activity. */
export async function incidentsList(db: Db, options: { communityId?: string | undefined; limit?: number } = {}): Promise<IncidentItem[]> {
  let query = db
    .selectFrom('incidents as i')
    .select([
      'i.community_id',
      'i.id',
      'i.title',
      'i.grade',
      'i.opened_at',
      'i.last_alert_at',
      'i.rules',
      'i.clause_ids',
      'i.source_ids',
      sql<IncidentItem['alerts']>`coalesce((
        select json_agg(json_build_object('id', a.id, 'rule', a.rule, 'grade', a.grade, 'status', a.status, 'title', a.title, 'opened_at', a.opened_at) order by a.opened_at)
          from alerts a where a.community_id = i.community_id and a.incident_id = i.id), '[]'::json)`.as('alerts'),
    ])
    .orderBy('i.last_alert_at', 'desc')
    .limit(Math.min(500, options.limit ?? 100));
  if (options.communityId !== undefined) query = query.where('i.community_id', '=', options.communityId);
  const rows = await query.execute();
  const items = rows.map((row) => ({
    ...row,
    id: Number(row.id),
    alerts: row.alerts.map((a) => ({ ...a, id: Number(a.id), opened_at: new Date(a.opened_at) })),
    open: row.alerts.some((a) => a.status !== 'resolved'),
  }));
  return [...items.filter((i) => i.open), ...items.filter((i) => !i.open)];
}
