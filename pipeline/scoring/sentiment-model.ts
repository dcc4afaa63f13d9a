/**
 * The compact form of a trained sentiment model: the retained hash buckets with 16-bit weights,
 * base64 in a small JSON file, and a bucket index built from it once at load.
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

/** The number of set bits of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Which of the 2^HASH_BITS buckets a model keeps, and where each kept one's weight lies in a
 * dense array in bucket order: a bitmap of the buckets, with the number of kept buckets before
 * every 32 of them beside each 32-bit word of it (slot w: that count at 2w, the word at 2w + 1).
 * A look-up reads one pair and, for a kept bucket, one weight. The whole index is 1 MB and the
 * weights 4 bytes per bucket, where a hash table at most half full took 8 MB for the Chinese
 * model: scoring is bound by these reads' cache misses (most features are found), and a working
 * set that fits the core's cache misses far less often.
 */
export class BucketIndex {
  /** Number of buckets kept. */
  readonly size: number;
  readonly words: Int32Array;

  constructor(buckets: Iterable<number>) {
    const words = new Int32Array((1 << HASH_BITS) >>> 4);
    for (const bucket of buckets) words[((bucket >>> 5) << 1) + 1] = (words[((bucket >>> 5) << 1) + 1] ?? 0) | (1 << (bucket & 31));
    let count = 0;
    for (let w = 0; w < words.length; w += 2) {
      words[w] = count;
      count += popcount(words[w + 1] ?? 0);
    }
    this.words = words;
    this.size = count;
  }

  /** Position of `bucket` among the kept buckets in ascending order, -1 when it is not kept. */
  indexOf(bucket: number): number {
    const at = (bucket >>> 5) << 1;
    const word = this.words[at + 1] ?? 0;
    const bit = 1 << (bucket & 31);
    return (word & bit) === 0 ? -1 : (this.words[at] ?? 0) + popcount(word & (bit - 1));
  }
}

export class SentimentModel {
  readonly lang: 'zh' | 'en';
  readonly version: string;
  readonly bias: number;
  readonly neutralMargin: number;
  readonly features: number;
  private readonly index: BucketIndex;
  /** Weights of the kept buckets in bucket order (as BucketIndex numbers them). */
  private readonly weights: Int16Array;
  readonly weightScale: number;

  constructor(file: SentimentModelFile) {
    this.lang = file.lang;
    this.version = file.version;
    this.bias = file.bias;
    this.neutralMargin = file.neutralMargin;
    this.weightScale = file.weightScale;
    const { buckets, weights } = decode(file);
    this.features = buckets.length;
    this.index = new BucketIndex(buckets);
    this.weights = new Int16Array(this.index.size);
    buckets.forEach((bucket, i) => {
      this.weights[this.index.indexOf(bucket)] = weights[i] ?? 0;
    });
  }

  weightOf(hash: number): number {
    const i = this.index.indexOf(bucketOf(hash));
    return i < 0 ? 0 : (this.weights[i] ?? 0) * this.weightScale;
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
 * A sentiment model and its objectivity model over one index: each kept bucket (of either model)
 * has both of its 16-bit weights in one 32-bit word, so one look-up per feature reads both. The
 * sums are the same, term by term and in the same order, as SentimentModel's.
 */
export class PairedModel {
  readonly sentiment: SentimentModel;
  readonly objective: SentimentModel;
  /** The objectivity margin of the features last passed to margins(). */
  objectiveMargin = 0;
  private readonly words: Int32Array;
  /** Sentiment weight << 16 | objectivity weight, per bucket kept by either model, in bucket order. */
  private readonly packed: Int32Array;
  /** Sentiment and objectivity weight scales, then their biases. */
  private readonly scales: Float64Array;

  constructor(sentimentFile: SentimentModelFile, objectiveFile: SentimentModelFile) {
    this.sentiment = new SentimentModel(sentimentFile);
    this.objective = new SentimentModel(objectiveFile);
    // In a typed array: with the scales and biases read from the SentimentModel fields, V8 ran margins() a third slower.
    this.scales = Float64Array.of(this.sentiment.weightScale, this.objective.weightScale, this.sentiment.bias, this.objective.bias);
    const a = decode(sentimentFile);
    const b = decode(objectiveFile);
    const index = new BucketIndex([...a.buckets, ...b.buckets]);
    this.words = index.words;
    this.packed = new Int32Array(index.size);
    a.buckets.forEach((bucket, i) => {
      const at = index.indexOf(bucket);
      this.packed[at] = (this.packed[at] ?? 0) | ((a.weights[i] ?? 0) << 16);
    });
    b.buckets.forEach((bucket, i) => {
      const at = index.indexOf(bucket);
      this.packed[at] = (this.packed[at] ?? 0) | ((b.weights[i] ?? 0) & 0xffff);
    });
  }

  /** Sentiment margin (contributions filled per feature, as SentimentModel.margin); objectivity margin in objectiveMargin. */
  margins(f: Features, contributions: Float64Array): number {
    // BucketIndex.indexOf written out: this loop is most of the cost of scoring a Chinese text.
    const words = this.words;
    const packed = this.packed;
    const scales = this.scales;
    const sentimentScale = scales[0] ?? 0;
    const objectiveScale = scales[1] ?? 0;
    let z = scales[2] ?? 0;
    let o = scales[3] ?? 0;
    for (let k = 0; k < f.count; k += 1) {
      const bucket = bucketOf(f.hash[k] ?? 0);
      const value = f.value[k] ?? 0;
      const at = (bucket >>> 5) << 1;
      const word = words[at + 1] ?? 0;
      const bit = 1 << (bucket & 31);
      const weights = (word & bit) === 0 ? 0 : (packed[(words[at] ?? 0) + popcount(word & (bit - 1))] ?? 0);
      const c = (weights >> 16) * sentimentScale * value;
      contributions[k] = c;
      z += c;
      o += ((weights << 16) >> 16) * objectiveScale * value;
    }
    this.objectiveMargin = o;
    return z;
  }
}
