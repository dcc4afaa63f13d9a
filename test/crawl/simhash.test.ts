import { describe, expect, it } from 'vitest';
import { closestStory, hammingDistance, simhash } from '../../collectors/mentions/crawl/simhash.ts';
import { parseListedDate } from '../../collectors/mentions/crawl/list-page.ts';
import { storyA } from './fixture-site.ts';

const english =
  'Foreign residents of the Lixia International Talent Community can now reach an English-speaking operator on the 12345 hotline from 8 am to 8 pm, seven days a week. ' +
  'The service covers questions about residence permits, work permits, social insurance and schooling, and operators can transfer calls to Korean and Japanese interpreters. ' +
  'Community officials said the line answered more than three hundred calls in its first month, and most callers had their questions resolved during the first call.';

describe('simhash', () => {
  it('puts small edits of a Chinese article within 3 bits and unrelated text far away', () => {
    const original = simhash(storyA) as string;
    expect(original).toMatch(/^[0-9a-f]{16}$/);
    for (const edit of [`来源：济南日报\n${storyA}`, `${storyA}\n（责任编辑：王芳）`, storyA.replace('德国', '法国').replace('马克', '皮埃尔'), storyA.replace('一百二十多名', '120多名')]) {
      expect(hammingDistance(original, simhash(edit) as string)).toBeLessThanOrEqual(3);
    }
    expect(hammingDistance(original, simhash(english) as string)).toBeGreaterThan(10);
  });

  it('ignores punctuation, spacing and letter case, and does the same for English', () => {
    expect(simhash(english.toUpperCase().replace(/,/g, ' '))).toBe(simhash(english));
    expect(hammingDistance(simhash(english) as string, simhash(english.replace('seven days a week', 'every day')) as string)).toBeLessThanOrEqual(3);
  });

  it('gives no fingerprint to texts too short to have one', () => {
    expect(simhash('居留许可太慢')).toBeNull();
  });

  it('counts differing bits and picks the nearest candidate within the distance', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    const candidates = [
      { url: 'a', url_hash: 'ha', story_key: 'ha', simhash: '000000000000000f' },
      { url: 'b', url_hash: 'hb', story_key: 'ha', simhash: '0000000000000001' },
    ];
    expect(closestStory('0000000000000000', candidates, 3)).toMatchObject({ url: 'b', distance: 1 });
    expect(closestStory('ffff000000000000', candidates, 3)).toBeUndefined();
  });
});

describe('dates on list pages', () => {
  it('reads the usual Chinese and numeric forms in the site zone', () => {
    expect(parseListedDate('2026年3月2日', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(parseListedDate('发布时间：2026/02/27 10:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-02-27T02:30:00.000Z');
    expect(parseListedDate('2026-03-01T08:00:00Z', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parseListedDate('yesterday', 'Asia/Shanghai')).toBeNull();
  });
});
