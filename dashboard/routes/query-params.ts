import type { Request } from 'express';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/http-error.ts';
import { parsePeriodLabel } from '../../warehouse/read-models/period-label.ts';
import { parsePeriod, type Period, PeriodError } from '../../warehouse/read-models/period.ts';

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

/**
 * The period of a request: `?period=` as people write it (2024, 2024-Q3, 2024-07, FROM..TO of
 * those), or `?from=&to=` days (by default the twelve months to today in the configured zone).
 * Both at once is refused rather than one silently winning.
 */
export function periodParam(req: Request, timeZone: string): Period {
  const label = queryString(req, 'period');
  const [from, to] = [queryString(req, 'from'), queryString(req, 'to')];
  if (label === undefined) return parsePeriod({ from, to }, timeZone);
  if (from !== undefined || to !== undefined) throw new PeriodError('give period or from/to, not both');
  return parsePeriodLabel(label, 'period');
}
