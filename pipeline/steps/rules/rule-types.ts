import type { Config } from '../../../config/schema.ts';
import type { Db } from '../../../warehouse/database.ts';
import type { AlertGrade } from '../../scoring/spike.ts';

export interface RuleContext {
  db: Db;
  config: Pick<Config, 'alerts' | 'timezone' | 'satisfaction' | 'working_time'>;
  communityId: string;
  now: Date;
  /** The scorer version whose scores the rules read. */
  version: string;
}

/** What a rule found: everything an alert needs except its final grade, which grading decides. */
export interface AlertCandidate {
  rule: string;
  /** Identifies what the alert is about, so a re-run raises nothing twice. */
  dedupe_key: string;
  /** The grade from the size of the deviation alone. */
  base_grade: AlertGrade;
  title: string;
  drivers: Record<string, unknown>;
  reach: number;
  clause_ids: string[];
  source_ids: string[];
}

export type AlertRule = (ctx: RuleContext) => Promise<AlertCandidate[]>;

/** Top terms across the driving records, most frequent first. */
export function topTerms(termLists: readonly string[][], limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const terms of termLists) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([term]) => term);
}

export const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The mentions as comms staff see them in an alert: title, link, source, score. */
export function mentionDrivers(mentions: ReadonlyArray<{ id: number; title: string; url: string; source_id: string; score: number; reach: number }>) {
  return mentions.map((m) => ({ id: m.id, title: m.title, url: m.url, source: m.source_id, score: m.score, reach: m.reach }));
}
