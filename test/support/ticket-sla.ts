import type { TicketSla } from '../../config/ticket-sla.ts';
import { workingCalendar } from '../../config/working-calendar.ts';

/** Jinan working time in tests: 09:00–12:00 and 13:30–17:30 on weekdays, with the given days off. */
export function jinanCalendar(holidays: string[] = []) {
  return workingCalendar({ timeZone: 'Asia/Shanghai', periods: [[540, 720], [810, 1050]], holidays: new Set(holidays), workdays: new Set() });
}

/** An SLA of `hours` on the wall clock or in Jinan working time. */
export function testSla(hours: number, clock: TicketSla['clock'] = 'calendar', holidays: string[] = []): TicketSla {
  return { hours, clock, calendar: jinanCalendar(holidays) };
}
