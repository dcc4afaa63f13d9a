import { describe, expect, it } from 'vitest';
import { createFeatures } from '../../pipeline/scoring/sentiment-features.ts';
import { BucketIndex, HASH_BITS, PairedModel, SentimentModel, encodeModel } from '../../pipeline/scoring/sentiment-model.ts';

// A small deterministic generator, so the test sees the same buckets every run.
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

describe('BucketIndex', () => {
  it('numbers the kept buckets in ascending order and finds no other', () => {
    const next = generator(11);
    const kept = new Set<number>([0, 1, 31, 32, 63, 64, (1 << HASH_BITS) - 1]);
    while (kept.size < 5000) kept.add(next() >>> (32 - HASH_BITS));
    const sorted = [...kept].sort((a, b) => a - b);
    const index = new BucketIndex(sorted.slice().reverse());
    expect(index.size).toBe(sorted.length);
    sorted.forEach((bucket, i) => expect(index.indexOf(bucket)).toBe(i));
    for (let n = 0; n < 5000; n += 1) {
      const bucket = next() >>> (32 - HASH_BITS);
      if (!kept.has(bucket)) expect(index.indexOf(bucket)).toBe(-1);
    }
    for (const bucket of [2, 30, 33, 62, 65, (1 << HASH_BITS) - 2]) if (!kept.has(bucket)) expect(index.indexOf(bucket)).toBe(-1);
  });
});

describe('PairedModel', () => {
  it('gives the same margins, term by term, as its two models apart', () => {
    const next = generator(23);
    const set: number[] = [];
    const weights = (count: number) => {
      const w = new Float32Array(1 << HASH_BITS);
      for (let n = 0; n < count; n += 1) {
        const bucket = next() >>> (32 - HASH_BITS);
        w[bucket] = ((next() % 2001) - 1000) / 300;
        set.push(bucket);
      }
      return w;
    };
    const meta = { lang: 'zh' as const, version: 'test', bias: 0.1, neutralMargin: 0.2 };
    // More weights than are kept, so that some features fall on pruned buckets.
    const sentimentFile = encodeModel(weights(20_000), meta, 15_000);
    const objectiveFile = encodeModel(weights(3_000), { ...meta, bias: -0.3 }, 2_000);
    const sentiment = new SentimentModel(sentimentFile);
    const objective = new SentimentModel(objectiveFile);
    const paired = new PairedModel(sentimentFile, objectiveFile);
    const f = createFeatures();
    const apart = new Float64Array(f.hash.length);
    const together = new Float64Array(f.hash.length);
    let sentimentOnly = 0;
    let objectiveToo = 0;
    for (let text = 0; text < 50; text += 1) {
      f.count = 300;
      for (let k = 0; k < f.count; k += 1) {
        // Half the features on buckets given a weight, the rest anywhere.
        const low = next() >>> HASH_BITS;
        f.hash[k] = k % 2 === 0 ? ((set[next() % set.length] ?? 0) << (32 - HASH_BITS)) | low : next() | 0;
        f.value[k] = (next() % 1000) / 1000;
        if (objective.weightOf(f.hash[k] ?? 0) !== 0) objectiveToo += 1;
        else if (sentiment.weightOf(f.hash[k] ?? 0) !== 0) sentimentOnly += 1;
      }
      const z = sentiment.margin(f, apart);
      expect(paired.margins(f, together)).toBe(z);
      expect(paired.objectiveMargin).toBe(objective.sum(f));
      expect(Array.from(together.subarray(0, f.count))).toEqual(Array.from(apart.subarray(0, f.count)));
    }
    expect(sentimentOnly).toBeGreaterThan(1000);
    expect(objectiveToo).toBeGreaterThan(100);
  });
});
