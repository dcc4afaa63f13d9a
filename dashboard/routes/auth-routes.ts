import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../../warehouse/auth/audit.ts';
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

  router.post('/login', async (req, res) => {
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

function publicUser(user: { username: string; role: string; display_name: string }) {
  return { username: user.username, role: user.role, display_name: user.display_name };
}
