import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** Timestamps are written as Date or ISO strings and read back as Date on both drivers. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** JSON is written as a string (JSON.stringify), since pg would turn a JS array into a PostgreSQL array literal. */
type Json<T extends object> = JSONColumnType<T, string, string>;

export type SourceKind = 'survey' | 'servicedesk' | 'mentions';
export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';
export type AlertGrade = 'blue' | 'yellow' | 'orange' | 'red';
export type AlertStatus = 'open' | 'acknowledged' | 'responding' | 'resolved';
export type Role = 'leader' | 'comms' | 'expert' | 'admin';

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
}

export interface SurveyAnswersTable {
  community_id: string;
  response_id: number;
  question_id: string;
  clause_id: string | null;
  raw_value: string | null;
  /** 0–100; null when the answer leaves the base (blank, don't know). */
  score: number | null;
}

export interface TicketsTable {
  id: Generated<number>;
  community_id: string;
  source_id: string;
  external_id: string;
  opened_at: Timestamp;
  first_response_at: Timestamp | null;
  closed_at: Timestamp | null;
  category: string | null;
  language: string | null;
  channel: string | null;
  status: string | null;
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
  tickets: TicketsTable;
  mentions: MentionsTable;
  scores: ScoresTable;
  daily_rollups: DailyRollupsTable;
  alerts: AlertsTable;
  rejects: RejectsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  http_cache: HttpCacheTable;
  source_cursors: SourceCursorsTable;
}

export type Mention = Selectable<MentionsTable>;
export type NewMention = Insertable<MentionsTable>;
export type Ticket = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type Alert = Selectable<AlertsTable>;
export type User = Selectable<UsersTable>;
export type NewReject = Insertable<RejectsTable>;
