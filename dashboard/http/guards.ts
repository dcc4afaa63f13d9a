import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { ActiveSession } from '../../warehouse/auth/sessions.ts';
import { findSession } from '../../warehouse/auth/sessions.ts';
import type { Db } from '../../warehouse/database.ts';
import type { Role } from '../../warehouse/schema.ts';
import { parseCookies, SESSION_COOKIE } from './cookies.ts';
import { HttpError } from './http-error.ts';

interface Locals {
  session?: ActiveSession;
  token?: string;
}

/** Reads the session cookie into res.locals; it refuses nothing by itself. */
export function loadSession(db: Db): RequestHandler {
  return async (req, res, next) => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) {
      const session = await findSession(db, token);
      if (session) Object.assign(res.locals as Locals, { session, token });
    }
    next();
  };
}

export function sessionOf(res: Response): ActiveSession {
  const session = (res.locals as Locals).session;
  if (!session) throw new HttpError(401, 'not logged in');
  return session;
}

export function tokenOf(res: Response): string | undefined {
  return (res.locals as Locals).token;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Logged in (else 401), then for mutating requests the session's CSRF token in x-csrf-token
 * (else 403), then one of the roles (else 403).
 */
export function allow(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const session = sessionOf(res);
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.get('x-csrf-token');
      if (!header || !sameToken(header, session.csrf)) throw new HttpError(403, 'missing or wrong CSRF token (x-csrf-token)');
    }
    if (roles.length > 0 && !roles.includes(session.user.role)) {
      throw new HttpError(403, `role "${session.user.role}" may not use this; it needs ${roles.join(' or ')}`);
    }
    next();
  };
}
