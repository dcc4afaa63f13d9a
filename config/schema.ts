import { z } from 'zod';
import {
  collectorSilentSchema,
  complaintSurgeSchema,
  gradingSchema,
  highReachNegativeSchema,
  incidentSchema,
  negativeShareSchema,
  overdueRectificationSchema,
  satisfactionDropSchema,
  slaBacklogSchema,
  watchListSchema,
} from './alert-rules.ts';
import { negativeSpikeSchema } from './negative-spike-schema.ts';
import { notificationsSchema } from './notification-schema.ts';
import { koboSourceSchema, surveyHookSchema, ticketSourceSchema } from './remote-source-schema.ts';
import { cron, crawlSchema, sourceSchema } from './source-schema.ts';
import { workingTimeSchema } from './working-time.ts';

export { feedSourceSchema, listSourceSchema, pageSourceSchema, sourceSchema } from './source-schema.ts';
export type { KoboSource, SurveyHook, TicketApiSource } from './remote-source-schema.ts';
export type { ArticleSelectors, CrawlSettings, FeedSource, ListSource, PageSource, SourceConfig } from './source-schema.ts';

export const communitySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  name_zh: z.string(),
  name_en: z.string(),
});

export const alertRulesSchema = z.object({
  negative_spike: negativeSpikeSchema,
  high_reach_negative: highReachNegativeSchema,
  watch_list: watchListSchema,
  negative_share: negativeShareSchema,
  complaint_surge: complaintSurgeSchema,
  overdue_rectification: overdueRectificationSchema,
  collector_silent: collectorSilentSchema,
  sla_backlog: slaBacklogSchema,
  satisfaction_drop: satisfactionDropSchema,
  grading: gradingSchema,
  incidents: incidentSchema,
});

export const configSchema = z.object({
  timezone: z.string().default('Asia/Shanghai'),
  database: z
    .object({
      url: z.string().optional(),
      data_dir: z.string().default('./data/pglite'),
      /** PostgreSQL schema to use (created when missing); the server default when absent. */
      schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier').optional(),
    })
    .prefault({}),
  server: z
    .object({
      port: z.number().int().min(0).max(65535).default(3000),
      host: z.string().default('127.0.0.1'),
      session_hours: z.number().positive().default(12),
      /** Where people reach the dashboard, for links in notices; http://host:port when absent. */
      public_url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
      secure_cookies: z.boolean().default(false),
      // Failed logins allowed per client address and user name in login_window_minutes; then 429.
      login_attempts: z.number().int().min(1).default(10),
      login_window_minutes: z.number().positive().default(15),
    })
    .prefault({}),
  privacy: z
    .object({
      min_cell: z.number().int().min(1).default(5),
      pseudonym_key: z.string().min(8).default('talentpulse-demo-key-change-me'),
    })
    .prefault({}),
  http: z
    .object({
      timeout_ms: z.number().int().positive().default(10_000),
      retries: z.number().int().min(0).default(2),
      max_body_bytes: z.number().int().positive().default(5 * 1024 * 1024),
      user_agent: z.string().default('talentpulse/0.1 (+community public-opinion monitor)'),
      // Until the response headers arrive / longest silence while the body streams; default timeout_ms.
      connect_timeout_ms: z.number().int().positive().optional(),
      read_timeout_ms: z.number().int().positive().optional(),
      max_redirects: z.number().int().min(0).default(5),
      // Politeness per host: requests in flight and least time between two starts (a longer robots.txt Crawl-delay wins).
      host_concurrency: z.number().int().min(1).default(1),
      host_delay_ms: z.number().int().min(0).default(1000),
    })
    .prefault({}),
  scheduler: z
    .object({
      enabled: z.boolean().default(true),
      score: cron.default('*/5 * * * *'),
      rollup: cron.default('*/10 * * * *'),
      alerts: cron.default('*/5 * * * *'),
      // Queue new alerts' notices and send those due; escalate unacknowledged alerts; the daily digest.
      notify: cron.default('* * * * *'),
      escalate: cron.default('* * * * *'),
      digest: cron.default('0 18 * * *'),
      // Housekeeping: expired sessions are deleted.
      housekeeping: cron.default('30 3 * * *'),
    })
    .prefault({}),
  satisfaction: z
    .object({
      // Hotline tickets must be closed within this many hours to count as on time (按时办结).
      ticket_sla_hours: z.number().positive().default(72),
      // Whether ticket_sla_hours is counted in working time (working_time) or on the wall clock.
      ticket_sla_clock: z.enum(['working', 'calendar']).default('working'),
      // 满意率 counts rated tickets at or above this 好差评 level: 4 = 满意 and 非常满意; 3 adds 基本满意.
      satisfied_min_rating: z.number().int().min(1).max(5).default(4),
      // 获得感 (5.1): weights of survey index, hotline 满意率 and net sentiment; only their ratios matter.
      gain_weights: z
        .object({
          survey: z.number().min(0).default(0.5),
          hotline: z.number().min(0).default(0.3),
          sentiment: z.number().min(0).default(0.2),
        })
        .prefault({})
        .refine((w) => w.survey + w.hotline + w.sentiment > 0, 'at least one weight must be above 0'),
    })
    .prefault({}),
  rectification: z
    .object({
      // Working days from a 差评 to its fix being due; public holidays and 调休 count as the calendar says.
      due_working_days: z.number().int().min(1).max(60).default(15),
    })
    .prefault({}),
  // Working days and hours of the hotline and service desks (法定节假日, 调休, lunch break).
  working_time: workingTimeSchema,
  alerts: alertRulesSchema.prefault({}),
  notifications: notificationsSchema.prefault({}),
  communities: z.array(communitySchema).default([]),
  sources: z.array(sourceSchema).default([]),
  /** Survey forms pulled over an API (KoboToolbox), and work orders from a desk's API. */
  survey_sources: z.array(koboSourceSchema).default([]),
  ticket_sources: z.array(ticketSourceSchema).default([]),
  /** Instruments whose responses arrive one by one over a signed webhook. */
  surveys: z.array(surveyHookSchema).default([]),
  crawl: crawlSchema,
  demo: z
    .object({
      enabled: z.boolean().default(false),
      // A fixed port keeps the demo feeds' URLs, and so their keys, the same from one start to the next.
      site_port: z.number().int().min(0).max(65535).default(8931),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type Community = z.infer<typeof communitySchema>;
