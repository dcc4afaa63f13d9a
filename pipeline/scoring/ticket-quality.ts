import type { TicketKpiRow } from '../../warehouse/read-models/ticket-kpi-rows.ts';

/** Data-quality problems a ticket can carry; each is counted, none drops the ticket. */
export const ticketProblems = [
  'closed_before_opened',
  'first_response_before_opened',
  'due_before_opened',
  'closed_without_closed_at',
  'missing_first_response',
  'unknown_category',
  'unknown_status',
] as const;
export type TicketProblem = (typeof ticketProblems)[number];

/** What each problem does to the figures, said in the output next to its count. */
export const problemEffects: Record<TicketProblem, string> = {
  closed_before_opened: 'kept and counted as closed; left out of resolution times and 按时办结率',
  first_response_before_opened: 'kept; left out of first-response times',
  due_before_opened: 'kept; its due time ignored, 按时办结 judged against the SLA instead',
  closed_without_closed_at: 'status says closed but no closing time: counted as closed, left out of resolution times, 按时办结率 and the backlog',
  missing_first_response: 'closed without a first-response time although the export has that column: left out of first-response times',
  unknown_category: 'category not mapped to 咨询/求助/投诉/建议/举报/感谢: kept under "(unmapped)"',
  unknown_status: 'status value the mapping does not know: closed if it has a closing time, else open',
};

/** Whether the ticket is closed (办结) as far as its state, else its closing time, says. */
export function isClosed(row: TicketKpiRow): boolean {
  return row.state === 'closed' || (row.state === null && row.closed_at !== null);
}

/** The problems of one ticket; exportHasFirstResponse says whether a missing first response is a gap or simply not exported. */
export function problemsOf(row: TicketKpiRow, exportHasFirstResponse: boolean): TicketProblem[] {
  const problems: TicketProblem[] = [];
  const opened = row.opened_at.getTime();
  if (row.closed_at && row.closed_at.getTime() < opened) problems.push('closed_before_opened');
  if (row.first_response_at && row.first_response_at.getTime() < opened) problems.push('first_response_before_opened');
  if (row.due_at && row.due_at.getTime() < opened) problems.push('due_before_opened');
  if (row.state === 'closed' && row.closed_at === null) problems.push('closed_without_closed_at');
  if (exportHasFirstResponse && isClosed(row) && row.first_response_at === null) problems.push('missing_first_response');
  if (row.category === null && row.raw_category !== null) problems.push('unknown_category');
  if (row.state === null && row.status !== null) problems.push('unknown_status');
  return problems;
}
