import type { Role } from '../../../warehouse/schema.ts';

export type Page = 'overview' | 'surveys' | 'alerts' | 'mentions' | 'rectification';

/** Mirrors the API's role checks, so nobody is offered a page the server would refuse. */
export const PAGE_ROLES: Record<Page, Role[]> = {
  overview: ['leader', 'expert', 'admin', 'comms'],
  surveys: ['leader', 'expert', 'admin'],
  alerts: ['comms', 'admin'],
  mentions: ['comms', 'leader', 'admin'],
  rectification: ['leader', 'comms', 'expert', 'admin'],
};

export const EXPORT_ROLES: Role[] = ['expert', 'leader', 'admin'];
export const ALERT_ACTION_ROLES: Role[] = ['comms', 'admin'];
export const RECTIFICATION_ACTION_ROLES: Role[] = ['leader', 'comms', 'admin'];

export function pageFromPath(path: string): Page {
  if (path.startsWith('/surveys')) return 'surveys';
  if (path.startsWith('/alerts')) return 'alerts';
  if (path.startsWith('/mentions')) return 'mentions';
  if (path.startsWith('/rectification')) return 'rectification';
  return 'overview';
}
