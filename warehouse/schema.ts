import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** Timestamps are written as Date or ISO strings and read back as Date on both drivers. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** JSON is written as a string (JSON.stringify), since pg would turn a JS array into a PostgreSQL array literal. */
type Json<T extends object> = JSONColumnType<T, string, string>;

export type SourceKind = 'survey' | 'servicedesk' | 'mentions';
export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';
export type AlertGrade = 'blue' | 'yellow' | 'orange' | 'red';
export type AlertStatus = 'open' | 'acknowledged' | 'responding' | 'resolved' | 'dismissed';
export type DeliveryChannel = 'email' | 'wecom' | 'dingtalk' | 'webhook';
export type DeliveryKind = 'alert' | 'escalation' | 'digest';
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'cancelled';
export type Role = 'leader' | 'comms' | 'expert' | 'admin';
export type RectificationStatus = 'open' | 'in_progress' | 'fixed' | 'followed_up' | 'closed';
/** Why a rectification was closed: by staff after the follow-up, or by the rater's good re-rating (see rectifications/closed-reason.ts). */
export type ClosedReason = 'followed-up' | 're-rated';

export interface CommunitiesTable {
  id: string;
  name_zh: string;
  name_en: string;
  created_at: CreatedAt;
}

export interface SourcesTable {
  id: string;
  kind: SourceKind;
  community_id: string;
  name: string;
  /** Where it comes from: a URL for feeds, a file path for imports. */
  location: string;
  reach: number;
  enabled: boolean;
  last_success_at: Timestamp | null;
  /** When the source last produced a new record; a source quiet for too long is flagged silent. */
  last_new_at: Timestamp | null;
  /** From the source's configuration: how often it should produce something new. */
  expected_interval_minutes: number | null;
  created_at: CreatedAt;
}

export interface RunStats {
  read: number;
  new: number;
  duplicate: number;
  rejected: number;
  [more: string]: number;
}

export interface CollectorRunsTable {
  id: Generated<number>;
  source_id: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: 'running' | 'ok' | 'partial' | 'failed';
  stats: Json<RunStats>;
  error: string | null;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  community_id: string;
  instrument_id: string;
  /** Pseudonymised respondent id, or a hash of the row's content and its occurrence in the file. */
  response_key: string;
  submitted_at: Timestamp;
  segments: Json<Record<string, string>>;
  source_id: string;
  source_row: number;
  created_at: CreatedAt;
  /**
   * The response's answers, one element per answer in each of the four arrays (question id —
   * `q.option` for a multi-select's choices —, clause, raw answer, 0–100 score or null when the
   * answer leaves the base). Read them one row per answer through the survey_answers view.
   */
  answer_questions: Generated<string[]>;
  answer_clauses: Generated<(string | null)[]>;
  answer_raw_values: Generated<(string | null)[]>;
  answer_scores: Generated<(number | null)[]>;
}

/** A view: one row per answer of survey_responses (read-only; answers are written with their response). */
export interface SurveyAnswersTable {
  community_id: string;
  response_id: number;
  question_id: string;
  clause_id: string | null;
  raw_value: string | null;
  /** 0–100; null when the answer leaves the base (blank, don't know). */
  score: number | null;
}

export type TicketState = 'open' | 'closed' | 'reopened';
export interface SurveyInstrumentsTable {
  id: string;
  community_id: string;
  /** The instrument as validated at import (config/instrument.ts), scales included. */
  definition: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** How far the pipeline has read an instrument's responses for 差评 (migration T1900). */
export interface SurveyRatingScansTable {
  instrument_id: string;
  /** The 好差评 questions read; another set means reading the instrument again from the start. */
  question_ids: string[];
  /** Every response stored (created_at) before this time has been read. */
  scanned_through: Timestamp;
}

export interface TicketsTable {
  id: Generated<number>;
  community_id: string;
  source_id: string;
  external_id: string;
  opened_at: Timestamp;
  first_response_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** When the export says the ticket was due (办理时限); null when it has none. */
  due_at: Timestamp | null;
  /** 12345 category (咨询/求助/投诉/建议/举报/感谢); null when blank or unmapped. */
  category: string | null;
  /** The export's own category value; set with a null category means unmapped (a data-quality problem). */
  raw_category: string | null;
  language: string | null;
  channel: string | null;
  status: string | null;
  /** What the status value means per the mapping; null when the export has no status or an unmapped one. */
  state: TicketState | null;
  /** Times reopened (重办); null when the export does not say. */
  reopen_count: number | null;
  /** 好差评 level 1 (非常不满意) … 5 (非常满意); null when the caller gave none. */
  rating: number | null;
  /** Redacted of personal data at ingestion. */
  text: string;
  clause_ids: string[];
  source_row: number | null;
  created_at: CreatedAt;
}

export interface MentionsTable {
  id: Generated<number>;
  community_id: string;
  source_id: string;
  url: string;
  /** sha256 of the canonical URL: the natural key. */
  url_hash: string;
  content_hash: string;
  title: string;
  /** Redacted of personal data at ingestion. */
  text: string;
  author: string | null;
  published_at: Timestamp;
  collected_at: Timestamp;
  lang: string | null;
  reach: number;
  /** 64-bit SimHash of the text, 16 hex digits. */
  simhash: string | null;
  /** Groups near-duplicates: the url_hash of the first mention of the story. */
  story_key: string | null;
  is_original: ColumnType<boolean, boolean | undefined, boolean>;
  /** The SimHash's four 16-bit bands, indexed, for near-duplicate candidate lookup. */
  simhash_b0: number | null;
  simhash_b1: number | null;
  simhash_b2: number | null;
  simhash_b3: number | null;
}

export interface ScoresTable {
  community_id: string;
  record_kind: 'mention' | 'ticket';
  record_id: number;
  scorer_version: string;
  label: SentimentLabel;
  score: number;
  lang: string;
  terms: Json<string[]>;
  clause_ids: string[];
  scored_at: Timestamp;
}

export interface DailyRollupsTable {
  community_id: string;
  day: ColumnType<string, string, string>;
  /** A clause id, or '*' for all clauses together. */
  clause_id: string;
  source_kind: SourceKind;
  metric: string;
  n: number;
  sum: number;
  sum_sq: number;
  updated_at: Timestamp;
}

export interface AlertNote {
  at: string;
  user: string;
  text: string;
}

export interface AlertsTable {
  id: Generated<number>;
  community_id: string;
  rule: string;
  /** Identifies the window the alert is about, so re-running detection raises nothing twice. */
  dedupe_key: string;
  grade: AlertGrade;
  status: AlertStatus;
  title: string;
  drivers: Json<Record<string, unknown>>;
  notes: Json<AlertNote[]>;
  opened_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  /** The incident grouping this alert with related ones. */
  incident_id: ColumnType<number | null, number | null | undefined, number | null>;
  assignee: string | null;
  /** What was said publicly in response (10.2.4), as recorded by the comms staff. */
  public_response: string | null;
  responded_at: Timestamp | null;
  dismissed_at: Timestamp | null;
  dismissed_by: string | null;
  /** Why it was a false alarm; kept to tune the rules. */
  dismiss_reason: string | null;
  escalation_level: Generated<number>;
  escalated_at: Timestamp | null;
  /** Null until the alert's notices are queued: the alert row is its own outbox. */
  notified_at: Timestamp | null;
}

export interface IncidentsTable {
  id: Generated<number>;
  community_id: string;
  title: string;
  grade: AlertGrade;
  opened_at: Timestamp;
  last_alert_at: Timestamp;
  rules: string[];
  clause_ids: string[];
  source_ids: string[];
  alert_count: number;
}

/** One 差评 and what was done about it; see migrations 2026-11-30T1500-rectifications and 2026-12-02T0000-rectification-rounds. */
export interface RectificationsTable {
  id: Generated<number>;
  community_id: string;
  origin_kind: 'ticket' | 'survey';
  origin_id: number;
  /** The survey question rated; '' for a hotline callback. */
  origin_ref: ColumnType<string, string | undefined, string>;
  /** 1 for an origin's first 差评; one more for each 差评 given again after a re-rating closed the round before. */
  round: ColumnType<number, number | undefined, number>;
  /** 好差评 level: 1 非常不满意, 2 不满意. */
  rating: number;
  rated_at: Timestamp;
  due_at: Timestamp;
  status: ColumnType<RectificationStatus, RectificationStatus | undefined, RectificationStatus>;
  owner: string | null;
  fixed_at: Timestamp | null;
  followed_up_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Why it was closed (see closed-reason.ts); null while not closed. */
  closed_reason: ClosedReason | null;
  notes: ColumnType<AlertNote[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface DeliveryPayload {
  event: DeliveryKind;
  alerts: { community_id: string; id: number; grade: AlertGrade; title: string; url: string }[];
}

export interface DeliveriesTable {
  id: Generated<number>;
  community_id: string;
  /** Null for a digest, which lists several alerts (in `payload`). */
  alert_id: number | null;
  kind: DeliveryKind;
  channel: DeliveryChannel;
  /** A person's name or a channel's id from the notifications config; addresses and secrets are resolved when sending. */
  recipient: string;
  /** One notice per alert (or digest day) × channel × recipient, however often it is queued. */
  dedupe_key: string;
  subject: string;
  /** Markdown, already in the recipient's language. */
  body: string;
  payload: Json<DeliveryPayload>;
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface RejectsTable {
  id: Generated<number>;
  source_id: string;
  run_id: number | null;
  /** File name or URL the record came from. */
  location: string;
  row: number | null;
  field: string | null;
  value: string | null;
  reason: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  display_name: string;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

/** Failed logins per key and window, shared by every app instance (migration T2100). */
export interface LoginThrottleTable {
  /** A keyed hash of client address and user name: neither is stored. */
  key: string;
  hits: number;
  reset_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor: string;
  action: string;
  target: string | null;
  details: Json<Record<string, unknown>>;
}

export interface HttpCacheTable {
  url_hash: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  status: number;
  checked_at: Timestamp;
}

/** Where an API source's last landed pull ended (its own format: a time, an id, a token). */
export interface SourceCursorsTable {
  source_id: string;
  cursor: string;
  updated_at: Timestamp;
}

export interface Database {
  communities: CommunitiesTable;
  sources: SourcesTable;
  collector_runs: CollectorRunsTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_instruments: SurveyInstrumentsTable;
  survey_rating_scans: SurveyRatingScansTable;
  tickets: TicketsTable;
  mentions: MentionsTable;
  scores: ScoresTable;
  daily_rollups: DailyRollupsTable;
  alerts: AlertsTable;
  rectifications: RectificationsTable;
  incidents: IncidentsTable;
  deliveries: DeliveriesTable;
  rejects: RejectsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
  http_cache: HttpCacheTable;
  source_cursors: SourceCursorsTable;
}

export type Mention = Selectable<MentionsTable>;
export type NewMention = Insertable<MentionsTable>;
export type Ticket = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type Alert = Selectable<AlertsTable>;
export type Delivery = Selectable<DeliveriesTable>;
export type User = Selectable<UsersTable>;
export type NewReject = Insertable<RejectsTable>;
