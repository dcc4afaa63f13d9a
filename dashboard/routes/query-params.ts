import type { Request } from 'express';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';

/** A single string query parameter, or undefined; repeated parameters are refused. */
export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `query parameter "${name}" must be given once`);
  return value;
}

/** ?community=…, checked against the configured communities; undefined means all of them. */
export function communityParam(req: Request, { config }: AppContext): string | undefined {
  const id = queryString(req, 'community');
  if (id === undefined) return undefined;
  if (config.communities.length > 0 && !config.communities.some((c) => c.id === id)) {
    throw new HttpError(400, `unknown community "${id}" (known: ${config.communities.map((c) => c.id).join(', ')})`);
  }
  return id;
}

export function oneOf<T extends string>(req: Request, name: string, allowed: readonly T[]): T | undefined {
  const value = queryString(req, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new HttpError(400, `query parameter "${name}" must be one of ${allowed.join(', ')}`);
  return value as T;
}
