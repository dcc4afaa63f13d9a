import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.ts';

/** Reads a YAML file and validates it, failing with the file, the key path and the reason. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, overrides: (raw: unknown) => unknown = (r) => r): z.infer<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
  return validate(file, schema, overrides(withoutExtensions(raw)));
}

/**
 * Top-level keys starting with "x-" hold YAML anchors for the rest of the file (a label set named
 * once, used by many scales) and mean nothing to us; every other key must be one the schema knows.
 */
function withoutExtensions(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('x-')));
}

export function validate<S extends z.ZodType>(where: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      return `${key}: ${issue.message}`;
    });
    throw new ConfigError(`${where}: ${problems.join('; ')}`);
  }
  return result.data;
}
