/**
 * `npm run bench:import-costs`: what each part of survey_responses costs PostgreSQL when the
 * importer stores 100,000 responses (BENCH_RESPONSES), feature by feature. The real importer stores
 * the generated export once; its rows become a plain table `stage`; then each round inserts them
 * (INSERT … SELECT, as the careful path does from its staging table) into a fresh copy of the keyed
 * table with one feature taken away, and into the full table, in a shuffled order, each after a
 * CHECKPOINT; the `path-` variants store them in 10,000-row batches the ways an importer could.
 * A feature's cost is the median over rounds of (full − without it) in the same round: paired,
 * since other work shares the machine. Server CPU (from /proc, so the database must run on this
 * machine) and wall time. BENCH_ROUNDS rounds (5); BENCH_VARIANTS=full,no-fk,… for some only.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSurvey } from '../collectors/survey/import-survey.ts';
import { createDb } from '../warehouse/database.ts';
import { migrateToLatest } from '../warehouse/migrate.ts';
import { copyClient } from './import/copy-reference.ts';
import { benchInstrument, writeSurveyFile } from './import/survey-file.ts';
import { COLUMNS, copyOutBinary, variants } from './import/table-variants.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const responses = Number(process.env.BENCH_RESPONSES ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const only = process.env.BENCH_VARIANTS?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-bench-costs-'));
const schema = `bench_costs_${randomBytes(4).toString('hex')}`;
const db = await createDb({ url, schema });
const client = await copyClient(url, schema);
const checkpoint = () => client.query('checkpoint').then(() => undefined, () => undefined);
// The server process's CPU seconds (user + system, from /proc): far steadier than wall time while
// other work shares the cores, though blind to waiting on disk (wall time shows that).
const backendCpu = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

try {
  await migrateToLatest(db);
  const file = join(dir, 'survey.csv');
  await writeSurveyFile(file, responses);
  await importSurvey(db, { file, instrument: benchInstrument('bench-survey'), pseudonymKey: 'bench-pseudonym-key' });
  await client.query(`create table stage as select *, decode(substr(response_key, 3), 'hex') as key_bytes from survey_responses`);
  await client.query(`analyze stage`);
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from stage`);
  const n = rows[0]?.n ?? 0;
  // The staged rows in binary COPY format, in the importer's batches of 10,000.
  const staged = { batches: [] as Buffer[], narrow: [] as Buffer[], keys: [] as string[][] };
  for (let from = 0; from < n; from += 10_000) {
    const batch = `from stage order by id offset ${from} limit 10000`;
    staged.batches.push(await copyOutBinary(client, `select ${COLUMNS} ${batch}`));
    staged.narrow.push(await copyOutBinary(client, `select ${COLUMNS.replace('answer_questions, answer_clauses, ', '')} ${batch}`));
    staged.keys.push((await client.query<{ k: string }>(`select response_key as k ${batch}`)).rows.map((row) => row.k));
  }
  const chosen = variants.filter((v) => !only || only.includes(v.name));
  const times = new Map<string, number[]>(chosen.map((v) => [v.name, []]));
  const cpu = new Map<string, number[]>(chosen.map((v) => [v.name, []]));
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
  for (let round = 0; round < rounds; round++) {
    const order = [...chosen].sort(() => Math.random() - 0.5);
    for (const variant of order) {
      await client.query('drop table if exists t');
      for (const statement of variant.setup) await client.query(statement);
      await checkpoint();
      const started = performance.now();
      const cpuBefore = backendCpu(pid);
      await variant.run(client, staged);
      times.get(variant.name)?.push((performance.now() - started) / 1000);
      cpu.get(variant.name)?.push(backendCpu(pid) - cpuBefore);
    }
    process.stderr.write(`round ${round + 1}/${rounds}\n`);
  }
  const cell = (series: Map<string, number[]>, name: string) => {
    const full = series.get('full') ?? [];
    const own = series.get(name) ?? [];
    const diff = full.length === own.length ? median(own.map((t, i) => (full[i] as number) - t)).toFixed(2) : '';
    return `${median(own).toFixed(2)} s ${diff.padStart(6)}`;
  };
  console.log(`${n.toLocaleString('en-US')} rows, ${rounds} rounds. Seconds per ${n.toLocaleString('en-US')} rows, median, then the feature's cost: full − this, median of same-round differences`);
  console.log(`${'variant'.padEnd(20)} ${'server CPU'.padEnd(14)} ${'wall'.padEnd(14)} what`);
  for (const variant of chosen) console.log(`${variant.name.padEnd(20)} ${cell(cpu, variant.name)} ${cell(times, variant.name)} ${variant.about}`);
} finally {
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
