import { z } from 'zod';
import { resolveSensitivity, sensitivityFields, sensitivityNotBoth } from './negative-spike-schema.ts';

// The alert rules besides the negative-mention spike, each with defaults a community can start from.
// Every rule can be switched off; thresholds are documented in the README's Alerts section.

const term = z.string().trim().min(1);

export const highReachNegativeSchema = z
  .object({
    enabled: z.boolean().default(true),
    // One negative mention from a source this large is worth a look on its own.
    min_reach: z.number().int().positive().default(50_000),
    lookback_minutes: z.number().int().positive().default(120),
  })
  .prefault({});

export const watchListSchema = z
  .object({
    enabled: z.boolean().default(true),
    // Matched case-insensitively in a mention's title and text; Chinese and English alike.
    terms: z.array(term).default([]),
    negative_only: z.boolean().default(false),
    lookback_minutes: z.number().int().positive().default(60),
  })
  .prefault({});

export const negativeShareSchema = z
  .object({
    enabled: z.boolean().default(true),
    window_hours: z.number().int().positive().default(24),
    baseline_days: z.number().int().positive().default(14),
    // Too few mentions make a share meaningless.
    min_count: z.number().int().positive().default(10),
    // The jump in percentage points that matters, and how sure we must be it is not noise.
    min_jump_points: z.number().positive().default(15),
    alpha: z.number().positive().max(0.2).default(0.01),
  })
  .prefault({});

/**
 * Hotline complaints: the production spike rule (`talentpulse detect`) over tickets of `category`
 * per `window_hours`, as the negative-spike rule runs it, with the same sensitivity presets.
 */
export const complaintSurgeSchema = z
  .object({
    enabled: z.boolean().default(true),
    category: z.string().default('投诉'),
    window_hours: z.number().int().positive().default(24),
    baseline_days: z.number().int().positive().default(28),
    ...sensitivityFields,
    /** Fewer complaints than this in the window never alert, however quiet the usual (sparse lines, quiet nights). */
    min_count: z.number().int().nonnegative().default(5),
    /** After an alert, none for this long (the replay and the alerts table both hold it). */
    cooldown_hours: z.number().int().nonnegative().default(24),
  })
  .refine(...sensitivityNotBoth)
  .transform(resolveSensitivity)
  .prefault({});

export const overdueRectificationSchema = z.object({ enabled: z.boolean().default(true) }).prefault({});
export const collectorSilentSchema = z.object({ enabled: z.boolean().default(true) }).prefault({});

export const gradingSchema = z
  .object({
    // One grade up when the alert's reach is at least this.
    reach_step_up: z.number().int().positive().default(100_000),
    // One grade up when the alert bears on one of these clauses.
    sensitive_clauses: z.array(z.string()).default(['10.2.4']),
    // One grade up when the same rule has fired this many times in the last day (this one included).
    persistence_count: z.number().int().min(2).default(3),
  })
  .prefault({});

export const incidentSchema = z
  .object({
    // Alerts within this many hours of an incident's last alert, sharing a clause, rule or source, join it.
    window_hours: z.number().positive().default(6),
  })
  .prefault({});

export const slaBacklogSchema = z
  .object({
    enabled: z.boolean().default(true),
    // Open tickets past their due time (or the SLA in working time) before the backlog is an alert.
    min_overdue: z.number().int().positive().default(5),
  })
  .prefault({});

export const satisfactionDropSchema = z
  .object({
    enabled: z.boolean().default(true),
    // The survey index of the last window_days against the window_days before, per clause.
    window_days: z.number().int().positive().default(30),
    // Answers needed on each side before a change can mean anything.
    min_n: z.number().int().positive().default(20),
    min_drop_points: z.number().positive().default(5),
    alpha: z.number().positive().max(0.2).default(0.05),
  })
  .prefault({});
