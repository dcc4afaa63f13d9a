import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../warehouse/auth/audit.ts';
import { scheduledJobs } from '../../cli/boot.ts';
import { createSession, findSession, hashToken, purgeExpiredSessions } from '../../warehouse/auth/sessions.ts';
import { ensureUser, findUser, verifyLogin } from '../../warehouse/auth/users.ts';
import type { Role } from '../../warehouse/schema.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { login, PASSWORD, ROLES, seedBase, seedUsers, startDashboard, testConfig } from './helpers.ts';

/** Who may read each route; everyone else must get 403. */
const ACCESS: Array<{ path: string; roles: Role[] }> = [
  { path: '/api/overview', roles: ['leader', 'expert', 'admin', 'comms'] },
  { path: '/api/alerts', roles: ['comms', 'admin'] },
  { path: '/api/mentions', roles: ['comms', 'leader', 'admin'] },
  { path: '/api/export/scorecard.csv', roles: ['expert', 'leader', 'admin'] },
];

describe.each(drivers)('dashboard auth on $name', (driver) => {
  let tdb: TestDatabase;
  let server: Awaited<ReturnType<typeof startDashboard>>;

  beforeAll(async () => {
    tdb = await driver.open();
    await seedBase(tdb.db);
    await seedUsers(tdb.db);
    server = await startDashboard(tdb.db);
  });
  afterAll(async () => {
    await server.stop();
    await tdb.close();
  });

  it('health needs no login', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses every API route without a session with 401 and a JSON error', async () => {
    for (const { path } of [...ACCESS, { path: '/api/me' }]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: 'not logged in' });
    }
    const post = await fetch(`${server.url}/api/alerts/lixia/1/acknowledge`, { method: 'POST' });
    expect(post.status).toBe(401);
  });

  it('sets an HttpOnly SameSite=Lax cookie and keeps only a hash of it', async () => {
    const res = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tp_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=7200$/);
    const body = (await res.json()) as { user: unknown; csrf: string; settings: unknown };
    expect(body.user).toEqual({ username: 'leader', role: 'leader', display_name: 'Test leader' });
    // The UI shows times in the reporting zone, so login and /api/me both tell it which.
    expect(body.settings).toEqual({ timezone: 'Asia/Shanghai' });
    expect(body.csrf).toMatch(/^[\w-]{43}$/);
    const token = cookie.slice('tp_session='.length).split(';')[0]!;
    const stored = await tdb.db.selectFrom('sessions').select('id').execute();
    expect(stored.some((s) => s.id === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const attempt = (username: string, password: string) =>
      fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const wrongPassword = await attempt('leader', 'not the password');
    const unknownUser = await attempt('nobody', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const a = await wrongPassword.json();
    const b = await unknownUser.json();
    expect(a).toEqual({ error: 'invalid username or password' });
    expect(b).toEqual(a);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect((await listAudit(tdb.db)).some((e) => e.action === 'login.failed' && e.actor === 'nobody')).toBe(true);
  });

  it('throttles password guessing per user name, counting only failures, across instances, and audits it', async () => {
    const config = testConfig();
    const strictConfig = { ...config, server: { ...config.server, login_attempts: 3 } };
    // Two instances behind one load balancer: guesses spread over both count once.
    const first = await startDashboard(tdb.db, strictConfig);
    const second = await startDashboard(tdb.db, strictConfig);
    try {
      const attempt = (instance: { url: string }, username: string, password: string) =>
        fetch(`${instance.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      // Successful logins do not count towards the limit.
      for (let i = 0; i < 4; i++) expect((await attempt(i % 2 ? first : second, 'comms', PASSWORD)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await attempt(i % 2 ? first : second, 'expert', 'guess ' + i)).status).toBe(401);
      const refused = await attempt(first, 'expert', 'guess 4');
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toMatch(/too many failed logins; try again within 15 minutes/);
      // Even the right password waits out the window, on either instance, and another user is not locked out.
      expect((await attempt(second, 'expert', PASSWORD)).status).toBe(429);
      expect((await attempt(first, 'EXPERT', PASSWORD)).status).toBe(429);
      expect((await attempt(second, 'leader', PASSWORD)).status).toBe(200);
      expect((await listAudit(tdb.db)).some((e) => e.action === 'login.throttled' && e.actor === 'expert')).toBe(true);
      // The count keeps neither the user name nor the address.
      const stored = JSON.stringify(await tdb.db.selectFrom('login_throttle').selectAll().execute());
      expect(stored).not.toMatch(/expert|127\.0\.0\.1/);
    } finally {
      await first.stop();
      await second.stop();
      // The window would outlast this test: later tests log in as expert on the shared database.
      await tdb.db.deleteFrom('login_throttle').execute();
    }
  });

  it.each(ROLES)('lets %s in where the role belongs and refuses it elsewhere with 403', async (role) => {
    const client = await login(server.url, role);
    const me = (await (await client.get('/api/me')).json()) as { user: { role: string }; settings: { timezone: string } };
    expect(me.user.role).toBe(role);
    expect(me.settings.timezone).toBe('Asia/Shanghai');
    for (const { path, roles } of ACCESS) {
      const res = await client.get(path);
      expect(res.status, `${role} GET ${path}`).toBe(roles.includes(role) ? 200 : 403);
      if (res.status === 403) expect(((await res.json()) as { error: string }).error).toContain(`role "${role}"`);
      else await res.arrayBuffer();
    }
  });

  it('tells the UI the configured reporting zone', async () => {
    const berlin = await startDashboard(tdb.db, { ...testConfig(), timezone: 'Europe/Berlin' });
    try {
      const me = await (await login(berlin.url, 'comms')).get('/api/me');
      expect(((await me.json()) as { settings: unknown }).settings).toEqual({ timezone: 'Europe/Berlin' });
    } finally {
      await berlin.stop();
    }
  });

    it('refuses a mutating request without the CSRF token, or with another session’s', async () => {
    const comms = await login(server.url, 'comms');
    const other = await login(server.url, 'admin');
    const missing = await comms.post('/api/logout', {}, {});
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: string }).error).toMatch(/CSRF/);
    const foreign = await comms.post('/api/logout', {}, { 'x-csrf-token': other.csrf });
    expect(foreign.status).toBe(403);
    // Still logged in after the refused attempts; then a proper logout ends the session.
    expect((await comms.get('/api/me')).status).toBe(200);
    const out = await comms.post('/api/logout');
    expect(out.status).toBe(200);
    expect((await comms.get('/api/me')).status).toBe(401);
  });

  it('ensureUser leaves an existing user and its password alone', async () => {
    await ensureUser(tdb.db, { username: 'leader', password: 'something else', role: 'admin', display_name: 'X' });
    expect(await verifyLogin(tdb.db, 'leader', PASSWORD)).toMatchObject({ username: 'leader', role: 'leader' });
    expect(await verifyLogin(tdb.db, 'leader', 'something else')).toBeUndefined();
  });

  it('stops honouring a session once it has expired', async () => {
    const user = (await findUser(tdb.db, 'expert'))!;
    const stale = await createSession(tdb.db, user.id, 2, new Date(Date.now() - 3 * 3_600_000));
    expect(await findSession(tdb.db, stale.token)).toBeUndefined();
    const res = await fetch(`${server.url}/api/me`, { headers: { cookie: `tp_session=${stale.token}` } });
    expect(res.status).toBe(401);
    expect(await purgeExpiredSessions(tdb.db)).toBeGreaterThanOrEqual(1);
  });

  it('deletes expired sessions in the nightly housekeeping job and keeps live ones', async () => {
    const user = (await findUser(tdb.db, 'expert'))!;
    const stale = await createSession(tdb.db, user.id, 1, new Date(Date.now() - 2 * 3_600_000));
    const live = await createSession(tdb.db, user.id, 1);
    const job = scheduledJobs(testConfig(), [], [], []).find((j) => j.name === 'housekeeping');
    expect(job?.cron).toBe('30 3 * * *');
    expect(await job!.run(tdb.db)).toEqual({ sessions_purged: 1 });
    expect(await findSession(tdb.db, live.token)).toBeDefined();
    expect(await tdb.db.selectFrom('sessions').select('id').where('id', '=', hashToken(stale.token)).executeTakeFirst()).toBeUndefined();
  });

  it('answers unknown API routes with a JSON 404 and other paths with the build note', async () => {
    const api = await fetch(`${server.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no API route GET /api/nothing-here' });
    const page = await fetch(`${server.url}/alerts`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('npm run build:web');
  });
});
