import { z } from 'zod';
import { datePattern } from './date-format.ts';
import { tableFileKey } from './table-file.ts';
import { timeZoneSchema } from './time-zone.ts';
import { readYamlFile } from './yaml-file.ts';

export const ticketCategories = ['咨询', '求助', '投诉', '建议', '举报', '感谢'] as const;
export type TicketCategory = (typeof ticketCategories)[number];

export const ticketStates = ['open', 'closed', 'reopened'] as const;

const slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, dashes and underscores');

/** Status values that commonly mean open, closed (办结) or reopened (重办); a mapping adds its own. */
const defaultStatuses: Record<string, (typeof ticketStates)[number]> = {
  已办结: 'closed', 办结: 'closed', 已完成: 'closed', 已关闭: 'closed', 已回访: 'closed', closed: 'closed',
  受理: 'open', 已受理: 'open', 办理中: 'open', 处理中: 'open', 待处理: 'open', 待办: 'open', 转办: 'open', open: 'open',
  重办: 'reopened', 重新办理: 'reopened', 退回重办: 'reopened', reopened: 'reopened',
};


export const ticketMappingSchema = z
  .strictObject({
    id: slug,
    community: z.string().min(1),
    source: slug.optional(),
    name: z.string().optional(),
    /** How the export is read (format, sheet, encoding); see config/table-file.ts. */
    file: tableFileKey,
    /** Zone for export times written without an offset ('YYYY-MM-DD HH:mm[:ss]'). */
    timezone: timeZoneSchema.default('Asia/Shanghai'),
    /** Pattern of the export's times when they are not ISO or YYYY-MM-DD HH:mm[:ss], e.g. "MM/DD/YYYY hh:mm:ss A". */
    date_format: datePattern.optional(),
    /** Export headers for each ticket field; only external_id and opened_at are required. */
    columns: z.strictObject({
      external_id: z.string().min(1),
      opened_at: z.string().min(1),
      first_response_at: z.string().optional(),
      closed_at: z.string().optional(),
      /** 办理时限: when the ticket was due; without it 按时办结 is judged against satisfaction.ticket_sla_hours. */
      due_at: z.string().optional(),
      /** A reopen count (重办次数) or a yes/no flag (是/否, Y/N, true/false, 1/0). */
      reopened: z.string().optional(),
      category: z.string().optional(),
      language: z.string().optional(),
      channel: z.string().optional(),
      status: z.string().optional(),
      rating: z.string().optional(),
      text: z.string().optional(),
    }),
    /**
     * Raw category values of the export and the 12345 category each stands for. A value neither
     * mapped nor one of the six is kept with the ticket and counted as a data-quality problem.
     */
    categories: z.record(z.string(), z.enum(ticketCategories)).default({}),
    /** Status values and what they mean (open, closed, reopened), added to the common ones. */
    statuses: z.record(z.string(), z.enum(ticketStates)).default({}),
    /** 好差评 answers and their level 1–5. */
    ratings: z
      .record(z.string(), z.number().int().min(1).max(5))
      .default({ 非常满意: 5, 满意: 4, 基本满意: 3, 不满意: 2, 非常不满意: 1 }),
  })
  .transform((mapping) => ({
    ...mapping,
    source: mapping.source ?? `servicedesk-${mapping.id}`,
    statuses: { ...defaultStatuses, ...mapping.statuses },
  }));

export type TicketMapping = z.infer<typeof ticketMappingSchema>;

/** Reads a hotline/service-desk export mapping YAML file; a bad file fails with its path, the key and the reason. */
export function loadTicketMapping(file: string): TicketMapping {
  return readYamlFile(file, ticketMappingSchema);
}
