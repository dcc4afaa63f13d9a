import { clean, type PageMetadata } from './page-metadata.ts';

/** The language the page declares (<html lang>, Content-Language, og:locale), as a primary subtag. */
export function declaredLanguage(document: Document, metadata: PageMetadata): string | null {
  const root = document.documentElement;
  const declared = clean(root.getAttribute('lang') ?? root.getAttribute('xml:lang')) ?? metadata.meta('content-language', 'og:locale', 'dc.language');
  const primary = declared?.split(/[-_,;\s]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * A guess from the script of the text when the page declares nothing: mostly Han → zh, kana → ja,
 * hangul → ko, Cyrillic → ru, Arabic → ar, Latin → en. Collectors need only enough to route
 * the text to the right scorer; the scorer refines it.
 */
export function languageOfText(text: string): string | null {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  const scripts: [string, number][] = [
    ['zh', count(/\p{Script=Han}/gu) * 3],
    ['ja', count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) * 3],
    ['ko', count(/\p{Script=Hangul}/gu) * 2],
    ['ru', count(/\p{Script=Cyrillic}/gu)],
    ['ar', count(/\p{Script=Arabic}/gu)],
    ['en', count(/\p{Script=Latin}/gu)],
  ];
  const [lang, weight] = scripts.sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (weight === 0) return null;
  // Japanese text mixes kanji with kana: any real share of kana makes it Japanese.
  if (lang === 'zh' && (scripts.find(([l]) => l === 'ja')?.[1] ?? 0) * 5 >= weight) return 'ja';
  return lang;
}
