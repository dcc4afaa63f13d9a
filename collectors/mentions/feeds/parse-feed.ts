import { isJsonFeed, mapJsonFeed } from './json-feed.ts';
import { FeedParseError, type ParsedFeed, type ParseFeedOptions } from './types.ts';
import { xmlProblems } from './well-formedness.ts';
import { repairXml } from './xml-repair.ts';
import { parseXml } from './xml-feed.ts';

/**
 * Parses RSS 0.9x/1.0 (RDF)/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 text. A feed with problems
 * the parser recovered from still yields its items, with the problems in `warnings`; text that is
 * no feed at all throws FeedParseError naming `options.url`.
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): ParsedFeed {
  const name = options.url ?? '(feed text)';
  const body = text.replace(/^\uFEFF/, '');
  const warnings: string[] = [];
  if (/^\s*[[{]/.test(body)) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new FeedParseError(name, `invalid JSON: ${(error as Error).message}`);
    }
    if (!isJsonFeed(json)) throw new FeedParseError(name, 'JSON without a jsonfeed.org "version"');
    return { ...mapJsonFeed(json, options.url, warnings), warnings };
  }
  if (!/^\s*</.test(body)) throw new FeedParseError(name, 'neither XML nor JSON');

  let parsed: Omit<ParsedFeed, 'warnings'>;
  try {
    parsed = parseXml(body, options.url, warnings);
  } catch (error) {
    // A document broken beyond the lenient parser (unclosed or truncated tags) gets one repair attempt.
    try {
      const repaired = repairXml(body);
      parsed = parseXml(repaired.xml, options.url, warnings);
      warnings.unshift(`XML repaired before parsing (${[...repaired.fixes, (error as Error).message].join('; ')})`);
    } catch {
      throw new FeedParseError(name, (error as Error).message);
    }
  }
  // Checked after a successful parse so a page that is not a feed gets one clear error, not a list of XML complaints.
  warnings.unshift(...xmlProblems(body));
  return { ...parsed, warnings };
}
