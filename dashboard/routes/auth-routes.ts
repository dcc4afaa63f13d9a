import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { audit } from '../../warehouse/auth/audit.ts';
import { loginThrottleStore } from '../../warehouse/auth/login-throttle.ts';
import { createSession, deleteSession } from '../../warehouse/auth/sessions.ts';
import { verifyLogin } from '../../warehouse/auth/users.ts';
import type { AppContext } from '../context.ts';
import { clearedSessionCookie, sessionCookie } from '../http/cookies.ts';
import { allow, sessionOf, tokenOf } from '../http/guards.ts';
import { HttpError } from '../http/http-error.ts';

const loginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

export function authRoutes({ config, db }: AppContext): Router {
  const router = Router();
  const secure = config.server.secure_cookies;
  // What the web UI needs from config: times are shown in the reporting zone, not the browser's.
  const settings: UiSettings = { timezone: config.timezone };

  // Password guessing: only failed attempts count, per client address and user name, so a busy
  // office behind one address is not locked out by one person's typos. Counted in the database,
  // so instances behind a load balancer share one count.
  const windowMs = config.server.login_window_minutes * 60_000;
  const throttle = rateLimit({
    windowMs,
    store: loginThrottleStore(db, { windowMs, secret: config.privacy.pseudonym_key }),
    limit: config.server.login_attempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${loginName(req.body)}`,
    handler: (req, res, next) => {
      const minutes = Math.ceil(config.server.login_window_minutes);
      audit(db, { actor: loginName(req.body), action: 'login.throttled', target: null })
        .then(() => res.status(429).json({ error: `too many failed logins; try again within ${minutes} minutes` }))
        .catch(next);
    },
  });

  router.post('/login', throttle, async (req, res) => {
    const body = loginBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'expected JSON {"username": "…", "password": "…"}');
    const user = await verifyLogin(db, body.data.username, body.data.password);
    if (!user) {
      await audit(db, { actor: body.data.username, action: 'login.failed', target: null });
      // One message for an unknown user and a wrong password alike.
      throw new HttpError(401, 'invalid username or password');
    }
    const session = await createSession(db, user.id, config.server.session_hours);
    await audit(db, { actor: user.username, action: 'login', target: `user:${user.username}` });
    res.setHeader('Set-Cookie', sessionCookie(session.token, config.server.session_hours * 3600, secure));
    res.json({ user: publicUser(user), csrf: session.csrf, settings });
  });

  router.post('/logout', allow(), async (_req, res) => {
    const session = sessionOf(res);
    const token = tokenOf(res);
    if (token) await deleteSession(db, token);
    await audit(db, { actor: session.user.username, action: 'logout', target: `user:${session.user.username}` });
    res.setHeader('Set-Cookie', clearedSessionCookie(secure));
    res.json({ ok: true });
  });

  router.get('/me', allow(), (_req, res) => {
    const session = sessionOf(res);
    res.json({ user: publicUser(session.user), csrf: session.csrf, settings });
  });

  return router;
}

export interface UiSettings {
  /** IANA zone of the reporting periods (config.timezone). */
  timezone: string;
}

function loginName(body: unknown): string {
  const name = (body as { username?: unknown } | undefined)?.username;
  return typeof name === 'string' ? name.trim().toLowerCase().slice(0, 200) : '';
}

function publicUser(user: { username: string; role: string; display_name: string }) {
  return { username: user.username, role: user.role, display_name: user.display_name };
}
