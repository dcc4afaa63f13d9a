/**
 * 64-bit SimHash over character shingles, so Chinese (no spaces between words) and English are
 * treated alike: a repost with a changed sentence, an added byline or a different source line
 * lands within a few bits of the original, while unrelated texts differ in about 32. Pure.
 */

/** Three characters: short enough that a small edit disturbs few shingles, long enough to carry Chinese words. */
const SHINGLE = 3;

/** Below this many letters and digits a text has too few shingles for its hash to mean anything. */
export const MIN_SIMHASH_CHARS = 24;

/** Near-duplicate threshold: at most this many differing bits is "the same story". */
export const SAME_STORY_DISTANCE = 3;

/** Letters and digits only, folded: punctuation, spacing and full-width forms are not what a story is. */
function letters(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')];
}

/** cyrb53's two 32-bit lanes: a fast, well-mixed string hash, used here as one 64-bit value. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** The SimHash as 16 hex digits, or null when the text is too short to fingerprint. */
export function simhash(text: string): string | null {
  const chars = letters(text);
  if (chars.length < MIN_SIMHASH_CHARS) return null;
  const counts = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    const shingle = chars.slice(i, i + SHINGLE).join('');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  const weights = new Array<number>(64).fill(0);
  for (const [shingle, count] of counts) {
    const [hi, lo] = hash64(shingle);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] as number) + ((hi >>> (31 - bit)) & 1 ? count : -count);
      weights[bit + 32] = (weights[bit + 32] as number) + ((lo >>> (31 - bit)) & 1 ? count : -count);
    }
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | ((weights[nibble * 4 + bit] as number) > 0 ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many of the 64 bits differ between two SimHashes in hex. */
export function hammingDistance(a: string, b: string): number {
  const half = (hex: string, from: number) => parseInt(hex.slice(from, from + 8), 16);
  return popcount((half(a, 0) ^ half(b, 0)) >>> 0) + popcount((half(a, 8) ^ half(b, 8)) >>> 0);
}

export interface StoryCandidate {
  url: string;
  url_hash: string;
  story_key: string | null;
  simhash: string;
}

/** The nearest earlier mention within `maxDistance` bits (the first given wins a tie), if any. */
export function closestStory<C extends StoryCandidate>(hash: string, candidates: readonly C[], maxDistance = SAME_STORY_DISTANCE): (C & { distance: number }) | undefined {
  let best: (C & { distance: number }) | undefined;
  for (const candidate of candidates) {
    const distance = hammingDistance(hash, candidate.simhash);
    if (distance <= maxDistance && (best === undefined || distance < best.distance)) best = { ...candidate, distance };
  }
  return best;
}
