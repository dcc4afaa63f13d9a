import { z } from 'zod';
import { tableFileKey } from './table-file.ts';
import { timeZoneSchema } from './time-zone.ts';
import { readYamlFile } from './yaml-file.ts';

export const ticketCategories = ['咨询', '求助', '投诉', '建议', '举报', '感谢'] as const;
export type TicketCategory = (typeof ticketCategories)[number];

const slug = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, dashes and underscores');

export const ticketMappingSchema = z
  .object({
    id: slug,
    community: z.string().min(1),
    source: slug.optional(),
    name: z.string().optional(),
    /** How the export is read (format, sheet, encoding); see config/table-file.ts. */
    file: tableFileKey,
    /** Zone for export times written without an offset ('YYYY-MM-DD HH:mm[:ss]'). */
    timezone: timeZoneSchema.default('Asia/Shanghai'),
    /** Export headers for each ticket field; only external_id and opened_at are required. */
    columns: z.object({
      external_id: z.string().min(1),
      opened_at: z.string().min(1),
      first_response_at: z.string().optional(),
      closed_at: z.string().optional(),
      category: z.string().optional(),
      language: z.string().optional(),
      channel: z.string().optional(),
      status: z.string().optional(),
      rating: z.string().optional(),
      text: z.string().optional(),
    }),
    /** Raw category values of the export and the 12345 category each stands for. */
    categories: z.record(z.string(), z.enum(ticketCategories)).default({}),
    /** 好差评 answers and their level 1–5. */
    ratings: z
      .record(z.string(), z.number().int().min(1).max(5))
      .default({ 非常满意: 5, 满意: 4, 基本满意: 3, 不满意: 2, 非常不满意: 1 }),
  })
  .transform((mapping) => ({ ...mapping, source: mapping.source ?? `servicedesk-${mapping.id}` }));

export type TicketMapping = z.infer<typeof ticketMappingSchema>;

/** Reads a hotline/service-desk export mapping YAML file; a bad file fails with its path, the key and the reason. */
export function loadTicketMapping(file: string): TicketMapping {
  return readYamlFile(file, ticketMappingSchema);
}
