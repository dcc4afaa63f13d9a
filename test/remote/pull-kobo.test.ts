import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../collectors/http/fetcher.ts';
import { pullKobo } from '../../collectors/survey/pull-kobo.ts';
import { loadInstrument } from '../../config/instrument.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { koboSourceSchema } from '../../config/remote-source-schema.ts';
import { readSourceCursor, resetSourceCursor } from '../../warehouse/writers/source-cursors.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { type FakeKobo, startFakeKobo, type Submission } from './fake-kobo.ts';

const instrument = loadInstrument(resolve(import.meta.dirname, '../fixtures/remote/kobo-instrument.yaml'));
const fetcher = createFetcher({ timeoutMs: 2000, retries: 2, maxBodyBytes: 1 << 20, userAgent: 'talentpulse-test/1.0', hostDelayMs: 0, baseDelayMs: 5, robots: false });
const pseudonymKey = 'test-pseudonym-key';

function submission(id: number, time: string, visa: unknown, recommend: unknown = 8): Submission {
  return { _id: id, _uuid: `uuid-${id}`, _submission_time: time, 'group_about/lang': 'en', 'group_services/visa': visa, 'group_end/recommend': recommend };
}

let kobo: FakeKobo;
beforeAll(async () => {
  kobo = await startFakeKobo('good-token');
});
afterAll(() => kobo.close());

describe.each(drivers)('pullKobo on $name', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await driver.open();
  });
  afterAll(() => database.close());

  const source = (id: string, token = 'good-token') =>
    koboSourceSchema.parse({ id, instrument: 'unused.yaml', server: kobo.url, asset_uid: kobo.assetUid, token, page_size: 2 });
  const responsesOf = (sourceId: string) =>
    database.db.selectFrom('survey_responses').select(['source_row', 'submitted_at', 'response_key']).where('source_id', '=', sourceId).orderBy('source_row').execute();

  it('lands every page on the first pull, then asks from the cursor and stores nothing twice', async () => {
    const { db } = database;
    kobo.submissions.splice(0, Infinity, submission(101, '2026-03-01T02:00:00', 'happy'), submission(102, '2026-03-01T03:00:00', 5), submission(103, '2026-03-01T03:00:00', '4'), submission(104, '2026-03-02T01:30:00', 'ok', 10), submission(105, '2026-03-02T04:00:00', 1));
    kobo.requests.length = 0;
    const first = await pullKobo(db, { source: source('kobo-a'), instrument, fetcher, pseudonymKey });
    expect(first).toMatchObject({ source_id: 'kobo-a', read: 5, new: 5, duplicate: 0, rejected: 0 });
    expect(first.error).toBeUndefined();
    expect(kobo.requests).toHaveLength(3);
    expect(kobo.requests.every((r) => r.authorization === 'Token good-token')).toBe(true);
    const firstQuery = new URL(kobo.requests[0]?.url ?? '', kobo.url).searchParams;
    expect(firstQuery.get('format')).toBe('json');
    expect(firstQuery.get('query')).toBeNull();
    expect(await readSourceCursor(db, 'kobo-a')).toBe('2026-03-02T04:00:00');

    const stored = await responsesOf('kobo-a');
    expect(stored.map((r) => r.source_row)).toEqual([101, 102, 103, 104, 105]);
    // _submission_time is UTC; the uuid is pseudonymised.
    expect(stored[0]?.submitted_at.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(stored.every((r) => /^p:[0-9a-f]{16}$/.test(r.response_key))).toBe(true);
    const answers = await db.selectFrom('survey_answers as a').innerJoin('survey_responses as r', 'r.id', 'a.response_id').select(['r.source_row', 'a.question_id', 'a.score']).where('r.source_row', '=', 104).orderBy('a.question_id').execute();
    expect(answers).toEqual([{ source_row: 104, question_id: 'recommend', score: 100 }, { source_row: 104, question_id: 'visa', score: 50 }]);
    // The instrument is stored with the submissions: its metrics can be asked for at once.
    const metrics = await surveyMetrics(db, { instrumentId: 'kobo-pulse', timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(metrics.cells.map((cell) => [cell.question, cell.suppressed ? null : cell.n])).toEqual([
      ['visa', 5],
      ['recommend', 5],
    ]);

    kobo.requests.length = 0;
    kobo.submissions.push(submission(106, '2026-03-03T00:00:00', 3));
    const second = await pullKobo(db, { source: source('kobo-a'), instrument, fetcher, pseudonymKey });
    expect(second).toMatchObject({ read: 1, new: 1, duplicate: 0 });
    expect(JSON.parse(new URL(kobo.requests[0]?.url ?? '', kobo.url).searchParams.get('query') ?? '')).toEqual({ _submission_time: { $gt: '2026-03-02T04:00:00' } });
    expect(await readSourceCursor(db, 'kobo-a')).toBe('2026-03-03T00:00:00');
    expect(await pullKobo(db, { source: source('kobo-a'), instrument, fetcher, pseudonymKey })).toMatchObject({ read: 0, new: 0 });
    expect(await responsesOf('kobo-a')).toHaveLength(6);
  });

  it('pulled again from the start, updates a submission edited in Enketo (new _uuid, same meta/rootUuid) rather than adding it', async () => {
    const { db } = database;
    const edited = (id: number, visa: unknown): Submission => ({ ...submission(id, '2026-03-05T02:00:00', visa), 'meta/rootUuid': `uuid:uuid-${id}` });
    // 701 as Kobo serves it now (root = its own uuid), 702 from before Kobo wrote the root.
    kobo.submissions.splice(0, Infinity, edited(701, 2), submission(702, '2026-03-05T03:00:00', 4));
    expect(await pullKobo(db, { source: source('kobo-edit'), instrument, fetcher, pseudonymKey })).toMatchObject({ new: 2 });
    const before = await responsesOf('kobo-edit');

    // Edited: a new uuid, the old one as deprecatedID, the root kept; and the answer changed.
    kobo.submissions.splice(0, 1, { ...edited(701, 5), _uuid: 'uuid-701-v2', 'meta/instanceID': 'uuid:uuid-701-v2', 'meta/deprecatedID': 'uuid:uuid-701' });
    await resetSourceCursor(db, 'kobo-edit');
    expect(await pullKobo(db, { source: source('kobo-edit'), instrument, fetcher, pseudonymKey })).toMatchObject({ read: 2, new: 0, updated: 1, duplicate: 1 });
    const after = await responsesOf('kobo-edit');
    expect(after.map((r) => r.response_key)).toEqual(before.map((r) => r.response_key));
    const visa = await db.selectFrom('survey_answers as a').innerJoin('survey_responses as r', 'r.id', 'a.response_id').select('a.score').where('r.source_id', '=', 'kobo-edit').where('a.question_id', '=', 'visa').orderBy('r.source_row').execute();
    expect(visa.map((a) => a.score)).toEqual([100, 75]);
  });

  it('rejects a bad submission naming its id and field, and lands the rest', async () => {
    const { db } = database;
    kobo.submissions.splice(0, Infinity, submission(201, '2026-04-01T00:00:00', 4), submission(202, '2026-04-01T01:00:00', 'furious'), submission(203, '2026-04-01T02:00:00', 2, 11));
    const summary = await pullKobo(db, { source: source('kobo-b'), instrument, fetcher, pseudonymKey });
    expect(summary).toMatchObject({ read: 3, new: 1, rejected: 2 });
    const rejects = await db.selectFrom('rejects').select(['location', 'row', 'field', 'value', 'reason']).where('source_id', '=', 'kobo-b').orderBy('row').execute();
    const data = `${kobo.url}/api/v2/assets/${kobo.assetUid}/data/`;
    expect(rejects).toEqual([
      { location: `${data}202/`, row: 202, field: 'group_services/visa', value: 'furious', reason: 'unknown answer (expected one of unhappy/ok/happy or a point 1–5)' },
      { location: `${data}203/`, row: 203, field: 'recommend', value: '11', reason: '11 is outside 0–10' },
    ]);
    // Rejected submissions are dealt with: the cursor passes them.
    expect(await readSourceCursor(db, 'kobo-b')).toBe('2026-04-01T02:00:00');
  });

  it('retries a 500 and then lands the page', async () => {
    const { db } = database;
    kobo.submissions.splice(0, Infinity, submission(301, '2026-05-01T00:00:00', 4));
    kobo.requests.length = 0;
    kobo.failNext(1);
    expect(await pullKobo(db, { source: source('kobo-c'), instrument, fetcher, pseudonymKey })).toMatchObject({ read: 1, new: 1 });
    expect(kobo.requests).toHaveLength(2);
  });

  it('keeps the pages that landed when a later page fails, and resumes from them without storing anything twice', async () => {
    const { db } = database;
    kobo.submissions.splice(0, Infinity, submission(401, '2026-06-01T00:00:00', 4), submission(402, '2026-06-01T01:00:00', 4), submission(403, '2026-06-01T02:00:00', 4));
    kobo.failNext(3, 1);
    const broken = await pullKobo(db, { source: source('kobo-e'), instrument, fetcher, pseudonymKey });
    expect(broken).toMatchObject({ read: 2, new: 2 });
    expect(broken.error).toMatch(/HTTP 500 \(gave up after 3 attempts\)$/);
    // 402's time may go on in the failed page, so the cursor waits before it.
    expect(await readSourceCursor(db, 'kobo-e')).toBe('2026-06-01T00:00:00');
    expect(await pullKobo(db, { source: source('kobo-e'), instrument, fetcher, pseudonymKey })).toMatchObject({ read: 2, new: 1, duplicate: 1 });
    expect(await responsesOf('kobo-e')).toHaveLength(3);
    expect(await readSourceCursor(db, 'kobo-e')).toBe('2026-06-01T02:00:00');
  });

  it('fails the run on a refused token and leaves the cursor where it was', async () => {
    const { db } = database;
    const summary = await pullKobo(db, { source: source('kobo-d', 'wrong-token'), instrument, fetcher, pseudonymKey });
    expect(summary.error).toMatch(/HTTP 401$/);
    expect(summary.error).not.toContain('wrong-token');
    expect(await readSourceCursor(db, 'kobo-d')).toBeUndefined();
    const run = await db.selectFrom('collector_runs').select('status').where('source_id', '=', 'kobo-d').executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
  });
});
