import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSurvey } from '../collectors/survey/import-survey.ts';
import { instrumentSchema } from '../config/instrument.ts';
import { configSchema } from '../config/schema.ts';
import { workingCalendarOf } from '../config/working-time.ts';
import { openRectifications } from '../pipeline/steps/open-rectifications.ts';
import { createDb } from '../warehouse/database.ts';
import { migrateToLatest } from '../warehouse/migrate.ts';
import { benchInstrument, writeSurveyFile } from './import/survey-file.ts';

const responses = Number(process.env.BENCH_RESPONSES ?? 100_000);
const file = join(tmpdir(), `rect-probe-${responses}.csv`);
await writeSurveyFile(file, responses);
const base = benchInstrument('bench-hcp');
const instrument = instrumentSchema.parse({ ...base, questions: base.questions.map((q) => (q.id === 'q1' ? { ...q, scale: { type: 'haochaping', labels: { 一般: 3 }, dont_know: ['不知道'] } } : q)) });
const url = process.env.DATABASE_URL;
const schema = `bench_rect_${randomBytes(4).toString('hex')}`;
const db = await createDb(url ? { url, schema } : { dataDir: 'memory://' });
const config = configSchema.parse({ communities: [{ id: 'bench', name_zh: 'b', name_en: 'b' }] });
const calendar = workingCalendarOf(config);
try {
  await migrateToLatest(db);
  let t = performance.now();
  const s = await importSurvey(db, { file, instrument: instrument as never, pseudonymKey: 'k' });
  console.log('import', s.new, ((performance.now() - t) / 1000).toFixed(1), 's');
  t = performance.now();
  console.log('pass1', await openRectifications(db, config, calendar), ((performance.now() - t) / 1000).toFixed(2), 's');
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    console.log('pass', await openRectifications(db, config, calendar), ((performance.now() - t) / 1000).toFixed(3), 's');
  }
} finally {
  if (url) await (await import('kysely')).sql.raw(`drop schema ${schema} cascade`).execute(db);
  await db.destroy();
}
