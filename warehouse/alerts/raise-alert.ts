import type { Db } from '../database.ts';
import type { AlertGrade } from '../schema.ts';

export interface NewAlert {
  community_id: string;
  rule: string;
  dedupe_key: string;
  grade: AlertGrade;
  title: string;
  drivers: Record<string, unknown>;
  opened_at: Date;
}

/** Opens an alert unless one with the same rule and key exists; returns its id when new. */
export async function raiseAlert(db: Db, alert: NewAlert): Promise<number | null> {
  const row = await db
    .insertInto('alerts')
    .values({ ...alert, status: 'open', drivers: JSON.stringify(alert.drivers), notes: '[]' })
    .onConflict((oc) => oc.columns(['community_id', 'rule', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** When this rule last opened an alert for the community, for cool-down. */
export async function lastAlertAt(db: Db, communityId: string, rule: string): Promise<Date | null> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('opened_at').as('last'))
    .where('community_id', '=', communityId)
    .where('rule', '=', rule)
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : null;
}

/** When this rule last opened an alert whose key starts with the prefix (e.g. one watch-list term). */
export async function lastAlertWithKeyPrefix(db: Db, communityId: string, rule: string, prefix: string): Promise<Date | null> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('opened_at').as('last'))
    .where('community_id', '=', communityId)
    .where('rule', '=', rule)
    .where((eb) => eb.fn('left', ['dedupe_key', eb.val(prefix.length)]), '=', prefix)
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : null;
}
