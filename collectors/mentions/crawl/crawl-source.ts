import type { SourceConfig } from '../../../config/schema.ts';
import type { Db } from '../../../warehouse/database.ts';
import { mentionWithContent, storedUrlHashes } from '../../../warehouse/crawl/stored-urls.ts';
import { createHttpCacheStore } from '../../../warehouse/http-cache.ts';
import { sha256 } from '../../shared/hash.ts';
import { pseudonymise, redactPersonalData } from '../../shared/privacy.ts';
import { languageOfText } from '../extract/language.ts';
import { assignStory, storeInStory } from './assign-story.ts';
import { type CrawlReport, emptyCrawlStats, type ItemDecision } from './crawl-report.ts';
import { openCrawlRun } from './crawl-run.ts';
import { type Candidate, discover, SourceUnavailableError } from './discover.ts';
import { compileKeywordFilter } from './keyword-rules.ts';
import { type ArticlePage, type CrawlPorts, describeFailure, withValidators } from './ports.ts';
import { simhash, type StoryCandidate } from './simhash.ts';

export interface CrawlDeps {
  ports: CrawlPorts;
  /** IANA zone for dates written without one on list pages. */
  timeZone: string;
  /** With a key, authors are stored pseudonymised; without one they are not stored at all. */
  pseudonymKey?: string | undefined;
  nearDuplicate?: { days: number; distance: number };
}

export interface CrawlOptions {
  /** Fetch, extract and decide, but write nothing: each item says what would happen and why. */
  dryRun?: boolean;
  now?: Date;
}

/**
 * Crawls one source: discover items (feed, list pages, or the page itself), skip URLs already
 * stored without fetching them, fetch and extract articles, apply keyword rules, redact, drop exact
 * duplicates, group near-duplicates into stories, store. Failures are outcomes recorded with their
 * reason; only a broken warehouse or an invalid keyword rule throws.
 */
export async function crawlSource(db: Db, source: SourceConfig, deps: CrawlDeps, options: CrawlOptions = {}): Promise<CrawlReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const rules = compileKeywordFilter(source);
  const { days, distance } = deps.nearDuplicate ?? { days: 7, distance: 3 };
  const since = new Date(now.getTime() - days * 86_400_000);
  const run = await openCrawlRun(db, source, { dryRun, now });
  const stats = emptyCrawlStats();
  const items: ItemDecision[] = [];
  const decide = async (decision: ItemDecision) => {
    items.push(decision);
    stats[decision.outcome]++;
    if (decision.outcome === 'failed') {
      stats.rejected++;
      await run.fail(decision);
    }
  };

  // Conditional GETs read and keep validators through this crawl's own handle; a dry run asks
  // unconditionally, so it shows what the source has rather than "not modified".
  const remembering = dryRun ? undefined : withValidators(deps.ports, createHttpCacheStore(db));
  const ports = remembering ?? deps.ports;
  try {
    let discovery;
    try {
      discovery = await discover(source, ports, deps.timeZone);
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      await decide({ url: error.url, title: source.name ?? source.id, outcome: error.kind, reason: error.reason });
      return await run.finish(stats, items, error.message);
    }
    stats.fetched += discovery.fetched;
    stats.read += discovery.candidates.length + discovery.linkless;
    if (discovery.notModified) await decide({ url: source.url, title: source.name ?? source.id, outcome: 'not_modified', reason: 'unchanged since the last crawl (HTTP 304)' });
    for (const decision of discovery.decisions) await decide(decision);

    const stored = await storedUrlHashes(db, source.community, discovery.candidates.filter((c) => !c.versioned).map((c) => sha256(c.url)));
    const seen = new Set<string>();
    const contentSeen = new Map<string, string>();
    const pending: StoryCandidate[] = [];
    let fetches = 0;

    for (const candidate of discovery.candidates) {
      const about = { url: candidate.url, title: candidate.hint.title };
      if (seen.has(candidate.url)) {
        await decide({ ...about, outcome: 'duplicate', reason: 'listed more than once in this run' });
        continue;
      }
      seen.add(candidate.url);
      if (stored.has(sha256(candidate.url))) {
        await decide({ ...about, outcome: 'duplicate', reason: 'URL already stored; not fetched again' });
        continue;
      }
      if (candidate.fetch && fetches >= source.max_items) {
        await decide({ ...about, outcome: 'deferred', reason: `more than max_items (${source.max_items}) pages this run` });
        continue;
      }

      let article: ArticlePage;
      try {
        if (candidate.fetch) fetches++;
        const read = await readCandidate(candidate, source, ports);
        if (read === 'not_modified') {
          await decide({ ...about, outcome: 'not_modified', reason: 'unchanged since the last crawl (HTTP 304)' });
          continue;
        }
        if (candidate.fetch) stats.fetched++;
        article = read;
      } catch (error) {
        const failure = describeFailure(error);
        await decide({ ...about, outcome: failure.kind, reason: failure.reason });
        continue;
      }
      if (!article.title && !article.text) {
        await decide({ ...about, outcome: 'failed', reason: 'no title or text could be extracted' });
        continue;
      }
      const verdict = rules.check(`${article.title}\n${article.text}`);
      if (!verdict.kept) {
        await decide({ ...about, title: article.title, outcome: 'filtered_out', reason: verdict.reason });
        continue;
      }

      const title = redactPersonalData(article.title);
      const text = redactPersonalData(article.text);
      const contentHash = sha256(`${title}\n${text}`);
      const urlHash = candidate.versioned ? sha256(`${candidate.url}\n${contentHash}`) : sha256(candidate.url);
      const sameText = contentSeen.get(contentHash) ?? (await mentionWithContent(db, source.community, contentHash))?.url;
      if (sameText) {
        await decide({ ...about, title, outcome: 'duplicate', reason: `same text as ${sameText}` });
        continue;
      }
      contentSeen.set(contentHash, candidate.url);

      const hash = simhash(text.length > 0 ? text : title);
      const mention = {
        community_id: source.community,
        source_id: source.id,
        url: candidate.url,
        url_hash: urlHash,
        content_hash: contentHash,
        title,
        text,
        author: article.author && deps.pseudonymKey ? pseudonymise(deps.pseudonymKey, article.author) : null,
        published_at: article.published_at ?? now,
        collected_at: now,
        lang: article.lang ?? languageOfText(`${title} ${text}`),
        reach: source.reach,
        simhash: hash,
      };
      const storyOptions = { since, maxDistance: distance, pending };
      // A dry run stores nothing, so it needs no story lock.
      const { story, inserted } = dryRun ? { story: await assignStory(db, mention, storyOptions), inserted: true } : await storeInStory(db, mention, storyOptions);
      if (!inserted) {
        await decide({ ...about, title, outcome: 'duplicate', reason: 'URL stored by another run meanwhile' });
        continue;
      }
      if (hash) pending.push({ url: candidate.url, url_hash: urlHash, story_key: story.story_key, simhash: hash });
      await decide({
        ...about,
        title,
        outcome: story.is_original ? 'new' : 'near_duplicate',
        reason: story.near ? `same story as ${story.near.url} (${story.near.distance} bits apart)` : 'kept: a new story',
        story_key: story.story_key,
      });
    }
    await remembering?.commit();
    return await run.finish(stats, items);
  } catch (error) {
    // Not an expected outcome (the warehouse failed): leave a failed run behind and let the caller see it.
    await run.finish(stats, items, `${source.url}: ${(error as Error).message}`).catch(() => undefined);
    throw error;
  }
}

/** The candidate's article: fetched and extracted, or the feed item's own text. */
async function readCandidate(candidate: Candidate, source: SourceConfig, ports: CrawlPorts): Promise<ArticlePage | 'not_modified'> {
  const hint = candidate.hint;
  if (!candidate.fetch) {
    return { title: hint.title ?? '', text: hint.text ?? '', author: hint.author, published_at: hint.published_at, lang: null };
  }
  const page = await ports.fetchPage(candidate.url, { conditional: candidate.versioned });
  if (page.notModified) return 'not_modified';
  const article = ports.extractArticlePage(page.text, { url: page.url, selectors: source.selectors });
  return {
    title: article.title || hint.title || '',
    // A page the extractor finds empty still has the feed's summary to say what it was about.
    text: article.text || hint.text || '',
    author: article.author ?? hint.author,
    published_at: article.published_at ?? hint.published_at,
    lang: article.lang,
  };
}
