import { fileURLToPath } from 'node:url';
import { loadClauses } from '../../config/clauses.ts';
import { configSchema, type Config } from '../../config/schema.ts';
import { createApp } from '../../dashboard/app.ts';
import { createUser } from '../../warehouse/auth/users.ts';
import type { Db } from '../../warehouse/database.ts';
import type { Role } from '../../warehouse/schema.ts';

// The title of 7.2.3 starts with '=' on purpose: the CSV export must not let it become a formula.
export const clauses = loadClauses(fileURLToPath(new URL('../fixtures/dashboard/clauses.yaml', import.meta.url)));

export function testConfig(): Config {
  return configSchema.parse({
    server: { port: 0, host: '127.0.0.1', session_hours: 2 },
    privacy: { min_cell: 5 },
    communities: [
      { id: 'lixia', name_zh: '历下国际人才社区', name_en: 'Lixia International Talent Community' },
      { id: 'gaoxin', name_zh: '高新国际人才社区', name_en: 'Hi-tech Zone International Talent Community' },
    ],
  });
}

export const ROLES: Role[] = ['leader', 'comms', 'expert', 'admin'];
export const PASSWORD = 'correct horse battery';

export async function seedBase(db: Db): Promise<void> {
  await db
    .insertInto('communities')
    .values([
      { id: 'lixia', name_zh: '历下', name_en: 'Lixia' },
      { id: 'gaoxin', name_zh: '高新', name_en: 'Gaoxin' },
    ])
    .execute();
  await db
    .insertInto('sources')
    .values([
      { id: 'hotline', kind: 'servicedesk', community_id: 'lixia', name: '12345', location: 'hotline.csv', reach: 1, enabled: true },
      { id: 'news', kind: 'mentions', community_id: 'lixia', name: 'News', location: 'https://example.test/feed', reach: 1, enabled: true },
    ])
    .execute();
}

export async function seedUsers(db: Db): Promise<void> {
  for (const role of ROLES) await createUser(db, { username: role, password: PASSWORD, role, display_name: `Test ${role}` });
}

/** A started dashboard and a tiny cookie-keeping client for it. */
export async function startDashboard(db: Db, config: Config = testConfig()) {
  const dashboard = createApp(config, db, { clauses, webDist: fileURLToPath(new URL('../fixtures/dashboard/no-dist', import.meta.url)) });
  const { url } = await dashboard.start(0);
  return { url, stop: () => dashboard.stop() };
}

export interface Client {
  csrf: string;
  cookie: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function login(url: string, username: string, password = PASSWORD): Promise<Client> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed with ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf } = (await res.json()) as { csrf: string };
  return {
    csrf,
    cookie,
    get: (path) => fetch(`${url}${path}`, { headers: { cookie } }),
    post: (path, body, headers = { 'x-csrf-token': csrf }) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body ?? {}),
      }),
  };
}

/** A daily rollup row holding `values` (n, sum, sum of squares) for one community, day, clause and metric. */
export function rollupRow(
  at: { community_id: string; day: string; clause_id: string; source_kind: 'survey' | 'mentions' | 'servicedesk'; metric: string },
  values: readonly number[],
  updated_at = new Date(),
) {
  return { ...at, n: values.length, sum: values.reduce((a, b) => a + b, 0), sum_sq: values.reduce((a, b) => a + b * b, 0), updated_at };
}
