import type { Clause } from '../../config/clauses.ts';

/** Compares clause numbers part by part, so 8.1.2 comes before 8.1.10 and 9 before 10. */
export function compareClauseIds(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One English keyword as a pattern: whole words only (so "bus" misses "business"), any case,
 * spaces or hyphens between its words, and an optional plural ("visas", "residence permits").
 */
function englishPattern(keyword: string): string {
  const words = keyword.trim().split(/[\s-]+/).map(escapeRegExp);
  return `${words.join('[\\s-]+')}(?:s|es)?`;
}

interface CompiledClause {
  id: string;
  zh: readonly string[];
  en: RegExp | null;
}

function compile(clause: Clause): CompiledClause {
  const en = clause.keywords_en.filter((keyword) => keyword.trim() !== '');
  return {
    id: clause.id,
    zh: clause.keywords_zh.filter((keyword) => keyword !== '').map((keyword) => keyword.toLowerCase()),
    // Letters and digits on either side mean the keyword is part of a longer word.
    en: en.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${en.map(englishPattern).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
  };
}

/** Drops every matched clause that is an ancestor of another match: 8.1.2 makes 8.1 and 8 redundant. */
function mostSpecific(ids: ReadonlySet<string>): string[] {
  return [...ids]
    .filter((id) => ![...ids].some((other) => other !== id && other.startsWith(`${id}.`)))
    .sort(compareClauseIds);
}

/**
 * Builds a multi-label keyword tagger over the catalogue, compiled once. The tagger returns the
 * most specific matching clause ids, unique and in clause order; Chinese keywords match as
 * substrings (Chinese has no spaces), English keywords as whole words, both ignoring case.
 */
export function createClauseTagger(clauses: readonly Clause[]): (text: string) => string[] {
  const compiled = clauses.map(compile);
  return (text) => {
    const lower = text.toLowerCase();
    const matched = new Set<string>();
    for (const clause of compiled) {
      if (clause.zh.some((keyword) => lower.includes(keyword)) || clause.en?.test(text)) matched.add(clause.id);
    }
    return mostSpecific(matched);
  };
}

const taggers = new WeakMap<readonly Clause[], (text: string) => string[]>();

/** Tags one text; the tagger for a catalogue is compiled on first use and reused for the same array. */
export function tagClauses(text: string, clauses: readonly Clause[]): string[] {
  let tagger = taggers.get(clauses);
  if (!tagger) {
    tagger = createClauseTagger(clauses);
    taggers.set(clauses, tagger);
  }
  return tagger(text);
}
