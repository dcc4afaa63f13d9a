import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startDashboard, testConfig } from './helpers.ts';

const secret = 'hook-secret-0123456789';
const instrument = fileURLToPath(new URL('../fixtures/remote/surveyjs-instrument.yaml', import.meta.url));
const config = configSchema.parse({ ...testConfig(), surveys: [{ instrument, webhook_secret: secret }] });
const sign = (body: string, key = secret) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

describe.each(drivers)('the survey webhook on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;
  beforeAll(async () => {
    tdb = await driver.open();
    server = await startDashboard(tdb.db, config);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  const post = (body: string, headers: Record<string, string>, instrumentId = 'expat-pulse') =>
    fetch(`${server.url}/api/hooks/surveys/${instrumentId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('stores a signed response once; a redelivery is a duplicate, and one with changed answers updates it', async () => {
    const body = JSON.stringify({ respondentId: 'W-1', completedAt: '2026-03-02 09:15', quality: { visa: 4 }, nps: 9, services: ['visa'] });
    const first = await post(body, { 'x-talentpulse-signature': sign(body) });
    expect([first.status, await first.json()]).toEqual([201, { stored: true, updated: false }]);
    const again = await post(body, { 'x-talentpulse-signature': sign(body) });
    expect([again.status, await again.json()]).toEqual([200, { stored: false, updated: false }]);
    // The respondent edited an answer and the tool sent the response again.
    const edited = body.replace('"visa":4', '"visa":5');
    expect(edited).not.toBe(body);
    const resent = await post(edited, { 'x-talentpulse-signature': sign(edited) });
    expect([resent.status, await resent.json()]).toEqual([200, { stored: false, updated: true }]);
    const stored = await tdb.db.selectFrom('survey_responses').select(['source_id', 'submitted_at', 'response_key']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.submitted_at.toISOString()).toBe('2026-03-02T01:15:00.000Z');
    expect(stored[0]?.response_key).toMatch(/^p:[0-9a-f]{16}$/);
    // The instrument is stored with the response: its metrics can be asked for at once.
    const metrics = await surveyMetrics(tdb.db, { instrumentId: 'expat-pulse', timeZone: 'Asia/Shanghai', minCell: 1 });
    expect(metrics.cells.find((cell) => cell.question === 'visa')).toMatchObject({ index: 100 });
    expect(metrics.cells.map((cell) => [cell.question, cell.suppressed ? null : cell.n])).toEqual([
      ['visa', 1],
      ['housing', null],
      ['recommend', 1],
    ]);
  });

  it('accepts a Bearer secret, and takes the arrival time when the response has none', async () => {
    const before = Date.now();
    const res = await post(JSON.stringify({ respondentId: 'W-2', quality: { visa: 5 } }), { authorization: `Bearer ${secret}` });
    expect(res.status).toBe(201);
    const row = await tdb.db.selectFrom('survey_responses').select('submitted_at').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.submitted_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a wrong or missing signature with 401 and stores nothing', async () => {
    const body = JSON.stringify({ respondentId: 'W-3', completedAt: '2026-03-02 09:15', quality: { visa: 4 } });
    const count = async () => (await tdb.db.selectFrom('survey_responses').select('id').execute()).length;
    const n = await count();
    const attempts: Record<string, string>[] = [{ 'x-talentpulse-signature': sign(body, 'another-secret-123456') }, { 'x-talentpulse-signature': sign(`${body} `) }, { authorization: 'Bearer nope' }, {}];
    for (const headers of attempts) {
      const res = await post(body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/^bad or missing signature/);
    }
    expect(await count()).toBe(n);
  });

  it('answers 422 naming the field and reason of an invalid response, and keeps it as a reject', async () => {
    const body = JSON.stringify({ respondentId: 'W-4', completedAt: '2026-03-02 09:15', quality: { visa: 9 } });
    const res = await post(body, { 'x-talentpulse-signature': sign(body) });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'invalid response: quality.visa: 9 is outside 1–5',
      problems: [{ field: 'quality.visa', value: '9', reason: '9 is outside 1–5' }],
    });
    const reject = await tdb.db.selectFrom('rejects').select(['source_id', 'run_id', 'location', 'field', 'reason']).executeTakeFirstOrThrow();
    expect(reject).toEqual({ source_id: 'survey-expat-pulse', run_id: null, location: 'webhook /api/hooks/surveys/expat-pulse', field: 'quality.visa', reason: '9 is outside 1–5' });
  });

  it('answers 404 for an instrument without a webhook and 413 for an oversized body', async () => {
    expect((await post('{}', { authorization: `Bearer ${secret}` }, 'nope')).status).toBe(404);
    const huge = JSON.stringify({ respondentId: 'W-5', padding: 'x'.repeat(300 * 1024) });
    expect((await post(huge, { 'x-talentpulse-signature': sign(huge) })).status).toBe(413);
  });
});
