import type { Db } from '../../warehouse/database.ts';
import type { NewMention } from '../../warehouse/schema.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { insertMentions } from '../../warehouse/writers/mentions.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { decodeBody } from '../http/charset.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { sha256 } from '../shared/hash.ts';
import type { ImportSummary } from '../shared/import-summary.ts';
import { pseudonymise, redactPersonalData } from '../shared/privacy.ts';
import { startRun } from '../shared/run-recorder.ts';
import { canonicalUrl } from './canonical-url.ts';
import { guessLanguage, readFeedEntries } from './feed-items.ts';

export interface FeedSourceRef {
  id: string;
  community: string;
  url: string;
  reach: number;
  name?: string | undefined;
}

export interface FeedCollection {
  source: FeedSourceRef;
  fetcher: Fetcher;
  /** With a key, item authors are stored pseudonymised; without one they are not stored at all. */
  pseudonymKey?: string | undefined;
  now?: Date;
}

/**
 * Fetches one RSS/Atom feed and stores its items as mentions, keyed by canonical URL so a
 * re-crawl adds only new items. A feed that cannot be fetched or parsed is recorded as a failed
 * run naming the URL and the cause; the summary is returned, never thrown.
 */
export async function collectFeed(db: Db, { source, fetcher, pseudonymKey, now = new Date() }: FeedCollection): Promise<ImportSummary> {
  await ensureCommunity(db, { id: source.community });
  await ensureSource(db, { id: source.id, kind: 'mentions', community_id: source.community, name: source.name ?? source.url, location: source.url, reach: source.reach });
  const run = await startRun(db, source.id);

  let entries: ReturnType<typeof readFeedEntries>;
  let finalUrl: string;
  try {
    const response = await fetcher.fetch(source.url);
    finalUrl = response.url;
    entries = readFeedEntries(decodeBody(response.body, response.headers['content-type']).text, source.url);
  } catch (error) {
    // FetchError and FeedParseError messages already start with the URL.
    const message = (error as Error).message;
    return run.finish(message.includes(source.url) ? message : `${source.url}: ${message}`);
  }

  const mentions: NewMention[] = [];
  for (const [index, entry] of entries.entries()) {
    run.stats.read++;
    const url = entry.link ? canonicalUrl(entry.link, finalUrl) : undefined;
    if (!url) {
      await run.reject({ location: source.url, row: index + 1, field: 'link', value: entry.link, reason: 'item has no http(s) link' });
      continue;
    }
    const title = redactPersonalData(entry.title);
    const text = redactPersonalData(entry.text);
    mentions.push({
      community_id: source.community,
      source_id: source.id,
      url,
      url_hash: sha256(url),
      content_hash: sha256(`${title}\n${text}`),
      title,
      text,
      author: entry.author && pseudonymKey ? pseudonymise(pseudonymKey, entry.author) : null,
      published_at: entry.published ?? now,
      collected_at: now,
      lang: guessLanguage(`${title} ${text}`),
      reach: source.reach,
    });
  }
  try {
    for (let start = 0; start < mentions.length; start += 200) {
      for (const isNew of await insertMentions(db, mentions.slice(start, start + 200))) run.stats[isNew ? 'new' : 'duplicate']++;
    }
  } catch (error) {
    // Not an expected outcome (the warehouse failed): leave a failed run behind and let the caller see it.
    await run.finish(`${source.url}: ${(error as Error).message}`);
    throw error;
  }
  return run.finish();
}
