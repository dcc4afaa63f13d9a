import { z } from 'zod';
import { cron } from './source-schema.ts';

// Surveys and work orders that arrive over APIs and webhooks rather than as files. Paths to
// instruments and mappings are relative to the configuration file; secrets come from the
// environment (`*_env: VARIABLE`), resolved once in load.ts.

const id = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as KOBO_TOKEN');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** A KoboToolbox form pulled over API v2, incrementally by submission time. */
export const koboSourceSchema = z.strictObject({
  id,
  kind: z.literal('kobo').default('kobo'),
  /** The instrument YAML: its `column`s name Kobo question paths ("group_x/q1"). */
  instrument: z.string().min(1),
  /** The Kobo server, e.g. https://kf.kobotoolbox.org */
  server: httpUrl,
  asset_uid: z.string().regex(/^[A-Za-z0-9]+$/, 'the form\'s asset uid'),
  /** API token (Account settings → API key), or the variable holding it. */
  token_env: envName.optional(),
  token: z.string().min(1).optional(),
  schedule: cron.default('0 * * * *'),
  enabled: z.boolean().default(true),
  page_size: z.number().int().positive().max(30_000).default(1000),
  max_pages: z.number().int().positive().default(100),
});

/** A hotline / service-desk API returning JSON lists of work orders, polled with a cursor. */
export const ticketSourceSchema = z.strictObject({
  id,
  /** The mapping YAML: its `columns` name the JSON fields of a ticket (dotted paths for nested ones). */
  mapping: z.string().min(1),
  url: httpUrl,
  schedule: cron.default('*/30 * * * *'),
  enabled: z.boolean().default(true),
  auth: z
    .strictObject({
      header: z.string().min(1).default('Authorization'),
      /** Put before the secret, e.g. "Bearer ". */
      prefix: z.string().default(''),
      value_env: envName.optional(),
      value: z.string().min(1).optional(),
    })
    .optional(),
  /** Where the list is in the response ("data.items"); default: the body itself, or its results/data/items. */
  items: z.string().min(1).optional(),
  /** The ticket field whose largest landed value is sent back next time (an update time or an id). */
  cursor_field: z.string().min(1),
  /** The query parameter that carries it. */
  cursor_param: z.string().min(1),
  /** Numbered pages from 1 in this query parameter; or `next_field`, a next-page URL in the body. */
  page_param: z.string().min(1).optional(),
  next_field: z.string().min(1).optional(),
  page_size_param: z.string().min(1).optional(),
  page_size: z.number().int().positive().default(100),
  max_pages: z.number().int().positive().default(100),
});

/** Instruments that accept responses one by one at POST /api/hooks/surveys/:instrumentId. */
export const surveyHookSchema = z.strictObject({
  instrument: z.string().min(1),
  webhook_secret_env: envName.optional(),
  webhook_secret: z.string().min(16, 'at least 16 characters').optional(),
});

export type KoboSource = z.infer<typeof koboSourceSchema>;
export type TicketApiSource = z.infer<typeof ticketSourceSchema>;
export type SurveyHook = z.infer<typeof surveyHookSchema>;
