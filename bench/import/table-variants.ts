import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** One way of storing the bench's rows: the table it builds (as `t`), and how the rows go in. */
export interface TableVariant {
  name: string;
  about: string;
  setup: string[];
  run(client: pg.Client, rows: StagedRows): Promise<unknown>;
}

export const COLUMNS = 'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, answer_questions, answer_clauses, answer_raw_values, answer_scores';
const KEY = 'community_id, instrument_id, response_key';
// survey_responses as migrated, with its foreign key (LIKE copies everything else).
const FULL = ['create table t (like survey_responses including all)', 'alter table t add foreign key (source_id, community_id) references sources (id, community_id)'];
const insert = (conflict = true, columns = COLUMNS, select = COLUMNS) => (client: pg.Client) =>
  client.query(`insert into t (${columns}) select ${select} from stage${conflict ? ` on conflict (${KEY}) do nothing` : ''}`);
const constraintOf = (kind: string, like: string) => `(select conname from pg_constraint where conrelid = 't'::regclass and contype = '${kind}' and conname like '${like}')`;
// LIKE names the copied constraints and indexes after t; find them by what they are.
const dropConstraint = (kind: string, like: string) =>
  `do $$ begin execute format('alter table t drop constraint %I', ${constraintOf(kind, like)}); end $$`;
const dropIndexOn = (columns: string) =>
  `do $$ begin execute format('drop index %I', (select indexrelid::regclass::text from pg_index where indrelid = 't'::regclass and not indisunique and pg_get_indexdef(indexrelid) like '%(${columns})%')); end $$`;

/** The bench's rows in the importer's batches of 10,000. */
export interface StagedRows {
  /** Each batch in binary COPY format (COLUMNS). */
  batches: readonly Buffer[];
  /** The same without answer_questions and answer_clauses. */
  narrow: readonly Buffer[];
  /** Each batch's response keys. */
  keys: readonly string[][];
}

/** A query's rows in binary COPY format. */
export async function copyOutBinary(client: pg.Client, query: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = client.query(copyTo(`copy (${query}) to stdout with (format binary)`));
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(stream, 'end');
  return Buffer.concat(chunks);
}

async function copyIn(client: pg.Client, target: string, rows: Buffer, columns = COLUMNS): Promise<void> {
  const stream = client.query(copyFrom(`copy ${target} (${columns}) from stdin with (format binary)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  stream.end(rows);
  await done;
}

/** The importer's way: per batch, COPY into a temporary table, then INSERT … ON CONFLICT from it. */
async function viaStaging(client: pg.Client, { batches }: StagedRows): Promise<void> {
  for (const rows of batches) {
    await client.query('begin');
    await client.query(`create temporary table s on commit drop as select ${COLUMNS} from t with no data`);
    await copyIn(client, 's', rows);
    await client.query(`insert into t (${COLUMNS}) select ${COLUMNS} from s on conflict (${KEY}) do nothing`);
    await client.query('commit');
  }
}

/** Per batch, COPY straight into the keyed table (what a batch whose keys are all new could do). */
async function direct(client: pg.Client, { batches }: StagedRows): Promise<void> {
  for (const rows of batches) {
    await client.query('begin');
    await copyIn(client, 't', rows);
    await client.query('commit');
  }
}

/** Per batch, ask which keys are stored already (one query), then COPY straight into the keyed table. */
async function probeThenDirect(client: pg.Client, { batches, keys }: StagedRows): Promise<void> {
  for (const [i, rows] of batches.entries()) {
    await client.query('begin');
    await client.query(`select response_key from t where community_id = $1 and instrument_id = $2 and response_key = any($3::text[])`, ['bench', 'bench-survey', keys[i]]);
    await copyIn(client, 't', rows);
    await client.query('commit');
  }
}

const NARROW = COLUMNS.replace('answer_questions, answer_clauses, ', '');
async function probeThenDirectNarrow(client: pg.Client, { narrow, keys }: StagedRows): Promise<void> {
  for (const [i, rows] of narrow.entries()) {
    await client.query('begin');
    await client.query(`select response_key from t where community_id = $1 and instrument_id = $2 and response_key = any($3::text[])`, ['bench', 'bench-survey', keys[i]]);
    await copyIn(client, 't', rows, NARROW);
    await client.query('commit');
  }
}

export const variants: TableVariant[] = [
  { name: 'full', about: 'survey_responses as it is: INSERT … SELECT … ON CONFLICT DO NOTHING', setup: FULL, run: insert() },
  { name: 'no-on-conflict', about: 'the same, a plain INSERT (the unique index still checked)', setup: FULL, run: insert(false) },
  { name: 'no-fk', about: 'without the foreign key (source, community) → sources', setup: [FULL[0] as string], run: insert() },
  { name: 'no-check-parallel', about: 'without the CHECK that the four arrays have one length', setup: [...FULL, dropConstraint('c', '%parallel%')], run: insert() },
  { name: 'no-check-range', about: 'without the CHECK that scores are 0–100', setup: [...FULL, dropConstraint('c', '%range%')], run: insert() },
  { name: 'no-stored-idx', about: 'without the index (instrument_id, created_at)', setup: [...FULL, dropIndexOn('instrument_id, created_at')], run: insert() },
  { name: 'no-time-idx', about: 'without the index (community_id, submitted_at)', setup: [...FULL, dropIndexOn('community_id, submitted_at')], run: insert() },
  { name: 'no-unique', about: 'without UNIQUE (community, instrument, key): plain INSERT, no dedup', setup: [...FULL, dropConstraint('u', '%')], run: insert(false) },
  { name: 'no-pk', about: 'without PRIMARY KEY (community_id, id)', setup: [...FULL, dropConstraint('p', '%')], run: insert() },
  {
    name: 'no-identity',
    about: 'id given (from the staged rows) instead of drawn from the identity sequence',
    setup: [...FULL, 'alter table t alter column id drop identity'],
    run: insert(true, `id, ${COLUMNS}`, `id, ${COLUMNS}`),
  },
  {
    name: 'no-question-arrays',
    about: 'answer_questions and answer_clauses once per layout (an int column) instead of per row',
    setup: [
      ...FULL,
      dropConstraint('c', '%parallel%'),
      'alter table t drop column answer_questions, drop column answer_clauses, add column layout_id integer not null, add check (cardinality(answer_raw_values) = cardinality(answer_scores))',
    ],
    run: insert(true, 'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, layout_id, answer_raw_values, answer_scores', 'community_id, instrument_id, response_key, submitted_at, segments, source_id, source_row, 1, answer_raw_values, answer_scores'),
  },
  {
    name: 'key-bytea',
    about: 'response_key as the 8 raw bytes of the digest (bytea) instead of "p:" + 16 hex',
    setup: [...FULL, 'alter table t alter column response_key type bytea using response_key::bytea'],
    run: insert(true, COLUMNS, COLUMNS.replace('response_key', 'key_bytes')),
  },
  { name: 'path-staging', about: 'full table, the importer\'s path: 10 × (COPY binary into a temp table, INSERT ON CONFLICT)', setup: FULL, run: viaStaging },
  { name: 'path-direct', about: 'full table, 10 × COPY binary straight into it', setup: FULL, run: direct },
  { name: 'path-probe-direct', about: 'full table, 10 × (SELECT the batch\'s stored keys, COPY binary straight into it)', setup: FULL, run: probeThenDirect },
  {
    name: 'path-probe-narrow',
    about: 'the same, answer_questions and answer_clauses once per layout (not sent, not stored)',
    setup: [...FULL, dropConstraint('c', '%parallel%'), 'alter table t drop column answer_questions, drop column answer_clauses, add column layout_id integer not null default 1'],
    run: probeThenDirectNarrow,
  },
  { name: 'identity-cache', about: 'the identity sequence with CACHE 1000 (each session takes ids in blocks)', setup: [...FULL, 'alter table t alter column id set cache 1000'], run: insert() },
  {
    name: 'stored-brin',
    about: 'BRIN (created_at) instead of the btree (instrument_id, created_at)',
    setup: [...FULL, dropIndexOn('instrument_id, created_at'), 'create index on t using brin (created_at)'],
    run: insert(),
  },
  {
    name: 'fk-as-trigger',
    about: 'the foreign key as a statement trigger over the inserted rows (inserts only: deletes of sources unchecked here)',
    setup: [
      FULL[0] as string,
      `create or replace function pg_temp.t_sources_check() returns trigger language plpgsql as $$
       begin
         perform 1 from sources s join (select distinct source_id, community_id from inserted) i on s.id = i.source_id and s.community_id = i.community_id for key share of s;
         if exists (select 1 from (select distinct source_id, community_id from inserted) i where not exists (select 1 from sources s where s.id = i.source_id and s.community_id = i.community_id)) then
           raise foreign_key_violation using message = 'survey_responses: a source of another community';
         end if;
         return null;
       end $$`,
      'create trigger t_sources after insert on t referencing new table as inserted for each statement execute function pg_temp.t_sources_check()',
    ],
    run: insert(),
  },
  { name: 'path-direct-bare', about: 'bare table, 10 × COPY binary straight into it', setup: [`create table t as select ${COLUMNS}, now() as created_at from stage with no data`], run: direct },
  {
    name: 'bare',
    about: 'no keys, indexes, checks, foreign key or identity: plain INSERT',
    setup: [`create table t as select ${COLUMNS}, now() as created_at from stage with no data`],
    run: insert(false),
  },
];
