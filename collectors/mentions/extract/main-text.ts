import { Readability } from '@mozilla/readability';
import { blockText } from './block-text.ts';

export interface MainText {
  text: string;
  /** Readability's byline (found in the page or its metadata), a hint for the author. */
  byline: string | null;
  /** Readability's JSON-LD-aware headline, a hint for the title. */
  title: string | null;
}

/**
 * The article body by Readability (Firefox Reader View's algorithm): it scores blocks by text
 * density and drops navigation, comments, share bars and related-article lists. Mutates `document`.
 */
export function readabilityText(document: Document): MainText {
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  if (!article?.content) return { text: '', byline: null, title: null };
  return { text: blockText(article.content), byline: article.byline ?? null, title: article.title ?? null };
}
