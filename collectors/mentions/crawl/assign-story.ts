import type { Db } from '../../../warehouse/database.ts';
import { findStoryCandidates } from '../../../warehouse/crawl/story-candidates.ts';
import { withStoryLock } from '../../../warehouse/crawl/story-lock.ts';
import { type CrawledMention, insertCrawledMention } from '../../../warehouse/writers/mentions.ts';
import { closestStory, type StoryCandidate } from './simhash.ts';

export interface StoryAssignment {
  story_key: string;
  is_original: boolean;
  /** The earlier mention this one is a near-duplicate of. */
  near?: { url: string; distance: number };
}

export interface StoryOptions {
  since: Date;
  maxDistance: number;
  pending: readonly StoryCandidate[];
}

/**
 * Puts a mention into the story of the nearest earlier mention of the community (within the
 * window and distance), or starts a story keyed by its own url_hash. `pending` holds mentions this
 * run has decided on but not stored (a dry run), so they group the same way a real run would.
 */
export async function assignStory(
  db: Db,
  mention: { community_id: string; url_hash: string; simhash: string | null },
  options: StoryOptions,
): Promise<StoryAssignment> {
  if (!mention.simhash) return { story_key: mention.url_hash, is_original: true };
  const stored = await findStoryCandidates(db, { communityId: mention.community_id, simhash: mention.simhash, since: options.since });
  const nearest = closestStory(mention.simhash, [...stored, ...options.pending], options.maxDistance);
  if (!nearest) return { story_key: mention.url_hash, is_original: true };
  return { story_key: nearest.story_key ?? nearest.url_hash, is_original: false, near: { url: nearest.url, distance: nearest.distance } };
}

/**
 * Assigns the mention's story and stores it under the community's story lock, so a mention
 * stored meanwhile by another crawl of the community is seen before this one is called original.
 * `inserted` is false when its canonical URL was stored meanwhile.
 */
export async function storeInStory(
  db: Db,
  mention: Omit<CrawledMention, 'story_key' | 'is_original' | 'simhash'> & { simhash: string | null },
  options: StoryOptions,
): Promise<{ story: StoryAssignment; inserted: boolean }> {
  return withStoryLock(db, mention.community_id, async (trx) => {
    const story = await assignStory(trx, mention, options);
    const inserted = await insertCrawledMention(trx, { ...mention, story_key: story.story_key, is_original: story.is_original });
    return { story, inserted };
  });
}
