import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// A 差评 re-rated good closes its item; a resident who then rates it 差评 again has taken the good
// verdict back, and the 差评 needs a fresh rectification. The origin key allowed one item per rating,
// so that 差评 got none. Items now have a round (1, then 2 after a closure by re-rating, …) in the
// key, and say why they were closed, so an item closed by re-rating no longer covers its origin
// while one closed after the follow-up still does.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table rectifications add column round integer not null default 1 check (round >= 1)`.execute(db);
  await sql`
    alter table rectifications add column closed_reason text
      check (closed_reason in ('followed-up', 're-rated'))`.execute(db);
  // Closures by re-rating before now are known by their audit entry (reason re-rated) and their
  // note, written by the import or collector; every other closed item was closed by staff after
  // the follow-up, the only other way to close one.
  await sql`
    update rectifications r
       set closed_reason = case
             when exists (select 1 from audit_log a
                           where a.action = 'rectification.close' and a.details ->> 'reason' = 're-rated'
                             and a.target = 'rectification:' || r.community_id || '/' || r.id)
               or exists (select 1 from jsonb_array_elements(r.notes) n
                           where n ->> 'text' like 'close: resident re-rated:%'
                             and (n ->> 'user' like 'import:%' or n ->> 'user' like 'collector:%'))
             then 're-rated' else 'followed-up' end
     where status = 'closed'`.execute(db);
  // The origin key of T1500 was left unnamed: find the name PostgreSQL gave it.
  const key = await sql<{ name: string }>`
    select conname as name from pg_constraint
     where conrelid = 'rectifications'::regclass and contype = 'u'`.execute(db);
  for (const { name } of key.rows) await sql`alter table rectifications drop constraint ${sql.id(name)}`.execute(db);
  await sql`
    alter table rectifications add constraint rectifications_origin_round_key
      unique (community_id, origin_kind, origin_id, origin_ref, round)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // One item per origin again: later rounds have no place, and deleting them would lose their history.
  const later = await sql<{ n: number }>`select count(*)::int as n from rectifications where round > 1`.execute(db);
  const n = later.rows[0]?.n ?? 0;
  if (n > 0) {
    throw new Error(`rectifications: ${n} item(s) of a second or later round (round > 1); delete or archive them before reverting 2026-12-02T0000-rectification-rounds`);
  }
  await sql`alter table rectifications drop constraint rectifications_origin_round_key`.execute(db);
  await sql`alter table rectifications add unique (community_id, origin_kind, origin_id, origin_ref)`.execute(db);
  await sql`alter table rectifications drop column closed_reason`.execute(db);
  await sql`alter table rectifications drop column round`.execute(db);
}
