import { z } from 'zod';
import { timeZoneSchema } from './time-zone.ts';

export const gradeSchema = z.enum(['blue', 'yellow', 'orange', 'red']);

/** "22:00-08:00" in the recipient's zone; may wrap midnight. */
export const quietHoursSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d\s*[-–~]\s*([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM-HH:MM such as "22:00-08:00"');

// zh: Chinese only; en: Chinese first, then English.
const lang = z.enum(['zh', 'en']).default('zh');
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

export const personSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  email: z.email(),
  lang,
  /** The zone their quiet hours are in; the top-level timezone when absent. */
  timezone: timeZoneSchema.optional(),
  quiet_hours: quietHoursSchema.optional(),
  /** Alerts of this grade or higher are sent at once; lower ones wait for the daily digest. */
  min_grade: gradeSchema.default('orange'),
  /** Place in the escalation chain (1 first); people without one are never escalated to. */
  escalation_order: z.number().int().positive().optional(),
  digest: z.boolean().default(true),
});

// What every group-robot or webhook channel has. The URL (WeCom's carries its key) may come from the environment.
const channelCommon = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  url: httpUrl.optional(),
  url_env: envName.optional(),
  lang,
  timezone: timeZoneSchema.optional(),
  quiet_hours: quietHoursSchema.optional(),
  min_grade: gradeSchema.default('yellow'),
  digest: z.boolean().default(false),
};

/** The secret itself is never written in the file: `secret_env` names the variable, config/load.ts fills `secret`. */
const secret = { secret_env: envName.optional(), secret: z.string().min(1).optional() };

export const channelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...channelCommon, kind: z.literal('wecom') }),
  // DingTalk robots may be secured by a signing secret (recommended) or by keywords/IP only.
  z.strictObject({ ...channelCommon, ...secret, kind: z.literal('dingtalk') }),
  z.strictObject({ ...channelCommon, ...secret, kind: z.literal('webhook') }),
]);

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password_env: envName.optional(),
  password: z.string().optional(),
  from: z.string().min(3),
});

export const notificationsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  smtp: smtpSchema.optional(),
  people: z.array(personSchema).default([]),
  channels: z.array(channelSchema).default([]),
  /** Red alerts reach people even in their quiet hours. */
  red_overrides_quiet_hours: z.boolean().default(true),
  escalation: z
    .strictObject({
      /** An alert nobody has acknowledged after this long goes to the next person in the chain, and again after as long. */
      after_minutes: z.number().int().positive().default(30),
      /** Alerts below this grade never escalate. */
      min_grade: gradeSchema.default('yellow'),
    })
    .prefault({}),
  retry: z
    .strictObject({
      max_attempts: z.number().int().min(1).default(8),
      base_seconds: z.number().positive().default(60),
      max_seconds: z.number().positive().default(3600),
    })
    .prefault({}),
  timeout_ms: z.number().int().positive().default(10_000),
});

export type NotificationsConfig = z.infer<typeof notificationsSchema>;
export type PersonConfig = z.infer<typeof personSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;
export type SmtpConfig = z.infer<typeof smtpSchema>;
