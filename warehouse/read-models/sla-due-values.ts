import { type AliasedRawBuilder, sql } from 'kysely';
import { slaDueAt, type TicketSla } from '../../config/ticket-sla.ts';

/**
 * The SLA due instants of tickets whose export gives no usable due time, as a derived table
 * `sla_dues(id, due)` to left-join on tickets.id. Working time with its holiday calendar is not
 * something SQL can count, so the instants are computed here with the same rule `metrics tickets`
 * uses (config/ticket-sla.ts) and handed to the query as two parallel arrays.
 */
export function slaDueValues(tickets: ReadonlyArray<{ id: number | string; opened_at: Date }>, sla: TicketSla): AliasedRawBuilder<{ id: number; due: Date }, 'sla_dues'> {
  const ids = tickets.map((t) => String(t.id));
  const dues = tickets.map((t) => slaDueAt(t.opened_at, sla).toISOString());
  return sql<{ id: number; due: Date }>`(select * from unnest(${ids}::bigint[], ${dues}::timestamptz[]) as d(id, due))`.as('sla_dues');
}
