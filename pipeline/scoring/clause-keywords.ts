import type { Clause } from '../../config/clauses.ts';

/** The catalogue keywords of one clause that a text contains, as written in the catalogue. */
export interface KeywordHits {
  clause: string;
  keywords: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Latin letters and digits on either side mean an English keyword is part of a longer word or
// number ("bus" in "business", 12345 in 0531-12345678). Chinese characters are no boundary:
// "办visa要多久" is about visas.
const BEFORE = '(?<![\\p{Script=Latin}\\p{N}])';
const AFTER = '(?![\\p{Script=Latin}\\p{N}])';

/** Whole words, any case, spaces or hyphens between words, an optional plural ("visas", "residence permits"). */
function englishPattern(keyword: string): string {
  const words = keyword.trim().split(/[\s-]+/).map(escapeRegExp);
  return `${words.join('[\\s-]+')}(?:s|es)?`;
}

/** How a matched English phrase is looked up: lower case, single spaces. */
function englishKey(phrase: string): string {
  return phrase.toLowerCase().trim().split(/[\s-]+/).join(' ');
}

interface CompiledClause {
  id: string;
  /** Chinese keywords in lower case, matched as substrings (Chinese has no spaces). */
  zh: string[];
  /** Chinese-list keywords that begin or end in a Latin letter or digit (12345, WiFi, HSK): bounded there. */
  zhBounded: { keyword: string; pattern: RegExp }[];
  en: RegExp | null;
  enByKey: Map<string, string>;
}

const latinEdge = /^[\p{Script=Latin}\p{N}]|[\p{Script=Latin}\p{N}]$/u;

function compile(clause: Clause): CompiledClause {
  const zh = clause.keywords_zh.map((k) => k.trim().toLowerCase()).filter((k) => k !== '');
  const en = clause.keywords_en.map((k) => k.trim()).filter((k) => k !== '');
  return {
    id: clause.id,
    zh: zh.filter((k) => !latinEdge.test(k)),
    zhBounded: zh.filter((k) => latinEdge.test(k)).map((keyword) => ({ keyword, pattern: new RegExp(`${BEFORE}${escapeRegExp(keyword)}${AFTER}`, 'iu') })),
    en: en.length === 0 ? null : new RegExp(`${BEFORE}(?:${en.map(englishPattern).join('|')})${AFTER}`, 'giu'),
    enByKey: new Map(en.map((k) => [englishKey(k), k])),
  };
}

function englishKeyword(clause: CompiledClause, matched: string): string {
  const key = englishKey(matched);
  return clause.enByKey.get(key) ?? clause.enByKey.get(key.replace(/s$/, '')) ?? clause.enByKey.get(key.replace(/es$/, '')) ?? key;
}

const hasLatin = /[\p{Script=Latin}\p{N}]/u;

/**
 * Compiles the catalogue's keywords once; the matcher lists, per clause in catalogue order, the
 * keywords a text contains. Chinese keywords match as substrings, English ones as whole words,
 * both ignoring case.
 */
export function createKeywordMatcher(clauses: readonly Clause[]): (text: string) => KeywordHits[] {
  const compiled = clauses.map(compile);
  return (text) => {
    const lower = text.toLowerCase();
    // Texts without a Latin letter or digit cannot match an English keyword: skip the regexes.
    const latin = hasLatin.test(text);
    const hits: KeywordHits[] = [];
    for (const clause of compiled) {
      const keywords = clause.zh.filter((keyword) => lower.includes(keyword));
      if (latin) {
        for (const { keyword, pattern } of clause.zhBounded) if (pattern.test(text)) keywords.push(keyword);
        if (clause.en) for (const match of text.matchAll(clause.en)) keywords.push(englishKeyword(clause, match[0]));
      }
      if (keywords.length > 0) hits.push({ clause: clause.id, keywords: [...new Set(keywords)] });
    }
    return hits;
  };
}
