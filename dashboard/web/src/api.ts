import type { UiSettings } from '../../routes/auth-routes.ts';
import type { SurveyListItem } from '../../routes/survey-routes.ts';
import type { SurveyComparison } from '../../../pipeline/metrics/survey-comparison.ts';
import type { SurveyMetrics } from '../../../pipeline/metrics/survey-metrics.ts';
import type { AlertItem } from '../../../warehouse/read-models/alerts-list.ts';
import type { DeliveryItem } from '../../../warehouse/read-models/alert-detail.ts';
import type { GainReport } from '../../../warehouse/read-models/gain-index.ts';
import type { HotlineSummary } from '../../../warehouse/read-models/hotline-summary.ts';
import type { ClauseTitle } from '../../../warehouse/read-models/clause-order.ts';
import type { MentionClauses } from '../../../warehouse/read-models/mention-clauses.ts';
import type { MentionsPage } from '../../../warehouse/read-models/mentions-list.ts';
import type { RectificationRates } from '../../../warehouse/read-models/rectification-rates.ts';
import type { RectificationListItem } from '../../../warehouse/read-models/rectifications-list.ts';
import type { SatisfactionTrend } from '../../../warehouse/read-models/satisfaction-trend.ts';
import type { RectificationItem } from '../../../warehouse/rectifications/rectification-item.ts';
import type { AlertGrade, Role, SentimentLabel } from '../../../warehouse/schema.ts';

export interface SessionUser {
  username: string;
  role: Role;
  display_name: string;
}

/** What /api/me and /api/login answer. */
export interface Session {
  user: SessionUser;
  csrf: string;
  settings: UiSettings;
}

export interface Community {
  id: string;
  name_zh: string;
  name_en: string;
}

export interface Overview {
  period: { from: string; to: string };
  community_id: string | null;
  communities: Community[];
  gain: GainReport;
  trend: SatisfactionTrend;
  hotline: HotlineSummary;
  alerts: Record<AlertGrade, number>;
  mentions: Record<SentimentLabel, number>;
  /** Scored mentions of the period per clause they bear on, most negative first. */
  mention_clauses: MentionClauses;
}

/** Dates arrive as ISO strings over JSON. */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type AlertJson = Jsonified<AlertItem>;
/** A queued item, with what was rated. */
export type RectificationJson = Jsonified<RectificationListItem>;
export type DeliveryJson = Jsonified<DeliveryItem>;
export type AlertAction = 'acknowledge' | 'responding' | 'resolve' | 'dismiss';
export type MentionsJson = Omit<MentionsPage, 'items'> & { items: Array<Jsonified<MentionsPage['items'][number]> & { clauses: ClauseTitle[] }> };

/** Which period and community the overview shows; empty means the server's default. */
export interface OverviewFilter {
  from?: string;
  to?: string;
  community?: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';

export function setCsrf(token: string): void {
  csrf = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? res.statusText);
  return data as T;
}

export const api = {
  me: () => request<Session>('GET', '/api/me'),
  login: (username: string, password: string) => request<Session>('POST', '/api/login', { username, password }),
  logout: () => request<{ ok: true }>('POST', '/api/logout'),
  overview: (filter: OverviewFilter = {}) => {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const text = query.toString();
    return request<Overview>('GET', `/api/overview${text ? `?${text}` : ''}`);
  },
  alerts: () => request<{ alerts: AlertJson[] }>('GET', '/api/alerts'),
  // For dismiss the text is the reason (required); otherwise a note.
  alertAction: (alert: AlertJson, action: AlertAction, text: string) =>
    request<{ alert: AlertJson }>('POST', `/api/alerts/${encodeURIComponent(alert.community_id)}/${alert.id}/${action}`, action === 'dismiss' ? { reason: text } : { note: text }),
  alertDeliveries: (alert: AlertJson) =>
    request<{ deliveries: DeliveryJson[] }>('GET', `/api/alerts/${encodeURIComponent(alert.community_id)}/${alert.id}`),
  retryDelivery: (alert: AlertJson, delivery: DeliveryJson) =>
    request<{ delivery: { id: number; status: string } }>('POST', `/api/alerts/${encodeURIComponent(alert.community_id)}/${alert.id}/deliveries/${delivery.id}/retry`),
  rectifications: () => request<{ rectifications: RectificationJson[] }>('GET', '/api/rectifications'),
  rectificationRates: () => request<RectificationRates>('GET', '/api/rectifications/rates'),
  rectificationAction: (item: RectificationJson, action: string, body: { note?: string; owner?: string }) =>
    request<{ rectification: Jsonified<RectificationItem> }>('POST', `/api/rectifications/${encodeURIComponent(item.community_id)}/${item.id}/${action}`, body),
  surveys: () => request<{ surveys: SurveyListItem[]; min_cell: number }>('GET', '/api/surveys'),
  surveyMetrics: (id: string, query: { period?: string; compare?: string; by?: string }) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return request<{ metrics?: SurveyMetrics; comparison?: SurveyComparison }>('GET', `/api/surveys/${encodeURIComponent(id)}/metrics?${params.toString()}`);
  },
  mentions: (label: SentimentLabel | '', page: number) =>
    request<MentionsJson>('GET', `/api/mentions?page=${page}${label ? `&label=${label}` : ''}`),
};
