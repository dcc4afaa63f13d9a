import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { boot } from '../cli/boot.ts';
import { loadDemoContent } from '../cli/demo/demo-content.ts';
import { DEMO_USERS } from '../cli/demo/load-demo.ts';
import { loadConfig } from '../config/load.ts';
import type { Db } from '../warehouse/database.ts';

// The newcomer's path: `npm start` on the demo, then the dashboard's API finds scored data.
type BootEnv = { TALENTPULSE_DATA_DIR?: string; DATABASE_URL?: string; TALENTPULSE_DB_SCHEMA?: string };
const variants: { name: string; env: () => BootEnv }[] = [
  { name: 'pglite', env: () => ({ TALENTPULSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'talentpulse-boot-')) }) },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres', env: () => ({ DATABASE_URL: process.env.DATABASE_URL, TALENTPULSE_DB_SCHEMA: `boot_${randomBytes(5).toString('hex')}` }) }]
    : []),
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function login(url: string, role: string): Promise<{ cookie: string }> {
  const user = DEMO_USERS.find((u) => u.role === role);
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user?.username, password: user?.password }),
  });
  expect(res.status).toBe(200);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

async function counts(db: Db): Promise<Record<string, number>> {
  const row = await sql<Record<string, number>>`
    select (select count(*)::int from mentions) as mentions, (select count(*)::int from tickets) as tickets,
           (select count(*)::int from survey_responses) as responses, (select count(*)::int from survey_answers) as answers,
           (select count(*)::int from scores) as scores, (select count(*)::int from alerts) as alerts,
           (select count(*)::int from rejects) as rejects, (select count(*)::int from users) as users`.execute(db);
  return row.rows[0] ?? {};
}

describe.each(variants)('the demo boots on $name', (variant) => {
  const env = variant.env();
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('serves scored data, raises the spike alert, and a second start duplicates nothing', async () => {
    const loaded = loadConfig({ ...env, PORT: '0' });
    const config = { ...loaded, scheduler: { ...loaded.scheduler, enabled: false }, demo: { ...loaded.demo, site_port: await freePort() } };
    if (env.TALENTPULSE_DATA_DIR) cleanup.push(() => rmSync(env.TALENTPULSE_DATA_DIR as string, { recursive: true, force: true }));
    const quiet = () => {};
    const first = await boot(config, { log: quiet, buildWeb: false });
    let before: Record<string, number>;
    try {
      const comms = await login(first.url, 'comms');
      const mentions = (await (await fetch(`${first.url}/api/mentions`, { headers: { cookie: comms.cookie } })).json()) as { items: { label: string }[]; total: number };
      expect(mentions.total).toBe(loadDemoContent().items.length);
      expect(mentions.items.some((m) => m.label === 'negative')).toBe(true);
      const { alerts } = (await (await fetch(`${first.url}/api/alerts`, { headers: { cookie: comms.cookie } })).json()) as { alerts: { rule: string; grade: string; drivers: { top_terms: string[] } }[] };
      const spike = alerts.find((a) => a.rule === 'negative_spike');
      expect(spike?.drivers.top_terms.length).toBeGreaterThan(0);
      const leader = await login(first.url, 'leader');
      const overview = await fetch(`${first.url}/api/overview`, { headers: { cookie: leader.cookie } });
      expect(overview.status).toBe(200);
      before = await counts(first.db);
      expect(before.responses).toBeGreaterThan(300);
      expect(before.tickets).toBeGreaterThan(500);
      expect(before.rejects).toBeGreaterThan(0);
    } finally {
      await first.stop();
    }
    const second = await boot(config, { log: quiet, buildWeb: false });
    try {
      const after = await counts(second.db);
      // Rejects are per run (each import records why a row was refused); everything else is unchanged.
      expect({ ...after, rejects: 0 }).toEqual({ ...before, rejects: 0 });
    } finally {
      if (env.TALENTPULSE_DB_SCHEMA) await sql`drop schema ${sql.id(env.TALENTPULSE_DB_SCHEMA)} cascade`.execute(second.db);
      await second.stop();
    }
  });
});
