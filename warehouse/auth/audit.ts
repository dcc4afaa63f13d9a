import type { Db } from '../database.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** Appends to the audit log; pass the transaction handle so the entry commits with the change it records. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor: entry.actor, action: entry.action, target: entry.target ?? null, details: JSON.stringify(entry.details ?? {}) })
    .execute();
}

export async function listAudit(db: Db, options: { target?: string; limit?: number } = {}): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit ?? 100);
  if (options.target !== undefined) query = query.where('target', '=', options.target);
  return query.execute();
}
