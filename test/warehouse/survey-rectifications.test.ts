import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentSchema } from '../../config/instrument.ts';
import { configSchema } from '../../config/schema.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { receiveSurveyResponse } from '../../collectors/survey/receive-response.ts';
import { surveyMetrics } from '../../pipeline/metrics/survey-metrics.ts';
import { openRectifications, type WorkingDayCalendar } from '../../pipeline/steps/open-rectifications.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { seedBase } from '../dashboard/helpers.ts';

// Calendar days, so the due time is easy to check; the real calendar is tested with tickets.
const calendarDays: WorkingDayCalendar = { addWorkingDays: (from, days) => new Date(from.getTime() + days * 86_400_000) };
const config = configSchema.parse({ rectification: { due_working_days: 4 } });

const instrument = instrumentSchema.parse({
  id: 'desk-rating',
  community: 'lixia',
  file: { format: 'csv' },
  respondent_id: 'Respondent',
  submitted_at: 'Submitted',
  questions: [
    // The export's own text for level 2 besides the standard names; 不清楚 leaves the base.
    { id: 'desk', column: '窗口服务评价', label: 'Service at the desk', clause: '8.1.3', scale: { type: 'haochaping', labels: { 差: 2 }, dont_know: ['不清楚'] } },
    // An ordinary 1–5 item: a low answer here is not a 差评.
    { id: 'signage', column: 'Signage', scale: { type: 'likert', min: 1, max: 5 } },
  ],
});

// Respondent ids are e-mail addresses and a phone number: none of them may reach a rectification.
const csv = [
  'Respondent,Submitted,窗口服务评价,Signage',
  'ana@example.org,2026-03-02 09:00,非常不满意,1',
  'ben@example.org,2026-03-02 10:00,差,1',
  '13912345678,2026-03-03 11:00,2,5',
  'dan@example.org,2026-03-03 12:00,基本满意,1',
  'eve@example.org,2026-03-04 13:00,Very satisfied,1',
  'fay@example.org,2026-03-04 14:00,不清楚,1',
  'gus@example.org,2026-03-05 15:00,满意,2',
].join('\n');

describe.each(drivers)('好差评 survey ratings open rectifications on $name', (driver) => {
  let tdb: TestDatabase;
  const file = join(mkdtempSync(join(tmpdir(), 'haochaping-')), 'desk.csv');

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    writeFileSync(file, csv);
    const summary = await importSurvey(tdb.db, { file, instrument, pseudonymKey: 'test-key' });
    expect(summary).toMatchObject({ new: 7, rejected: 0 });
  });
  afterAll(async () => tdb.close());

  it('opens one item per 差评 answer (非常不满意, 不满意 by any of its names), due after the rating, once', async () => {
    expect(await openRectifications(tdb.db, config, calendarDays)).toEqual({ opened: 3 });
    expect(await openRectifications(tdb.db, config, calendarDays)).toEqual({ opened: 0 });
    const items = (await rectificationsList(tdb.db, { now: new Date('2026-03-01T00:00:00Z') })).filter((item) => item.origin_kind === 'survey');
    expect(items.map((item) => [item.origin_ref, item.rating, item.rated_at.toISOString()])).toEqual([
      ['desk', 1, '2026-03-02T01:00:00.000Z'],
      ['desk', 2, '2026-03-02T02:00:00.000Z'],
      ['desk', 2, '2026-03-03T03:00:00.000Z'],
    ]);
    for (const item of items) {
      expect(item.status).toBe('open');
      expect(item.due_at.getTime() - item.rated_at.getTime()).toBe(4 * 86_400_000);
      // Its owner reads which survey and which question was rated, not a bare response number.
      expect(item).toMatchObject({ origin_title: 'desk-rating · Service at the desk', origin_excerpt: '' });
    }
  });

  it('keeps the respondent behind its pseudonym: no identifier or answer text in the items', async () => {
    const items = await rectificationsList(tdb.db);
    const text = JSON.stringify(items);
    for (const id of ['ana@example.org', 'ben@example.org', '13912345678']) expect(text).not.toContain(id);
    // The item points at the stored response, whose key is the keyed hash.
    const responses = await tdb.db.selectFrom('survey_responses').select(['id', 'response_key']).where('id', 'in', items.map((item) => item.origin_id)).execute();
    expect(responses).toHaveLength(3);
    for (const response of responses) expect(response.response_key).toMatch(/^p:[0-9a-f]{16}$/);
  });

  it('counts survey ratings in 差评率 and scores the rating like a five-point scale', async () => {
    const rates = await rectificationRates(tdb.db, { period: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'Asia/Shanghai', minCell: 5 });
    // Six answered (不清楚 left the base), three of them 差评.
    expect(rates.bad_rate).toEqual({ numerator: 3, denominator: 6, rate: 0.5, suppressed: false });

    const metrics = await surveyMetrics(tdb.db, { instrumentId: 'desk-rating', timeZone: 'Asia/Shanghai', minCell: 5 });
    const desk = metrics.cells.find((cell) => cell.question === 'desk');
    // Levels 1, 2, 2, 3, 5, 4 → 0, 25, 25, 50, 100, 75: mean 45.83; 满意 and 非常满意 are the top two.
    expect(desk).toMatchObject({ kind: 'likert', suppressed: false, n: 6, satisfied: 2 });
    if (desk?.suppressed === false) expect(desk.index).toBeCloseTo(275 / 6, 6);
  });

  it('opens an item for a 差评 that arrived by webhook, as for one imported from a file', async () => {
    const hooked = { ...instrument, id: 'desk-rating-hook', source: 'desk-rating-hook' };
    const body = { Respondent: 'hal@example.org', Submitted: '2026-04-07 09:00', 窗口服务评价: '不满意' };
    const received = await receiveSurveyResponse(tdb.db, hooked, body, { pseudonymKey: 'test-key', location: '/api/hooks/surveys/desk-rating-hook', receivedAt: new Date() });
    expect(received).toEqual({ ok: true, stored: true, updated: false });
    expect(await openRectifications(tdb.db, config, calendarDays)).toEqual({ opened: 1 });
    const items = (await rectificationsList(tdb.db)).filter((item) => item.rated_at.toISOString() === '2026-04-07T01:00:00.000Z');
    expect(items.map((item) => [item.origin_kind, item.origin_ref, item.rating])).toEqual([['survey', 'desk', 2]]);
  });

  it('follows a re-export where respondents changed their rating: a 差评 taken back closes its item, a new one opens one', async () => {
    const { db } = tdb;
    const edited = csv.replace('ana@example.org,2026-03-02 09:00,非常不满意,1', 'ana@example.org,2026-03-02 09:00,满意,1').replace('gus@example.org,2026-03-05 15:00,满意,2', 'gus@example.org,2026-03-05 15:00,不满意,2');
    expect(edited).not.toBe(csv);
    const again = join(mkdtempSync(join(tmpdir(), 'haochaping-')), 'desk-edited.csv');
    writeFileSync(again, edited);
    expect(await importSurvey(db, { file: again, instrument, pseudonymKey: 'test-key' })).toMatchObject({ new: 0, updated: 2, duplicate: 5, rejected: 0 });

    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 1 });
    const items = (await rectificationsList(db)).filter((item) => item.origin_kind === 'survey' && item.rated_at < new Date('2026-04-01T00:00:00Z'));
    items.sort((a, b) => a.rated_at.getTime() - b.rated_at.getTime());
    expect(items.map((item) => [item.rated_at.toISOString(), item.rating, item.status])).toEqual([
      ['2026-03-02T01:00:00.000Z', 1, 'closed'],
      ['2026-03-02T02:00:00.000Z', 2, 'open'],
      ['2026-03-03T03:00:00.000Z', 2, 'open'],
      // Dated by the submission, which a changed answer keeps.
      ['2026-03-05T07:00:00.000Z', 2, 'open'],
    ]);
    const closed = items[0];
    const { notes } = await db.selectFrom('rectifications').select('notes').where('id', '=', closed?.id as number).executeTakeFirstOrThrow();
    expect((notes as { text: string }[]).at(-1)?.text).toMatch(/^close: resident re-rated: 满意 \(4\), was 非常不满意 \(1\)/);
    const audit = await db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'rectification.close').where('target', '=', `rectification:${closed?.community_id}/${closed?.id}`).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'pipeline', details: { reason: 're-rated', rating: { from: 1, to: 4 } } });
    expect(JSON.stringify(audit)).not.toContain('ana@example.org');

    // The figures follow the answers now stored: 差评 are ben, the phone number and gus.
    const rates = await rectificationRates(db, { period: { from: '2026-03-01', to: '2026-03-31' }, timeZone: 'Asia/Shanghai', minCell: 5 });
    expect(rates.bad_rate).toEqual({ numerator: 3, denominator: 6, rate: 0.5, suppressed: false });
    // A further pass changes nothing.
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 0 });

    // The first export again: ana's 差评 is back (the next round of her item), gus takes his back.
    expect(await importSurvey(db, { file, instrument, pseudonymKey: 'test-key' })).toMatchObject({ new: 0, updated: 2 });
    expect(await openRectifications(db, config, calendarDays)).toEqual({ opened: 1 });
    const rounds = await db.selectFrom('rectifications').select(['origin_id', 'round', 'status', 'closed_reason']).where('origin_id', 'in', [closed?.origin_id as number, items[3]?.origin_id as number]).orderBy('origin_id').orderBy('round').execute();
    expect(rounds.map((r) => [r.origin_id === closed?.origin_id ? 'ana' : 'gus', r.round, r.status, r.closed_reason])).toEqual([
      ['ana', 1, 'closed', 're-rated'],
      ['ana', 2, 'open', null],
      ['gus', 1, 'closed', 're-rated'],
    ]);
  });
});
