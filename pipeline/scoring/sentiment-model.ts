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
  private readonly weightScale: number;

  constructor(file: SentimentModelFile) {
    if (file.format !== 'talentpulse-sentiment/1' || file.hashBits !== HASH_BITS) {
      throw new Error(`sentiment model ${file.lang}: expected format talentpulse-sentiment/1 with ${HASH_BITS} hash bits, got ${file.format} with ${file.hashBits}`);
    }
    this.lang = file.lang;
    this.version = file.version;
    this.bias = file.bias;
    this.neutralMargin = file.neutralMargin;
    this.weightScale = file.weightScale;
    const bucketBytes = Buffer.from(file.buckets, 'base64');
    const weightBytes = Buffer.from(file.weights, 'base64');
    const buckets = new Uint32Array(bucketBytes.buffer.slice(bucketBytes.byteOffset, bucketBytes.byteOffset + bucketBytes.byteLength));
    const weights = new Int16Array(weightBytes.buffer.slice(weightBytes.byteOffset, weightBytes.byteOffset + weightBytes.byteLength));
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
