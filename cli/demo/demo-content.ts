import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { configDir } from '../../config/paths.ts';
import { validate } from '../../config/yaml-file.ts';

const demoContentSchema = z.object({
  feeds: z.record(
    z.string(),
    z.object({ title: z.string(), title_en: z.string().optional(), format: z.enum(['rss', 'atom']), reach: z.number().positive() }),
  ),
  items: z.array(
    z.object({ feed: z.string(), id: z.string(), minutes_ago: z.number().int().nonnegative(), title: z.string(), text: z.string() }),
  ),
});

export type DemoContent = z.infer<typeof demoContentSchema>;

export const demoDir = resolve(configDir, 'demo');

export function loadDemoContent(file = resolve(demoDir, 'mentions.yaml')): DemoContent {
  return validate(file, demoContentSchema, parse(readFileSync(file, 'utf8')));
}
