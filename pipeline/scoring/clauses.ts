import type { Clause } from '../../config/clauses.ts';
import { createKeywordMatcher } from './clause-keywords.ts';

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

/** Drops every matched clause that is an ancestor of another match: 8.1.2 makes 8.1 and 8 redundant. */
export function mostSpecific(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  return unique
    .filter((id) => !unique.some((other) => other !== id && other.startsWith(`${id}.`)))
    .sort(compareClauseIds);
}

/**
 * Builds a multi-label keyword tagger over the catalogue, compiled once. The tagger returns the
 * most specific matching clause ids, unique and in clause order; Chinese keywords match as
 * substrings (Chinese has no spaces), English keywords as whole words, both ignoring case.
 */
export function createClauseTagger(clauses: readonly Clause[]): (text: string) => string[] {
  const match = createKeywordMatcher(clauses);
  return (text) => mostSpecific(match(text).map((hit) => hit.clause));
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
