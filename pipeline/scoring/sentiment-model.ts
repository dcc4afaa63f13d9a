/**
 * The compact form of a trained sentiment model: the retained hash buckets with 16-bit weights,
 * base64 in a small JSON file, and a lookup table built from it once at load.
 */
import type { Features } from './sentiment-features.ts';

export const HASH_BITS = 22;
export const bucketOf = (hash: number) => hash >>> (32 - HASH_BITS);

export interface SentimentModelFile {
  format: 'talentpulse-sentiment/1';
  lang: 'zh' | 'en';
  version: string;
  hashBits: number;
  bias: number;
  /** |margin| below this is weak evidence: neutral. Tuned on validation. */
  neutralMargin: number;
  weightScale: number;
  features: number;
  /** Sorted Uint32 bucket numbers, little-endian, base64. */
  buckets: string;
  /** Int16 weights in bucket order (times weightScale), little-endian, base64. */
  weights: string;
}

/** Keeps the `maxFeatures` strongest weights and quantises them to 16 bits. */
export function encodeModel(w: Float32Array, meta: Omit<SentimentModelFile, 'format' | 'hashBits' | 'weightScale' | 'features' | 'buckets' | 'weights'>, maxFeatures: number): SentimentModelFile {
  const nonZero: number[] = [];
  for (let b = 0; b < w.length; b += 1) if (w[b] !== 0) nonZero.push(b);
  nonZero.sort((a, b) => Math.abs(w[b] ?? 0) - Math.abs(w[a] ?? 0) || a - b);
  const kept = nonZero.slice(0, maxFeatures).sort((a, b) => a - b);
  const max = kept.reduce((m, b) => Math.max(m, Math.abs(w[b] ?? 0)), 0) || 1;
  const weightScale = max / 32767;
  const buckets = Uint32Array.from(kept);
  const weights = Int16Array.from(kept, (b) => Math.round((w[b] ?? 0) / weightScale));
  return {
    format: 'talentpulse-sentiment/1', ...meta, hashBits: HASH_BITS, weightScale, features: kept.length,
    buckets: Buffer.from(buckets.buffer).toString('base64'), weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

function decode(file: SentimentModelFile): { buckets: Uint32Array; weights: Int16Array } {
  if (file.format !== 'talentpulse-sentiment/1' || file.hashBits !== HASH_BITS) {
    throw new Error(`sentiment model ${file.lang}: expected format talentpulse-sentiment/1 with ${HASH_BITS} hash bits, got ${file.format} with ${file.hashBits}`);
  }
  const bucketBytes = Buffer.from(file.buckets, 'base64');
  const weightBytes = Buffer.from(file.weights, 'base64');
  return {
    buckets: new Uint32Array(bucketBytes.buffer.slice(bucketBytes.byteOffset, bucketBytes.byteOffset + bucketBytes.byteLength)),
    weights: new Int16Array(weightBytes.buffer.slice(weightBytes.byteOffset, weightBytes.byteOffset + weightBytes.byteLength)),
  };
}

export class SentimentModel {
  readonly lang: 'zh' | 'en';
  readonly version: string;
  readonly bias: number;
  readonly neutralMargin: number;
  readonly features: number;
  // Open addressing, linear probing, key and 16-bit weight side by side so one probe touches one
  // cache line: slot s holds key bucket + 1 (0 marks an empty slot) at 2s and the weight at 2s + 1.
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly weightScale: number;

  constructor(file: SentimentModelFile) {
    this.lang = file.lang;
    this.version = file.version;
    this.bias = file.bias;
    this.neutralMargin = file.neutralMargin;
    this.weightScale = file.weightScale;
    const { buckets, weights } = decode(file);
    this.features = buckets.length;
    let size = 1;
    while (size < buckets.length * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    buckets.forEach((bucket, i) => {
      let slot = Math.imul(bucket, 0x9e3779b1) & this.mask;
      while (this.table[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = bucket + 1;
      this.table[slot * 2 + 1] = weights[i] ?? 0;
    });
  }

  weightOf(hash: number): number {
    const bucket = bucketOf(hash);
    const table = this.table;
    let slot = Math.imul(bucket, 0x9e3779b1) & this.mask;
    for (;;) {
      const found = table[slot * 2];
      if (found === bucket + 1) return (table[slot * 2 + 1] ?? 0) * this.weightScale;
      if (found === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Margin without the per-feature contributions. */
  sum(f: Features): number {
    let z = this.bias;
    for (let k = 0; k < f.count; k += 1) z += this.weightOf(f.hash[k] ?? 0) * (f.value[k] ?? 0);
    return z;
  }

  /** Margin (log-odds of positive) of extracted features; fills `contributions` per feature. */
  margin(f: Features, contributions: Float64Array): number {
    let z = this.bias;
    for (let k = 0; k < f.count; k += 1) {
      const c = this.weightOf(f.hash[k] ?? 0) * (f.value[k] ?? 0);
      contributions[k] = c;
      z += c;
    }
    return z;
  }
}

/**
 * A sentiment model and its objectivity model in one table: each slot holds a bucket and both of
 * its 16-bit weights, so one probe per feature (one cache miss, the cost that dominates scoring)
 * reads both. The sums are the same, term by term and in the same order, as SentimentModel's.
 */
export class PairedModel {
  readonly sentiment: SentimentModel;
  readonly objective: SentimentModel;
  /** The objectivity margin of the features last passed to margins(). */
  objectiveMargin = 0;
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(sentimentFile: SentimentModelFile, objectiveFile: SentimentModelFile) {
    this.sentiment = new SentimentModel(sentimentFile);
    this.objective = new SentimentModel(objectiveFile);
    const a = decode(sentimentFile);
    const b = decode(objectiveFile);
    // At most half full, as SentimentModel's table, counting the buckets both models share once:
    // most n-grams of a text are in neither model, and a miss probes until an empty slot.
    const distinct = new Set([...a.buckets, ...b.buckets]).size;
    let size = 1;
    while (size < distinct * 2) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    // Slot s: bucket + 1 at 2s (0 marks an empty slot), sentiment weight << 16 | objectivity weight at 2s + 1.
    const put = (bucket: number, weight: number, shift: 16 | 0) => {
      let slot = Math.imul(bucket, 0x9e3779b1) & this.mask;
      while (this.table[slot * 2] !== 0 && this.table[slot * 2] !== bucket + 1) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = bucket + 1;
      this.table[slot * 2 + 1] = (this.table[slot * 2 + 1] ?? 0) | (shift === 16 ? weight << 16 : weight & 0xffff);
    };
    a.buckets.forEach((bucket, i) => put(bucket, a.weights[i] ?? 0, 16));
    b.buckets.forEach((bucket, i) => put(bucket, b.weights[i] ?? 0, 0));
  }

  /** Sentiment margin (contributions filled per feature, as SentimentModel.margin); objectivity margin in objectiveMargin. */
  margins(f: Features, contributions: Float64Array): number {
    const table = this.table;
    const mask = this.mask;
    const sentimentScale = this.sentiment.weightScale;
    const objectiveScale = this.objective.weightScale;
    let z = this.sentiment.bias;
    let o = this.objective.bias;
    for (let k = 0; k < f.count; k += 1) {
      const bucket = bucketOf(f.hash[k] ?? 0);
      const value = f.value[k] ?? 0;
      let packed = 0;
      for (let slot = Math.imul(bucket, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
        const found = table[slot * 2] ?? 0;
        if (found === bucket + 1) {
          packed = table[slot * 2 + 1] ?? 0;
          break;
        }
        if (found === 0) break;
      }
      const c = (packed >> 16) * sentimentScale * value;
      contributions[k] = c;
      z += c;
      o += ((packed << 16) >> 16) * objectiveScale * value;
    }
    this.objectiveMargin = o;
    return z;
  }
}
