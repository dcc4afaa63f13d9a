import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { AlertGrade, AlertNote, AlertStatus } from '../schema.ts';

export interface AlertItem {
  community_id: string;
  id: number;
  rule: string;
  grade: AlertGrade;
  status: AlertStatus;
  title: string;
  drivers: Record<string, unknown>;
  notes: AlertNote[];
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  incident_id: number | null;
  assignee: string | null;
  public_response: string | null;
  responded_at: Date | null;
  dismissed_at: Date | null;
  dismissed_by: string | null;
  dismiss_reason: string | null;
  escalation_level: number;
  escalated_at: Date | null;
}

/** The columns an AlertItem is read from. */
export const ALERT_ITEM_COLUMNS = [
  'community_id',
  'id',
  'rule',
  'grade',
  'status',
  'title',
  'drivers',
  'notes',
  'opened_at',
  'acknowledged_at',
  'acknowledged_by',
  'resolved_at',
  'resolved_by',
  'assignee',
  'public_response',
  'responded_at',
  'dismissed_at',
  'dismissed_by',
  'dismiss_reason',
  'escalation_level',
  'escalated_at',
  'incident_id',
] as const;

/** Statuses in which nothing more is expected of anyone. */
export const CLOSED_STATUSES: readonly AlertStatus[] = ['resolved', 'dismissed'];

export interface AlertsOptions {
  status?: AlertStatus | undefined;
  communityId?: string | undefined;
  limit?: number;
}

const GRADE_ORDER = sql<number>`case grade when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end`;

/** Alerts, unresolved first, then the most severe, then the newest. */
export async function alertsList(db: Db, options: AlertsOptions = {}): Promise<AlertItem[]> {
  let query = db
    .selectFrom('alerts')
    .select(ALERT_ITEM_COLUMNS)
    .orderBy(sql`status in ('resolved', 'dismissed')`)
    .orderBy(GRADE_ORDER)
    .orderBy('opened_at', 'desc')
    .limit(Math.min(500, options.limit ?? 200));
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);
  return (await query.execute()).map((row) => ({ ...row, incident_id: row.incident_id === null ? null : Number(row.incident_id) }));
}

/** Alerts not yet resolved or dismissed, per grade. */
export async function unresolvedAlertCounts(db: Db, communityId?: string): Promise<Record<AlertGrade, number>> {
  let query = db
    .selectFrom('alerts')
    .select(['grade', sql<number>`count(*)::int`.as('n')])
    .where('status', 'not in', CLOSED_STATUSES)
    .groupBy('grade');
  if (communityId !== undefined) query = query.where('community_id', '=', communityId);
  const counts: Record<AlertGrade, number> = { blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const row of await query.execute()) counts[row.grade] = row.n;
  return counts;
}
