import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorerVersion } from '../../pipeline/scoring/scorer-version.ts';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, seedBase, seedUsers, startDashboard } from './helpers.ts';

interface AlertJson {
  id: number;
  status: string;
  acknowledged_by: string | null;
  resolved_by: string | null;
  notes: Array<{ user: string; text: string }>;
}

describe.each(drivers)('dashboard alerts and export on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;
  let alertId: number;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    const alert = await tdb.db
      .insertInto('alerts')
      .values({
        community_id: 'lixia',
        rule: 'negative_spike',
        dedupe_key: '2026-03-10T08',
        grade: 'orange',
        status: 'open',
        title: '负面舆情激增 Negative spike',
        drivers: JSON.stringify({ mentions: 9, terms: ['排队'] }),
        notes: JSON.stringify([]),
        opened_at: new Date('2026-03-10T08:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    alertId = alert.id;
    const day = (d: string, clause_id: string, source_kind: 'survey' | 'servicedesk' | 'mentions', metric: string, n: number, sum: number, sum_sq: number) => ({
      community_id: 'lixia', day: d, clause_id, source_kind, metric, n, sum, sum_sq, updated_at: new Date(),
    });
    await tdb.db
      .insertInto('daily_rollups')
      .values([
        day('2026-03-02', '8.1.2', 'survey', 'index', 5, 400, 33_000),
        day('2026-03-02', '8.1.2', 'survey', 'satisfied', 5, 3, 3),
        day('2026-03-02', '7.2.3', 'survey', 'index', 2, 150, 11_300),
        // One answer per respondent: the privacy minimum counts respondents.
        day('2026-03-02', '8.1.2', 'survey', 'respondents', 5, 5, 5),
        day('2026-03-02', '7.2.3', 'survey', 'respondents', 2, 2, 2),
        day('2026-03-02', '8.1.2', 'servicedesk', 'opened', 3, 3, 3),
        day('2026-03-03', '8.1.2', 'mentions', 'negative', 6, 5, 5),
        day('2026-03-03', '8.1.2', 'mentions', 'positive', 6, 1, 1),
      ])
      .execute();
    server = await startDashboard(tdb.db);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('comms acknowledges, responds to and resolves an alert; each step is audited', async () => {
    const comms = await login(server.url, 'comms');
    const base = `/api/alerts/lixia/${alertId}`;

    const early = await comms.post(`${base}/resolve`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toContain('is open');

    const ack = await comms.post(`${base}/acknowledge`, { note: '已联系社区 Contacted the community (poster: ana@example.org)' });
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as { alert: AlertJson }).alert).toMatchObject({ status: 'acknowledged', acknowledged_by: 'comms' });

    expect((await comms.post(`${base}/responding`)).status).toBe(200);
    const resolved = await comms.post(`${base}/resolve`, { note: '已回应 Responded publicly' });
    const alert = ((await resolved.json()) as { alert: AlertJson }).alert;
    expect(alert).toMatchObject({ status: 'resolved', resolved_by: 'comms' });
    // Staff notes are redacted as they are written: the poster's address is in neither the notes nor the audit log.
    expect(alert.notes.map((n) => n.text)).toEqual(['已联系社区 Contacted the community (poster: [EMAIL])', '已回应 Responded publicly']);
    expect(JSON.stringify(await listAudit(tdb.db))).not.toContain('ana@example.org');

    const list = (await (await comms.get('/api/alerts?status=resolved')).json()) as { alerts: AlertJson[] };
    expect(list.alerts.map((a) => a.id)).toEqual([alertId]);

    const entries = await listAudit(tdb.db, { target: `alert:lixia/${alertId}` });
    expect(entries.map((e) => [e.actor, e.action, e.details.from, e.details.to]).reverse()).toEqual([
      ['comms', 'alert.acknowledge', 'open', 'acknowledged'],
      ['comms', 'alert.responding', 'acknowledged', 'responding'],
      ['comms', 'alert.resolve', 'responding', 'resolved'],
    ]);
  });

  it('refuses alert actions to leaders, without CSRF, and for unknown alerts', async () => {
    const leader = await login(server.url, 'leader');
    expect((await leader.post(`/api/alerts/lixia/${alertId}/acknowledge`)).status).toBe(403);
    const admin = await login(server.url, 'admin');
    expect((await admin.post(`/api/alerts/lixia/${alertId}/acknowledge`, {}, {})).status).toBe(403);
    expect((await admin.post('/api/alerts/lixia/999999/acknowledge')).status).toBe(404);
    expect((await admin.post(`/api/alerts/lixia/${alertId}/delete`)).status).toBe(404);
  });

  it('exports an Excel-safe scorecard CSV with small cells suppressed', async () => {
    const expert = await login(server.url, 'expert');
    const res = await expert.get('/api/export/scorecard.csv?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('scorecard-all-2026-03-01-2026-03-31.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^条款 Clause,/);

    const hotline = lines.find((l) => l.startsWith('8.1.2,'))!.split(',');
    // n 5, index 80, 60% satisfied; 3 tickets is below the minimum of 5, so those cells stay blank.
    expect(hotline.slice(0, 8)).toEqual(['8.1.2', '12345热线', '12345 hotline', '5', '80', expect.any(String), expect.any(String), '60']);
    expect(hotline.slice(12, 15)).toEqual(['', '', '']);
    expect(hotline[15]).toContain('suppressed (n < 5): tickets');

    // Two answers only: survey figures are blank, and the '=' title is not a formula.
    const surveys = lines.find((l) => l.startsWith('7.2.3,'))!.split(',');
    expect(surveys[1]).toBe("'=满意度调查");
    expect(surveys.slice(3, 8)).toEqual(['', '', '', '', '']);
    expect(surveys[15]).toContain('suppressed (n < 5): survey');

    expect(text).toContain('Student t-interval');
    expect(text).toContain('DB3701/T 0004—2019');
    expect((await listAudit(tdb.db)).some((e) => e.action === 'export.scorecard' && e.actor === 'expert')).toBe(true);
  });

  it('carries the period\'s 好差评 rectification rates, the same as the rates the API publishes', async () => {
    const expert = await login(server.url, 'expert');
    const csv = await (await expert.get('/api/export/scorecard.csv?period=2026-03')).text();
    const rates = (await (await expert.get('/api/rectifications/rates?period=2026-03')).json()) as Record<string, { numerator: number | null; denominator: number; suppressed: boolean }> & { overdue: number };
    const line = (label: string) => csv.split('\r\n').find((l) => l.startsWith(`${label},`));
    const shown = (rate: { numerator: number | null; denominator: number; suppressed: boolean }) =>
      rate.suppressed ? `suppressed (n ${rate.denominator} < 5)` : `(${rate.numerator} of ${rate.denominator})`;
    expect(line('差评率 Bad-rating rate')).toContain(shown(rates.bad_rate!));
    expect(line('按时整改率 Fixed on time')).toContain(shown(rates.fixed_on_time!));
    expect(line('回访率 Followed up')).toContain(shown(rates.follow_up!));
    expect(line('逾期 Overdue now')).toMatch(new RegExp(`^逾期 Overdue now,${rates.overdue},`));
  });

  it('takes the scorecard period as people write it, and refuses two periods at once', async () => {
    const expert = await login(server.url, 'expert');
    const byDays = await expert.get('/api/export/scorecard.csv?from=2026-03-01&to=2026-03-31');
    const byLabel = await expert.get('/api/export/scorecard.csv?period=2026-03');
    expect(byLabel.headers.get('content-disposition')).toContain('scorecard-all-2026-03-01-2026-03-31.csv');
    expect(await byLabel.text()).toBe(await byDays.text());
    const quarter = await expert.get('/api/export/scorecard.csv?period=2026-Q1');
    expect(quarter.headers.get('content-disposition')).toContain('scorecard-all-2026-01-01-2026-03-31.csv');
    const both = await expert.get('/api/export/scorecard.csv?period=2026-03&from=2026-01-01');
    expect([both.status, ((await both.json()) as { error: string }).error]).toEqual([400, 'give period or from/to, not both']);
    const bad = await expert.get('/api/export/scorecard.csv?period=March');
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([400, expect.stringMatching(/^period: "March" is not a period/)]);
  });

  it('overview combines trend, hotline, alerts and mentions', async () => {
    const leader = await login(server.url, 'leader');
    const res = await leader.get('/api/overview?from=2026-01-01&to=2026-03-31&community=lixia');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['trend', 'hotline', 'alerts', 'mentions', 'mention_clauses', 'period', 'gain', 'communities']));
    // Leaders read what the negative mentions were about, by clause and title.
    expect(body.mention_clauses).toMatchObject({ rows: [{ clause_id: '8.1.2', title_zh: expect.any(String), title_en: expect.any(String), suppressed: false, n: 6, negative: 5 }] });
    expect((await leader.get('/api/overview?community=nowhere')).status).toBe(400);
    expect((await leader.get('/api/overview?from=March')).status).toBe(400);
  });

  it('mentions list each clause with its title', async () => {
    const mention = await tdb.db
      .insertInto('mentions')
      .values({
        community_id: 'lixia', source_id: 'news', url: 'https://example.test/m1', url_hash: 'm1', content_hash: 'm1', title: '12345 打不通', text: '12345 打了一周都没人接',
        published_at: new Date('2026-03-04T08:00:00Z'), collected_at: new Date('2026-03-04T09:00:00Z'), reach: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tdb.db
      .insertInto('scores')
      .values({ community_id: 'lixia', record_kind: 'mention', record_id: mention.id, scorer_version: 'v', label: 'negative', score: -0.9, lang: 'zh', terms: JSON.stringify(['都没人接']), clause_ids: ['8.1.2', '9.9.9'], scored_at: new Date('2026-03-04T10:00:00Z') })
      .execute();
    const comms = await login(server.url, 'comms');
    const body = (await (await comms.get('/api/mentions')).json()) as { items: Array<{ title: string; clause_ids: string[]; clauses: unknown[] }> };
    const item = body.items.find((m) => m.title === '12345 打不通');
    expect(item?.clause_ids).toEqual(['8.1.2', '9.9.9']);
    // A clause gone from the catalogue keeps its number as its title.
    expect(item?.clauses).toEqual([
      { clause_id: '8.1.2', title_zh: '12345热线', title_en: '12345 hotline' },
      { clause_id: '9.9.9', title_zh: '9.9.9', title_en: '9.9.9' },
    ]);
    // Scored by an earlier model only: shown, and marked as awaiting re-scoring.
    expect(item).toMatchObject({ label: 'negative', scorer_version: 'v', stale: true });

    // Once the current scorer has scored it, that score is shown, even beside a later one by another version.
    await tdb.db
      .insertInto('scores')
      .values([
        { community_id: 'lixia', record_kind: 'mention', record_id: mention.id, scorer_version: scorerVersion(), label: 'neutral', score: -0.1, lang: 'zh', terms: '[]', clause_ids: ['8.1.2'], scored_at: new Date('2026-03-05T10:00:00Z') },
        { community_id: 'lixia', record_kind: 'mention', record_id: mention.id, scorer_version: 'w', label: 'positive', score: 0.4, lang: 'zh', terms: '[]', clause_ids: ['8.1.2'], scored_at: new Date('2026-03-06T10:00:00Z') },
      ])
      .execute();
    const rescored = (await (await comms.get('/api/mentions')).json()) as { items: Array<{ title: string }> };
    expect(rescored.items.find((m) => m.title === '12345 打不通')).toMatchObject({ label: 'neutral', scorer_version: scorerVersion(), stale: false });
  });

  it('overview gives 获得感 per community and month, leaving out parts below the minimum cell', async () => {
    const star = (community_id: string, source_kind: 'survey' | 'servicedesk' | 'mentions', metric: string, n: number, sum: number) => ({
      community_id, day: '2026-02-10', clause_id: '*', source_kind, metric, n, sum, sum_sq: sum, updated_at: new Date(),
    });
    await tdb.db
      .insertInto('daily_rollups')
      .values([
        star('lixia', 'survey', 'index', 10, 700),
        star('lixia', 'survey', 'respondents', 10, 10),
        star('lixia', 'servicedesk', 'rated_satisfied', 8, 6),
        star('lixia', 'mentions', 'positive', 20, 8),
        star('lixia', 'mentions', 'negative', 20, 4),
        star('gaoxin', 'survey', 'index', 3, 210),
        star('gaoxin', 'survey', 'respondents', 3, 3),
        star('gaoxin', 'mentions', 'positive', 10, 2),
        star('gaoxin', 'mentions', 'negative', 10, 6),
      ])
      .execute();
    const leader = await login(server.url, 'leader');
    const res = await leader.get('/api/overview?from=2026-02-01&to=2026-02-28');
    expect(res.status).toBe(200);
    const { gain } = (await res.json()) as { gain: { all: { index: number }; communities: Array<{ community_id: string; index: number; partial: boolean; weights: Record<string, number>; components: Record<string, unknown> }>; months: Array<{ month: string; index: number }>; method: string } };
    // lixia's survey part (70 over 10) is withheld too: with gaoxin's three left out, all communities'
    // survey part less lixia's would be gaoxin's. So 0.3 × 75 + 0.2 × 50 × (1 + (8 − 4) / 20), over 0.5 = 69.
    const lixia = gain.communities.find((c) => c.community_id === 'lixia')!;
    expect(lixia.components.survey).toEqual({ suppressed: true, protects_smaller_cell: true });
    expect(lixia.index).toBeCloseTo(69, 9);
    expect(lixia.partial).toBe(true);
    // gaoxin: three survey answers are below the minimum of 5, so only net sentiment counts: 50 × (1 − 0.4).
    const gaoxin = gain.communities.find((c) => c.community_id === 'gaoxin')!;
    expect(gaoxin).toMatchObject({ partial: true, weights: { survey: 0, hotline: 0, sentiment: 1 }, components: { survey: { suppressed: true }, hotline: null } });
    expect(gaoxin.index).toBeCloseTo(30, 9);
    // All together: survey 910 / 13 = 70, 满意率 75, net (10 − 10) / 30 = 0 → 50.
    expect(gain.all.index).toBeCloseTo(0.5 * 70 + 0.3 * 75 + 0.2 * 50, 9);
    expect(gain.months.map((m) => m.month)).toEqual(['2026-02']);
    expect(gain.method).toContain('fewer than 5');
    // One community chosen: its months only.
    const one = (await (await leader.get('/api/overview?from=2026-02-01&to=2026-02-28&community=gaoxin')).json()) as { gain: { months: Array<{ index: number }> } };
    expect(one.gain.months[0]!.index).toBeCloseTo(30, 9);

    // Experts get the same figure, its parts and its method with the scorecard.
    const csv = await (await (await login(server.url, 'expert')).get('/api/export/scorecard.csv?from=2026-02-01&to=2026-02-28&community=lixia')).text();
    expect(csv).toContain('\r\n获得感 Sense of gain (5.1),69,"survey withheld to protect a smaller cell; hotline 75.0 (n 8, weight 0.60); sentiment 60.0 (n 20, weight 0.40)"\r\n');
    expect(csv).toMatch(/方法 Method \(获得感\),.*left out and the other weights rescaled/);
  });
});
