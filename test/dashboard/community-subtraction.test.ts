import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, rollupRow, seedBase, seedUsers, startDashboard, testConfig, type Client } from './helpers.ts';

// Three communities in March 2026: lixia (8 respondents), gaoxin (6) and huaiyin with only 2.
// huaiyin's own view says "suppressed", but the all-communities figure less lixia's and gaoxin's
// would give its two people's mean back. So the smaller published community is withheld too.
const config = configSchema.parse({
  ...testConfig(),
  communities: [...testConfig().communities, { id: 'huaiyin', name_zh: '槐荫国际人才社区', name_en: 'Huaiyin International Talent Community' }],
});

const survey: Record<string, number[]> = { lixia: [60, 70, 80, 90, 60, 70, 80, 90], gaoxin: [40, 50, 60, 40, 50, 60], huaiyin: [10, 20] };
// Scored mentions on 10.2.4 (1 = negative); huaiyin has one.
const mentions: Record<string, number[]> = { lixia: [1, 1, 0, 0, 0, 1, 0, 0, 0], gaoxin: [1, 0, 0, 0, 0, 1], huaiyin: [1] };

function rollup(community_id: string, clause_id: string, source_kind: 'survey' | 'mentions' | 'servicedesk', metric: string, values: number[]) {
  return rollupRow({ community_id, day: '2026-03-10', clause_id, source_kind, metric }, values);
}

interface Point {
  month: string;
  suppressed: boolean;
  protects_smaller_cell?: boolean;
  n?: number;
  mean?: number;
}
interface Component {
  suppressed: boolean;
  protects_smaller_cell?: boolean;
  n?: number;
  value?: number;
}
interface Overview {
  trend: { series: Array<{ clause_id: string; points: Point[] }> };
  gain: {
    all: { components: Record<string, Component | null> };
    months: Array<{ month: string; components: Record<string, Component | null> }>;
    communities: Array<{ community_id: string; components: Record<string, Component | null>; partial: boolean }> };
  mention_clauses: { rows: Array<{ clause_id: string; suppressed: boolean; protects_smaller_cell?: boolean; n?: number; negative?: number }> };
}

/** What an outsider can work out: the total less every other community's published figure, or null. */
function subtract(total: { n: number; sum: number }, others: Array<{ n: number; sum: number } | null>): { n: number; mean: number } | null {
  if (others.some((o) => o === null)) return null;
  const n = total.n - others.reduce((t, o) => t + o!.n, 0);
  const sum = total.sum - others.reduce((t, o) => t + o!.sum, 0);
  return { n, mean: sum / n };
}

describe.each(drivers)('a small community cannot be worked out by subtraction on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;
  let leader: Client;
  const overview = async (community?: string) => {
    const res = await leader.get(`/api/overview?from=2026-03-01&to=2026-03-31${community ? `&community=${community}` : ''}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Overview;
  };

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await tdb.db.insertInto('communities').values({ id: 'huaiyin', name_zh: '槐荫', name_en: 'Huaiyin' }).execute();
    await seedUsers(tdb.db);
    const rows = Object.keys(survey).flatMap((id) => {
      const scores = survey[id]!;
      const ones = scores.map(() => 1);
      return [
        ...['8.1.2', '*'].flatMap((clause) => [rollup(id, clause, 'survey', 'index', scores), rollup(id, clause, 'survey', 'respondents', ones)]),
        rollup(id, '10.2.4', 'mentions', 'negative', mentions[id]!),
        rollup(id, '10.2.4', 'mentions', 'positive', mentions[id]!.map((v) => 1 - v)),
      ];
    });
    await tdb.db.insertInto('daily_rollups').values(rows).execute();
    server = await startDashboard(tdb.db, config);
    leader = await login(server.url, 'leader');
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('overview trend: huaiyin suppressed, and the smaller of the others withheld to protect it', async () => {
    const point = (o: Overview) => o.trend.series.find((s) => s.clause_id === '8.1.2')!.points[0]!;
    const all = point(await overview());
    const [lixia, gaoxin, huaiyin] = [point(await overview('lixia')), point(await overview('gaoxin')), point(await overview('huaiyin'))];
    expect(huaiyin).toEqual({ month: '2026-03', suppressed: true });
    expect(all).toMatchObject({ suppressed: false, n: 16 });
    const published = (p: Point) => (p.suppressed ? null : { n: p.n!, sum: p.n! * p.mean! });
    expect(subtract(published(all)!, [published(lixia), published(gaoxin)])).toBeNull();
    // The smallest published community is the one withheld; the larger one still publishes.
    expect(gaoxin).toEqual({ month: '2026-03', suppressed: true, protects_smaller_cell: true });
    expect(lixia).toMatchObject({ suppressed: false, n: 8, mean: 75 });
  });

  it('获得感: the survey part of the smaller community protects huaiyin, in every view', async () => {
    for (const view of [undefined, 'lixia', 'gaoxin']) {
      const { gain } = await overview(view);
      const part = (id: string) => gain.communities.find((c) => c.community_id === id)!.components.survey;
      expect(part('huaiyin')).toEqual({ suppressed: true });
      const published = (c: Component | null | undefined) => (c && !c.suppressed ? { n: c.n!, sum: c.n! * c.value! } : null);
      expect(subtract(published(gain.all.components.survey!)!, [published(part('lixia')), published(part('gaoxin'))])).toBeNull();
      expect(part('gaoxin')).toEqual({ suppressed: true, protects_smaller_cell: true });
      expect(part('lixia')).toMatchObject({ suppressed: false, n: 8, value: 75 });
      expect(gain.communities.find((c) => c.community_id === 'gaoxin')!.partial).toBe(true);
    }
    // One community's months: March of gaoxin is withheld as its period figure is, lixia's published.
    expect((await overview('gaoxin')).gain.months[0]!.components.survey).toEqual({ suppressed: true, protects_smaller_cell: true });
    expect((await overview('lixia')).gain.months[0]!.components.survey).toMatchObject({ suppressed: false, n: 8 });
  });

  it('mention clauses: the one huaiyin mention cannot be read off the others', async () => {
    const row = (o: Overview) => o.mention_clauses.rows.find((r) => r.clause_id === '10.2.4')!;
    const all = row(await overview());
    expect(all).toMatchObject({ suppressed: false, n: 16, negative: 6 });
    expect(row(await overview('huaiyin'))).toMatchObject({ suppressed: true });
    expect(row(await overview('gaoxin'))).toMatchObject({ suppressed: true, protects_smaller_cell: true });
    expect(row(await overview('lixia'))).toMatchObject({ suppressed: false, n: 9, negative: 3 });
  });

  it('scorecard export: the smaller community leaves its survey figures blank and says why', async () => {
    const expert = await login(server.url, 'expert');
    const line = async (community: string, clause: string) => {
      const text = await (await expert.get(`/api/export/scorecard.csv?from=2026-03-01&to=2026-03-31&community=${community}`)).text();
      return text.split('\r\n').find((l) => l.startsWith(`${clause},`))!.split(',');
    };
    for (const clause of ['*', '8.1.2']) {
      const gaoxin = await line('gaoxin', clause);
      expect(gaoxin.slice(3, 8)).toEqual(['', '', '', '', '']);
      expect(gaoxin.slice(15).join(',')).toContain('protects a smaller cell: survey');
      expect((await line('lixia', clause)).slice(3, 5)).toEqual(['8', '75']);
      expect((await line('huaiyin', clause))[15]).toContain('suppressed (n < 5): survey');
    }
    // The gain lines under the table agree with the overview.
    const csv = await (await expert.get('/api/export/scorecard.csv?from=2026-03-01&to=2026-03-31&community=gaoxin')).text();
    expect(csv).toMatch(/获得感 Sense of gain \(5\.1\),[^\r]*survey withheld to protect a smaller cell/);
  });
});
