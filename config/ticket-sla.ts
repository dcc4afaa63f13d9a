import type { WorkingCalendar } from './working-calendar.ts';
import { workingCalendarOf, type WorkingTimeConfig } from './working-time.ts';

/**
 * The 按时办结 rule for a ticket whose export gives no due time: satisfaction.ticket_sla_hours on
 * the ticket_sla_clock. Every output that publishes 按时办结率 (metrics tickets, the overview, the
 * rollups behind the expert scorecard) judges a ticket by this one due instant, so they agree.
 */
export interface TicketSla {
  hours: number;
  clock: 'working' | 'calendar';
  calendar: WorkingCalendar;
}

export function ticketSlaOf(config: {
  timezone: string;
  working_time: WorkingTimeConfig;
  satisfaction: { ticket_sla_hours: number; ticket_sla_clock: 'working' | 'calendar' };
}): TicketSla {
  return { hours: config.satisfaction.ticket_sla_hours, clock: config.satisfaction.ticket_sla_clock, calendar: workingCalendarOf(config) };
}

/** When a ticket opened at `openedAt` falls due under the SLA (on a working clock, the instant the hours are used up). */
export function slaDueAt(openedAt: Date, sla: TicketSla): Date {
  if (sla.clock === 'working') return sla.calendar.addWorkingHours(openedAt, sla.hours);
  return new Date(openedAt.getTime() + sla.hours * 3_600_000);
}

/** A ticket's due instant: the export's own when it is not before the opening, else the SLA's. */
export function ticketDueAt(ticket: { opened_at: Date; due_at: Date | null }, sla: TicketSla): Date {
  return ticket.due_at && ticket.due_at >= ticket.opened_at ? ticket.due_at : slaDueAt(ticket.opened_at, sla);
}

/** How the rule reads in a method note. */
export function describeSla(sla: Pick<TicketSla, 'hours' | 'clock'>): string {
  return sla.clock === 'working' ? `${sla.hours} working hours (working_time and holiday calendar)` : `${sla.hours} calendar hours`;
}
