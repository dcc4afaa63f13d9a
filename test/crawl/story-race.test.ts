import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeInStory } from '../../collectors/mentions/crawl/assign-story.ts';
import { simhash } from '../../collectors/mentions/crawl/simhash.ts';
import { sha256 } from '../../collectors/shared/hash.ts';
import { createDb, type Db } from '../../warehouse/database.ts';
import { ensureCommunity } from '../../warehouse/writers/communities.ts';
import { ensureSource } from '../../warehouse/writers/sources.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { storyA } from './fixture-site.ts';

const now = new Date('2026-03-04T00:00:00Z');
const options = { since: new Date(now.getTime() - 7 * 86_400_000), maxDistance: 3, pending: [] };
const ROUNDS = 10;

/** A repost of story A on one site, with that site's small edit. */
function repost(communityId: string, site: number) {
  const text = `（来源：站点${site}）${site % 2 ? storyA : storyA.replace('非常方便', '特别方便')}`;
  const url = `https://site${site}.example.cn/${communityId}.html`;
  return {
    community_id: communityId,
    source_id: `${communityId}-site${site}`,
    url,
    url_hash: sha256(url),
    content_hash: sha256(text),
    title: '居留许可续签预约加急',
    text,
    author: null,
    published_at: now,
    collected_at: now,
    lang: 'zh',
    reach: 1,
    simhash: simhash(text),
  };
}

// Only a server has real concurrency: PGlite's single connection runs one transaction at a time anyway.
describe.runIf(process.env.DATABASE_URL)('story assignment under concurrent crawls on postgres', () => {
  let database: TestDatabase;
  let other: Db;
  beforeAll(async () => {
    const postgres = drivers.find((driver) => driver.name === 'postgres');
    if (!postgres) throw new Error('DATABASE_URL is set but the postgres test driver is missing');
    database = await postgres.open();
    // A second app instance: its own pool on the same database and schema.
    other = await createDb({ url: database.url, schema: database.schema });
  });
  afterAll(async () => {
    await other.destroy();
    await database.close();
  });

  it('two near-identical mentions stored at once by two instances make one original', async () => {
    const { db } = database;
    for (let round = 0; round < ROUNDS; round++) {
      const community = `race-${round}`;
      await ensureCommunity(db, { id: community });
      for (const site of [1, 2]) await ensureSource(db, { id: `${community}-site${site}`, kind: 'mentions', community_id: community, name: `site ${site}`, location: `https://site${site}.example.cn/`, reach: 1 });

      const results = await Promise.all([storeInStory(db, repost(community, 1), options), storeInStory(other, repost(community, 2), options)]);
      expect(results.map((r) => r.inserted)).toEqual([true, true]);
      expect(results.filter((r) => r.story.is_original)).toHaveLength(1);

      const mentions = await db.selectFrom('mentions').select(['url_hash', 'story_key', 'is_original']).where('community_id', '=', community).execute();
      const originals = mentions.filter((m) => m.is_original);
      expect(originals).toHaveLength(1);
      expect(mentions.map((m) => m.story_key)).toEqual([originals[0]?.url_hash, originals[0]?.url_hash]);
    }
  });
});
